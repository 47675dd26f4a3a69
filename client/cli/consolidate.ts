// `dondoc consolidate <occurrence>`: the office consolidates now, before the deadline, or
// again after the chair returned the consolidation.
import { consolidateUpdate } from '../../workflows/report-cycle/messages';
import { parse, requirePositional } from './args';
import type { Command } from './command';
import { withClient } from './with-client';

const help = `Tổng hợp báo cáo của một kỳ ngay (hoặc tổng hợp lại sau khi bị trả lại).
Consolidate an occurrence now.

dondoc consolidate <kỳ> [--by NGƯỜI_THỰC_HIỆN]`;

export const consolidateCommand: Command = {
  path: ['consolidate'],
  summary: 'tổng hợp báo cáo của một kỳ (consolidate now)',
  help,
  async run(args) {
    const { values, positionals } = parse(args, { by: { type: 'string' } });
    const id = requirePositional(positionals, 0, 'kỳ');
    await withClient(id, (client) => client.workflow.getHandle(id).executeUpdate(consolidateUpdate, { args: [values.by ? { by: values.by } : {}] }));
    console.log('Đã yêu cầu tổng hợp; báo cáo tổng hợp sẽ được gửi để duyệt.');
    return 0;
  },
};
