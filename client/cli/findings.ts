// `dondoc findings <occurrence> --unit U`: the inspection team's conclusion for one unit —
// findings and remediation items with their deadlines, each then followed like a report.
import { recordFindingsArgsSchema, recordFindingsUpdate } from '../../workflows/inspection/messages';
import { check, parse, requirePositional } from './args';
import { UsageError, type Command } from './command';
import { withClient } from './with-client';

const help = `Ghi kết luận kiểm tra của một đơn vị.  Record an inspection's findings for a unit.

dondoc findings <kỳ-kiểm-tra> --unit ĐƠN_VỊ [--finding TEXT]... [--remediation "VIỆC@YYYY-MM-DD"]... [--team TEXT] [--by TEXT]
  --finding       một kết luận (lặp lại được)
  --remediation   một việc phải khắc phục và hạn, ví dụ "Bổ sung kế hoạch năm@2026-12-31" (lặp lại được)`;

function remediation(text: string): { title: string; dueAt: string } {
  const at = text.lastIndexOf('@');
  const title = text.slice(0, at).trim();
  const dueAt = text.slice(at + 1).trim();
  if (at < 0 || !title || !dueAt) throw new UsageError(`--remediation "${text}": cần dạng "việc@YYYY-MM-DD" (expected task@date)`);
  return { title, dueAt };
}

export const findingsCommand: Command = {
  path: ['findings'],
  summary: 'ghi kết luận kiểm tra, việc khắc phục (record inspection findings)',
  help,
  async run(args) {
    const { values, positionals } = parse(args, {
      unit: { type: 'string' },
      finding: { type: 'string', multiple: true },
      remediation: { type: 'string', multiple: true },
      team: { type: 'string' },
      by: { type: 'string' },
    });
    const id = requirePositional(positionals, 0, 'kỳ-kiểm-tra');
    if (!values.unit) throw new UsageError('thiếu --unit (missing --unit)');
    const findings = check(
      recordFindingsArgsSchema,
      {
        unitId: values.unit,
        findings: values.finding ?? [],
        remediations: (values.remediation ?? []).map(remediation),
        ...(values.team ? { team: values.team } : {}),
        ...(values.by ? { recordedBy: values.by } : {}),
      },
      'findings',
    );
    const result = await withClient(id, (client) => client.workflow.getHandle(id).executeUpdate(recordFindingsUpdate, { args: [findings] }));
    console.log(`Đã ghi kết luận cho ${result.unitId}: ${result.remediations.length} việc khắc phục.`);
    for (const r of result.remediations) console.log(`  ${r.assignmentId} — ${r.title} — hạn ${r.dueAt}`);
    return 0;
  },
};
