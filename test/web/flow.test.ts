// The whole web flow in Chromium against the dev server, a real worker and a real SMTP
// sink: a unit opens the link from its email, submits with an attachment and sees the
// receipt; the office signs in and returns it with a comment; the unit resubmits; the
// office accepts; the dashboard, the exports and the API show the new state.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, artifacts, assignmentInput, linkIn, startAssignment, startHarness, waitForNotice, type Harness } from './harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness('flow');
});
afterAll(async () => {
  await h?.close();
});

const shot = (page: Page, name: string) => page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });

async function signIn(page: Page, who = ADMIN): Promise<void> {
  await page.goto(`${h.baseUrl}/login`);
  await page.getByLabel('Tên đăng nhập').fill(who.username);
  await page.getByLabel('Mật khẩu').fill(who.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(/\/office/);
}

const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`, 'utf8');

describe('unit and office in the browser', () => {
  it('submit with an attachment, return with a comment, resubmit, accept; the dashboard follows', async () => {
    const id = await startAssignment(h, assignmentInput({ unitId: 'tho-dan', unitName: 'UBND xã Thọ Dân' }));
    const link = linkIn(await waitForNotice(h, id, 'request'));

    // The unit, on a phone, from the email.
    const unit = await (await h.phone()).newPage();
    const opened = await unit.goto(link);
    expect(opened?.status()).toBe(200);
    expect(await unit.getByRole('heading', { level: 1 }).innerText()).toBe('Báo cáo sơ kết 6 tháng đầu năm');
    expect(await unit.locator('#summary').innerText()).toContain('UBND xã Thọ Dân');
    expect(await unit.locator('#summary').innerText()).toMatch(/17:00 ngày 19\/06\/2099 \(còn \d+ ngày làm việc\)/);
    await shot(unit, 'unit-page-phone');

    await unit.getByLabel('Nội dung báo cáo').fill('6 tháng đầu năm: đã triển khai đầy đủ các chỉ tiêu bình đẳng giới.');
    await unit.getByLabel(/Số cán bộ nữ/).fill('12');
    await unit.getByLabel('Tệp đính kèm').setInputFiles({ name: 'Báo cáo 6 tháng.pdf', mimeType: 'application/pdf', buffer: pdf('lan 1') });
    await unit.getByLabel(/Người nộp/).fill('Nguyễn Thị Hoa, Văn phòng UBND xã');
    await unit.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await unit.waitForURL(/\/receipt$/);
    const first = (await unit.locator('#receipt-number').innerText()).trim();
    expect(first).toMatch(/^BN-\d{8}-[0-9A-Z]{6}-1$/);
    await shot(unit, 'receipt-phone');
    const receiptMail = await waitForNotice(h, id, 'r1/receipt');
    expect(receiptMail.text).toContain(first);
    expect(linkIn(receiptMail)).toMatch(/\/u\//);

    // The office reviews on a desktop screen and returns it.
    const office = await (await h.browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await signIn(office);
    expect(await office.getByRole('link', { name: 'vstbpn-2026' }).count()).toBe(1);
    await office.goto(`${h.baseUrl}/office/assignments/${encodeURIComponent(id)}`);
    const submitted = await office.locator('main').innerText();
    expect(submitted).toContain('Đã nộp, chờ duyệt');
    expect(submitted).toContain(first);
    expect(submitted).toContain('Số cán bộ nữ');
    const download = await office.request.get(await office.getByRole('link', { name: 'Báo cáo 6 tháng.pdf' }).getAttribute('href').then((href) => `${h.baseUrl}${href!}`));
    expect(download.status()).toBe(200);
    expect(download.headers()['content-disposition']).toMatch(/^attachment;/);
    expect((await download.body()).toString('utf8')).toContain('lan 1');
    await shot(office, 'office-assignment-submitted');
    await office.getByLabel(/Ý kiến/).fill('Đề nghị bổ sung số liệu cán bộ nữ cấp xã.');
    await office.getByRole('button', { name: 'Trả lại để bổ sung' }).click();
    await office.waitForURL(/done=reviewed/);
    expect(await office.locator('#summary').innerText()).toContain('Trả lại để bổ sung');

    // The unit gets the return by email, reads the comment and resubmits.
    const returned = await waitForNotice(h, id, 'r1/returned');
    await unit.goto(linkIn(returned));
    expect(await unit.locator('main').innerText()).toContain('Đề nghị bổ sung số liệu cán bộ nữ cấp xã.');
    await shot(unit, 'unit-returned-phone');
    await unit.getByLabel('Nội dung báo cáo').fill('Đã bổ sung số liệu cán bộ nữ cấp xã: 12 người, trong đó 3 người giữ chức vụ lãnh đạo.');
    await unit.getByLabel(/Số cán bộ nữ/).fill('12');
    await unit.getByLabel('Tệp đính kèm').setInputFiles({ name: 'Bổ sung.pdf', mimeType: 'application/pdf', buffer: pdf('lan 2') });
    await unit.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await unit.waitForURL(/\/receipt$/);
    expect((await unit.locator('#receipt-number').innerText()).trim()).toMatch(/-2$/);

    // The office accepts; the dashboard shows it.
    await office.goto(`${h.baseUrl}/office/assignments/${encodeURIComponent(id)}`);
    await office.getByRole('button', { name: 'Chấp nhận' }).click();
    await office.waitForURL(/done=reviewed/);
    expect(await office.locator('#summary').innerText()).toContain('Đã chấp nhận');
    const timeline = await office.locator('ol.timeline').innerText();
    expect(timeline).toContain('Đề nghị bổ sung số liệu cán bộ nữ cấp xã.');
    expect(timeline).toContain('Thư đề nghị thực hiện');
    await shot(office, 'office-assignment-accepted');
    await waitForNotice(h, id, 'r2/accepted');

    await office.goto(`${h.baseUrl}/office/programs/vstbpn-2026`);
    const row = office.getByRole('row', { name: /tho-dan/ });
    expect(await row.getByRole('link', { name: 'Đã chấp nhận' }).isVisible()).toBe(true);
    await shot(office, 'dashboard-desktop');
    const phoneOffice = await (await h.phone()).newPage();
    await signIn(phoneOffice);
    await phoneOffice.goto(`${h.baseUrl}/office/programs/vstbpn-2026`);
    await shot(phoneOffice, 'dashboard-phone');

    // The unit page after acceptance: closed, both rounds with the office's comment.
    await unit.goto(link);
    const closed = await unit.locator('main').innerText();
    expect(closed).toContain('Báo cáo đã được chấp nhận');
    expect(closed).toContain('Lần nộp thứ 1');
    expect(await unit.getByRole('button', { name: 'Gửi báo cáo' }).count()).toBe(0);
  });

  it('exports the matrix (CSV with BOM, XLSX) and a unit calendar; the API and its OpenAPI document agree', async () => {
    const office = await (await h.browser.newContext()).newPage();
    await signIn(office);
    const csv = await office.request.get(`${h.baseUrl}/office/programs/vstbpn-2026/matrix.csv`);
    expect(csv.status()).toBe(200);
    const bytes = await csv.body();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('tho-dan');
    const xlsx = await office.request.get(`${h.baseUrl}/office/programs/vstbpn-2026/matrix.xlsx`);
    expect((await xlsx.body()).subarray(0, 2).toString()).toBe('PK');
    const ics = await office.request.get(`${h.baseUrl}/office/programs/vstbpn-2026/units/tho-dan/calendar.ics`);
    expect(await ics.text()).toMatch(/^BEGIN:VCALENDAR\r\n[\s\S]*UID:assign\/vstbpn-2026\/bao-cao-6-thang\/2026-H1\/tho-dan@dondoc\r\n[\s\S]*END:VCALENDAR\r\n$/);

    const api = office.request;
    const session = await api.post(`${h.baseUrl}/api/session`, { data: ADMIN });
    const { csrfToken } = (await session.json()) as { csrfToken: string };
    const matrix = (await (await api.get(`${h.baseUrl}/api/programs/vstbpn-2026/matrix`)).json()) as { rows: { unitId: string; cells: Record<string, { status: string }> }[] };
    expect(matrix.rows.find((r) => r.unitId === 'tho-dan')?.cells['bao-cao-6-thang|2026-H1']?.status).toBe('accepted');
    const refused = await api.post(`${h.baseUrl}/api/assignments/${encodeURIComponent('assign/vstbpn-2026/bao-cao-6-thang/2026-H1/tho-dan')}/review`, { data: { decision: 'accept' } });
    expect(refused.status()).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: 'csrf' } });
    const rejected = await api.post(`${h.baseUrl}/api/assignments/${encodeURIComponent('assign/vstbpn-2026/bao-cao-6-thang/2026-H1/tho-dan')}/review`, { data: { decision: 'accept' }, headers: { 'x-csrf-token': csrfToken } });
    expect(rejected.status()).toBe(409);
    expect(await rejected.json()).toMatchObject({ error: { code: 'rejected' } });
    const invalid = await api.post(`${h.baseUrl}/api/assignments/x/extend`, { data: { newDueAt: 'tomorrow' }, headers: { 'x-csrf-token': csrfToken } });
    expect(invalid.status()).toBe(400);
    expect(await invalid.json()).toMatchObject({ error: { code: 'validation', details: expect.any(Array) } });

    const doc = (await (await api.get(`${h.baseUrl}/api/openapi.json`)).json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toBe('3.1.0');
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const method of Object.keys(methods)) {
        expect(h.web.hasRoute({ method: method.toUpperCase() as 'GET', url: path.replace(/\{(\w+)\}/g, ':$1') }), `${method} ${path}`).toBe(true);
      }
    }
  });

  it('takes an extension request from the unit page; the office grants it and the due moves', async () => {
    const id = await startAssignment(h, assignmentInput({ unitId: 'hop-thanh', unitName: 'UBND xã Hợp Thành' }));
    const link = linkIn(await waitForNotice(h, id, 'request'));
    const unit = await (await h.phone()).newPage();
    await unit.goto(link);
    await unit.getByText('Đề nghị gia hạn', { exact: true }).click();
    await unit.locator('#extension-reason').fill('Chờ số liệu tổng hợp từ các thôn.');
    await unit.getByLabel('Đề xuất hạn mới').fill('2099-07-03');
    await unit.locator('form[action$="/extension"] button').click();
    await unit.waitForURL(/done=extension/);
    expect(await unit.locator('main').innerText()).toContain('Đề nghị đã được gửi đến cơ quan thường trực.');

    const office = await (await h.browser.newContext()).newPage();
    await signIn(office);
    await office.goto(`${h.baseUrl}/office/programs/vstbpn-2026/requests`);
    expect(await office.locator('main').innerText()).toContain('Chờ số liệu tổng hợp từ các thôn.');
    await office.goto(`${h.baseUrl}/office/assignments/${encodeURIComponent(id)}`);
    await office.getByRole('button', { name: 'Đồng ý', exact: true }).click();
    await office.waitForURL(/done=decided/);
    expect(await office.locator('#summary').innerText()).toContain('03/07/2099');
    await unit.goto(link);
    expect(await unit.locator('#summary').innerText()).toContain('17:00 ngày 03/07/2099');

    // English on request, remembered for the next page.
    await unit.goto(`${link}?lang=en`);
    expect(await unit.locator('html').getAttribute('lang')).toBe('en');
    expect(await unit.locator('#summary').innerText()).toContain('3 Jul 2099, 17:00');
    await unit.goto(link);
    expect(await unit.getByRole('heading', { name: 'Submit your report' }).count()).toBe(1);
    await unit.screenshot({ path: join(artifacts, 'unit-page-en-phone.png'), fullPage: true });
  });
});
