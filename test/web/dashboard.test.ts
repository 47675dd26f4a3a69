// The office's day in Chromium, against the dev server, a real worker and a real SMTP sink:
// the demo program `npm start` applies (requests at once, one unit submitted, one overdue and
// escalated) and a program with nothing due yet are both listed on the programs page by title;
// the demo's dashboard shows names and periods in words, never ids, and draws its charts as
// inline SVG with the counts of this situation. Screenshots go to test-artifacts/web/.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyDemoProgram, applyProgramFile } from '../../dev/apply-program';
import { demoProgram } from '../../dev/demo-program';
import { ADMIN, artifacts, startHarness, type Harness } from './harness';

let h: Harness;
const dir = mkdtempSync(join(tmpdir(), 'dondoc-dashboard-'));
// Set once the stack is up: generated as if `npm start` applied it 50 s earlier, so that the
// short deadline falls within the next minute.
let startedAt = Date.now();
let demo = demoProgram(startedAt);
let year = demo.year;
let applyOutput = '';

/** A program whose first event is next year: applied, but no assignment exists yet. */
function futureProgram(): string {
  const next = year + 1;
  return [
    'program:',
    `  id: ke-hoach-${next}`,
    `  title: Kế hoạch kiểm tra công tác bình đẳng giới năm ${next}`,
    `  year: ${next}`,
    '  issuer: Ban Vì sự tiến bộ của phụ nữ tỉnh (thử nghiệm)',
    '  office: vp',
    '  chair: { name: Trần Văn An, title: Trưởng ban, email: truongban@tinh.example.org }',
    'units:',
    '  - { id: vp, name: Văn phòng Ban, kind: office, emails: [vp@tinh.example.org] }',
    '  - { id: xa-dong-tien, name: UBND xã Đồng Tiến, kind: commune, emails: [dongtien@tinh.example.org] }',
    'items:',
    '  - id: bao-cao-nam',
    '    kind: task',
    `    title: Báo cáo kết quả thực hiện năm ${next}`,
    '    assignees: [xa-dong-tien]',
    `    start: ${next}-11-02`,
    `    due: ${next}-11-30`,
    '',
  ].join('\n');
}

beforeAll(async () => {
  h = await startHarness('dashboard');
  startedAt = Date.now() - 50_000;
  demo = demoProgram(startedAt);
  year = demo.year;
  writeFileSync(join(dir, 'future.yaml'), futureProgram());
  applyOutput = await applyProgramFile(h.client, h.taskQueue, join(dir, 'future.yaml'));
  applyOutput += `\n${await applyDemoProgram(h.client, h.taskQueue, dir, startedAt)}`;
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

/** Reloads until `check` passes: visibility and the worker take a moment to catch up. */
async function until(page: Page, url: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await page.goto(url);
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`page ${url} never showed what was expected:\n${await page.locator('main').innerText()}`);
    await page.waitForTimeout(1000);
  }
}

