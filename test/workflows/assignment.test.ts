// One unit's assignment over weeks, on the time-skipping server, with every notice delivered
// to a real SMTP sink and checked there (recipients, subject, Message-ID). Each case starts
// its own workflow; the server, worker and sink are shared by the file.
//
// The server's clock is shared too and only moves forward, so the cases run in calendar
// order, each in its own days of 2030 (June to October, away from public holidays where
// working days are counted), and name the days they use. A case run alone (`-t`) still works: it only ever travels forward.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  decideRequestUpdate,
  exemptUpdate,
  extendUpdate,
  requestExemptionUpdate,
  requestExtensionUpdate,
  reviewUpdate,
  submitUpdate,
} from '../../workflows/assignment/messages';
import { DUE, ITEM, PROGRAM, STATUS, UNIT as UNIT_ATTRIBUTE } from '../../workflows/search-attributes';
import { recordHistory } from '../support/histories';
import { startAssignmentTestEnv, rejection, type AssignmentTestEnv } from './assignment-env';
import { at, commune, iso, travelTo } from './assignment-fixture';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const UNIT = ['vanphong@tho-dan.example.org'];
const OFFICE = ['ldtbxh@trieuson.example.org'];

let t: AssignmentTestEnv;

beforeAll(async () => {
  t = await startAssignmentTestEnv('assignment');
  // Monday; the fixture's due is Friday of the following week, 14/6 at 17:00.
  await travelTo(t.env, '2030-06-03T08:00');
});
afterEach(async () => t?.stopStarted());
afterAll(async () => t?.stop());

describe('updates the workflow refuses (Monday 3/6)', () => {
  it('refuses an empty submission and records nothing', async () => {
    const id = 'test/refused-empty/tho-ngoc';
    const handle = await t.start(id, { unit: commune('tho-ngoc', 'Thọ Ngọc') });
    expect(await rejection(handle.executeUpdate(submitUpdate, { args: [{ content: '   ' }] }))).toContain('nội dung báo cáo không được để trống');
    expect((await t.settled(id)).submissions).toEqual([]);
  });

  it('refuses a submission longer than 20,000 characters', async () => {
    const handle = await t.start('test/refused-long/tho-ngoc', { unit: commune('tho-ngoc', 'Thọ Ngọc') });
    expect(await rejection(handle.executeUpdate(submitUpdate, { args: [{ content: 'x'.repeat(20_001) }] }))).toContain('content too long');
  });

  it('refuses a review when nothing has been submitted', async () => {
    const handle = await t.start('test/refused-review/tho-ngoc', { unit: commune('tho-ngoc', 'Thọ Ngọc') });
    expect(await rejection(handle.executeUpdate(reviewUpdate, { args: [{ decision: 'accept' }] }))).toContain('nothing to review');
  });

  it('refuses an extension into the past and records nothing', async () => {
    const id = 'test/refused-extension/tho-ngoc';
    const handle = await t.start(id, { unit: commune('tho-ngoc', 'Thọ Ngọc') });
    expect(await rejection(handle.executeUpdate(extendUpdate, { args: [{ newDueAt: '2001-01-01T00:00:00Z', reason: 'x' }] }))).toContain('future');
    expect((await t.settled(id)).extensions).toEqual([]);
  });
});

