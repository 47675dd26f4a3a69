// When Temporal and the records database differ, the pages say which is which. The closing
// write of an accepted assignment is refused by the records database (an SQLite trigger: a
// real failing write, retried by Temporal with backoff) while the workflow, live, already
// says "accepted": the dashboard's cell is marked "not yet recorded" and the office's page
// says it shows the live state. Once the database takes the write again, the retry records
// the closing, the execution completes and the marks go away.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PENDING_AFTER_MS } from '../../client/web/data/recorded-assignments';
import { reviewUpdate, submitUpdate } from '../../workflows/assignment/messages';
import { ADMIN, assignmentInput, startAssignment, startHarness, waitForNotice, type Harness } from './harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness('records-pending');
});
afterAll(async () => {
  h?.records.info.sqlite?.exec('DROP TRIGGER IF EXISTS refuse_closing');
  await h?.close();
});

async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await read().catch((err: unknown) => err);
    if (value !== undefined && !(value instanceof Error) && ok(value as T)) return value as T;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; last read: ${String(value).slice(0, 400)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

describe('live state and records that differ', () => {
  it('marks a closing not yet recorded, and stops once the retried write lands', { timeout: 300_000 }, async () => {
    const sqlite = h.records.info.sqlite;
    if (!sqlite) throw new Error('the harness records database is not SQLite');
    const id = await startAssignment(h, assignmentInput({ unitId: 'tho-dan', unitName: 'UBND xã Thọ Dân', programId: 'vstbpn-ghi-cham-2026' }));
    await waitForNotice(h, id, 'request');
    const handle = h.client.workflow.getHandle(id);
    const { receiptNumber } = await handle.executeUpdate(submitUpdate, { args: [{ content: 'Báo cáo 6 tháng', indicators: { 'can-bo-nu': 4 } }] });
    await eventually(() => h.records.getAssignment(id), (r) => r?.submissions.length === 1 && r.status === 'submitted', 'the submission recorded');

    // The database refuses the accepted state from now on.
    sqlite.exec(`CREATE TRIGGER refuse_closing BEFORE UPDATE ON assignments WHEN NEW.status = 'accepted' BEGIN SELECT RAISE(ABORT, 'test: records write refused'); END`);
    const acceptedAt = Date.now();
    await handle.executeUpdate(reviewUpdate, { args: [{ decision: 'accept', reviewer: 'Phòng LĐ-TB&XH' }] });

    const page = await (await h.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' })).newPage();
    await page.goto(`${h.baseUrl}/login`);
    await page.getByLabel('Tên đăng nhập').fill(ADMIN.username);
    await page.getByLabel('Mật khẩu').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(/\/office/);

    // Right after the decision the page shows the live state without comment: a write takes moments.
    const office = `${h.baseUrl}/office/assignments/${encodeURIComponent(id)}`;
    await page.goto(office);
    expect(await page.locator('#summary').innerText()).toContain('Đã chấp nhận');
    if (Date.now() - acceptedAt < PENDING_AFTER_MS) expect(await page.locator('#records-note').count()).toBe(0);

    // The dashboard: live "accepted", not yet in the records database.
    const cellText = async () => {
      await page.goto(`${h.baseUrl}/office/programs/vstbpn-ghi-cham-2026`);
      const row = page.locator('table.matrix').getByRole('row', { name: /UBND xã Thọ Dân|tho-dan/ });
      if ((await row.count()) === 0) throw new Error(`no matrix row; the page says: ${(await page.locator('main').innerText()).slice(0, 1500)}`);
      return row.innerText();
    };
    expect(await eventually(cellText, (t) => t.includes('Đã chấp nhận'), 'the accepted cell')).toContain('Đã chấp nhận (chưa ghi lưu trữ)');
    expect((await h.records.getAssignment(id))?.status).toBe('submitted');

    // Once the gap has outlasted a normal write (30 s after the last change, the accepted
    // notice included), the office's page says it shows the live state.
    const note = await eventually(
      async () => {
        await page.goto(office);
        return (await page.locator('#records-note').count()) > 0 ? page.locator('#records-note').innerText() : '';
      },
      (text) => text !== '',
      'the note on the office page',
      120_000,
    );
    expect(Date.now() - acceptedAt).toBeGreaterThanOrEqual(PENDING_AFTER_MS);
    expect(note).toContain('hồ sơ lưu trữ chưa ghi kịp thay đổi mới nhất');
    expect(await page.locator('main').innerText()).toContain(receiptNumber);

    // The database takes writes again: the retry records the closing and the workflow completes.
    sqlite.exec('DROP TRIGGER refuse_closing');
    await eventually(() => handle.describe(), (d) => d.status.name === 'COMPLETED', 'the retried closing write', 240_000);
    expect(await h.records.getAssignment(id)).toMatchObject({ status: 'accepted', closed: true });
    await page.goto(office);
    expect(await page.locator('#records-note').count()).toBe(0);
    expect(await cellText()).not.toContain('chưa ghi lưu trữ');
  });
});
