// The seed's 6-month report cycle with 12 units, driven by the program file on the
// time-skipping server: on-time, late, returned twice, exempted and silent units; the
// consolidated workbook read back; the chair's approval; the forward with its attachment;
// escalations of the silent unit in order; its late report in an addendum. The cycle is made
// to continue as new every few dozen events, so every step also proves that a new run reads
// its rows back from the records database (where the previous run wrote them) and loses
// nothing: the 3,400-unit cycles this is for cannot carry their rows in a payload.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyProgram } from '../../client/programs';
import { historyFigures } from '../../dev/harness/history-limits';
import { decideRequestUpdate, requestExemptionUpdate, reviewUpdate, statusQuery, submitUpdate } from '../../workflows/assignment/messages';
import { approveUpdate, reportCycleStatusQuery, type ReportCycleState } from '../../workflows/report-cycle/messages';
import { recordHistory } from '../support/histories';
import { iso, travelTo } from './assignment-fixture';
import { eventually, loadTestProgram, startProgramTestEnv, stepsOf, type ProgramTestEnv } from './program-fixture';

let t: ProgramTestEnv;
const program = loadTestProgram('bao-cao-6-thang-12-don-vi.yaml');
const OCC = 'vstbpn-test-2027/bao-cao-6-thang/2027-H1';
const id = (unit: string) => `${OCC}/${unit}`;
/** Events after which the cycle continues as new (its default is 8,000). */
const HISTORY_LIMIT = 40;

beforeAll(async () => {
  t = await startProgramTestEnv('cycle');
});
afterAll(async () => t?.stop());

const cycle = () => t.env.client.workflow.getHandle(OCC).query(reportCycleStatusQuery);
const assignment = (unit: string) => t.env.client.workflow.getHandle(id(unit));
const submit = (unit: string, total: number, women: number) =>
  assignment(unit).executeUpdate(submitUpdate, { args: [{ content: `Báo cáo của ${unit}`, indicators: { 'tong-so-can-bo': total, 'so-nu': women } }] });
/** The runs of a workflow, first to last, each with the rows its start input carried. */
async function runsOf(workflowId: string): Promise<{ runId: string; carriedRows: number }[]> {
  const figures = await historyFigures(t.env.client, workflowId);
  const starts = figures.events.filter((e) => e.workflowExecutionStartedEventAttributes);
  return Promise.all(starts.map(async (e, i) => {
    const payloads = e.workflowExecutionStartedEventAttributes?.input?.payloads ?? [];
    const carried = payloads[1] ? await t.env.client.options.loadedDataConverter.payloadConverter.fromPayload<{ state?: { rows?: unknown[] } }>(payloads[1]) : undefined;
    return { runId: figures.runIds[i]!, carriedRows: carried?.state?.rows?.length ?? 0 };
  }));
}

const rowOf = (state: ReportCycleState, unit: string) => state.rows.find((r) => r.unitId === unit)!;