describe('search attributes: what lists and the dashboard find (Monday 3/6)', () => {
  // Upserts of dondoc's own attributes (the SDK upserts TemporalChangeVersion with a patch marker).
  const upserts = async (id: string) =>
    ((await t.env.client.workflow.getHandle(id).fetchHistory()).events ?? []).filter((e) =>
      Object.keys(e.upsertWorkflowSearchAttributesEventAttributes?.searchAttributes?.indexedFields ?? {}).some((k) => k.startsWith('Dondoc'))).length;

  it('shows program, item, unit, period, status and due from the start, without an upsert', async () => {
    const id = 'test/attributes/given';
    const handle = await t.start(id);
    await t.waitForKey(id, 'request');
    const shown = (await handle.describe()).typedSearchAttributes;
    expect([shown.get(PROGRAM), shown.get(ITEM), shown.get(UNIT_ATTRIBUTE), shown.get(STATUS), shown.get(DUE)?.toISOString()]).toEqual([
      'vstbpn-test', 'bao-cao-6-thang', 'tho-dan', 'requested', new Date(iso('2030-06-14T17:00')).toISOString(),
    ]);
    expect(await upserts(id)).toBe(0);
  });

  it('sets them with one upsert when the starter did not (a client of an earlier release)', async () => {
    const id = 'test/attributes/upserted';
    const handle = await t.start(id, {}, { searchAttributes: false });
    await t.waitForKey(id, 'request');
    await t.quiet(id);
    const shown = (await handle.describe()).typedSearchAttributes;
    expect([shown.get(PROGRAM), shown.get(UNIT_ATTRIBUTE), shown.get(STATUS)]).toEqual(['vstbpn-test', 'tho-dan', 'requested']);
    expect(await upserts(id)).toBe(1);
  });
});

describe('exemptions, unit requests and cancellation (Monday 3/6)', () => {
  it('exempts a unit on the office’s decision: the unit is told, the office in copy, and the assignment closes', async () => {
    const id = 'test/exempted/quang-phu';
    const handle = await t.start(id, { unit: commune('quang-phu', 'Quảng Phú') });
    expect(await handle.executeUpdate(exemptUpdate, { args: [{ reason: 'Xã đã sáp nhập vào xã Thọ Dân.' }] })).toEqual({ status: 'exempted' });
    const told = await t.waitForKey(id, 'exempted');
    expect(told.to).toEqual(['vanphong@quang-phu.example.org']);
    expect(told.cc).toEqual(OFFICE);
    expect(told.text).toContain('Xã đã sáp nhập vào xã Thọ Dân.');
    expect((await t.closedState(id)).status).toBe('exempted');
  });

  it('sends a unit’s exemption request to the office and, once granted, exempts the unit', async () => {
    const id = 'test/exemption-request/quang-phu';
    const handle = await t.start(id, { unit: commune('quang-phu', 'Quảng Phú') });
    const request = await handle.executeUpdate(requestExemptionUpdate, { args: [{ reason: 'Xã không có cán bộ nữ trong diện báo cáo.' }] });
    expect(request).toMatchObject({ id: 1, kind: 'exemption', status: 'pending' });
    const asked = await t.waitForKey(id, 'exemption-request-1');
    expect(asked.to).toEqual(OFFICE);
    expect(asked.text).toContain('Xã không có cán bộ nữ trong diện báo cáo.');
    await handle.executeUpdate(decideRequestUpdate, { args: [{ requestId: 1, grant: true }] });
    const granted = await t.waitForKey(id, 'exemption-request-1/granted');
    expect(granted.to).toEqual(['vanphong@quang-phu.example.org']);
    expect((await t.closedState(id)).status).toBe('exempted');
  });

  it('sends a unit’s extension request to the office and, once refused, tells the unit and keeps the due', async () => {
    const id = 'test/extension-request/quang-phu';
    const handle = await t.start(id, { unit: commune('quang-phu', 'Quảng Phú') });
    await handle.executeUpdate(requestExtensionUpdate, { args: [{ reason: 'Mưa lũ chia cắt thôn.', proposedDueAt: iso('2030-06-21T17:00') }] });
    expect((await t.waitForKey(id, 'extension-request-1')).to).toEqual(OFFICE);
    const decided = await handle.executeUpdate(decideRequestUpdate, { args: [{ requestId: 1, grant: false, comment: 'Số liệu đã có sẵn tại xã.' }] });
    expect(decided.status).toBe('refused');
    const refused = await t.waitForKey(id, 'extension-request-1/refused');
    expect(refused.to).toEqual(['vanphong@quang-phu.example.org']);
    expect(refused.cc).toEqual(OFFICE);
    expect(refused.text).toContain('Số liệu đã có sẵn tại xã.');
    const state = await t.settled(id);
    expect([state.status, state.dueAt]).toEqual(['requested', iso('2030-06-14T17:00')]);
  });

  it('tells the unit, the office in copy, when its assignment is cancelled (the program no longer asks it)', async () => {
    const id = 'test/cancelled/quang-phu';
    const handle = await t.start(id, { unit: commune('quang-phu', 'Quảng Phú') });
    // Cancelled once the request is out and recorded, as a re-applied program would do.
    await t.waitForKey(id, 'request');
    await t.quiet(id);
    await handle.cancel();
    const told = await t.waitForKey(id, 'cancelled');
    expect(told.to).toEqual(['vanphong@quang-phu.example.org']);
    expect(told.cc).toEqual(OFFICE);
    expect(t.stepsOf(id)).toEqual(['request', 'cancelled']);
    await t.closedState(id, 'CANCELLED');
  });
});