describe('the office’s day', () => {
  it('the demo sends its requests at once and has its first unit submit', async () => {
    expect(applyOutput).toContain('Chương trình program/ke-hoach-');
    expect(applyOutput).toMatch(/đã nộp, số biên nhận BN-/);
    const requests = await h.sink.waitFor((m) => m.messageId.startsWith(`<${demo.programId}/`) && /\/request@/.test(m.messageId), { count: 9, timeoutMs: 60_000 });
    expect(requests.length).toBe(9);
    const receipt = await h.sink.waitFor((m) => m.messageId.startsWith(`<${demo.submittedAssignmentId}/r1/receipt@`), { timeoutMs: 20_000 });
    expect(receipt.length).toBe(1);
  });

  it('lists every applied program by title, year, issuer and next events, before any assignment exists', async () => {
    const page = await (await h.browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await signIn(page);
    await until(page, `${h.baseUrl}/office`, async () => (await page.locator('article.program').count()) === 2);
    const future = page.locator(`article[data-program="ke-hoach-${year + 1}"]`);
    const text = await future.innerText();
    expect(text).toContain(`Kế hoạch kiểm tra công tác bình đẳng giới năm ${year + 1}`);
    expect(text).toContain('Ban Vì sự tiến bộ của phụ nữ tỉnh (thử nghiệm)');
    expect(text).toContain(String(year + 1));
    expect(text).toContain('0 kỳ đang thực hiện, 1 kỳ chưa đến');
    expect(text).toMatch(new RegExp(`Gửi yêu cầu: Báo cáo kết quả thực hiện năm ${year + 1} \\(năm ${year + 1}\\) — 1 đơn vị`));
    // Nothing of it has started: the list really comes from the program workflow.
    expect((await h.client.workflow.count(`WorkflowType = 'assignmentWorkflow' AND DondocProgram = 'ke-hoach-${year + 1}'`)).count).toBe(0);
    const demoCard = await page.locator(`article[data-program="${demo.programId}"]`).innerText();
    expect(demoCard).toContain(`[Minh họa] Chương trình công tác mẫu năm ${year}`);
    expect(demoCard).toContain('3 kỳ đang thực hiện');
    await shot(page, 'office-day-programs-desktop');
    const phone = await (await h.phone()).newPage();
    await signIn(phone);
    await phone.goto(`${h.baseUrl}/office`);
    await shot(phone, 'office-day-programs-phone');
  });

  it('shows the demo dashboard with names, periods in words and charts with this situation’s counts', async () => {
    // The overdue unit's first escalation: a minute after its due, within two minutes of start.
    const wait = Math.max(0, Date.parse(demo.overdueDueAt) + 60_000 - Date.now()) + 30_000;
    await h.sink.waitFor((m) => m.messageId.startsWith(`<${demo.overdueAssignmentId}/r1/escalation-1@`), { timeoutMs: wait });

    const page = await (await h.browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await signIn(page);
    const url = `${h.baseUrl}/office/programs/${demo.programId}`;
    await until(page, url, async () => (await page.locator('table.matrix').innerText()).includes('Quá hạn, đã báo cáo cấp trên'));
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(`Tình hình thực hiện — [Minh họa] Chương trình công tác mẫu năm ${year}`);

    const matrix = await page.locator('table.matrix').innerText();
    for (const name of ['Phòng Nội vụ (minh họa)', 'UBND xã Tân Lập (minh họa)', 'Hội Liên hiệp Phụ nữ (minh họa)']) expect(matrix).toContain(name);
    expect(matrix).toContain(`Báo cáo nhanh · năm ${year}`);
    expect(await page.locator('table.matrix th[scope="col"]', { hasText: 'Báo cáo nhanh' }).getAttribute('title')).toBe(`Báo cáo nhanh kết quả thực hiện nhiệm vụ trong tuần (minh họa) · năm ${year}`);
    const month = DateTime.fromMillis(startedAt, { zone: 'Asia/Ho_Chi_Minh' });
    expect(matrix).toContain(`· tháng ${month.toFormat('MM/yyyy')}`);
    // No id in what people read: not a unit id, an item id, a period key or a program id.
    for (const id of ['phong-noi-vu', 'xa-tan-lap', 'bao-cao-nhanh', 'cap-nhat-can-bo-nu', 'bao-cao-thang', `${year}-thang`, demo.programId, '|']) expect(matrix).not.toContain(id);
    const overdueList = await page.locator('section[aria-labelledby="od-h"]').innerText();
    expect(overdueList).toContain('UBND xã Tân Lập (minh họa)');
    expect(overdueList).not.toContain('xa-tan-lap');

    // The charts: inline SVG with a title, and the counts of this situation.
    for (const chart of ['bars', 'heat', 'rate']) {
      const svg = page.locator(`svg[data-chart="${chart}"]`);
      expect(await svg.count()).toBe(1);
      expect(await svg.getAttribute('role')).toBe('img');
      expect((await svg.locator('title').first().textContent())!.length).toBeGreaterThan(5);
    }
    const bars = (await page.locator('svg[data-chart="bars"] desc').textContent())!;
    expect(bars).toContain(`Báo cáo nhanh · năm ${year}: Đúng hạn: 1, Chưa đến hạn, đang chờ: 4`);
    expect(bars).toContain(`Cập nhật cán bộ nữ · năm ${year}: Quá hạn, chưa nộp: 1`);
    expect(bars).toContain(`Báo cáo tháng · tháng ${month.toFormat('MM/yyyy')}: Chưa đến hạn, đang chờ: 3`);
    // The heat map's cell for the overdue unit this month, and its text alternative.
    const heatRows = page.locator('svg[data-chart="heat"] g');
    const tanLap = heatRows.filter({ hasText: 'UBND xã Tân Lập (minh họa)' });
    expect(await tanLap.locator('rect[data-cat="missing"]').count()).toBe(1);
    // (its quick report may fall due the same month: the cell shows the worst, the title both)
    expect(await tanLap.locator('rect[data-cat="missing"] title').textContent()).toMatch(new RegExp(`^UBND xã Tân Lập \\(minh họa\\) — tháng ${month.month}/${year}: Quá hạn, chưa nộp: 1(, Chưa đến hạn, đang chờ: 1)?$`));
    // This month: one assignment has fallen due, and it was missed.
    expect(await page.locator('svg[data-chart="rate"] desc').textContent()).toContain(`tháng ${month.month}/${year}: 0%`);
    // The table fallback holds the same figures.
    const fallback = page.locator('figure.chart').first().locator('table');
    expect(await fallback.locator('tr').count()).toBe(4);
    await shot(page, 'office-day-dashboard-desktop');

    const phone = await (await h.phone()).newPage();
    await signIn(phone);
    await phone.goto(url);
    const width = await phone.evaluate('document.documentElement.scrollWidth');
    expect(width).toBeLessThanOrEqual(390);
    await shot(phone, 'office-day-dashboard-phone');
    await phone.locator('section.charts').screenshot({ path: join(artifacts, 'office-day-charts-phone.png') });

    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header').isVisible()).toBe(false);
    await shot(page, 'office-day-dashboard-print');
    await page.pdf({ path: join(artifacts, 'office-day-dashboard-print.pdf'), format: 'A4' });

    await page.emulateMedia({ media: 'screen' });
    await page.goto(`${url}?lang=en`);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(`Compliance — [Demo] Sample work program ${year}`);
    const matrixEn = await page.locator('table.matrix').innerText();
    expect(matrixEn).toContain('Home Affairs Office (demo)');
    expect(matrixEn).toContain(`year ${year}`);
    await shot(page, 'office-day-dashboard-english');
  }, 240_000);
});
