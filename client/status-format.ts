// Plain-text views of program and report-cycle state for `dondoc status`.
import { DateTime } from 'luxon';
import type { CampaignState } from '../workflows/campaign/messages';
import type { InspectionState } from '../workflows/inspection/messages';
import type { ProgramState } from '../workflows/program/messages';
import type { ReportCycleState } from '../workflows/report-cycle/messages';
import { rowStatus } from '../workflows/report-cycle/rows';

const when = (iso: string | undefined) => (iso ? DateTime.fromISO(iso, { setZone: true }).toFormat('dd/MM/yyyy HH:mm') : '—');

export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const occurrenceStatus: Record<string, string> = { scheduled: 'Chờ đến hạn', started: 'Đang thực hiện', missed: 'Đã qua (không khởi chạy)', removed: 'Đã hủy' };

export function formatProgramStatus(state: ProgramState): string {
  const head = `${state.title ?? state.programId} — áp dụng lúc ${when(state.appliedAt)}${state.fileName ? ` từ ${state.fileName}` : ''}`;
  const rows = [...state.occurrences]
    .sort((a, b) => Date.parse(a.startAt) - Date.parse(b.startAt))
    .map((o) => [o.id, o.label, occurrenceStatus[o.status] ?? o.status, when(o.startAt), when(o.lastDueAt)]);
  return `${head}\n\n${table(['Kỳ', 'Tên kỳ', 'Tình trạng', 'Bắt đầu', 'Hạn cuối'], rows)}`;
}

const rowWords: Record<string, string> = { 'on-time': 'Đúng hạn', late: 'Muộn', missing: 'Chưa nộp', exempt: 'Được miễn', returned: 'Trả lại' };
const phaseWords: Record<string, string> = {
  collecting: 'Đang thu thập báo cáo',
  'awaiting-approval': 'Chờ duyệt báo cáo tổng hợp',
  'returned-to-office': 'Trưởng ban trả lại, chờ tổng hợp lại',
  forwarding: 'Đang gửi lên cấp trên',
  forwarded: 'Đã gửi lên cấp trên',
  closed: 'Đã kết thúc',
};

export function formatCycleStatus(state: ReportCycleState): string {
  const head = `${state.itemTitle} — ${state.periodLabel}: ${phaseWords[state.phase] ?? state.phase}`;
  const rows = state.rows
    .filter((r) => !r.removed)
    .map((r) => [r.unitName, r.status === 'accepted' ? 'Đã chấp nhận' : (rowWords[rowStatus(r)] ?? r.status), r.receiptNumber ?? '—', when(r.dueAt)]);
  const last = state.consolidations.at(-1);
  const tail = last ? `\n\nTổng hợp lần ${last.version} (${when(last.at)}): ${last.xlsx.name}` : '';
  return `${head}\n\n${table(['Đơn vị', 'Tình trạng', 'Biên nhận', 'Hạn nộp'], rows)}${tail}`;
}

const visitWords: Record<string, string> = {
  scheduled: 'Chờ thông báo',
  notified: 'Đã thông báo',
  visited: 'Đã kiểm tra, chờ kết luận',
  remediating: 'Đang khắc phục',
  closed: 'Đã hoàn thành',
  skipped: 'Bỏ qua (đã qua)',
  removed: 'Đã hủy',
};

export function formatInspectionStatus(state: InspectionState): string {
  const rows = state.visits.map((v) => [
    v.unitName,
    visitWords[v.status] ?? v.status,
    when(v.visitAt),
    String(v.findings?.length ?? 0),
    v.remediations.map((r) => `${r.n}. ${r.title} (${r.status})`).join('; ') || '—',
  ]);
  return `${state.itemTitle} — ${state.periodLabel}: ${state.phase}\n\n${table(['Đơn vị', 'Tình trạng', 'Ngày kiểm tra', 'Số kết luận', 'Khắc phục'], rows)}`;
}

const milestoneWords: Record<string, string> = { launch: 'Phát động', 'check-in': 'Nắm tình hình giữa đợt', end: 'Kết thúc đợt' };

export function formatCampaignStatus(state: CampaignState): string {
  const milestones = state.milestones.map((m) => [milestoneWords[m.kind] ?? m.kind, when(m.at), m.status]);
  const plans = state.plans.map((p) => [p.unitName, p.status, p.receiptNumber ?? '—']);
  const results = state.results ? `\n\nBáo cáo kết quả: ${state.results.workflowId} (${state.results.phase ?? 'đang thực hiện'})` : '';
  return [
    `${state.itemTitle} — ${state.periodLabel}: ${state.phase}`,
    table(['Mốc', 'Thời điểm', 'Tình trạng'], milestones),
    table(['Đơn vị (kế hoạch)', 'Tình trạng', 'Biên nhận'], plans),
  ].join('\n\n') + results;
}
