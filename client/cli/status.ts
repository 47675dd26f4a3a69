// `dondoc status <id>`: a program, an occurrence or an assignment, as a table or JSON;
// `dondoc status --program P [--unit U] [--overdue]`: the list from Temporal visibility.
import type { DeliveryFailureRecord } from '../../workflows/assignment/messages';
import { DateTime } from 'luxon';
import { statusQuery, type AssignmentState } from '../../workflows/assignment/messages';
import { programStatusQuery } from '../../workflows/program/messages';
import { reportCycleStatusQuery } from '../../workflows/report-cycle/messages';
import { campaignStatusQuery } from '../../workflows/campaign/messages';
import { inspectionStatusQuery } from '../../workflows/inspection/messages';
import { listAssignments } from '../assignment-list';
import { table } from '../status-format';
import { formatCampaignStatus, formatCycleStatus, formatInspectionStatus, formatProgramStatus } from '../status-format';
import { statusLabels } from '../labels';
import { parse, requirePositional } from './args';
import { UsageError, type Command } from './command';
import { withClient } from './with-client';
import { findRecorded, FROM_RECORDS_VI, GONE_FROM_TEMPORAL_VI, isNotFound, withRecords } from './status-records';

const help = `Xem tình trạng một chương trình, một kỳ hoặc một hồ sơ.
Show a program, an occurrence or an assignment.

dondoc status <id> [--format table|json] [--locale vi|en]
  <id>: program/<mã chương trình> | <chương trình>/<nhiệm vụ>/<kỳ> | <kỳ>/<đơn vị>
  Hồ sơ, kỳ đã đóng mà Temporal không còn giữ được đọc từ cơ sở dữ liệu lưu trữ
  (DONDOC_RECORDS_URL hoặc DATA_DIR/records.sqlite); JSON có "source": "live" | "records".
  Closed work Temporal no longer has is read from the records database.
dondoc status --program <mã chương trình> [--unit ĐƠN_VỊ] [--overdue] [--format table|json]
  danh sách hồ sơ của chương trình (list assignments); --overdue: chỉ hồ sơ quá hạn;
  hồ sơ đã đóng chỉ còn trong cơ sở dữ liệu lưu trữ được ghi "(lưu trữ)", JSON "source": "records"`;

function when(iso: string | undefined): string {
  return iso ? DateTime.fromISO(iso, { setZone: true }).toFormat('HH:mm dd/MM/yyyy') : '—';
}

export function formatStatus(state: AssignmentState, locale: 'vi' | 'en', failures: DeliveryFailureRecord[] = state.deliveryFailures ?? []): string {
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
  for (const f of failures) rows.push([vi ? 'Gửi không được' : 'Not delivered', `${f.to} — ${f.code} ${f.message} (${when(f.at)})`]);
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n');
}

export const statusCommand: Command = {
  path: ['status'],
  summary: 'xem tình trạng chương trình, kỳ, hồ sơ (show status)',
  help,
  async run(args) {
    const { values, positionals } = parse(args, {
      format: { type: 'string', default: 'table' },
      locale: { type: 'string', default: 'vi' },
      program: { type: 'string' },
      unit: { type: 'string' },
      overdue: { type: 'boolean' },
    });
    if (values.format !== 'table' && values.format !== 'json') throw new UsageError(`--format "${values.format}": cần table hoặc json`);
    const locale = values.locale === 'en' ? 'en' : 'vi';
    if (values.program !== undefined && positionals.length === 0) {
      const filter = { programId: values.program, ...(values.unit ? { unitId: values.unit } : {}), overdueOnly: values.overdue === true };
      const rows = await withClient(undefined, async (client, env) => {
        const live = (await listAssignments(client, filter)).map((r) => ({ ...r, source: 'live' as const }));
        if (filter.overdueOnly) return live;
        // Closed assignments Temporal no longer lists are still in the records database.
        const known = new Set(live.map((r) => r.workflowId));
        const recorded = await withRecords(env, async (records) =>
          records ? records.listAssignments({ programId: filter.programId, ...(filter.unitId ? { unitId: filter.unitId } : {}) }) : [],
        );
        const gone = recorded
          .filter((r) => !known.has(r.workflowId))
          .map((r) => ({ workflowId: r.workflowId, unitId: r.unitId, unitName: r.unitName, itemId: r.itemId, period: r.period ?? '', status: r.status, due: r.dueAt, source: 'records' as const }));
        return [...live, ...gone];
      });
      console.log(
        values.format === 'json'
          ? JSON.stringify(rows, null, 2)
          : rows.length === 0
            ? values.overdue
              ? 'Không có hồ sơ quá hạn (no overdue assignment).'
              : 'Không có hồ sơ nào (no assignment).'
            : table(
                ['Hồ sơ', 'Đơn vị', 'Trạng thái', 'Hạn nộp'],
                rows.map((r) => [
                  r.workflowId,
                  r.unitName,
                  (r.status ? statusLabels[locale][r.status] : '—') + (r.source === 'records' ? (locale === 'vi' ? ' (lưu trữ)' : ' (records)') : ''),
                  when(r.due),
                ]),
              ),
      );
      return 0;
    }
    const id = requirePositional(positionals, 0, 'id');
    const json = values.format === 'json';
    const text = await withClient(id, (client, env) =>
      withRecords(env, async (records) => {
        const handle = client.workflow.getHandle(id);
        let type: string;
        try {
          ({ type } = await handle.describe());
        } catch (err) {
          if (!isNotFound(err)) throw err;
          // Gone from Temporal (retention, deletion): the records database has the record.
          const recorded = await findRecorded(records, id);
          if (!recorded) throw err;
          const note = recorded.kind === 'occurrence' || recorded.record.closed ? FROM_RECORDS_VI : GONE_FROM_TEMPORAL_VI;
          if (recorded.kind === 'occurrence') {
            return json ? JSON.stringify({ ...recorded.record, source: 'records' }, null, 2) : `${note}\n${formatCycleStatus(recorded.record)}`;
          }
          const { deliveryFailures, ...rest } = recorded.record;
          // The records database keeps every refusal, including those of notices sent after the last state write.
          const failures = deliveryFailures.map(({ workflowId: _w, ...f }) => f);
          const state: AssignmentState = { ...rest, deliveryFailures: failures };
          return json ? JSON.stringify({ ...state, source: 'records' }, null, 2) : `${note}\n${formatStatus(state, locale)}`;
        }
        if (type === 'programWorkflow') {
          const state = await handle.query(programStatusQuery);
          return json ? JSON.stringify(state, null, 2) : formatProgramStatus(state);
        }
        if (type === 'reportCycleWorkflow' || type === 'taskWorkflow') {
          const state = await handle.query(reportCycleStatusQuery);
          return json ? JSON.stringify({ ...state, source: 'live' }, null, 2) : formatCycleStatus(state);
        }
        if (type === 'inspectionWorkflow') {
          const state = await handle.query(inspectionStatusQuery);
          return json ? JSON.stringify(state, null, 2) : formatInspectionStatus(state);
        }
        if (type === 'campaignWorkflow') {
          const state = await handle.query(campaignStatusQuery);
          return json ? JSON.stringify(state, null, 2) : formatCampaignStatus(state);
        }
        // The workflow's own record of refused notices: the live truth, whatever the database has.
        const state = await handle.query(statusQuery);
        return json ? JSON.stringify({ ...state, deliveryFailures: state.deliveryFailures ?? [], source: 'live' }, null, 2) : formatStatus(state, locale);
      }),
    );
    console.log(text);
    return 0;
  },
};
