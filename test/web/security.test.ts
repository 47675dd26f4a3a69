// What the web refuses, checked in Chromium and over HTTP against the real stack: forged,
// altered and expired links; one unit's link reaching another's data; oversized, too many
// and wrongly typed uploads; script in names and reports; missing CSRF tokens; password
// guessing; a chair trying to act; and the security headers on every answer.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signLink } from '../../auth/links';
import { TEST_SECRET } from '../support/mail';
import { ADMIN, artifacts, assignmentInput, CHAIR, linkIn, startAssignment, startHarness, UPLOAD_MAX_MB, waitForNotice, type Harness } from './harness';

let h: Harness;
let idA: string;
let idB: string;
let linkA: string;
let linkB: string;
const evil = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">';

beforeAll(async () => {
  h = await startHarness('security');
  idA = await startAssignment(h, assignmentInput({ unitId: 'don-vi-a', unitName: `UBND xã An ${evil}` }));
  idB = await startAssignment(h, assignmentInput({ unitId: 'don-vi-b', unitName: 'UBND xã Bình Minh' }));
  linkA = linkIn(await waitForNotice(h, idA, 'request'));
  linkB = linkIn(await waitForNotice(h, idB, 'request'));
});
afterAll(async () => {
  await h?.close();
});

const tokenOf = (link: string) => link.slice(link.indexOf('/u/') + 3);
const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');

describe('signed links', () => {
  it('refuses an altered signature or payload with 403 and an expired link with 410, showing no data', async () => {
    const page = await (await h.phone()).newPage();
    const token = tokenOf(linkA);
    const [body, signature] = token.split('.') as [string, string];
    const flipped = `${body}.${signature.slice(0, -2)}${signature.endsWith('AA') ? 'AB' : 'AA'}`;
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as { w: string };
    const swapped = `${Buffer.from(JSON.stringify({ ...claims, w: idB })).toString('base64url')}.${signature}`;
    const foreign = signLink(Buffer.from('another-deployment-secret-0123456789'), { workflowId: idB, audience: 'unit', expiresAt: 4_000_000_000 });
    for (const bad of [flipped, swapped, foreign, 'abc', `${body}.`]) {
      const res = await page.goto(`${h.baseUrl}/u/${bad}`);
      expect(res?.status(), bad).toBe(403);
      const text = await page.locator('main').innerText();
      expect(text).toContain('Đường dẫn không hợp lệ');
      expect(text).not.toContain('Bình Minh');
      expect(text).not.toContain('Báo cáo sơ kết');
    }
    await page.screenshot({ path: join(artifacts, 'link-invalid-phone.png'), fullPage: true });

    const expired = signLink(TEST_SECRET, { workflowId: idA, audience: 'unit', expiresAt: Math.floor(Date.now() / 1000) - 60 });
    const res = await page.goto(`${h.baseUrl}/u/${expired}`);
    expect(res?.status()).toBe(410);
    const text = await page.locator('main').innerText();
    expect(text).toContain('Đường dẫn đã hết hạn');
    expect(text).not.toContain('UBND xã An');
    await page.screenshot({ path: join(artifacts, 'link-expired-phone.png'), fullPage: true });
    expect((await page.request.post(`${h.baseUrl}/api/unit/${expired}/submit`, { data: { content: 'x' } })).status()).toBe(410);
    expect((await page.request.get(`${h.baseUrl}/api/unit/${flipped}`)).status()).toBe(403);
  });

  it("keeps one unit's link away from another unit's assignment and files", async () => {
    const api = (await h.browser.newContext()).request;
    // Unit B submits with an attachment through the API.
    const upload = await api.post(`${h.baseUrl}/api/unit/${tokenOf(linkB)}/files`, { multipart: { files: { name: 'bi-mat-b.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 tai lieu cua B\n') } } });
    expect(upload.status()).toBe(201);
    const { files } = (await upload.json()) as { files: { ref: string }[] };
    const submitted = await api.post(`${h.baseUrl}/api/unit/${tokenOf(linkB)}/submit`, { data: { content: 'Báo cáo của B', indicators: { 'can-bo-nu': 4 }, attachments: [files[0]!.ref] } });
    expect(submitted.status()).toBe(200);
    expect(await submitted.json()).toMatchObject({ receiptNumber: expect.stringMatching(/^BN-/) });

    // A's link cannot fetch B's file, and A's API answers only about A.
    const stolen = await api.get(`${h.baseUrl}/u/${tokenOf(linkA)}/files/${encodeURIComponent(files[0]!.ref)}`);
    expect(stolen.status()).toBe(404);
    expect(await stolen.text()).not.toContain('tai lieu cua B');
    const own = (await (await api.get(`${h.baseUrl}/api/unit/${tokenOf(linkA)}`)).json()) as { unitId: string; submissions: unknown[] };
    expect(own.unitId).toBe('don-vi-a');
    expect(own.submissions).toEqual([]);
    expect(JSON.stringify(own)).not.toContain('Bình Minh');
    // B's own link can fetch it.
    expect((await api.get(`${h.baseUrl}/u/${tokenOf(linkB)}/files/${encodeURIComponent(files[0]!.ref)}`)).status()).toBe(200);
    // The office pages are not reachable without signing in.
    const office = await api.get(`${h.baseUrl}/office/assignments/${encodeURIComponent(idB)}`, { maxRedirects: 0 });
    expect(office.status()).toBe(303);
    expect((await api.get(`${h.baseUrl}/api/assignments/${encodeURIComponent(idB)}`)).status()).toBe(401);
  });
});

