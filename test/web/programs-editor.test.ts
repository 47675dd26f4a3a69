// The first slice of the program editor in Chromium, against the dev server, a real worker and
// a real SMTP sink: the office downloads the units template of a running program, uploads a
// CSV with mistakes (errors on their rows and columns, nothing applied), then an XLSX with one
// more commune; the preview names the new unit and the request mail it will get; after the
// confirmation the new commune's request arrives in the inbox.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyProgramFile } from '../../dev/apply-program';
import { ADMIN, artifacts, startHarness, type Harness } from './harness';

let h: Harness;
const dir = mkdtempSync(join(tmpdir(), 'dondoc-editor-'));
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const year = Number(day(-20).slice(0, 4));

/** Handed out 20 days ago (so it is running whatever the date), due in 10 days. */
const program = [
  'program:',
  '  id: editor-test',
  '  title: Chương trình thử nghiệm sửa danh sách đơn vị',
  `  year: ${year}`,
  '  issuer: Ban thử nghiệm',
  '  office: vp',
  '  chair: { name: Trần Văn An, title: Trưởng ban, email: truongban@thu.example.org }',
  'groups:',
  '  - { id: xa, name: UBND các xã }',
  'units:',
  '  - { id: vp, name: Văn phòng Ban, kind: office, emails: [vp@thu.example.org] }',
  '  - { id: xa-dong-tien, name: UBND xã Đồng Tiến, kind: commune, groups: [xa], emails: [dongtien@thu.example.org] }',
  '  - { id: xa-hop-thanh, name: UBND xã Hợp Thành, kind: commune, groups: [xa], emails: [hopthanh@thu.example.org] }',
  'items:',
  '  - id: bao-cao-nhanh',
  '    kind: task',
  '    title: Báo cáo nhanh tình hình bình đẳng giới',
  '    assignees: [xa]',
  `    start: ${day(-20)}`,
  `    due: ${day(10)}`,
  '',
].join('\n');

beforeAll(async () => {
  h = await startHarness('editor');
  writeFileSync(join(dir, 'editor-test.yaml'), program);
  await applyProgramFile(h.client, h.taskQueue, join(dir, 'editor-test.yaml'));
  await h.sink.waitFor((m) => m.messageId.startsWith('<editor-test/') && /\/request@/.test(m.messageId), { count: 2, timeoutMs: 60_000 });
}, 120_000);
afterAll(async () => {
  await h?.close();
  rmSync(dir, { recursive: true, force: true });
});

const shot = (page: Page, name: string) => page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });

async function signIn(page: Page): Promise<void> {
  await page.goto(`${h.baseUrl}/login`);
  await page.getByLabel('Tên đăng nhập').fill(ADMIN.username);
  await page.getByLabel('Mật khẩu').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(/\/office/);
}

describe('program editor: units', () => {
  it('template → a file with mistakes (refused, row by row) → a new commune → preview → confirm → its request arrives', async () => {
    const page = await (await h.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true })).newPage();
    await signIn(page);
    await page.goto(`${h.baseUrl}/office/programs/editor-test`);
    await page.getByRole('link', { name: 'Sửa danh sách đơn vị' }).click();
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Danh sách đơn vị — Chương trình thử nghiệm sửa danh sách đơn vị');
    expect(await page.locator('main').innerText()).toContain('Chương trình hiện có 3 đơn vị.');

    // The template holds the current units.
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Tải tệp mẫu (Excel)' }).click();
    const file = await (await download).path();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Mã đơn vị (id)');
    expect(sheet.getRow(3).getCell(2).value).toBe('UBND xã Đồng Tiến');
    const csvTemplate = await page.request.get(`${h.baseUrl}/office/programs/editor-test/editor/units/template.csv`);
    expect(csvTemplate.headers()['content-disposition']).toMatch(/^attachment;/);

    // A CSV with a bad email and an unknown kind: refused with rows and columns, nothing changed.
    const bad = `${(await csvTemplate.text()).trimEnd()}\r\nxa-tan-lap,UBND xã Tân Lập,xa,tanlap-at-example.org,,,,xa,\r\n`;
    await page.getByLabel('Tệp danh sách đơn vị').setInputFiles({ name: 'don-vi.csv', mimeType: 'text/csv', buffer: Buffer.from(bad, 'utf8') });
    await page.getByRole('button', { name: 'Kiểm tra và xem trước' }).click();
    const errors = await page.locator('#errors').innerText();
    expect(errors).toContain('chưa có gì thay đổi');
    expect(errors).toMatch(/Dòng 5, Loại \(kind\):/);
    expect(errors).toMatch(/Dòng 5, Email nhận yêu cầu \(emails\): địa chỉ email không hợp lệ/);
    await shot(page, 'editor-errors');

    // The XLSX template with one more commune.
    sheet.addRow(['xa-tan-lap', 'UBND xã Tân Lập', 'commune', 'tanlap@thu.example.org', 'Chủ tịch UBND xã', '', 'chutich.tanlap@thu.example.org', 'xa', '']);
    const edited = join(dir, 'don-vi.xlsx');
    await workbook.xlsx.writeFile(edited);
    await page.getByLabel('Tệp danh sách đơn vị').setInputFiles(edited);
    await page.getByRole('button', { name: 'Kiểm tra và xem trước' }).click();
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Xem trước thay đổi');
    const preview = await page.locator('main').innerText();
    expect(preview).toMatch(/Đơn vị thêm mới\s+UBND xã Tân Lập/);
    expect(preview).toMatch(/Báo cáo nhanh tình hình bình đẳng giới\s+năm \d{4}\s+UBND xã Tân Lập\s+Gửi ngay 1 thư đề nghị thực hiện/);
    await shot(page, 'editor-preview');
    // Nothing is sent before the confirmation.
    expect(h.sink.messages().some((m) => m.messageId.includes('/xa-tan-lap/'))).toBe(false);

    await page.getByRole('button', { name: 'Xác nhận áp dụng' }).click();
    expect(await page.locator('.notice').innerText()).toContain('Đã áp dụng danh sách đơn vị mới.');
    const [request] = await h.sink.waitFor((m) => m.messageId.startsWith(`<editor-test/bao-cao-nhanh/${year}/xa-tan-lap/request@`), { timeoutMs: 30_000 });
    expect(request!.subject).toContain('Báo cáo nhanh tình hình bình đẳng giới');
    await shot(page, 'editor-applied');
  }, 180_000);
});
