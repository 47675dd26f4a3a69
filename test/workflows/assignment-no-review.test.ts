// An item that says `review: false`, from the program file to the office's records, on the
// time-skipping server with every notice delivered to a real SMTP sink: a unit's submission is
// accepted as it arrives (no review update), the unit's receipt says the report is received and
// recorded, the records database and the report cycle show it accepted and on time. An item of
// the same program without that line still waits for the office's review.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyProgram } from '../../client/programs';
import { parseProgram } from '../../program/parse';
import type { Program } from '../../program/types';
import { reviewUpdate, statusQuery, submitUpdate } from '../../workflows/assignment/messages';
import { reportCycleStatusQuery } from '../../workflows/report-cycle/messages';
import { recordHistory } from '../support/histories';
import { travelTo } from './assignment-fixture';
import { eventually, startProgramTestEnv, stepsOf, type ProgramTestEnv } from './program-fixture';

// Year 2027 (the test server starts at today and only moves forward). Two reports of the same
// half-year, both due Thu 17/6/2027: the figures need no review, the written report does.
const YAML = `
program:
  id: khong-duyet-2027
  title: Chương trình công tác vì sự tiến bộ của phụ nữ huyện Triệu Sơn năm 2027 (bản thử nghiệm)
  year: 2027
  issuer: Ban Vì sự tiến bộ của phụ nữ huyện Triệu Sơn
  office: ldtbxh
  chair: { name: Lê Quang Trung, title: Trưởng ban, email: truongban@trieuson.example.org }
  upward:
    - { id: ubnd-huyen, name: Ủy ban nhân dân huyện Triệu Sơn, email: vanphong@ubnd.trieuson.example.org }
defaults:
  review: { reviewer: office }
units:
  - { id: ldtbxh, name: Phòng Lao động - Thương binh và Xã hội, kind: department, emails: [ldtbxh@trieuson.example.org] }
  - { id: tho-dan, name: UBND xã Thọ Dân, kind: commune, emails: [tho-dan@trieuson.example.org] }
  - { id: nua, name: UBND thị trấn Nưa, kind: commune, emails: [nua@trieuson.example.org] }
items:
  - id: so-lieu
    kind: report
    title: Số liệu thống kê giới 6 tháng
    assignees: [tho-dan, nua]
    period: six-month
    request: 2027-06-01
    due: { workingDays: 3, after: closing }
    review: false
    consolidation: { due: { workingDays: 2, after: due }, approver: chair }
  - id: bao-cao
    kind: report
    title: Báo cáo sơ kết 6 tháng
    assignees: [tho-dan]
    period: six-month
    request: 2027-06-01
    due: { workingDays: 3, after: closing }
`;

const OFFICE = ['ldtbxh@trieuson.example.org'];
const FIGURES = 'khong-duyet-2027/so-lieu/2027-H1';
const REPORT = 'khong-duyet-2027/bao-cao/2027-H1';

let t: ProgramTestEnv;

function program(): Program {
  const parsed = parseProgram({ text: YAML, fileName: 'khong-duyet.yaml' });
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => `${e.line}:${e.col} ${e.message}`).join('\n'));
  return parsed.program;
}

const handle = (id: string) => t.env.client.workflow.getHandle(id);
const mail = async (key: string) => (await t.sink.waitFor((m) => m.headers['x-dondoc-key'] === key, { timeoutMs: 20_000 }))[0]!;

beforeAll(async () => {
  t = await startProgramTestEnv('no-review');
  await travelTo(t.env, '2027-05-31T09:00');
  expect((await applyProgram(t.env.client, t.taskQueue, program(), 'khong-duyet.yaml')).added.sort()).toEqual([REPORT, FIGURES]);
  // The requests go out on 1/6 at 08:00.
  await travelTo(t.env, '2027-06-01T08:05');
  await t.sink.waitFor((m) => /\/request@/.test(m.messageId), { count: 3, timeoutMs: 30_000 });
  await travelTo(t.env, '2027-06-10T09:00');
});
afterAll(async () => t?.stop());