describe('a unit that reports on time (June)', () => {
  it('sends the request to the unit’s mailbox, its Message-ID made from the notice key (Monday 3/6)', async () => {
    const id = 'test/request/tho-dan';
    await t.start(id);
    const request = await t.waitForKey(id, 'request');
    expect(request.to).toEqual(UNIT);
    expect(request.messageId).toBe(`<${id}/request@test.example.org>`);
    expect(request.subject).toContain('Báo cáo sơ kết 6 tháng');
  });

  it('reminds three working days before the due, at 08:00 and not a minute earlier (Tuesday 11/6)', async () => {
    const id = 'test/reminder/tho-dan';
    await t.start(id);
    // 3 working days before Friday 14/6 is Tuesday 11/6, at 08:00.
    await travelTo(t.env, '2030-06-11T07:59');
    expect((await t.settled(id)).notices.map((n) => n.kind)).toEqual(['request']);
    await travelTo(t.env, '2030-06-11T08:01');
    const reminder = await t.waitForKey(id, 'r1/reminder-1');
    expect(reminder.to).toEqual(UNIT);
    expect((await t.settled(id)).notices.find((n) => n.kind === 'reminder')?.scheduledFor).toBe(iso('2030-06-11T08:00'));
  });

  it('gives the unit a receipt with its number and tells the office of the submission (Wednesday 12/6)', async () => {
    const id = 'test/receipt/tho-dan';
    const handle = await t.start(id);
    await travelTo(t.env, '2030-06-12T10:00');
    const receipt = await handle.executeUpdate(submitUpdate, { args: [{ content: 'Báo cáo kết quả 6 tháng: 12 lớp tập huấn, 480 lượt người.' }] });
    expect(receipt.receiptNumber).toMatch(/^BN-20300612-[0-9A-Z]{6}-1$/);
    expect(receipt.late).toBe(false);
    const toUnit = await t.waitForKey(id, 'r1/receipt');
    const toOffice = await t.waitForKey(id, 'r1/submitted');
    expect(toUnit.to).toEqual(UNIT);
    expect(toUnit.text).toContain(receipt.receiptNumber);
    expect(toOffice.to).toEqual(OFFICE);
  });

  it('closes on acceptance and tells the unit: request, one reminder, receipt, acceptance and nothing else (due Friday 21/6)', async () => {
    const id = 'test/on-time/tho-dan';
    const handle = await t.start(id, { dueAt: iso('2030-06-21T17:00') });
    await travelTo(t.env, '2030-06-18T08:01');
    await t.waitForKey(id, 'r1/reminder-1');
    await travelTo(t.env, '2030-06-19T10:00');
    await handle.executeUpdate(submitUpdate, { args: [{ content: 'Báo cáo kết quả 6 tháng: 12 lớp tập huấn, 480 lượt người.' }] });
    await handle.executeUpdate(reviewUpdate, { args: [{ decision: 'accept', reviewer: 'Phòng LĐ-TB&XH' }] });
    expect((await t.closedState(id)).status).toBe('accepted');
    expect((await t.waitForKey(id, 'r1/accepted')).to).toEqual(UNIT);
    expect(t.stepsOf(id)).toEqual(['request', 'r1/reminder-1', 'r1/receipt', 'r1/submitted', 'r1/accepted']);
  });

  it('sends no reminder or escalation while a submission awaits review (due Friday 21/6, checked Friday 28/6)', async () => {
    const id = 'test/awaiting-review/tho-dan';
    const handle = await t.start(id, { dueAt: iso('2030-06-21T17:00') });
    await handle.executeUpdate(submitUpdate, { args: [{ content: 'Báo cáo kết quả 6 tháng.' }] });
    // Past the last reminder (Thursday 20/6) and the whole ladder (up to Friday 28/6, 08:00).
    await travelTo(t.env, '2030-06-28T09:00');
    const state = await t.settled(id);
    expect(state.status).toBe('submitted');
    expect(state.notices.filter((n) => !n.skipped).map((n) => n.kind)).toEqual(['request', 'receipt', 'submitted']);
    expect(t.stepsOf(id)).toEqual(['request', 'r1/receipt', 'r1/submitted']);
  });
});