describe('uploads', () => {
  it('refuses a file over the size limit with a readable 413 page, and records nothing', async () => {
    const page = await (await h.phone()).newPage();
    await page.goto(linkA);
    await page.getByLabel('Nội dung báo cáo').fill('Báo cáo kèm tệp quá lớn');
    await page.getByLabel(/Số cán bộ nữ/).fill('3');
    await page.getByLabel('Tệp đính kèm').setInputFiles({ name: 'qua-lon.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(Math.round(UPLOAD_MAX_MB * 1.5 * 1024 * 1024), 0x41) });
    const [response] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/submit')), page.getByRole('button', { name: 'Gửi báo cáo' }).click()]);
    expect(response.status()).toBe(413);
    await page.waitForLoadState();
    expect(await page.locator('h1').innerText()).toBe('Tệp quá lớn');
    expect(await page.locator('main').innerText()).toContain(`không được vượt quá ${UPLOAD_MAX_MB} MB`);
    await page.screenshot({ path: join(artifacts, 'upload-too-large-phone.png'), fullPage: true });
    const state = (await (await page.request.get(`${h.baseUrl}/api/unit/${tokenOf(linkA)}`)).json()) as { submissions: unknown[] };
    expect(state.submissions).toEqual([]);
  });

  it('refuses too many files (413) and a type not on the list (415)', async () => {
    const page = await (await h.phone()).newPage();
    await page.goto(linkA);
    await page.getByLabel('Nội dung báo cáo').fill('Nhiều tệp');
    await page.getByLabel(/Số cán bộ nữ/).fill('3');
    await page.getByLabel('Tệp đính kèm').setInputFiles([1, 2, 3, 4].map((i) => ({ name: `tep-${i}.pdf`, mimeType: 'application/pdf', buffer: pdf })));
    const [many] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/submit')), page.getByRole('button', { name: 'Gửi báo cáo' }).click()]);
    expect(many.status()).toBe(413);
    expect(await page.locator('h1').innerText()).toBe('Quá nhiều tệp');

    await page.goto(linkA);
    await page.getByLabel('Nội dung báo cáo').fill('Tệp lạ');
    await page.getByLabel(/Số cán bộ nữ/).fill('3');
    await page.getByLabel('Tệp đính kèm').setInputFiles({ name: 'chay-thu.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') });
    const [typed] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/submit')), page.getByRole('button', { name: 'Gửi báo cáo' }).click()]);
    expect(typed.status()).toBe(415);
    expect(await page.locator('main').innerText()).toContain('chay-thu.exe');
  });

  it('keeps what the unit typed when the form is incomplete', async () => {
    const page = await (await h.phone()).newPage();
    await page.goto(linkA);
    await page.getByLabel('Nội dung báo cáo').fill('Thiếu số liệu');
    // Bypass the browser's own `required` check to see the server's answer.
    await page.locator('form[action$="/submit"]').evaluate((f) => f.setAttribute('novalidate', ''));
    const [response] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/submit')), page.getByRole('button', { name: 'Gửi báo cáo' }).click()]);
    expect(response.status()).toBe(422);
    expect(await page.getByRole('alert').innerText()).toContain('Số cán bộ nữ: bắt buộc');
    expect(await page.getByLabel('Nội dung báo cáo').inputValue()).toBe('Thiếu số liệu');
  });
});

describe('escaping', () => {
  it('shows a unit named with markup, and markup in a report, as text on every page', async () => {
    const page = await (await h.phone()).newPage();
    await page.goto(linkA);
    expect(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('#summary').innerText()).toContain(evil);
    expect(await page.content()).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;');
    await page.getByLabel('Nội dung báo cáo').fill(`Nội dung ${evil}`);
    await page.getByLabel(/Số cán bộ nữ/).fill('5');
    await page.getByLabel('Ghi chú số liệu').fill(evil);
    await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await page.waitForURL(/\/receipt$/);
    expect(await page.locator('main').innerText()).toContain(evil);
    expect(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined();

    const office = await (await h.browser.newContext()).newPage();
    await office.goto(`${h.baseUrl}/login`);
    await office.getByLabel('Tên đăng nhập').fill(ADMIN.username);
    await office.getByLabel('Mật khẩu').fill(ADMIN.password);
    await office.getByRole('button', { name: 'Đăng nhập' }).click();
    await office.waitForURL(/\/office/);
    await office.goto(`${h.baseUrl}/office/assignments/${encodeURIComponent(idA)}`);
    const text = await office.locator('main').innerText();
    expect(text).toContain(`Nội dung ${evil}`);
    expect(await office.locator('main script').count()).toBe(0);
    expect(await office.locator('main img').count()).toBe(0);
    expect(await office.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined();
    await office.goto(`${h.baseUrl}/office/programs/vstbpn-2026/review`);
    expect(await office.locator('main img').count()).toBe(0);
  });
});

describe('sessions, CSRF and roles', () => {
  it('rejects state changes without a CSRF token', async () => {
    const context = await h.browser.newContext();
    const api = context.request;
    // Unit form with a wrong token.
    const unitPost = await api.post(`${h.baseUrl}/u/${tokenOf(linkB)}/exemption`, { form: { _csrf: 'x'.repeat(43), reason: 'Sáp nhập' } });
    expect(unitPost.status()).toBe(403);
    // Sign-in without the form's cookie.
    const login = await api.post(`${h.baseUrl}/login`, { form: { username: ADMIN.username, password: ADMIN.password } });
    expect(login.status()).toBe(403);
    // A signed-in office posting a review with no token.
    const session = await api.post(`${h.baseUrl}/api/session`, { data: ADMIN });
    expect(session.status()).toBe(200);
    expect(session.headers()['set-cookie']).toMatch(/dondoc_session=[^;]+;.*HttpOnly/i);
    expect(session.headers()['set-cookie']).toMatch(/SameSite=Lax/i);
    const review = await api.post(`${h.baseUrl}/office/assignments/${encodeURIComponent(idB)}/review`, { form: { decision: 'accept' } });
    expect(review.status()).toBe(403);
    // A form post to the API is refused outright (JSON only).
    const formToApi = await api.post(`${h.baseUrl}/api/assignments/${encodeURIComponent(idB)}/exempt`, { form: { reason: 'x' } });
    expect(formToApi.status()).toBe(415);
    const state = (await (await api.get(`${h.baseUrl}/api/assignments/${encodeURIComponent(idB)}`)).json()) as { status: string };
    expect(state.status).toBe('submitted');
  });

  it('lets the chair read but not act', async () => {
    const page = await (await h.browser.newContext()).newPage();
    await page.goto(`${h.baseUrl}/login`);
    await page.getByLabel('Tên đăng nhập').fill(CHAIR.username);
    await page.getByLabel('Mật khẩu').fill(CHAIR.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(/\/office/);
    await page.goto(`${h.baseUrl}/office/assignments/${encodeURIComponent(idB)}`);
    expect(await page.locator('main').innerText()).toContain('Tài khoản Trưởng ban chỉ xem');
    expect(await page.getByRole('button', { name: 'Chấp nhận' }).count()).toBe(0);
    const { csrfToken } = (await (await page.request.post(`${h.baseUrl}/api/session`, { data: CHAIR })).json()) as { csrfToken: string };
    const act = await page.request.post(`${h.baseUrl}/api/assignments/${encodeURIComponent(idB)}/review`, { data: { decision: 'accept' }, headers: { 'x-csrf-token': csrfToken } });
    expect(act.status()).toBe(403);
    expect(await act.json()).toMatchObject({ error: { code: 'forbidden' } });
  });

  it('rate-limits sign-in per account, with a readable page', async () => {
    const api = (await h.browser.newContext()).request;
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await api.post(`${h.baseUrl}/api/session`, { data: { username: 'khach', password: `doan-${i}` } })).status());
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const page = await (await h.browser.newContext()).newPage();
    await page.goto(`${h.baseUrl}/login`);
    await page.getByLabel('Tên đăng nhập').fill('khach');
    await page.getByLabel('Mật khẩu').fill('doan-tiep');
    const [response] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/login') && r.request().method() === 'POST'), page.getByRole('button', { name: 'Đăng nhập' }).click()]);
    expect(response.status()).toBe(429);
    expect(response.headers()['retry-after']).toMatch(/^\d+$/);
    expect(await page.getByRole('alert').innerText()).toContain('Đăng nhập sai quá nhiều lần');
    // Another account from the same address still signs in.
    expect((await api.post(`${h.baseUrl}/api/session`, { data: ADMIN })).status()).toBe(200);
  });

  it('sends the security headers and no secret', async () => {
    const api = (await h.browser.newContext()).request;
    for (const path of ['/', '/login', `/u/${tokenOf(linkA)}`, '/u/forged.x', '/api/openapi.json']) {
      const res = await api.get(`${h.baseUrl}${path}`);
      const headers = res.headers();
      expect(headers['content-security-policy'], path).toContain("frame-ancestors 'none'");
      expect(headers['content-security-policy'], path).toContain("default-src 'none'");
      expect(headers['content-security-policy'], path).not.toContain('unsafe-inline');
      expect(headers['x-content-type-options'], path).toBe('nosniff');
      expect(headers['referrer-policy'], path).toBe('no-referrer');
      expect(await res.text()).not.toContain(TEST_SECRET.toString('utf8'));
    }
  });
});