describe('a six-month report cycle from the program file', () => {
  it('runs from requests to the forwarded consolidation, then records the late report in an addendum', async () => {
    await travelTo(t.env, '2027-05-31T09:00');
    const applied = await applyProgram(t.env.client, t.taskQueue, program, 'bao-cao-6-thang-12-don-vi.yaml', { occurrenceHistoryLimit: HISTORY_LIMIT });
    expect(applied.added).toEqual([OCC]);
    expect(applied.missed).toEqual([]);

    // The request goes out on 1/6 at 08:00 to all 12 units.
    await travelTo(t.env, '2027-06-01T08:05');
    await t.sink.waitFor((m) => /\/request@/.test(m.messageId) && m.messageId.includes(OCC), { count: 12, timeoutMs: 30_000 });
    const requested = await eventually(cycle, (s) => s.rows.length === 12, '12 rows');
    expect(requested.phase).toBe('collecting');

    await travelTo(t.env, '2027-06-10T09:00');
    for (const [unit, total, women] of [['tckh', 20, 11], ['noi-vu', 15, 9], ['gd-dt', 30, 21], ['vh-tt', 12, 5], ['y-te', 18, 12], ['hoi-lhpn', 8, 8], ['tho-dan', 25, 10], ['nua', 35, 16]] as const) {
      await submit(unit, total, women);
    }
    // Hợp Thành is returned twice before its report is accepted.
    await submit('hop-thanh', 19, 7);
    await assignment('hop-thanh').executeUpdate(reviewUpdate, { args: [{ decision: 'return', comment: 'Thiếu số liệu cán bộ nữ theo từng cơ quan.' }] });
    await submit('hop-thanh', 19, 8);
    await assignment('hop-thanh').executeUpdate(reviewUpdate, { args: [{ decision: 'return', comment: 'Đề nghị ký, đóng dấu báo cáo.' }] });
    await submit('hop-thanh', 19, 8);
    for (const unit of ['tckh', 'noi-vu', 'gd-dt', 'hop-thanh']) {
      await assignment(unit).executeUpdate(reviewUpdate, { args: [{ decision: 'accept' }] });
    }
    // Minh Sơn asks to be exempted (merged into another commune) and the office agrees.
    const request = await assignment('minh-son').executeUpdate(requestExemptionUpdate, { args: [{ reason: 'Xã đang sáp nhập, không có số liệu riêng.' }] });
    await assignment('minh-son').executeUpdate(decideRequestUpdate, { args: [{ requestId: request.id, grant: true, comment: 'Đồng ý miễn.' }] });

    // The due is Thu 17/6 17:00. Thọ Thế reports a day late; Dân Lý says nothing.
    await travelTo(t.env, '2027-06-18T10:00');
    expect((await submit('tho-the', 22, 9)).late).toBe(true);
    await eventually(() => assignment('dan-ly').query(statusQuery), (s) => s.status === 'escalated', 'dan-ly escalated');

    // Consolidation on Mon 21/6 at 17:00 (2 working days after the due).
    await travelTo(t.env, '2027-06-21T17:05');
    const consolidated = await eventually(cycle, (s) => s.phase === 'awaiting-approval', 'awaiting approval');
    const record = consolidated.consolidations[0]!;
    expect(record.counts).toEqual({ total: 12, onTime: 9, late: 1, missing: 1, exempt: 1, returned: 0 });
    expect(record.sums).toMatchObject({ 'tong-so-can-bo': 20 + 15 + 30 + 12 + 18 + 8 + 25 + 22 + 35 + 19, 'so-nu': 11 + 9 + 21 + 5 + 12 + 8 + 10 + 9 + 16 + 8 });
    expect(rowOf(consolidated, 'hop-thanh')).toMatchObject({ status: 'accepted', round: 3 });

    // The workbook, read back as the office would open it.
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await t.deps.store!.read(record.xlsx.ref)) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const lines: string[] = [];
    sheet.eachRow((row) => lines.push((row.values as unknown[]).filter((v) => v !== undefined && v !== null).map(String).join(' | ')));
    const text = lines.join('\n');
    expect(text).toMatch(/UBND xã Dân Lý \| Chưa nộp/);
    expect(text).toMatch(/UBND xã Minh Sơn \| Được miễn/);
    expect(text).toMatch(/UBND thị trấn Nưa \| Đúng hạn/);
    expect(text).toMatch(/UBND xã Thọ Thế \| Muộn/);
    expect(text).toContain('Tổng cộng');

    // Notices to the office and the chair; then the chair approves and it goes upward.
    await t.sink.waitFor((m) => m.messageId.startsWith(`<${OCC}/consolidation-1/approval@`));
    await t.env.client.workflow.getHandle(OCC).executeUpdate(approveUpdate, { args: [{ decision: 'approve', by: 'Lê Quang Trung' }] });
    const [forwarded] = await t.sink.waitFor((m) => m.messageId.startsWith(`<${OCC}/forwarded@`));
    expect(forwarded!.to.sort()).toEqual(['bvstbpn@thanhhoa.example.org', 'vanphong@ubnd.trieuson.example.org']);
    expect(forwarded!.attachments).toHaveLength(1);
    expect(forwarded!.attachments[0]!.filename).toMatch(/\.xlsx$/);
    expect(forwarded!.attachments[0]!.size).toBe(record.xlsx.size);
    expect((await eventually(cycle, (s) => s.phase === 'forwarded', 'forwarded')).forwarded?.to).toHaveLength(2);

    // Dân Lý's escalations: head (18/6), office (22/6), chair (24/6), once each, in order.
    await travelTo(t.env, '2027-06-25T09:00');
    await t.sink.waitFor((m) => m.messageId.startsWith(`<${id('dan-ly')}/r1/escalation-3@`));
    const danLy = await assignment('dan-ly').query(statusQuery);
    expect(danLy.notices.filter((n) => n.kind === 'escalation').map((n) => [n.scheduledFor, n.to[0]])).toEqual([
      [iso('2027-06-18T08:00'), 'thutruong.dan-ly@trieuson.example.org'],
      [iso('2027-06-22T08:00'), 'ldtbxh@trieuson.example.org'],
      [iso('2027-06-24T08:00'), 'truongban@trieuson.example.org'],
    ]);
    expect(stepsOf(t.sink, id('dan-ly'))).toEqual(['request', 'r1/reminder-1', 'r1/reminder-2', 'r1/escalation-1', 'r1/escalation-2', 'r1/escalation-3']);

    // Its report arrives late: recorded in addendum 1, the office told.
    const late = await submit('dan-ly', 14, 6);
    expect(late.late).toBe(true);
    const withAddendum = await eventually(cycle, (s) => s.addenda.length === 1, 'an addendum');
    expect(withAddendum.addenda[0]!.units).toEqual(['UBND xã Dân Lý']);
    await t.sink.waitFor((m) => m.messageId.startsWith(`<${OCC}/addendum-1/dan-ly@`));

    // Dân Lý told the cycle only what it reads: not its request, due or three escalations
    // (stages the cycle does not show), only its report.
    const signals = ((await assignment('dan-ly').fetchHistory()).events ?? []).filter((e) => e.signalExternalWorkflowExecutionInitiatedEventAttributes);
    expect(signals).toHaveLength(1);

    // Nobody got a notice twice.
    const ids = t.sink.messages().map((m) => m.messageId);
    expect(new Set(ids).size).toBe(ids.length);

    // It took several runs, and each carried no row in its payload.
    const runs = await runsOf(OCC);
    console.log(`report cycle: ${runs.length} runs`);
    expect(runs.length).toBeGreaterThanOrEqual(3);
    for (const run of runs.slice(1)) expect(run.carriedRows).toBe(0);
    // The first run (requests, summaries, writing its rows before continuing as new) and the last.
    await recordHistory(assignment('nua'), 'assignment-in-report-cycle');
    await recordHistory(t.env.client.workflow.getHandle(OCC, runs[0]!.runId), 'report-cycle-six-month');
    await recordHistory(t.env.client.workflow.getHandle(OCC, runs.at(-1)!.runId), 'report-cycle-six-month-continued');
  });
});
