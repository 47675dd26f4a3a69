// `dondoc submit <id>`: a unit's submission; prints the receipt number and time.
import { readFile } from 'node:fs/promises';
import { submitArgsSchema, submitUpdate } from '../../workflows/assignment/messages';
import { check, parse, requirePositional } from './args';
import { UsageError, type Command } from './command';
import { withClient } from './with-client';

const help = `Nộp báo cáo cho một hồ sơ; in ra số biên nhận.  Submit; prints the receipt.

dondoc submit <id> (--content TEXT | --content-file FILE) [--by NGƯỜI_NỘP] [--format text|json]`;

export const submitCommand: Command = {
  path: ['submit'],
  summary: 'nộp báo cáo (submit)',
  help,
  async run(args) {
    const { values, positionals } = parse(args, {
      content: { type: 'string' },
      'content-file': { type: 'string' },
      by: { type: 'string' },
      format: { type: 'string', default: 'text' },
    });
    const id = requirePositional(positionals, 0, 'id');
    let content = values.content;
    if (values['content-file']) {
      try {
        content = await readFile(values['content-file'], 'utf8');
      } catch (err) {
        throw new UsageError(`--content-file ${values['content-file']}: ${(err as Error).message}`);
      }
    }
    if (content === undefined) throw new UsageError('thiếu --content hoặc --content-file (missing content)');
    const submission = check(submitArgsSchema, { content, ...(values.by ? { submittedBy: values.by } : {}) }, 'submit');
    const receipt = await withClient(id, (client) => client.workflow.getHandle(id).executeUpdate(submitUpdate, { args: [submission] }));
    if (values.format === 'json') console.log(JSON.stringify(receipt));
    else console.log(`Số biên nhận: ${receipt.receiptNumber}\nThời điểm nhận: ${receipt.receivedAt}${receipt.late ? '\n(Nộp sau hạn)' : ''}`);
    return 0;
  },
};