describe('a report returned for revision (July)', () => {
  it('tells the unit why, the office in copy, and gives it five working days (Monday 1/7)', async () => {
    // 07:30, so that the next case can still start at 08:00 the same Monday.
    await travelTo(t.env, '2030-07-01T07:30');
    const id = 'test/returned-notice/hop-thanh';
    const handle = await t.start(id, { dueAt: iso('2030-07-12T17:00'), unit: commune('hop-thanh', 'Hợp Thành') });
    await handle.executeUpdate(submitUpdate, { args: [{ content: 'Số liệu chưa đủ' }] });
    const returned = await handle.executeUpdate(reviewUpdate, {
      args: [{ decision: 'return', comment: 'Đề nghị bổ sung số liệu cán bộ nữ theo biểu mẫu.' }],
    });
    // Returned on Monday 1/7: 5 working days later is Monday 8/7, at the old due's time of day.
    expect(returned).toEqual({ status: 'returned', dueAt: iso('2030-07-08T17:00') });
    const notice = await t.waitForKey(id, 'r1/returned');
    expect(notice.to).toEqual(['vanphong@hop-thanh.example.org']);
    expect(notice.text).toContain('Đề nghị bổ sung số liệu cán bộ nữ theo biểu mẫu.');
    expect(notice.cc).toEqual(OFFICE);
  });

  it('re-arms the reminders for the new due, then accepts the resubmission as round 2 (Monday 1/7 to Friday 5/7)', async () => {
    // The recorded history `assignment-returned-accepted` comes from this case: keep its steps.
    const id = 'test/returned/hop-thanh';
    await travelTo(t.env, '2030-07-01T08:00');
    const handle = await t.start(id, { dueAt: iso('2030-07-12T17:00'), unit: commune('hop-thanh', 'Hợp Thành') });
    await handle.executeUpdate(submitUpdate, { args: [{ content: 'Số liệu chưa đủ' }] });
    await handle.executeUpdate(reviewUpdate, { args: [{ decision: 'return', comment: 'Đề nghị bổ sung số liệu cán bộ nữ theo biểu mẫu.' }] });
    // Round 2 reminders: 3 and 1 working days before Monday 8/7 → Wed 3/7 and Fri 5/7.
    await travelTo(t.env, '2030-07-05T09:00');
    await t.waitForKey(id, 'r2/reminder-2');
    const state = await t.settled(id);
    expect(state.notices.filter((n) => n.kind === 'reminder').map((n) => n.scheduledFor)).toEqual([iso('2030-07-03T08:00'), iso('2030-07-05T08:00')]);

    const second = await handle.executeUpdate(submitUpdate, { args: [{ content: 'Đã bổ sung đầy đủ số liệu.' }] });
    expect(second.receiptNumber).toMatch(/-2$/);
    await handle.executeUpdate(reviewUpdate, { args: [{ decision: 'accept' }] });
    const final = await t.closedState(id);
    expect(final.round).toBe(2);
    expect(final.submissions).toHaveLength(2);
    expect(final.reviews.map((r) => r.decision)).toEqual(['return', 'accept']);
    await recordHistory(handle, 'assignment-returned-accepted');
  });
});

