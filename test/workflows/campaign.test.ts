// The Action Month (15/11–15/12) from the program file, on the time-skipping server with a
// real SMTP sink, for four units: plans asked before the start (one sent late), the launch
// on the first day, the check-in in the middle, the results collected by a report cycle
// after the end (two on time, one late, one never) — consolidated, approved by the chair,
// forwarded with the workbook — and the summary to the chair. Then the same campaign applied
// mid-way (a year later): what had already passed is recorded as skipped, not sent.
//
// Never `handle.result()` here: waiting on a result lets the server skip time freely.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyProgram } from '../../client/programs';
import type { SunkMessage } from '../../dev/mail-sink/sink';
import type { Program } from '../../program/types';
import { exemptUpdate, reviewUpdate, statusQuery, submitUpdate } from '../../workflows/assignment/messages';
import { campaignStatusQuery } from '../../workflows/campaign/messages';
import { approveUpdate, reportCycleStatusQuery } from '../../workflows/report-cycle/messages';
import { recordHistory } from '../support/histories';
import { iso, travelTo } from './assignment-fixture';
import { eventually, loadTestProgram, startProgramTestEnv, stepsOf, type ProgramTestEnv } from './program-fixture';

let t: ProgramTestEnv;
const program = loadTestProgram('thang-hanh-dong-4-don-vi.yaml');
const OCC = 'vstbpn-test-thang-hanh-dong-2027/thang-hanh-dong/2027-campaign';
const RESULTS = `${OCC}/ket-qua`;
const UNITS = ['hoi-lhpn', 'vh-tt', 'tho-dan', 'hop-thanh'];
const plan = (unit: string) => t.env.client.workflow.getHandle(`${OCC}/${unit}/ke-hoach`);
const result = (unit: string) => t.env.client.workflow.getHandle(`${OCC}/${unit}`);
const campaign = () => t.env.client.workflow.getHandle(OCC).query(campaignStatusQuery);
const cycle = () => t.env.client.workflow.getHandle(RESULTS).query(reportCycleStatusQuery);
const key = (m: SunkMessage) => m.headers['x-dondoc-key'] ?? '';
const keyed = (k: string) => (m: SunkMessage) => key(m) === k;
const sentWith = (k: string) => t.sink.messages().filter(keyed(k));
/** Waits a moment so a notice that should not have gone yet would have arrived if it had. */
const settle = () => new Promise((r) => setTimeout(r, 1_000));

beforeAll(async () => {
  t = await startProgramTestEnv('campaign');
});
afterAll(async () => t?.stop());

