// What was sent, as an office reads it: one section per month like `dondoc plan`, one row per
// notice (the same notice to many units at one minute on one row), then the summary.
import { DateTime } from 'luxon';
import { ddmmyyyy, weekdayName } from '../../program/dates-vi';
import { Describer, type Locale } from '../../program/describe';
import { monthSections, type MonthRow } from '../../program/format-table';
import type { Plan } from '../../program/plan-types';
import type { Program } from '../../program/types';
import type { SimNotice } from './notices';
import type { SimulationSummary } from './summary';

const KIND_LABELS: Record<Locale, Record<string, string>> = {
  vi: {
    request: 'Yêu cầu',
    reminder: 'Nhắc việc',
    escalation: 'Báo cáo vượt cấp',
    notice: 'Thông báo kiểm tra',
    launch: 'Phát động',
    'check-in': 'Kiểm tra tiến độ',
    consolidation: 'Tổng hợp',
    approval: 'Trình phê duyệt',
    forward: 'Gửi cấp trên',
    receipt: 'Biên nhận',
    submitted: 'Báo đã nộp',
    accepted: 'Chấp nhận',
    returned: 'Trả lại',
    exempted: 'Miễn',
    consolidated: 'Tổng hợp',
    'approval-requested': 'Trình phê duyệt',
    forwarded: 'Gửi cấp trên',
    'late-addendum': 'Phụ lục nộp muộn',
    summary: 'Kết quả đợt cao điểm',
  },
  en: {
    request: 'Request',
    reminder: 'Reminder',
    escalation: 'Escalation',
    notice: 'Inspection notice',
    launch: 'Launch',
    'check-in': 'Check-in',
    consolidation: 'Consolidation',
    approval: 'Approval request',
    forward: 'Forwarded upward',
    receipt: 'Receipt',
    submitted: 'Submitted',
    accepted: 'Accepted',
    returned: 'Returned',
    exempted: 'Exempted',
    consolidated: 'Consolidation',
    'approval-requested': 'Approval request',
    forwarded: 'Forwarded upward',
    'late-addendum': 'Late addendum',
    summary: 'Campaign summary',
  },
};

const HEADINGS: Record<Locale, string[]> = {
  vi: ['Ngày', 'Giờ', 'Thư', 'Gửi đến', 'Tiêu đề'],
  en: ['Date', 'Time', 'Notice', 'To', 'Subject'],
};
const MAX_WIDTH = [20, 5, 22, 40, 90];

export const kindLabel = (kind: string, locale: Locale): string => KIND_LABELS[locale][kind] ?? kind;

export function formatSimulationTable(program: Program, plan: Plan, notices: readonly SimNotice[], summary: SimulationSummary, locale: Locale): string {
  const d = new Describer(program, plan, locale);
  const vi = locale === 'vi';
  const rows: MonthRow[] = [];
  const groups = new Map<string, { first: SimNotice; to: string[] }>();
  for (const n of [...notices].sort((a, b) => Date.parse(a.at) - Date.parse(b.at))) {
    const local = DateTime.fromISO(n.at, { zone: plan.timezone });
    const key = `${local.toFormat('yyyy-MM-dd HH:mm')}|${n.kind}|${n.subject}`;
    const recipient = n.unitId ? d.unitName(n.unitId) : n.to.join(', ');
    const g = groups.get(key);
    if (g) g.to.push(recipient);
    else groups.set(key, { first: n, to: [recipient] });
  }
  for (const { first, to } of groups.values()) {
    const local = DateTime.fromISO(first.at, { zone: plan.timezone });
    const date = local.toISODate()!;
    const who = to.length > 3 ? (vi ? `${to.length} đơn vị` : `${to.length} units`) : to.join('; ');
    rows.push({ month: date.slice(0, 7), cells: [`${weekdayName(date, locale)} ${ddmmyyyy(date)}`, local.toFormat('HH:mm'), kindLabel(first.kind, locale), who, first.subject] });
  }
  const title = vi ? program.program.title : (program.program.titleEn ?? program.program.title);
  const lines: string[] = [title, vi ? `Mô phỏng ${ddmmyyyy(summary.from)} – ${ddmmyyyy(summary.to)}, đơn vị: ${summary.behaviour}` : `Simulated ${summary.from} – ${summary.to}, units: ${summary.behaviour}`];
  if (rows.length === 0) lines.push('', vi ? 'Không có thư nào được gửi trong khoảng thời gian đã chọn.' : 'No mail was sent in the chosen range.');
  lines.push(...monthSections(rows, HEADINGS[locale], MAX_WIDTH, locale));
  lines.push('', ...summaryLines(summary, d, locale));
  return `${lines.join('\n')}\n`;
}

function summaryLines(s: SimulationSummary, d: Describer, locale: Locale): string[] {
  const vi = locale === 'vi';
  const kinds = Object.entries(s.byKind)
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${kindLabel(k, locale)}: ${n}`)
    .join('; ');
  const units = (list: SimulationSummary['late']) => {
    const names = [...new Set(list.map((x) => d.unitName(x.unitId)))];
    return names.length > 8 ? `${names.slice(0, 8).join('; ')}… (+${names.length - 8})` : names.join('; ');
  };
  const lines = vi
    ? [
        'Tổng kết',
        `  Thư đã gửi: ${s.notices} (${kinds || 'không có'})`,
        `  Mốc gửi thư trong kế hoạch: ${s.planned}, gửi đúng thời điểm: ${s.sentAsPlanned}`,
        `  Nhiệm vụ có hạn trong khoảng: ${s.assignments}; nộp đúng hạn ${s.submittedOnTime}, nộp muộn ${s.late.length}, chưa nộp ${s.missing.length}, được miễn ${s.exempted}`,
        ...(s.late.length ? [`  Đơn vị nộp muộn: ${units(s.late)}`] : []),
        ...(s.missing.length ? [`  Đơn vị chưa nộp: ${units(s.missing)}`] : []),
        `  Bản tổng hợp đã lập: ${s.consolidations}`,
        ...(s.actions.refused.length ? [`  Thao tác mô phỏng bị từ chối: ${s.actions.refused.length} (xem --format json)`] : []),
        `  Thời gian chạy: ${s.elapsedSeconds} giây`,
      ]
    : [
        'Summary',
        `  Notices sent: ${s.notices} (${kinds || 'none'})`,
        `  Mail-sending plan events: ${s.planned}, sent at their planned instant: ${s.sentAsPlanned}`,
        `  Assignments due in the range: ${s.assignments}; on time ${s.submittedOnTime}, late ${s.late.length}, missing ${s.missing.length}, exempted ${s.exempted}`,
        ...(s.late.length ? [`  Late units: ${units(s.late)}`] : []),
        ...(s.missing.length ? [`  Missing units: ${units(s.missing)}`] : []),
        `  Consolidations produced: ${s.consolidations}`,
        ...(s.actions.refused.length ? [`  Simulated acts refused: ${s.actions.refused.length} (see --format json)`] : []),
        `  Run time: ${s.elapsedSeconds} s`,
      ];
  return lines;
}
