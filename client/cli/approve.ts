// `dondoc approve <occurrence>`: the chair (or the office) approves a consolidated report,
// or returns it to the office with a comment.
import { approveArgsSchema, approveUpdate } from '../../workflows/report-cycle/messages';
import { check, parse, requirePositional } from './args';
import type { Command } from './command';
import { withClient } from './with-client';

const help = `Duyệt báo cáo tổng hợp của một kỳ.  Approve a consolidated report.

dondoc approve <kỳ> [--by NGƯỜI_DUYỆT]
dondoc approve <kỳ> --return --comment TEXT [--by NGƯỜI_DUYỆT]
  <kỳ>: mã kỳ, ví dụ vstbpn-thanh-hoa-2026/bao-cao-nam/2026`;

export const approveCommand: Command = {
  path: ['approve'],
  summary: 'duyệt báo cáo tổng hợp (approve a consolidated report)',
  help,
  async run(args) {
    const { values, positionals } = parse(args, { return: { type: 'boolean' }, comment: { type: 'string' }, by: { type: 'string' } });
    const id = requirePositional(positionals, 0, 'kỳ');
    const approval = check(
      approveArgsSchema,
      { decision: values.return ? 'return' : 'approve', ...(values.comment ? { comment: values.comment } : {}), ...(values.by ? { by: values.by } : {}) },
      'approve',
    );
    const result = await withClient(id, (client) => client.workflow.getHandle(id).executeUpdate(approveUpdate, { args: [approval] }));
    console.log(values.return ? `Đã trả lại cơ quan thường trực (${result.phase}).` : `Đã duyệt; báo cáo sẽ được gửi lên cấp trên (${result.phase}).`);
    return 0;
  },
};
