// `dondoc extend <id>`: move the due; reminders are re-armed, none already sent is repeated.
import { extendArgsSchema, extendUpdate } from '../../workflows/assignment/messages';
import { check, parse, parseDue, requirePositional } from './args';
import { UsageError, type Command } from './command';
import { withClient } from './with-client';

const help = `Gia hạn một hồ sơ.  Extend the due of an assignment.

dondoc extend <id> --due "YYYY-MM-DD HH:mm" --reason TEXT [--timezone TZ]`;

export const extendCommand: Command = {
  path: ['extend'],
  summary: 'gia hạn (extend the due)',
  help,
  async run(args) {
    const { values, positionals } = parse(args, {
      due: { type: 'string' },
      reason: { type: 'string' },
      timezone: { type: 'string', default: 'Asia/Ho_Chi_Minh' },
    });
    const id = requirePositional(positionals, 0, 'id');
    if (!values.due) throw new UsageError('thiếu --due (missing --due)');
    const extension = check(extendArgsSchema, { newDueAt: parseDue(values.due, values.timezone), reason: values.reason ?? '' }, 'extend');
    const result = await withClient(id, (client) => client.workflow.getHandle(id).executeUpdate(extendUpdate, { args: [extension] }));
    console.log(`Đã gia hạn — hạn nộp mới: ${result.dueAt}`);
    return 0;
  },
};
