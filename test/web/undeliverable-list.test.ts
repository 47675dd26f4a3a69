// Undeliverable mail on the office's dashboard, in Chromium, against the dev server, a real
// worker and a real SMTP sink that refuses one commune's mailbox (550): the refusal is listed
// with the unit, the assignment, the address, the mail server's answer and the time; its link
// leads to the units editor, where the office uploads the corrected address and applies it;
// the refused request then arrives at the new address with its original Message-ID, and the
// entry leaves the list.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyProgramFile } from '../../dev/apply-program';
import { ADMIN, artifacts, startHarness, type Harness } from './harness';

let h: Harness;
const dir = mkdtempSync(join(tmpdir(), 'dondoc-undeliverable-'));
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const year = Number(day(-20).slice(0, 4));
const PROGRAM = 'thu-tra-lai';
const BAD = 'dongtien@thu.example.org';
const FIXED = 'vanphong.dongtien@thu.example.org';
const ASSIGNMENT = `${PROGRAM}/bao-cao-nhanh/${year}/xa-dong-tien`;

/** Handed out 20 days ago (so it is running whatever the date), due in 10 days. */
const program = [
  'program:',
  `  id: ${PROGRAM}`,
  '  title: Chương trình thử nghiệm thư không gửi được',
  `  year: ${year}`,
  '  issuer: Ban thử nghiệm',
  '  office: vp',
  '  chair: { name: Trần Văn An, title: Trưởng ban, email: truongban@thu.example.org }',
  'groups:',
  '  - { id: xa, name: UBND các xã }',
  'units:',
  '  - { id: vp, name: Văn phòng Ban, kind: office, emails: [vp@thu.example.org] }',
  `  - { id: xa-dong-tien, name: UBND xã Đồng Tiến, kind: commune, groups: [xa], emails: [${BAD}] }`,
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
  h = await startHarness('undeliverable-list');
  h.sink.setRejected([BAD]);
  writeFileSync(join(dir, `${PROGRAM}.yaml`), program);
  await applyProgramFile(h.client, h.taskQueue, join(dir, `${PROGRAM}.yaml`));
  // The other commune's request arrives; the office hears of the refusal.
  await h.sink.waitFor((m) => m.messageId.startsWith(`<${PROGRAM}/bao-cao-nhanh/${year}/xa-hop-thanh/request@`), { timeoutMs: 60_000 });
  await h.sink.waitFor((m) => m.headers['x-dondoc-key'] === `${ASSIGNMENT}/request/delivery-failed`, { timeoutMs: 60_000 });
}, 120_000);
afterAll(async () => {
  await h?.close();
  rmSync(dir, { recursive: true, force: true });
});

const shot = (page: Page, name: string) => page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });

/** Reloads the dashboard until the undeliverable list says `text` (the records write follows the refusal). */
async function listUntil(page: Page, check: (list: string) => boolean, timeoutMs = 30_000): Promise<string> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    await page.goto(`${h.baseUrl}/office/programs/${PROGRAM}`);
    const list = await page.locator('#undeliverable').innerText();
    if (check(list)) return list;
    if (Date.now() > end) throw new Error(`the undeliverable list never matched; it says:\n${list}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

describe('undeliverable mail on the dashboard', () => {
  it('lists the refused address, leads to the units editor, and leaves the list once the corrected address got the notice', async () => {
    const page = await (await h.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' })).newPage();
    await page.goto(`${h.baseUrl}/login`);
    await page.getByLabel('Tên đăng nhập').fill(ADMIN.username);
    await page.getByLabel('Mật khẩu').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(/\/office/);

    await listUntil(page, (list) => list.includes(BAD));
    expect(await page.getByRole('heading', { name: /Thư không gửi được/ }).innerText()).toBe('Thư không gửi được (1)');
    const entry = await page.locator('#undeliverable tr[data-unit="xa-dong-tien"]').innerText();
    expect(entry).toContain('UBND xã Đồng Tiến');
    expect(entry).toContain('Báo cáo nhanh tình hình bình đẳng giới');
    expect(entry).toContain('Thư đề nghị thực hiện');
    expect(entry).toContain(BAD);
    expect(entry).toMatch(/550 /);
    expect(entry).toMatch(/\d{2}:\d{2}/);
    // Only the refused commune is listed.
    expect(await page.locator('#undeliverable tr[data-unit]').count()).toBe(1);
    await shot(page, 'undeliverable-list');

    // The assignment's own page says which notice was refused, to which address, and why.
    const listUrl = page.url();
    await page.locator('#undeliverable tr[data-unit="xa-dong-tien"]').getByRole('link', { name: 'Báo cáo nhanh tình hình bình đẳng giới' }).click();
    const failures = await page.locator('#delivery-failures').innerText();
    expect(failures).toContain(BAD);
    expect(failures).toMatch(/550 /);
    expect(failures).toContain('request');
    await page.goto(listUrl);

    // The entry's link leads to the units editor; the office uploads the corrected address.
    await page.locator('#undeliverable tr[data-unit="xa-dong-tien"]').getByRole('link', { name: 'Sửa địa chỉ' }).click();
    await page.waitForURL(/\/editor/);
    await page.getByRole('link', { name: 'Nhập danh sách đơn vị từ Excel/CSV' }).click();
    const template = await (await page.request.get(`${h.baseUrl}/office/programs/${PROGRAM}/editor/units/template.csv`)).text();
    expect(template).toContain(BAD);
    const corrected = template.replace(BAD, FIXED);
    await page.getByLabel('Tệp danh sách đơn vị').setInputFiles({ name: 'don-vi.csv', mimeType: 'text/csv', buffer: Buffer.from(corrected, 'utf8') });
    await page.getByRole('button', { name: 'Kiểm tra và đưa vào bản nháp' }).click();
    await page.getByRole('link', { name: 'Xem trước và áp dụng' }).click();
    await page.getByLabel('Tôi đã xem lịch và các thay đổi trên, đồng ý áp dụng.').check();
    await page.getByRole('button', { name: 'Xác nhận áp dụng' }).click();
    expect(await page.locator('.notice').innerText()).toBe('Đã áp dụng chương trình.');

    // The refused request goes out again to the corrected address, with its original Message-ID.
    const [again] = await h.sink.waitFor((m) => m.to.includes(FIXED) && m.headers['x-dondoc-key'] === `${ASSIGNMENT}/request`, { timeoutMs: 60_000 });
    expect(again!.messageId).toBe(`<${ASSIGNMENT}/request@test.example.org>`);
    expect(again!.subject).toContain('Báo cáo nhanh tình hình bình đẳng giới');

    // And the entry leaves the list.
    const after = await listUntil(page, (list) => !list.includes(BAD));
    expect(after).toContain('Thư không gửi được (0)');
    expect(after).toContain('Không có thư nào bị từ chối.');
    await shot(page, 'undeliverable-list-cleared');
  }, 180_000);
});