describe('the Action Month from the program file', () => {
  // The cases follow one campaign through its weeks, in calendar order: each starts where the
  // previous one left the clock.
  let workbook = '';

  it('asks every unit for its plan when the campaign starts, with the launch, check-in and end planned', async () => {
    await travelTo(t.env, '2027-10-29T09:00');
    const applied = await applyProgram(t.env.client, t.taskQueue, program, 'thang-hanh-dong-4-don-vi.yaml');
    expect(applied.added).toEqual([OCC]);

    // Plans are due 5 working days before Mon 15/11, i.e. Mon 8/11 17:00; they are asked 5
    // working days earlier, Mon 1/11 08:00, when the campaign's workflow starts.
    await travelTo(t.env, '2027-11-01T08:05');
    const requests = await t.sink.waitFor((m) => /\/ke-hoach\/request$/.test(key(m)), { count: 4 });
    expect(requests.map((m) => m.to[0]).sort()).toEqual(UNITS.map((u) => `${u}@trieuson.example.org`).sort());
    expect(requests[0]!.subject).toContain('Kế hoạch: Tháng hành động');
    const planning = await eventually(campaign, (s) => s.plans.length === 4, 'four plans');
    expect(planning.phase).toBe('planning');
    expect(planning.milestones.map((m) => [m.kind, m.at, m.status])).toEqual([
      ['launch', iso('2027-11-15T08:00'), 'pending'],
      // The working day in the middle of 15/11–15/12: Tue 30/11.
      ['check-in', iso('2027-11-30T08:00'), 'pending'],
      ['end', iso('2027-12-15T17:00'), 'pending'],
    ]);
  });

  it('follows the plans: three on time, one late after the unit head was told', async () => {
    // Three plans on Thu 4/11; Hợp Thành's after its head was told (Tue 9/11 08:00).
    await travelTo(t.env, '2027-11-04T10:00');
    for (const unit of ['hoi-lhpn', 'vh-tt', 'tho-dan']) {
      await plan(unit).executeUpdate(submitUpdate, { args: [{ content: `Kế hoạch hưởng ứng của ${unit}` }] });
      await plan(unit).executeUpdate(reviewUpdate, { args: [{ decision: 'accept' }] });
    }
    await travelTo(t.env, '2027-11-09T10:00');
    await t.sink.waitFor(keyed(`${OCC}/hop-thanh/ke-hoach/r1/escalation-1`));
    expect((await plan('hop-thanh').executeUpdate(submitUpdate, { args: [{ content: 'Kế hoạch (gửi muộn)' }] })).late).toBe(true);
    await plan('hop-thanh').executeUpdate(reviewUpdate, { args: [{ decision: 'accept' }] });
    await eventually(campaign, (s) => s.plans.every((p) => p.closed), 'plans closed');
  });

  it('launches on the first day at 08:00, not before, naming the results due', async () => {
    // The launch, Mon 15/11 08:00, to each unit, naming the results due (Wed 22/12 17:00).
    await travelTo(t.env, '2027-11-15T07:55');
    await settle();
    expect(t.sink.messages().filter((m) => key(m).startsWith(`${OCC}/launch/`))).toHaveLength(0);
    await travelTo(t.env, '2027-11-15T08:05');
    const launches = await t.sink.waitFor((m) => key(m).startsWith(`${OCC}/launch/`), { count: 4 });
    const launchTho = launches.find((m) => m.to[0] === 'tho-dan@trieuson.example.org')!;
    expect(launchTho.subject).toContain('[Phát động]');
    expect(launchTho.text).toContain('15/11/2027');
    expect(launchTho.text).toMatch(/Hạn báo cáo kết quả: .*22\/12\/2027/);
    expect((await eventually(campaign, (s) => s.phase === 'running', 'running')).milestones[0]).toMatchObject({ kind: 'launch', status: 'done' });
  });

  it('asks for progress at the check-in in the middle of the campaign, not before', async () => {
    // The check-in, Tue 30/11 08:00, asks for progress within 3 working days (Fri 3/12 17:00).
    await travelTo(t.env, '2027-11-30T07:55');
    await settle();
    expect(t.sink.messages().filter((m) => key(m).startsWith(`${OCC}/check-in/`))).toHaveLength(0);
    await travelTo(t.env, '2027-11-30T08:05');
    const checkIns = await t.sink.waitFor((m) => key(m).startsWith(`${OCC}/check-in/`), { count: 4 });
    expect(checkIns[0]!.subject).toContain('hạn 3/12/2027');
  });

  it('starts the results cycle at the end, not before, and it asks every unit', async () => {
    // The results cycle starts at the end, Wed 15/12 17:00, and asks every unit.
    await travelTo(t.env, '2027-12-15T16:55');
    await settle();
    expect((await campaign()).results).toBeUndefined();
    await travelTo(t.env, '2027-12-15T17:05');
    await t.sink.waitFor((m) => UNITS.some((u) => key(m) === `${OCC}/${u}/request`), { count: 4 });
    expect((await eventually(cycle, (s) => s.rows.length === 4, 'results rows')).phase).toBe('collecting');
    expect((await campaign()).phase).toBe('results');
  });

  it('consolidates the results after their due, has them approved by the chair and forwards the workbook', async () => {
    // Two on time (Mon 20/12), Thọ Dân late (Thu 23/12, after the Wed 22/12 17:00 due),
    // Hợp Thành never.
    await travelTo(t.env, '2027-12-20T10:00');
    for (const [unit, activities, people] of [['hoi-lhpn', 12, 850], ['vh-tt', 8, 1200]] as const) {
      await result(unit).executeUpdate(submitUpdate, { args: [{ content: `Kết quả của ${unit}`, indicators: { 'so-hoat-dong': activities, 'so-nguoi-tham-gia': people } }] });
    }
    await travelTo(t.env, '2027-12-23T10:00');
    expect((await result('tho-dan').executeUpdate(submitUpdate, { args: [{ content: 'Kết quả của Thọ Dân', indicators: { 'so-hoat-dong': 5, 'so-nguoi-tham-gia': 300 } }] })).late).toBe(true);
    for (const unit of ['hoi-lhpn', 'vh-tt', 'tho-dan']) await result(unit).executeUpdate(reviewUpdate, { args: [{ decision: 'accept' }] });

    // Consolidation 2 working days after the due (Fri 24/12 17:00), then the chair approves
    // and the workbook goes to the province.
    await travelTo(t.env, '2027-12-24T17:05');
    const consolidated = await eventually(cycle, (s) => s.phase === 'awaiting-approval', 'awaiting approval');
    expect(consolidated.consolidations[0]!.counts).toEqual({ total: 4, onTime: 2, late: 1, missing: 1, exempt: 0, returned: 0 });
    expect(consolidated.consolidations[0]!.sums).toMatchObject({ 'so-hoat-dong': 25, 'so-nguoi-tham-gia': 2350 });
    await t.env.client.workflow.getHandle(RESULTS).executeUpdate(approveUpdate, { args: [{ decision: 'approve', by: 'Lê Quang Trung' }] });
    const [forwarded] = await t.sink.waitFor(keyed(`${RESULTS}/forwarded`));
    expect(forwarded!.to).toEqual(['bvstbpn@thanhhoa.example.org']);
    expect(forwarded!.attachments.map((a) => a.filename)).toEqual([consolidated.consolidations[0]!.xlsx.name]);
    workbook = consolidated.consolidations[0]!.xlsx.name;
  });

  it('sums up for the chair, with the plans and the workbook, once the results cycle has closed; then closes', async () => {
    // The summary waits for the results cycle to close: Hợp Thành is still expected.
    await settle();
    expect(sentWith(`${OCC}/summary`)).toHaveLength(0);
    await travelTo(t.env, '2027-12-27T09:00');
    await result('hop-thanh').executeUpdate(exemptUpdate, { args: [{ reason: 'Xã đang sáp nhập, báo cáo chung với đơn vị mới.' }] });
    const [summary] = await t.sink.waitFor(keyed(`${OCC}/summary`));
    expect(summary!.to).toEqual(['truongban@trieuson.example.org']);
    expect(summary!.cc).toEqual(['ldtbxh@trieuson.example.org']);
    expect(summary!.subject).toContain('[Tổng hợp kết quả]');
    expect(summary!.text).toContain('Nộp đúng hạn: 2 đơn vị');
    expect(summary!.text).toContain('Nộp sau hạn: 1 đơn vị');
    expect(summary!.text).toContain('Chưa nộp: 1 đơn vị');
    expect(summary!.text).toContain('đã nhận 4/4 (3 đúng hạn, 1 sau hạn)');
    expect(summary!.attachments.map((a) => a.filename)).toEqual([workbook]);

    const final = await eventually(campaign, (s) => s.phase === 'closed', 'campaign closed');
    expect(final.summary).toMatchObject({
      plans: { total: 4, received: 4, onTime: 3, late: 1, missing: 0, exempt: 0 },
      results: { total: 4, onTime: 2, late: 1, missing: 1 },
    });
    expect(final.results).toMatchObject({ workflowId: RESULTS, phase: 'closed', consolidations: 1, forwardedTo: ['bvstbpn@thanhhoa.example.org'] });
    expect(final.milestones.map((m) => m.status)).toEqual(['done', 'done', 'done']);
    expect(stepsOf(t.sink, OCC).filter((s) => !s.includes('/') || /^(launch|check-in)\//.test(s))).toEqual([
      ...UNITS.map((u) => `launch/${u}`),
      ...UNITS.map((u) => `check-in/${u}`),
      'summary',
    ]);
    const ids = t.sink.messages().map((m) => m.messageId);
    expect(new Set(ids).size).toBe(ids.length);

    await recordHistory(t.env.client.workflow.getHandle(OCC), 'campaign-action-month');
  });

  it('applied mid-campaign, records what has passed as skipped; a re-applied program moves what is ahead', async () => {
    // The same campaign a year later, applied on Mon 20/11/2028, after its launch (Wed 15/11);
    // then extended by a re-applied program, before and after its end.
    const later: Program = structuredClone(program);
    later.program.id = 'vstbpn-test-thang-hanh-dong-2028';
    later.program.year = 2028;
    const item = later.items[0]!;
    if (item.kind !== 'campaign') throw new Error('the fixture item is a campaign');
    Object.assign(item, { start: '2028-11-15', end: '2028-12-15' });
    const occ = 'vstbpn-test-thang-hanh-dong-2028/thang-hanh-dong/2028-campaign';

    await travelTo(t.env, '2028-11-20T09:00');
    expect((await applyProgram(t.env.client, t.taskQueue, later)).added).toEqual([occ]);
    const midway = await eventually(
      () => t.env.client.workflow.getHandle(occ).query(campaignStatusQuery),
      (s) => s.milestones[0]?.status === 'skipped',
      'launch skipped',
    );
    expect(midway.phase).toBe('running');
    // Plans were due on Wed 8/11/2028: not asked any more.
    expect(midway.plans).toEqual([]);
    expect(midway.milestones.map((m) => [m.kind, m.status])).toEqual([
      ['launch', 'skipped'],
      ['check-in', 'pending'],
      ['end', 'pending'],
    ]);
    expect(midway.notices.filter((n) => n.kind === 'campaign-launch').map((n) => [n.scheduledFor, n.skipped])).toEqual(
      UNITS.map(() => [iso('2028-11-15T08:00'), 'past']),
    );
    await settle();
    expect(t.sink.messages().filter((m) => key(m).startsWith(`${occ}/`))).toHaveLength(0);

    // Wed 22/11: the office extends the campaign to Mon 18/12. The results due moves from
    // Fri 22/12 to Mon 25/12 (5 working days after the end), the check-in from Thu 30/11 to the
    // new middle, Fri 1/12; both pending milestones follow.
    await travelTo(t.env, '2028-11-22T09:00');
    Object.assign(item, { end: '2028-12-18' });
    expect((await applyProgram(t.env.client, t.taskQueue, later)).changed.map((c) => c.id)).toEqual([occ]);
    const handle = t.env.client.workflow.getHandle(occ);
    const extended = await eventually(() => handle.query(campaignStatusQuery), (s) => s.milestones[2]?.at === iso('2028-12-18T17:00'), 'end moved');
    expect(extended.milestones.map((m) => [m.kind, m.at, m.status])).toEqual([
      ['launch', iso('2028-11-15T08:00'), 'skipped'],
      ['check-in', iso('2028-12-01T08:00'), 'pending'],
      ['end', iso('2028-12-18T17:00'), 'pending'],
    ]);

    // The check-in goes out at its new time only.
    await travelTo(t.env, '2028-11-30T08:05');
    await settle();
    expect(t.sink.messages().filter((m) => key(m).startsWith(`${occ}/check-in/`))).toHaveLength(0);
    await travelTo(t.env, '2028-12-01T08:05');
    await t.sink.waitFor((m) => key(m).startsWith(`${occ}/check-in/`), { count: 4 });
    expect(t.sink.messages().filter((m) => key(m).startsWith(`${occ}/launch/`))).toHaveLength(0);

    // The results cycle starts at the new end and asks for Mon 25/12 17:00.
    await travelTo(t.env, '2028-12-18T17:05');
    const results = t.env.client.workflow.getHandle(`${occ}/ket-qua`);
    const started = await eventually(() => results.query(reportCycleStatusQuery), (s) => s.rows.length === 4, 'results rows');
    expect(started.rows.map((r) => r.dueAt)).toEqual(UNITS.map(() => iso('2028-12-25T17:00')));

    // A later edit gives units two more working days (Wed 27/12): it reaches the results cycle,
    // which moves every unit's due.
    await travelTo(t.env, '2028-12-19T09:00');
    item.due = { workingDays: 7, after: 'windowEnd' };
    expect((await applyProgram(t.env.client, t.taskQueue, later)).changed.map((c) => c.id)).toEqual([occ]);
    const moved = await eventually(() => results.query(reportCycleStatusQuery), (s) => s.rows.every((r) => r.dueAt === iso('2028-12-27T17:00')), 'results due moved');
    expect(moved.phase).toBe('collecting');
    const movedNotices = await t.sink.waitFor((m) => UNITS.some((u) => key(m) === `${occ}/${u}/r1/extended-1`), { count: 4 });
    // The reason is the program's, in its language: the workflows pass a code, the activity words it.
    expect(movedNotices[0]!.text).toContain('Chương trình công tác đã được điều chỉnh.');
    const unit = await t.env.client.workflow.getHandle(`${occ}/${UNITS[0]}`).query(statusQuery);
    expect(unit.extensions.map((e) => e.reason)).toEqual(['Chương trình công tác đã được điều chỉnh.']);
    // The replay test's guard for a campaign whose program is re-applied (reconfigure signals).
    await recordHistory(t.env.client.workflow.getHandle(occ), 'campaign-reconfigured');
  });
});
