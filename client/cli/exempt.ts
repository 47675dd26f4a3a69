// `dondoc exempt <assignment> --reason R`: the office exempts a unit from one assignment;
// `--request N --grant|--refuse` decides a unit's pending extension or exemption request.
import { decideRequestArgsSchema, decideRequestUpdate, exemptArgsSchema, exemptUpdate } from '../../workflows/assignment/messages';
import { check, parse, parseDue, requirePositional } from './args';
import { UsageError, type Command } from './command';
import { withClient } from './with-client';

const help = `Miễn thực hiện, hoặc xử lý đề nghị gia hạn/miễn của đơn vị.
Exempt a unit, or decide a unit's request.

dondoc exempt <hồ-sơ> --reason TEXT [--by NGƯỜI_QUYẾT_ĐỊNH]
dondoc exempt <hồ-sơ> --request N (--grant | --refuse) [--due "YYYY-MM-DD HH:mm"] [--comment TEXT]`;

export const exemptCommand: Command = {
  path: ['exempt'],
  summary: 'miễn thực hiện / xử lý đề nghị của đơn vị (exempt, decide requests)',
  help,
  async run(args) {
    const { values, positionals } = parse(args, {
      reason: { type: 'string' },
      by: { type: 'string' },
      request: { type: 'string' },
      grant: { type: 'boolean' },
      refuse: { type: 'boolean' },
      due: { type: 'string' },
      comment: { type: 'string' },
      timezone: { type: 'string', default: 'Asia/Ho_Chi_Minh' },
    });
    const id = requirePositional(positionals, 0, 'hồ-sơ');
    if (values.request !== undefined) {
      if (values.grant === values.refuse) throw new UsageError('cần đúng một trong --grant hoặc --refuse');
      const decision = check(
        decideRequestArgsSchema,
        {
          requestId: Number(values.request),
          grant: values.grant === true,
          ...(values.due ? { newDueAt: parseDue(values.due, values.timezone) } : {}),
          ...(values.comment ? { comment: values.comment } : {}),
          ...(values.by ? { decidedBy: values.by } : {}),
        },
        'exempt',
      );
      const result = await withClient(id, (client) => client.workflow.getHandle(id).executeUpdate(decideRequestUpdate, { args: [decision] }));
      console.log(`Đề nghị số ${result.id} (${result.kind === 'extension' ? 'gia hạn' : 'miễn'}): ${result.status === 'granted' ? 'đồng ý' : 'không đồng ý'}.`);
      return 0;
    }
    const exemption = check(exemptArgsSchema, { reason: values.reason ?? '', ...(values.by ? { decidedBy: values.by } : {}) }, 'exempt');
    await withClient(id, (client) => client.workflow.getHandle(id).executeUpdate(exemptUpdate, { args: [exemption] }));
    console.log('Đã miễn thực hiện cho đơn vị.');
    return 0;
  },
};