describe('escalation when nothing is submitted (July to August)', () => {
  it('marks a late submission late, tells the office, and escalates no further (due Friday 19/7)', async () => {
    const id = 'test/late/xuan-thinh';
    await travelTo(t.env, '2030-07-08T08:00');
    const handle = await t.start(id, {
      unit: commune('xuan-thinh', 'Xuân Thịnh', { name: 'Phạm Văn Cường', email: 'chutich@xuan-thinh.example.org' }),
      dueAt: iso('2030-07-19T17:00'),
    });
    // The first level (Monday 22/7, to the unit's chair) has gone out when the report arrives.
    await travelTo(t.env, '2030-07-22T09:00');
    expect((await t.waitForKey(id, 'r1/escalation-1')).to).toEqual(['chutich@xuan-thinh.example.org']);
    const receipt = await handle.executeUpdate(submitUpdate, { args: [{ content: 'Xin lỗi vì nộp muộn.' }] });
    expect(receipt.late).toBe(true);
    expect((await t.waitForKey(id, 'r1/submitted')).to).toEqual(OFFICE);
    // Past the office's (Wednesday 24/7) and the chair's (Friday 26/7) levels.
    await travelTo(t.env, '2030-07-29T09:00');
    expect((await t.settled(id)).status).toBe('submitted');
    expect(t.stepsOf(id)).toEqual(['request', 'r1/reminder-1', 'r1/reminder-2', 'r1/escalation-1', 'r1/receipt', 'r1/submitted']);
  });

  it('escalates in order, once per level: the unit’s chair, then the office, then the committee chair (due Friday 16/8)', async () => {
    const id = 'test/silent/dan-ly';
    await travelTo(t.env, '2030-08-05T08:00');
    await t.start(id, { unit: commune('dan-ly', 'Dân Lý', { name: 'Trần Thị Bình', email: 'chutich@dan-ly.example.org' }), dueAt: iso('2030-08-16T17:00') });
    // Due Fri 16/8; +1 wd Mon 19/8 08:00 to the head; +3 wd Wed 21/8 to the office; +5 wd Fri 23/8 to the chair.
    await travelTo(t.env, '2030-08-20T09:00');
    await t.waitForKey(id, 'r1/escalation-1');
    expect((await t.settled(id)).status).toBe('escalated');
    await travelTo(t.env, '2030-08-30T09:00');
    await t.waitForKey(id, 'r1/escalation-3');
    const state = await t.settled(id);
    expect(state.notices.filter((n) => n.kind === 'escalation').map((n) => [n.scheduledFor, n.to])).toEqual([
      [iso('2030-08-19T08:00'), ['chutich@dan-ly.example.org']],
      [iso('2030-08-21T08:00'), ['ldtbxh@trieuson.example.org']],
      [iso('2030-08-23T08:00'), ['truongban@trieuson.example.org']],
    ]);
    // A day later still nothing new: each level goes once, each notice with its own Message-ID.
    await travelTo(t.env, '2030-08-31T09:00');
    const keys = t.stepsOf(id);
    expect(keys).toEqual(['request', 'r1/reminder-1', 'r1/reminder-2', 'r1/escalation-1', 'r1/escalation-2', 'r1/escalation-3']);
    expect(new Set(t.mailOf(id).map((m) => m.messageId)).size).toBe(keys.length);
  });
});

