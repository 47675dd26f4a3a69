// An inspection round from the program file, on the time-skipping server with a real SMTP
// sink: the office's inspection plan, then two communes visited. Thọ Dân gets two
// remediation items — one done and accepted, one never done (escalated to the head, the
// office, the chair, then exempted); Hợp Thành gets none. The round closes, with one summary
// to the office, only when both items are settled.
//
// Never `handle.result()` here: waiting on a result lets the server skip time freely.
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyProgram } from '../../client/programs';
import type { SunkMessage } from '../../dev/mail-sink/sink';
import type { Program } from '../../program/types';
import { exemptUpdate, reviewUpdate, statusQuery, submitUpdate } from '../../workflows/assignment/messages';
import { inspectionStatusQuery, recordFindingsUpdate, type InspectionState } from '../../workflows/inspection/messages';
import { recordHistory } from '../support/histories';
import { iso, travelTo } from './assignment-fixture';
import { eventually, loadTestProgram, startProgramTestEnv, stepsOf, type ProgramTestEnv } from './program-fixture';

let t: ProgramTestEnv;
const program = loadTestProgram('kiem-tra-2-don-vi.yaml');
const PLAN = 'vstbpn-test-kiem-tra-2027/kiem-tra/2027-plan';
const ROUND = 'vstbpn-test-kiem-tra-2027/kiem-tra/2027-dot-1';
const remediation = (n: number) => `${ROUND}/tho-dan/khac-phuc-${n}`;

beforeAll(async () => {
  t = await startProgramTestEnv('inspection');
});
afterAll(async () => t?.stop());

const round = () => t.env.client.workflow.getHandle(ROUND);
const state = () => round().query(inspectionStatusQuery);
const visit = (s: InspectionState, unit: string) => s.visits.find((v) => v.unitId === unit)!;
const keyed = (key: string) => (m: SunkMessage) => m.headers['x-dondoc-key'] === key;
const sentWith = (key: string) => t.sink.messages().filter(keyed(key));
/** The validator's reason behind a rejected update. */
async function rejection(promise: Promise<unknown>): Promise<string> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
  return ((err as WorkflowUpdateFailedError).cause as Error).message;
}
/** Waits a moment so a notice that should not have gone yet would have arrived if it had. */
const settle = () => new Promise((r) => setTimeout(r, 1_000));

