// `dondoc status <id>`: the state of one assignment, as a table or JSON.
import { DateTime } from 'luxon';
import { statusQuery, type AssignmentState } from '../../workflows/assignment/messages';
import { programStatusQuery } from '../../workflows/program/messages';
import { reportCycleStatusQuery } from '../../workflows/report-cycle/messages';
import { campaignStatusQuery } from '../../workflows/campaign/messages';
import { inspectionStatusQuery } from '../../workflows/inspection/messages';
import { formatCampaignStatus, formatCycleStatus, formatInspectionStatus, formatProgramStatus } from '../status-format';
import { statusLabels } from '../labels';
import { parse, requirePositional } from './args';
import { UsageError, type Command } from './command';
import { withClient } from './with-client';

const help = `Xem tình trạng một chương trình, một kỳ hoặc một hồ sơ.
Show a program, an occurrence or an assignment.

dondoc status <id> [--format table|json] [--locale vi|en]
  <id>: program/<mã chương trình> | <chương trình>/<nhiệm vụ>/<kỳ> | <kỳ>/<đơn vị>`;

function when(iso: string | undefined): string {
  return iso ? DateTime.fromISO(iso, { setZone: true }).toFormat('HH:mm dd/MM/yyyy') : '—';
}

export function formatStatus(state: AssignmentState, locale: 'vi' | 'en'): string {
  const vi = locale === 'vi';
  const rows: [string, string][] = [
    [vi ? 'Hồ sơ' : 'Assignment', state.workflowId],
    [vi ? 'Việc' : 'Item', state.itemTitle + (state.period ? ` — ${state.period}` : '')],
    [vi ? 'Đơn vị' : 'Unit', state.unitName],
    [vi ? 'Trạng thái' : 'Status', statusLabels[locale][state.status]],
    [vi ? 'Hạn nộp' : 'Due', when(state.dueAt)],
    [vi ? 'Lượt nộp' : 'Round', String(state.round)],
  ];
  for (const s of state.submissions) rows.push([vi ? 'Biên nhận' : 'Receipt', `${s.receiptNumber} — ${when(s.receivedAt)}${s.late ? (vi ? ' (muộn)' : ' (late)') : ''}`]);
  for (const r of state.reviews) rows.push([vi ? 'Duyệt' : 'Review', `${r.decision === 'accept' ? (vi ? 'chấp nhận' : 'accepted') : vi ? 'trả lại' : 'returned'} ${when(r.at)}${r.comment ? `: ${r.comment}` : ''}`]);
  for (const e of state.extensions) rows.push([vi ? 'Gia hạn' : 'Extension', `${when(e.from)} → ${when(e.to)}: ${e.reason}`]);
  if (state.nextStep) rows.push([vi ? 'Bước tiếp' : 'Next step', `${state.nextStep.kind} ${when(state.nextStep.at)}`]);
  rows.push([vi ? 'Thông báo đã gửi' : 'Notices sent', String(state.notices.filter((n) => n.sentAt).length)]);
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n');
}

export const statusCommand: Command = {
  path: ['status'],
  summary: 'xem tình trạng chương trình, kỳ, hồ sơ (show status)',
  help,
  async run(args) {
    const { values, positionals } = parse(args, { format: { type: 'string', default: 'table' }, locale: { type: 'string', default: 'vi' } });
    const id = requirePositional(positionals, 0, 'id');
    if (values.format !== 'table' && values.format !== 'json') throw new UsageError(`--format "${values.format}": cần table hoặc json`);
    const locale = values.locale === 'en' ? 'en' : 'vi';
    const text = await withClient(id, async (client) => {
      const handle = client.workflow.getHandle(id);
      const { type } = await handle.describe();
      const json = values.format === 'json';
      if (type === 'programWorkflow') {
        const state = await handle.query(programStatusQuery);
        return json ? JSON.stringify(state, null, 2) : formatProgramStatus(state);
      }
      if (type === 'reportCycleWorkflow') {
        const state = await handle.query(reportCycleStatusQuery);
        return json ? JSON.stringify(state, null, 2) : formatCycleStatus(state);
      }
      if (type === 'inspectionWorkflow') {
        const state = await handle.query(inspectionStatusQuery);
        return json ? JSON.stringify(state, null, 2) : formatInspectionStatus(state);
      }
      if (type === 'campaignWorkflow') {
        const state = await handle.query(campaignStatusQuery);
        return json ? JSON.stringify(state, null, 2) : formatCampaignStatus(state);
      }
      const state = await handle.query(statusQuery);
      return json ? JSON.stringify(state, null, 2) : formatStatus(state, locale);
    });
    console.log(text);
    return 0;
  },
};