describe('an extended due (September to October)', () => {
  /** Due in 10 days, reminded 2 days and 6 hours before, escalated to the office a day after. */
  const extendable = (now: number) => ({
    unit: commune('minh-son', 'Minh Sơn'),
    dueAt: new Date(now + 10 * DAY).toISOString(),
    reminders: [{ amount: 2, unit: 'calendarDays' as const }, { amount: 6, unit: 'hours' as const }],
    escalations: [{ amount: 1, unit: 'calendarDays' as const, audience: 'office' as const }],
  });

  it('tells the unit, sends nothing for the old due, and reminds again before the new one; a reminder already sent is not repeated', async () => {
    const id = 'test/extended-reminder/minh-son';
    // A whole minute, so that the instants compared below carry no stray milliseconds.
    await travelTo(t.env, '2030-09-09T09:00');
    const now = at('2030-09-09T09:00');
    const handle = await t.start(id, extendable(now));
    await t.env.sleep(8 * DAY + HOUR);
    await t.waitForKey(id, 'r1/reminder-1');
    const newDue = new Date(now + 20 * DAY).toISOString();
    await handle.executeUpdate(extendUpdate, { args: [{ newDueAt: newDue, reason: 'Đơn vị xin gia hạn do mưa lũ' }] });
    const extended = await t.waitForKey(id, 'r1/extended-1');
    expect(extended.to).toEqual(['vanphong@minh-son.example.org']);
    expect(extended.text).toContain('Đơn vị xin gia hạn do mưa lũ');
    // Past the old due and the old escalation: nothing but the re-armed reminder fires.
    await t.env.sleep(11 * DAY + 20 * HOUR);
    await t.waitForKey(id, 'r1/reminder-2');
    const state = await t.settled(id);
    expect(state.status).toBe('requested');
    const reminder2 = state.notices.find((n) => n.key.endsWith('r1/reminder-2'));
    expect(Date.parse(reminder2!.scheduledFor)).toBe(Date.parse(newDue) - 6 * HOUR);
    expect(t.stepsOf(id)).toEqual(['request', 'r1/reminder-1', 'r1/extended-1', 'r1/reminder-2']);
  });

  it('escalates a day after the new due, on a working day, and sends each notice once', async () => {
    // The recorded history `assignment-extended-escalated` comes from this case: keep its steps.
    const id = 'test/extended/minh-son';
    // A Sunday: the new due is then a Saturday, and the escalation a day later falls on a
    // Sunday and moves to Monday 21/10.
    await travelTo(t.env, '2030-09-29T09:00');
    const now = at('2030-09-29T09:00');
    const handle = await t.start(id, extendable(now));
    await t.env.sleep(8 * DAY + HOUR);
    await t.waitForKey(id, 'r1/reminder-1');
    const newDue = new Date(now + 20 * DAY).toISOString();
    await handle.executeUpdate(extendUpdate, { args: [{ newDueAt: newDue, reason: 'Đơn vị xin gia hạn do mưa lũ' }] });
    await t.waitForKey(id, 'r1/extended-1');
    await t.env.sleep(11 * DAY + 20 * HOUR);
    await t.waitForKey(id, 'r1/reminder-2');
    // One calendar day after the due, moved to the next working day when that is a day off
    // (as the plan shows it); four days cover the longest weekend.
    await t.env.sleep(4 * DAY);
    const escalation = await t.waitForKey(id, 'r1/escalation-1');
    expect(escalation.to).toEqual(OFFICE);
    const escalated = (await t.settled(id)).notices.find((n) => n.key.endsWith('r1/escalation-1'));
    expect(Date.parse(escalated!.scheduledFor)).toBeGreaterThanOrEqual(Date.parse(newDue) + DAY);
    expect(escalated!.scheduledFor).toBe(iso('2030-10-21T09:00'));
    expect(t.stepsOf(id)).toEqual(['request', 'r1/reminder-1', 'r1/extended-1', 'r1/reminder-2', 'r1/escalation-1']);
    await recordHistory(handle, 'assignment-extended-escalated');
  });
});