describe('an item with review: false', () => {
  const id = `${FIGURES}/tho-dan`;

  it('accepts the submission at once and closes, with no review update', async () => {
    const receipt = await handle(id).executeUpdate(submitUpdate, { args: [{ content: 'Số liệu thống kê giới 6 tháng đầu năm 2027 của xã Thọ Dân.' }] });
    expect(receipt).toMatchObject({ late: false, accepted: true });

    await eventually(async () => (await handle(id).describe()).status.name, (s) => s === 'COMPLETED', 'the assignment closed');
    const state = await handle(id).query(statusQuery);
    expect(state.status).toBe('accepted');
    expect(state.reviews).toEqual([]);
    expect(state.submissions.map((s) => s.receiptNumber)).toEqual([receipt.receiptNumber]);
    // A review afterwards finds nothing to decide.
    await expect(handle(id).executeUpdate(reviewUpdate, { args: [{ decision: 'accept' }] })).rejects.toThrow();
    // The replay test keeps this path deterministic from now on.
    await recordHistory(handle(id), 'assignment-no-review');
  });

  it('sends the unit a receipt that says the report is received and recorded, not that it awaits review', async () => {
    const receipt = await mail(`${id}/r1/receipt`);
    expect(receipt.to).toEqual(['tho-dan@trieuson.example.org']);
    expect(receipt.subject).toMatch(/^\[Biên nhận\] Số \S+ – Số liệu thống kê giới 6 tháng$/);
    expect(receipt.text).toContain('Phòng Lao động - Thương binh và Xã hội đã nhận');
    expect(receipt.text).toContain('nội dung này không phải qua bước xem xét: kết quả của UBND xã Thọ Dân đã được ghi nhận là hoàn thành.');
    expect(receipt.text).toContain('Đơn vị không phải thực hiện thêm việc gì đối với nội dung này.');
    expect(receipt.text).not.toContain('sẽ xem xét');

    const told = await mail(`${id}/r1/submitted`);
    expect(told.to).toEqual(OFFICE);
    expect(told.text).toContain('hệ thống đã ghi nhận kết quả của đơn vị là hoàn thành, không cần cho ý kiến chấp nhận.');
    expect(told.text).not.toContain('Đề nghị Phòng Lao động - Thương binh và Xã hội xem xét');
    // The receipt says it all: no separate acceptance letter, as no one reviewed.
    expect(stepsOf(t.sink, id)).toEqual(['request', 'r1/receipt', 'r1/submitted']);
  });

  it('is recorded as accepted in the records database and counted accepted and on time by its report cycle', async () => {
    const record = await eventually(async () => (await t.deps.records!.getAssignment(id))!, (r) => r?.closed === true, 'the closed record');
    expect(record).toMatchObject({ status: 'accepted', closed: true, reviews: [] });
    expect(record.submissions).toHaveLength(1);

    const cycle = await eventually(() => handle(FIGURES).query(reportCycleStatusQuery), (s) => s.rows.find((r) => r.unitId === 'tho-dan')?.status === 'accepted', 'the cycle row');
    expect(cycle.rows.find((r) => r.unitId === 'tho-dan')).toMatchObject({ status: 'accepted', closed: true, late: false });
  });
});

describe('an item of the same program without that line (the defaults review it)', () => {
  const id = `${REPORT}/tho-dan`;

  it('still waits in submitted for the office, and closes on its accept', async () => {
    const receipt = await handle(id).executeUpdate(submitUpdate, { args: [{ content: 'Báo cáo sơ kết 6 tháng đầu năm 2027 của xã Thọ Dân.' }] });
    expect(receipt.accepted).toBeUndefined();
    const sent = await mail(`${id}/r1/receipt`);
    expect(sent.text).toContain('Phòng Lao động - Thương binh và Xã hội sẽ xem xét và thông báo kết quả đến đơn vị.');
    expect(sent.text).not.toContain('không phải qua bước xem xét');
    expect((await mail(`${id}/r1/submitted`)).text).toContain('Đề nghị Phòng Lao động - Thương binh và Xã hội xem xét, cho ý kiến');

    expect((await handle(id).query(statusQuery)).status).toBe('submitted');
    expect((await handle(id).describe()).status.name).toBe('RUNNING');
    await eventually(async () => (await t.deps.records!.getAssignment(id))?.status, (s) => s === 'submitted', 'the submitted record');

    expect(await handle(id).executeUpdate(reviewUpdate, { args: [{ decision: 'accept', reviewer: 'Nguyễn Thị Hoa' }] })).toMatchObject({ status: 'accepted' });
    await mail(`${id}/r1/accepted`);
    await eventually(async () => (await handle(id).describe()).status.name, (s) => s === 'COMPLETED', 'the assignment closed');
    expect((await handle(id).query(statusQuery)).reviews).toMatchObject([{ decision: 'accept', reviewer: 'Nguyễn Thị Hoa' }]);
  });
});

describe('the consolidation of the item without review', () => {
  it('counts the accepted unit on time (Mon 21/6, 17:00) from the rows the records database keeps; Nưa said nothing', async () => {
    await travelTo(t.env, '2027-06-21T17:05');
    const consolidated = await eventually(() => handle(FIGURES).query(reportCycleStatusQuery), (s) => s.consolidations.length === 1, 'the consolidation');
    expect(consolidated.consolidations[0]!.counts).toEqual({ total: 2, onTime: 1, late: 0, missing: 1, exempt: 0, returned: 0 });
    // The rows it consolidated from, as the records database keeps them (the cycle shows no
    // overdue stage: Nưa is still 'requested' there, and counted missing).
    const rows = await t.deps.records!.liveOccurrenceRows(FIGURES);
    expect(rows.map((r) => [r.unitId, r.status, r.late])).toEqual([['tho-dan', 'accepted', false], ['nua', 'requested', false]]);
  });
});