describe('an inspection round from the program file', () => {
  // The cases follow one round through its weeks, in calendar order: each starts where the
  // previous one left the clock.
  it('runs the office’s inspection plan as a plain assignment', async () => {
    await travelTo(t.env, '2027-09-13T09:00');
    const applied = await applyProgram(t.env.client, t.taskQueue, program, 'kiem-tra-2-don-vi.yaml');
    expect(applied.added.sort()).toEqual([ROUND, PLAN]);

    // The inspection plan is the office's own assignment, run by the plan's inspection
    // workflow as a plain assignment: asked 10 working days before 30/9 (Thu 16/9 08:00).
    await travelTo(t.env, '2027-09-16T08:05');
    await t.sink.waitFor(keyed(`${PLAN}/ldtbxh/request`));
    const plan = t.env.client.workflow.getHandle(`${PLAN}/ldtbxh`);
    await plan.executeUpdate(submitUpdate, { args: [{ content: 'Kế hoạch kiểm tra năm 2027' }] });
    await plan.executeUpdate(reviewUpdate, { args: [{ decision: 'accept' }] });
    const planState = await eventually(() => t.env.client.workflow.getHandle(PLAN).query(inspectionStatusQuery), (s) => s.phase === 'closed', 'plan closed');
    expect(planState.visits).toEqual([]);
    expect(planState.assignments.map((a) => [a.unitId, a.status, a.closed])).toEqual([['ldtbxh', 'accepted', true]]);
  });

  it('tells each unit of its visit five working days ahead, not before, with the office in copy', async () => {
    // Thọ Dân is visited Tue 12/10 08:00: the notice 5 working days before is Tue 5/10 08:00
    // (11/10 Mon, 8 Fri, 7 Thu, 6 Wed, 5 Tue), which is also when the round's workflow starts.
    await travelTo(t.env, '2027-10-05T07:55');
    await settle();
    expect(sentWith(`${ROUND}/tho-dan/notice`)).toHaveLength(0);
    await travelTo(t.env, '2027-10-05T08:05');
    const [notice] = await t.sink.waitFor(keyed(`${ROUND}/tho-dan/notice`));
    expect(notice!.to).toEqual(['tho-dan@trieuson.example.org']);
    expect(notice!.cc).toEqual(['ldtbxh@trieuson.example.org']);
    expect(notice!.subject).toContain('Lịch kiểm tra ngày 12/10/2027');
    const notified = await eventually(state, (s) => visit(s, 'tho-dan').status === 'notified', 'tho-dan notified');
    expect(visit(notified, 'tho-dan')).toMatchObject({ noticeAt: iso('2027-10-05T08:00'), visitAt: iso('2027-10-12T08:00'), reminderAt: iso('2027-10-11T08:00') });
    // Hợp Thành (Thu 14/10 14:00) is told on Thu 7/10 08:00, reminded Wed 13/10 08:00.
    expect(visit(notified, 'hop-thanh')).toMatchObject({ status: 'scheduled', noticeAt: iso('2027-10-07T08:00'), visitAt: iso('2027-10-14T14:00'), reminderAt: iso('2027-10-13T08:00') });

  });

  it('refuses findings for a unit not yet told of its visit, and for a unit not inspected', async () => {
    expect(await rejection(round().executeUpdate(recordFindingsUpdate, { args: [{ unitId: 'hop-thanh', findings: ['x'] }] }))).toMatch(/chưa được thông báo/);
    expect(await rejection(round().executeUpdate(recordFindingsUpdate, { args: [{ unitId: 'dan-ly', findings: ['x'] }] }))).toMatch(/không có trong đợt kiểm tra/);
  });

  it('reminds each unit the working day before its visit, at 08:00, to the unit alone', async () => {
    await travelTo(t.env, '2027-10-07T08:05');
    await t.sink.waitFor(keyed(`${ROUND}/hop-thanh/notice`));
    await travelTo(t.env, '2027-10-11T07:55');
    await settle();
    expect(sentWith(`${ROUND}/tho-dan/reminder`)).toHaveLength(0);
    await travelTo(t.env, '2027-10-11T08:05');
    const [reminder] = await t.sink.waitFor(keyed(`${ROUND}/tho-dan/reminder`));
    expect(reminder!.cc).toEqual([]);
    await travelTo(t.env, '2027-10-13T08:05');
    await t.sink.waitFor(keyed(`${ROUND}/hop-thanh/reminder`));
    expect((await state()).notices.map((n) => [n.key.slice(ROUND.length + 1), n.scheduledFor])).toEqual([
      ['tho-dan/notice', iso('2027-10-05T08:00')],
      ['hop-thanh/notice', iso('2027-10-07T08:00')],
      ['tho-dan/reminder', iso('2027-10-11T08:00')],
      ['hop-thanh/reminder', iso('2027-10-13T08:00')],
    ]);
  });

  it('records findings with remediation items, each asked as an assignment of its own; a due in the past is refused', async () => {
    // Thọ Dân was visited on 12/10; the office records two items.
    expect(await rejection(round().executeUpdate(recordFindingsUpdate, { args: [{ unitId: 'tho-dan', findings: ['x'], remediations: [{ title: 'y', dueAt: '2027-10-01' }] }] }))).toMatch(/phải ở tương lai/);
    const recorded = await round().executeUpdate(recordFindingsUpdate, {
      args: [
        {
          unitId: 'tho-dan',
          team: 'Đoàn kiểm tra liên ngành huyện',
          findings: ['Chưa ban hành kế hoạch hoạt động bình đẳng giới năm 2027.', 'Ban vì sự tiến bộ của phụ nữ xã chưa được kiện toàn.'],
          remediations: [
            // A day only: due at the unit's due time, 17:00.
            { title: 'Ban hành kế hoạch hoạt động bình đẳng giới năm 2027', dueAt: '2027-11-12' },
            { title: 'Kiện toàn Ban vì sự tiến bộ của phụ nữ xã', dueAt: '2027-11-19T17:00:00+07:00' },
          ],
        },
      ],
    });
    expect(recorded).toEqual({
      unitId: 'tho-dan',
      status: 'remediating',
      remediations: [
        { assignmentId: remediation(1), title: 'Ban hành kế hoạch hoạt động bình đẳng giới năm 2027', dueAt: iso('2027-11-12T17:00') },
        { assignmentId: remediation(2), title: 'Kiện toàn Ban vì sự tiến bộ của phụ nữ xã', dueAt: iso('2027-11-19T17:00') },
      ],
    });
    expect(await rejection(round().executeUpdate(recordFindingsUpdate, { args: [{ unitId: 'tho-dan', findings: [] }] }))).toMatch(/đã ghi kết quả/);
    const [findings] = await t.sink.waitFor(keyed(`${ROUND}/tho-dan/findings`));
    expect(findings!.to).toEqual(['tho-dan@trieuson.example.org']);
    expect(findings!.text).toContain('Chưa ban hành kế hoạch hoạt động bình đẳng giới năm 2027.');
    expect(findings!.text).toMatch(/Ban hành kế hoạch hoạt động bình đẳng giới năm 2027 – hạn .*12\/11\/2027/);
    expect(findings!.text).toMatch(/Kiện toàn Ban vì sự tiến bộ của phụ nữ xã – hạn .*19\/11\/2027/);
    expect(findings!.text).toContain('Đoàn kiểm tra liên ngành huyện');
    // Each item is an assignment of its own, asked at once.
    await t.sink.waitFor((m) => [remediation(1), remediation(2)].some((id) => keyed(`${id}/request`)(m)), { count: 2 });
  });

  it('closes a visit with nothing to remedy as soon as its findings are recorded', async () => {
    // Hợp Thành, visited 14/10 14:00, has nothing to remedy: its visit closes at once.
    await travelTo(t.env, '2027-10-15T10:00');
    const clean = await round().executeUpdate(recordFindingsUpdate, { args: [{ unitId: 'hop-thanh', team: 'Đoàn kiểm tra liên ngành huyện' }] });
    expect(clean).toEqual({ unitId: 'hop-thanh', status: 'closed', remediations: [] });
    const [cleanFindings] = await t.sink.waitFor(keyed(`${ROUND}/hop-thanh/findings`));
    expect(cleanFindings!.text).toContain('không có tồn tại, hạn chế phải khắc phục');
    expect((await state()).phase).toBe('remediating');
  });

  it('follows each remediation item as a report: reminded, submitted, accepted', async () => {
    // Item 1 (due Fri 12/11 17:00): reminded 3 and 1 working days before (Tue 9/11, Thu 11/11
    // 08:00), done on Wed 10/11 and accepted.
    await travelTo(t.env, '2027-11-10T09:00');
    await t.env.client.workflow.getHandle(remediation(1)).executeUpdate(submitUpdate, { args: [{ content: 'Đã ban hành Kế hoạch số 15/KH-UBND.' }] });
    await t.env.client.workflow.getHandle(remediation(1)).executeUpdate(reviewUpdate, { args: [{ decision: 'accept' }] });
    await eventually(state, (s) => visit(s, 'tho-dan').remediations[0]?.closed === true, 'item 1 closed');
    expect(stepsOf(t.sink, remediation(1))).toEqual(['request', 'r1/reminder-1', 'r1/receipt', 'r1/submitted', 'r1/accepted']);
  });

  it('escalates an item never done to the head, the office and the chair, and the round stays open', async () => {
    // Item 2 (due Fri 19/11 17:00) is never done: head on Mon 22/11, office on Wed 24/11,
    // chair on Fri 26/11, all at 08:00, once each and in that order. The round stays open.
    await travelTo(t.env, '2027-11-26T09:00');
    await t.sink.waitFor(keyed(`${remediation(2)}/r1/escalation-3`));
    const item2 = await t.env.client.workflow.getHandle(remediation(2)).query(statusQuery);
    expect(item2.notices.filter((n) => n.kind === 'escalation').map((n) => [n.scheduledFor, n.to[0]])).toEqual([
      [iso('2027-11-22T08:00'), 'chutich.tho-dan@trieuson.example.org'],
      [iso('2027-11-24T08:00'), 'ldtbxh@trieuson.example.org'],
      [iso('2027-11-26T08:00'), 'truongban@trieuson.example.org'],
    ]);
    expect(stepsOf(t.sink, remediation(2))).toEqual(['request', 'r1/reminder-1', 'r1/reminder-2', 'r1/escalation-1', 'r1/escalation-2', 'r1/escalation-3']);
    const open = await state();
    expect(open.phase).toBe('remediating');
    expect(visit(open, 'tho-dan').remediations.map((r) => [r.n, r.status, r.closed])).toEqual([
      [1, 'accepted', true],
      [2, 'escalated', false],
    ]);
    expect(sentWith(`${ROUND}/closed`)).toHaveLength(0);
  });

  it('closes once the last item is exempted, with one summary to the office naming what was done and what was exempted', async () => {
    // The office exempts it (the commune merges its committee into the new one): the round closes.
    await travelTo(t.env, '2027-11-29T09:00');
    await t.env.client.workflow.getHandle(remediation(2)).executeUpdate(exemptUpdate, { args: [{ reason: 'Xã sáp nhập, Ban được kiện toàn theo đơn vị mới.' }] });
    const [closed] = await t.sink.waitFor(keyed(`${ROUND}/closed`));
    expect(closed!.to).toEqual(['ldtbxh@trieuson.example.org']);
    expect(closed!.subject).toContain('UBND xã Thọ Dân, UBND xã Hợp Thành');
    expect(closed!.text).toMatch(/Ban hành kế hoạch hoạt động bình đẳng giới năm 2027 – hạn .*12\/11\/2027; hoàn thành .*10\/11\/2027/);
    expect(closed!.text).toContain('Được miễn khắc phục: UBND xã Thọ Dân: Kiện toàn Ban vì sự tiến bộ của phụ nữ xã');
    const final = await eventually(state, (s) => s.closed !== undefined, 'round closed');
    expect(final.phase).toBe('closed');
    expect(final.closed!.units).toEqual(['UBND xã Thọ Dân', 'UBND xã Hợp Thành']);
    expect(final.visits.map((v) => [v.unitId, v.status])).toEqual([
      ['tho-dan', 'closed'],
      ['hop-thanh', 'closed'],
    ]);
    expect(visit(final, 'tho-dan').remediations.map((r) => r.status)).toEqual(['accepted', 'exempted']);

    // Every notice of the round went out once.
    await settle();
    expect(sentWith(`${ROUND}/closed`)).toHaveLength(1);
    expect(stepsOf(t.sink, ROUND).filter((step) => !step.includes('/khac-phuc-'))).toEqual([
      'tho-dan/notice',
      'hop-thanh/notice',
      'tho-dan/reminder',
      'hop-thanh/reminder',
      'tho-dan/findings',
      'hop-thanh/findings',
      'closed',
    ]);
    const ids = t.sink.messages().map((m) => m.messageId);
    expect(new Set(ids).size).toBe(ids.length);

    await recordHistory(round(), 'inspection-two-visits');
  });

  it('follows a re-applied program: a visit moved after its notice is announced again, a dropped one is called off', async () => {
    // The same round a year later, without the plan: Thọ Dân on Tue 10/10/2028 (notice Tue
    // 3/10), Hợp Thành on Thu 12/10/2028 14:00 (notice Thu 5/10).
    const later = inspectionIn2028([
      { unit: 'tho-dan', date: '2028-10-10' },
      { unit: 'hop-thanh', date: '2028-10-12', time: '14:00' },
    ]);
    const occ = 'vstbpn-test-kiem-tra-2028/kiem-tra/2028-dot-1';
    const read = () => t.env.client.workflow.getHandle(occ).query(inspectionStatusQuery);
    await travelTo(t.env, '2028-09-28T09:00');
    expect((await applyProgram(t.env.client, t.taskQueue, later)).added).toEqual([occ]);
    await travelTo(t.env, '2028-10-05T08:05');
    await t.sink.waitFor((m) => [`${occ}/tho-dan/notice`, `${occ}/hop-thanh/notice`].some((k) => keyed(k)(m)), { count: 2 });

    // Fri 6/10: Hợp Thành's visit moves a week, to Thu 19/10 14:00; Thọ Dân's is dropped.
    await travelTo(t.env, '2028-10-06T09:00');
    const edited = inspectionIn2028([{ unit: 'hop-thanh', date: '2028-10-19', time: '14:00' }]);
    const reapplied = await applyProgram(t.env.client, t.taskQueue, edited);
    expect(reapplied.changed.map((c) => c.id)).toEqual([occ]);
    const [calledOff] = await t.sink.waitFor(keyed(`${occ}/tho-dan/cancelled`));
    expect(calledOff!.to).toEqual(['tho-dan@trieuson.example.org']);
    const moved = await eventually(read, (s) => visit(s, 'tho-dan').status === 'removed', 'tho-dan removed');
    // The new notice falls 5 working days before 19/10 (Thu 12/10 08:00), the reminder on Wed 18/10.
    expect(visit(moved, 'hop-thanh')).toMatchObject({
      status: 'notified',
      version: 2,
      noticeAt: iso('2028-10-12T08:00'),
      visitAt: iso('2028-10-19T14:00'),
      reminderAt: iso('2028-10-18T08:00'),
    });

    // The reminder for the old date (Wed 11/10) is not sent; the new notice and reminder are.
    await travelTo(t.env, '2028-10-11T09:00');
    await travelTo(t.env, '2028-10-12T08:05');
    const [again] = await t.sink.waitFor(keyed(`${occ}/hop-thanh/notice-2`));
    expect(again!.subject).toContain('Lịch kiểm tra ngày 19/10/2028');
    await travelTo(t.env, '2028-10-18T08:05');
    await t.sink.waitFor(keyed(`${occ}/hop-thanh/reminder-2`));

    // Nothing to remedy at Hợp Thành: the round closes, naming it alone.
    await travelTo(t.env, '2028-10-19T16:00');
    await t.env.client.workflow.getHandle(occ).executeUpdate(recordFindingsUpdate, { args: [{ unitId: 'hop-thanh' }] });
    const [closed] = await t.sink.waitFor(keyed(`${occ}/closed`));
    expect(closed!.subject).toContain('UBND xã Hợp Thành đã hoàn thành khắc phục');
    expect(stepsOf(t.sink, occ)).toEqual(['tho-dan/notice', 'hop-thanh/notice', 'tho-dan/cancelled', 'hop-thanh/notice-2', 'hop-thanh/reminder-2', 'hop-thanh/findings', 'closed']);
    expect((await eventually(read, (s) => s.phase === 'closed', 'closed')).visits.map((v) => [v.unitId, v.status])).toEqual([
      ['tho-dan', 'removed'],
      ['hop-thanh', 'closed'],
    ]);
    // The replay test's guard for an inspection whose program is re-applied (reconfigure signal).
    await recordHistory(t.env.client.workflow.getHandle(occ), 'inspection-reconfigured');
  });
});

/** The fixture's inspection a year later, with the given visits and no inspection plan. */
function inspectionIn2028(visits: { unit: string; date: string; time?: string }[]): Program {
  const copy: Program = structuredClone(program);
  copy.program.id = 'vstbpn-test-kiem-tra-2028';
  copy.program.year = 2028;
  const item = copy.items[0]!;
  if (item.kind !== 'inspection') throw new Error('the fixture item is an inspection');
  delete item.plan;
  item.rounds = [{ id: 'dot-1', title: 'Đợt 1 (quý IV/2028)', visits }];
  return copy;
}
