// `dondoc review <id> accept|return`: the office's decision on the latest submission.
import { reviewArgsSchema, reviewUpdate } from '../../workflows/assignment/messages';
import { statusLabels } from '../labels';
import { check, parse, parseDue, requirePositional } from './args';
import { UsageError, type Command } from './command';
import { withClient } from './with-client';

const help = `Duyệt báo cáo: chấp nhận hoặc trả lại kèm ý kiến.  Review the latest submission.

dondoc review <id> accept [--comment TEXT] [--by NGƯỜI_DUYỆT]
dondoc review <id> return --comment TEXT [--due "YYYY-MM-DD HH:mm"] [--by NGƯỜI_DUYỆT]
  --due  hạn nộp lại; mặc định theo số ngày làm việc của hồ sơ (default: resubmission window)`;

export const reviewCommand: Command = {
  path: ['review'],
  summary: 'duyệt báo cáo: chấp nhận / trả lại (review)',
  help,
  async run(args) {
    const { values, positionals } = parse(args, {
      comment: { type: 'string' },
      due: { type: 'string' },
      by: { type: 'string' },
      timezone: { type: 'string', default: 'Asia/Ho_Chi_Minh' },
    });
    const id = requirePositional(positionals, 0, 'id');
    const decision = requirePositional(positionals, 1, 'accept|return');
    if (decision !== 'accept' && decision !== 'return') throw new UsageError(`"${decision}": cần accept hoặc return`);
    const review = check(
      reviewArgsSchema,
      {
        decision,
        ...(values.comment !== undefined ? { comment: values.comment } : {}),
        ...(values.by !== undefined ? { reviewer: values.by } : {}),
        ...(values.due !== undefined ? { newDueAt: parseDue(values.due, values.timezone) } : {}),
      },
      'review',
    );
    const result = await withClient(id, (client) => client.workflow.getHandle(id).executeUpdate(reviewUpdate, { args: [review] }));
    console.log(`${statusLabels.vi[result.status]} — hạn nộp: ${result.dueAt}`);
    return 0;
  },
};
