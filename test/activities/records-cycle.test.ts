// A whole report cycle on the time-skipping server, every unit submitting and accepted, the
// chair approving and the report forwarded: the records database then holds the closed
// occurrence (consolidation with its file references and counts, approval, forward) and
// every assignment with its receipt, as the workflows had them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyProgram } from '../../client/programs';
import { reviewUpdate, submitUpdate } from '../../workflows/assignment/messages';
import { approveUpdate, reportCycleStatusQuery } from '../../workflows/report-cycle/messages';
import { travelTo } from '../workflows/assignment-fixture';
import { eventually, loadTestProgram, startProgramTestEnv, type ProgramTestEnv } from '../workflows/program-fixture';

let t: ProgramTestEnv;
const program = loadTestProgram('bao-cao-6-thang-12-don-vi.yaml');
const OCC = 'vstbpn-test-2027/bao-cao-6-thang/2027-H1';
const UNITS = ['tckh', 'noi-vu', 'gd-dt', 'vh-tt', 'y-te', 'hoi-lhpn', 'tho-dan', 'tho-the', 'hop-thanh', 'dan-ly', 'minh-son', 'nua'];

beforeAll(async () => {
  t = await startProgramTestEnv('records-cycle');
});
afterAll(async () => t?.stop());

describe('records of a report cycle', () => {
  it('keeps the closed cycle and all its assignments', async () => {
    const records = t.deps.records!;
    await travelTo(t.env, '2027-05-31T09:00');
    await applyProgram(t.env.client, t.taskQueue, program, 'bao-cao-6-thang-12-don-vi.yaml');
    await travelTo(t.env, '2027-06-01T08:05');
    await t.sink.waitFor((m) => /\/request@/.test(m.messageId) && m.messageId.includes(OCC), { count: 12, timeoutMs: 30_000 });
    await travelTo(t.env, '2027-06-10T09:00');
    const receipts = new Map<string, string>();
    for (const [i, unit] of UNITS.entries()) {
      const handle = t.env.client.workflow.getHandle(`${OCC}/${unit}`);
      const receipt = await handle.executeUpdate(submitUpdate, { args: [{ content: `Báo cáo của ${unit}`, indicators: { 'tong-so-can-bo': 10 + i, 'so-nu': 5 } }] });
      receipts.set(unit, receipt.receiptNumber);
      await handle.executeUpdate(reviewUpdate, { args: [{ decision: 'accept' }] });
    }
    const cycle = t.env.client.workflow.getHandle(OCC);
    await eventually(() => cycle.query(reportCycleStatusQuery), (s) => s.phase === 'awaiting-approval', 'awaiting approval');
    await cycle.executeUpdate(approveUpdate, { args: [{ decision: 'approve', by: 'Lê Quang Trung' }] });

    const occurrence = await eventually(() => records.getOccurrence(OCC), (o) => o?.closed === true, 'the closed occurrence record');
    expect(occurrence!.phase).toBe('closed');
    expect(occurrence!.consolidations).toHaveLength(1);
    const consolidation = occurrence!.consolidations[0]!;
    expect(consolidation.counts).toEqual({ total: 12, onTime: 12, late: 0, missing: 0, exempt: 0, returned: 0 });
    expect(consolidation.sums).toMatchObject({ 'so-nu': 60 });
    expect(await t.deps.store!.exists(consolidation.xlsx.ref)).toBe(true);
    expect(await t.deps.store!.exists(consolidation.html.ref)).toBe(true);
    expect(occurrence!.approvals.map((a) => [a.decision, a.by])).toEqual([['approve', 'Lê Quang Trung']]);
    expect(occurrence!.forwarded?.to.sort()).toEqual(['bvstbpn@thanhhoa.example.org', 'vanphong@ubnd.trieuson.example.org']);
    expect(Object.fromEntries(occurrence!.rows.map((r) => [r.unitId, r.receiptNumber]))).toEqual(Object.fromEntries(receipts));

    const first = (await records.getAssignment(`${OCC}/tckh`))!;
    const listed = await eventually(
      () => records.listAssignments({ programId: first.programId }),
      (rows) => rows.length === 12 && rows.every((r) => r.closed),
      'twelve closed assignment records',
    );
    expect(new Set(listed.map((r) => r.status))).toEqual(new Set(['accepted']));
    for (const unit of UNITS) {
      const record = (await records.getAssignment(`${OCC}/${unit}`))!;
      expect(record.submissions.map((s) => s.receiptNumber)).toEqual([receipts.get(unit)]);
      expect(record.reviews.map((r) => r.decision)).toEqual(['accept']);
    }
    // The forward went through the records ledger, with the workflow it came from.
    expect((await records.listNotices(OCC)).map((n) => n.key)).toContain(`${OCC}/forwarded`);
  }, 120_000);
});
