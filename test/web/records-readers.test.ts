// Closed work read from the records database, in Chromium, after Temporal has forgotten it:
// a whole report cycle on the dev server with a real worker and SMTP sink (one unit submits
// from its page with an attachment, one is returned and resubmits, one is exempted; the
// cycle consolidates, the chair approves, the report goes upward), then every execution is
// deleted as the namespace retention deletes them. The office's dashboard, assignment,
// history and cycle pages, the exports (CSV, XLSX, ICS) and the units' own pages still show
// every record — unit, status, receipt number, decision — marked as read from the records
// database, and a unit's link still reaches only its own assignment.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportCycleWorkflow } from '../../workflows';
import { exemptUpdate, reviewUpdate, submitUpdate, type AssignmentInput } from '../../workflows/assignment/messages';
import type { OccurrenceInput } from '../../workflows/occurrence/input';
import { approveUpdate, reportCycleStatusQuery } from '../../workflows/report-cycle/messages';
import { ADMIN, artifacts, assignmentInput, linkIn, startHarness, waitForNotice, type Harness } from './harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness('records-readers');
});
afterAll(async () => {
  await h?.close();
});

const PROGRAM = 'vstbpn-luu-tru-2026';
const PROGRAM_TITLE = 'Chương trình công tác năm 2026 của Ban vì sự tiến bộ của phụ nữ huyện';
const OFFICE = { id: 'ldtbxh', name: 'Phòng Lao động - Thương binh và Xã hội', emails: ['ldtbxh@trieuson.example.org'] };
const CHAIR_PERSON = { name: 'Lê Quang Trung', title: 'Trưởng ban', email: 'truongban@trieuson.example.org' };
const UPWARD = { id: 'ubnd-huyen', name: 'UBND huyện Triệu Sơn', email: 'ubnd@trieuson.example.org' };
const UNITS: [string, string][] = [
  ['tho-dan', 'UBND xã Thọ Dân'],
  ['hop-thanh', 'UBND xã Hợp Thành'],
  ['dan-ly', 'UBND xã Dân Lý'],
];
const CYCLE = `${PROGRAM}/bao-cao-6-thang/2026-H1`;
const idOf = (unit: string) => `${CYCLE}/${unit}`;
const NAMESPACE = 'default';

const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`, 'utf8');
const shot = (page: Page, name: string) => page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });

function unitInput(unitId: string, unitName: string): AssignmentInput {
  return assignmentInput({ unitId, unitName, programId: PROGRAM, programTitle: PROGRAM_TITLE });
}

function cycleInput(): OccurrenceInput {
  return {
    programId: PROGRAM,
    programTitle: PROGRAM_TITLE,
    timeZone: 'Asia/Ho_Chi_Minh',
    locale: 'vi',
    office: OFFICE,
    chair: CHAIR_PERSON,
    occurrenceId: CYCLE,
    itemId: 'bao-cao-6-thang',
    itemTitle: 'Báo cáo sơ kết 6 tháng đầu năm',
    kind: 'report',
    periodKey: '2026-H1',
    periodLabel: '6 tháng đầu năm 2026',
    assignments: UNITS.map(([id, name]) => ({ id: idOf(id), input: unitInput(id, name) })),
    // Far ahead: the cycle consolidates as soon as every unit is settled.
    consolidation: { dueAt: '2099-06-26T17:00:00+07:00', approver: 'chair', upward: [UPWARD] },
  };
}

async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await read().catch((err: unknown) => err);
    if (value !== undefined && !(value instanceof Error) && ok(value as T)) return value as T;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; last read: ${JSON.stringify(value)?.slice(0, 300) ?? String(value)}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

async function signIn(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${h.baseUrl}/login`);
  await page.getByLabel('Tên đăng nhập').fill(ADMIN.username);
  await page.getByLabel('Mật khẩu').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(/\/office/);
  return page;
}

/** Removes an execution as the namespace retention does, and waits until neither describe nor visibility has it. */
async function forget(workflowIds: string[]): Promise<void> {
  for (const workflowId of workflowIds) await h.client.workflowService.deleteWorkflowExecution({ namespace: NAMESPACE, workflowExecution: { workflowId } });
  // Deletion is asynchronous on the dev server and slow on a loaded machine: generous waits.
  for (const workflowId of workflowIds) {
    await eventually(
      () => h.client.workflow.getHandle(workflowId).describe().then(() => false, () => true),
      (gone) => gone,
      `${workflowId} to be deleted`,
      180_000,
    );
  }
  await eventually(
    async () => Number((await h.client.workflowService.countWorkflowExecutions({ namespace: NAMESPACE, query: `DondocProgram = '${PROGRAM}'` })).count ?? 0),
    (n) => n === 0,
    'visibility to forget the program',
    180_000,
  );
}

const FILE_NAME = 'Bao cao 6 thang Tho Dan.pdf';
const receipts = new Map<string, string[]>();
let thoDanLink = '';
let hopThanhLink = '';

describe('closed work after Temporal forgot it', () => {
  // Generous waits: this machine is shared, and a loaded run is several times slower.
  it('runs a whole report cycle, then deletes every execution', { timeout: 900_000 }, async () => {
    await h.client.workflow.start(reportCycleWorkflow, { taskQueue: h.taskQueue, workflowId: CYCLE, args: [cycleInput()] });
    thoDanLink = linkIn(await waitForNotice(h, idOf('tho-dan'), 'request'));
    hopThanhLink = linkIn(await waitForNotice(h, idOf('hop-thanh'), 'request'));
    await waitForNotice(h, idOf('dan-ly'), 'request');

    // Thọ Dân submits from its page, with an attachment.
    const unit = await (await h.phone()).newPage();
    await unit.goto(thoDanLink);
    await unit.getByLabel('Nội dung báo cáo').fill('6 tháng đầu năm: 12 lớp tập huấn về bình đẳng giới.');
    await unit.getByLabel(/Số cán bộ nữ/).fill('12');
    await unit.getByLabel('Tệp đính kèm').setInputFiles({ name: FILE_NAME, mimeType: 'application/pdf', buffer: pdf('tho dan lan 1') });
    await unit.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await unit.waitForURL(/\/receipt$/);
    receipts.set('tho-dan', [(await unit.locator('#receipt-number').innerText()).trim()]);
    await unit.context().close();
    await h.client.workflow.getHandle(idOf('tho-dan')).executeUpdate(reviewUpdate, { args: [{ decision: 'accept', reviewer: 'Phòng LĐ-TB&XH' }] });

    // Hợp Thành is returned once, resubmits and is accepted.
    const hop = h.client.workflow.getHandle(idOf('hop-thanh'));
    const r1 = await hop.executeUpdate(submitUpdate, { args: [{ content: 'Báo cáo lần 1 của Hợp Thành', indicators: { 'can-bo-nu': 7 } }] });
    await hop.executeUpdate(reviewUpdate, { args: [{ decision: 'return', comment: 'Đề nghị bổ sung số liệu cán bộ nữ cấp xã.' }] });
    const r2 = await hop.executeUpdate(submitUpdate, { args: [{ content: 'Báo cáo lần 2 của Hợp Thành, đã bổ sung', indicators: { 'can-bo-nu': 9 } }] });
    await hop.executeUpdate(reviewUpdate, { args: [{ decision: 'accept' }] });
    receipts.set('hop-thanh', [r1.receiptNumber, r2.receiptNumber]);

    // Dân Lý is exempted.
    await h.client.workflow.getHandle(idOf('dan-ly')).executeUpdate(exemptUpdate, { args: [{ reason: 'Xã đang sáp nhập theo Nghị quyết của Ủy ban Thường vụ Quốc hội', decidedBy: 'Phòng LĐ-TB&XH' }] });

    const cycle = h.client.workflow.getHandle(CYCLE);
    await eventually(() => cycle.query(reportCycleStatusQuery).then((st) => st.phase), (phase) => phase === 'awaiting-approval', 'the consolidation', 180_000);
    await cycle.executeUpdate(approveUpdate, { args: [{ decision: 'approve', by: CHAIR_PERSON.name }] });
    // The closing record is written before a workflow completes: completed means recorded.
    for (const id of [CYCLE, ...UNITS.map(([u]) => idOf(u))]) {
      await eventually(() => h.client.workflow.getHandle(id).describe().then((d) => d.status.name), (status) => status === 'COMPLETED', `${id} to complete`, 180_000);
    }

    await forget([CYCLE, ...UNITS.map(([u]) => idOf(u))]);
  });

  it('the dashboard, the office pages and the exports still show every record', { timeout: 180_000 }, async () => {
    const thoDan = receipts.get('tho-dan')![0]!;
    const [hop1, hop2] = receipts.get('hop-thanh')!;
    const office = await signIn(await h.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' }));

    // The programs list still has the program, from its records.
    await office.goto(`${h.baseUrl}/office`);
    await office.getByRole('link', { name: PROGRAM }).click();
    await office.waitForURL(new RegExp(`/office/programs/${PROGRAM}$`));
    const counts = await office.locator('.counts').innerText();
    expect(counts).toMatch(/3\s*Tổng số/);
    expect(counts).toMatch(/2\s*Đã chấp nhận/);
    expect(counts).toMatch(/1\s*Được miễn/);
    const matrix = office.locator('table.matrix');
    expect(await matrix.getByRole('row', { name: /UBND xã Thọ Dân/ }).innerText()).toContain('Đã chấp nhận (lưu trữ)');
    expect(await matrix.getByRole('row', { name: /UBND xã Hợp Thành/ }).innerText()).toContain('Đã chấp nhận (lưu trữ)');
    expect(await matrix.getByRole('row', { name: /UBND xã Dân Lý/ }).innerText()).toContain('Được miễn (lưu trữ)');
    await shot(office, 'records-dashboard');

    // The office's assignment page, from the matrix: read only, the receipt and the decision.
    await matrix.getByRole('row', { name: /UBND xã Thọ Dân/ }).getByRole('link', { name: /Đã chấp nhận/ }).click();
    await office.waitForURL(/\/office\/assignments\//);
    expect(await office.locator('#records-note').innerText()).toContain('đọc từ hồ sơ lưu trữ');
    const page = await office.locator('main').innerText();
    expect(page).toContain(thoDan);
    expect(await office.locator('#summary').innerText()).toContain('Đã chấp nhận');
    expect(await office.locator('ol.timeline').innerText()).toMatch(/Chấp nhận\s+Người thực hiện|Chấp nhận/);
    expect(await office.getByRole('button', { name: 'Chấp nhận' }).count()).toBe(0);
    const file = await office.request.get(`${h.baseUrl}${(await office.getByRole('link', { name: FILE_NAME }).getAttribute('href'))!}`);
    expect(file.status()).toBe(200);
    expect((await file.body()).toString('utf8')).toContain('tho dan lan 1');
    await shot(office, 'records-office-assignment');

    await office.goto(`${h.baseUrl}/office/assignments/${encodeURIComponent(idOf('hop-thanh'))}`);
    const returned = await office.locator('main').innerText();
    expect(returned).toContain(hop1);
    expect(returned).toContain(hop2);
    expect(returned).toContain('Đề nghị bổ sung số liệu cán bộ nữ cấp xã.');

    // One unit's history.
    await office.goto(`${h.baseUrl}/office/programs/${PROGRAM}/units/tho-dan`);
    const history = await office.locator('main').innerText();
    expect(history).toContain('Đã chấp nhận (lưu trữ)');
    expect(history).toContain(thoDan);

    // The cycle is still listed and counted, from its record.
    await office.goto(`${h.baseUrl}/office/programs/${PROGRAM}`);
    expect(await office.locator('#program-level').innerText()).toContain('Các kỳ báo cáo, nhiệm vụ (1)');
    await office.getByRole('link', { name: 'Các kỳ báo cáo, nhiệm vụ' }).click();
    await office.waitForURL(/\/occurrences$/);
    const listed = await office.getByRole('row', { name: /Báo cáo sơ kết 6 tháng đầu năm/ }).innerText();
    expect(listed).toContain('6 tháng đầu năm 2026');
    expect(listed).toContain('(lưu trữ)');

    // The cycle: its consolidation, the chair's approval, the forward; the workbook downloads.
    await office.getByRole('row', { name: /Báo cáo sơ kết 6 tháng đầu năm/ }).getByRole('link').click();
    await office.waitForURL(/\/office\/occurrences\/.+/);
    const cyclePage = await office.locator('main').innerText();
    expect(cyclePage).toContain('đọc từ hồ sơ lưu trữ');
    expect(cyclePage).toContain(CHAIR_PERSON.name);
    expect(cyclePage).toContain(UPWARD.email);
    const workbook = await office.request.get(`${h.baseUrl}${(await office.locator('#consolidation-1').getByRole('link', { name: 'Bảng tổng hợp (Excel)' }).getAttribute('href'))!}`);
    expect(workbook.status()).toBe(200);
    expect((await workbook.body()).subarray(0, 2).toString()).toBe('PK');
    await shot(office, 'records-cycle');

    // CSV: one line per unit with its status, receipt number and where it was read from.
    const csv = (await (await office.request.get(`${h.baseUrl}/office/programs/${PROGRAM}/matrix.csv`)).text()).replace(/^\uFEFF/, '');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toContain('Số biên nhận');
    expect(lines[0]).toContain('Nguồn dữ liệu');
    const line = (name: string) => lines.find((l) => l.startsWith(name)) ?? '';
    expect(line('UBND xã Thọ Dân')).toContain(`Đã chấp nhận`);
    expect(line('UBND xã Thọ Dân')).toContain(thoDan);
    expect(line('UBND xã Thọ Dân')).toMatch(/Hồ sơ lưu trữ$/);
    expect(line('UBND xã Hợp Thành')).toContain(hop2);
    expect(line('UBND xã Dân Lý')).toContain('Được miễn');

    // XLSX: the same, cell by cell.
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await (await office.request.get(`${h.baseUrl}/office/programs/${PROGRAM}/matrix.xlsx`)).body()) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const rows: string[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    const header = rows[0]!;
    const thoRow = rows.find((r) => r[0] === 'UBND xã Thọ Dân')!;
    expect(thoRow[header.findIndex((c) => c.endsWith('— Trạng thái'))]).toBe('Đã chấp nhận');
    expect(thoRow[header.findIndex((c) => c.endsWith('— Số biên nhận'))]).toBe(thoDan);
    expect(thoRow[header.indexOf('Nguồn dữ liệu')]).toBe('Hồ sơ lưu trữ');
    expect(rows.find((r) => r[0] === 'UBND xã Dân Lý')![header.findIndex((c) => c.endsWith('— Trạng thái'))]).toBe('Được miễn');

    // The JSON API says where it read the assignment from.
    const api = (await (await office.request.get(`${h.baseUrl}/api/assignments/${encodeURIComponent(idOf('tho-dan'))}`)).json()) as { data?: unknown } & Record<string, unknown>;
    expect(JSON.stringify(api)).toContain('"source":"records"');
    expect(JSON.stringify(api)).toContain(thoDan);

    // ICS: the unit's due, with its status and receipt number.
    const ics = (await (await office.request.get(`${h.baseUrl}/office/programs/${PROGRAM}/units/tho-dan/calendar.ics`)).text()).replace(/\r\n[ \t]/g, '');
    expect(ics).toContain(`UID:${idOf('tho-dan')}@dondoc`);
    expect(ics).toContain('Tình trạng: Đã chấp nhận');
    expect(ics).toContain(`Số biên nhận: ${thoDan}`);
  });

  it('a unit’s link still shows its receipt and the decision, read only, and only its own', { timeout: 120_000 }, async () => {
    const thoDan = receipts.get('tho-dan')![0]!;
    const [, hop2] = receipts.get('hop-thanh')!;
    const unit = await (await h.phone()).newPage();
    const opened = await unit.goto(thoDanLink);
    expect(opened?.status()).toBe(200);
    expect(await unit.locator('#records-note').innerText()).toContain('đọc từ hồ sơ lưu trữ');
    expect(await unit.locator('#summary').innerText()).toContain('Đã chấp nhận');
    const main = await unit.locator('main').innerText();
    expect(main).toContain('Báo cáo đã được chấp nhận');
    expect(main).toContain(thoDan);
    expect(await unit.getByRole('button', { name: 'Gửi báo cáo' }).count()).toBe(0);
    const href = (await unit.getByRole('link', { name: FILE_NAME }).getAttribute('href'))!;
    const own = await unit.request.get(`${h.baseUrl}${href}`);
    expect(own.status()).toBe(200);
    expect((await own.body()).toString('utf8')).toContain('tho dan lan 1');
    await shot(unit, 'records-unit-page');

    await unit.goto(`${thoDanLink}/receipt`);
    expect((await unit.locator('#receipt-number').innerText()).trim()).toBe(thoDan);
    const receipt = await unit.locator('main').innerText();
    expect(receipt).toContain('UBND xã Thọ Dân');
    expect(receipt).toMatch(/Ý kiến của cơ quan thường trực\s*Đã chấp nhận/);
    expect(await unit.locator('#records-note').count()).toBe(1);
    await shot(unit, 'records-receipt');

    const unitApi = (await (await unit.request.get(`${h.baseUrl}/api/unit/${thoDanLink.split('/u/')[1]!}`)).json()) as { source: string; status: string; submissions: { receiptNumber: string }[] };
    expect(unitApi).toMatchObject({ source: 'records', status: 'accepted' });
    expect(unitApi.submissions.map((x) => x.receiptNumber)).toEqual([thoDan]);

    // Hợp Thành's link: its own record, never Thọ Dân's receipt or file.
    await unit.goto(hopThanhLink);
    const other = await unit.locator('main').innerText();
    expect(other).toContain(hop2);
    expect(other).not.toContain(thoDan);
    const ref = decodeURIComponent(href.split('/files/')[1]!);
    const foreign = await unit.request.get(`${hopThanhLink}/files/${encodeURIComponent(ref)}`);
    expect(foreign.status()).toBe(404);
    // A link to an assignment Temporal has forgotten stores nothing: its record is read only.
    const upload = await unit.request.post(`${h.baseUrl}/api/unit/${hopThanhLink.split('/u/')[1]!}/files`, { multipart: { files: { name: 'x.pdf', mimeType: 'application/pdf', buffer: pdf('x') } } });
    expect(upload.status()).toBe(404);
  });
});
