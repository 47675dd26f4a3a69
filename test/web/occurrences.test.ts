// Program-level work in Chromium against the dev server, a real worker and a real SMTP
// sink: a report cycle of three units (two report), consolidated by the office from its
// page; the office downloads the workbook and cannot approve; the chair returns it with a
// comment; the office consolidates again; the chair approves and the report goes upward
// with the workbook attached. Then the file downloads refuse refs that are not the cycle's
// own, the JSON API agrees, and the campaigns' progress (milestones, plans, the results
// cycle) renders for two campaignWorkflows started the same way.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignWorkflow, reportCycleWorkflow } from '../../workflows';
import { submitUpdate, type AssignmentInput } from '../../workflows/assignment/messages';
import { campaignStatusQuery } from '../../workflows/campaign/messages';
import type { OccurrenceInput } from '../../workflows/occurrence/input';
import { reportCycleStatusQuery, type ReportCycleState } from '../../workflows/report-cycle/messages';
import { ADMIN, artifacts, assignmentInput, CHAIR, startHarness, waitForNotice, type Harness } from './harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness('occurrences');
});
afterAll(async () => {
  await h?.close();
});

const PROGRAM = 'vstbpn-web-2026';
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

function occurrence(over: Partial<OccurrenceInput> & Pick<OccurrenceInput, 'occurrenceId' | 'itemId' | 'itemTitle' | 'kind' | 'periodKey' | 'periodLabel' | 'assignments'>): OccurrenceInput {
  return { programId: PROGRAM, programTitle: PROGRAM_TITLE, timeZone: 'Asia/Ho_Chi_Minh', locale: 'vi', office: OFFICE, chair: CHAIR_PERSON, ...over };
}

function unitInput(unitId: string, unitName: string, over: Partial<AssignmentInput>): AssignmentInput {
  return assignmentInput({ unitId, unitName, programId: PROGRAM, programTitle: PROGRAM_TITLE, ...over });
}

const pathOf = (id: string) => `${h.baseUrl}/office/occurrences/${encodeURIComponent(id)}`;
const shot = (page: Page, name: string) => page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
const cycleState = () => h.client.workflow.getHandle(CYCLE).query(reportCycleStatusQuery);

async function signIn(context: BrowserContext, who: { username: string; password: string }): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${h.baseUrl}/login`);
  await page.getByLabel('Tên đăng nhập').fill(who.username);
  await page.getByLabel('Mật khẩu').fill(who.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(/\/office/);
  return page;
}

/** Reloads `url` until the summary says `text`: the workflow moves on after the update returns. */
async function reloadUntil(page: Page, url: string, text: string, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    await page.goto(url);
    const summary = await page.locator('#summary').innerText();
    if (summary.includes(text)) return;
    if (Date.now() > end) throw new Error(`"${text}" never appeared; the page says:\n${summary}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await read().catch(() => undefined);
    if (value !== undefined && ok(value)) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

describe('consolidated reports and the chair’s approval in the browser', () => {
  it('consolidate, return with a comment, consolidate again, approve; the report goes upward', async () => {
    await h.client.workflow.start(reportCycleWorkflow, {
      taskQueue: h.taskQueue,
      workflowId: CYCLE,
      args: [
        occurrence({
          occurrenceId: CYCLE,
          itemId: 'bao-cao-6-thang',
          itemTitle: 'Báo cáo sơ kết 6 tháng đầu năm',
          kind: 'report',
          periodKey: '2026-H1',
          periodLabel: '6 tháng đầu năm 2026',
          assignments: UNITS.map(([id, name]) => ({ id: `${CYCLE}/${id}`, input: unitInput(id, name, {}) })),
          // Far ahead: the office consolidates from the page instead of waiting for it.
          consolidation: { dueAt: '2099-06-26T17:00:00+07:00', approver: 'chair', upward: [UPWARD] },
        }),
      ],
    });
    for (const [unit] of UNITS) await waitForNotice(h, `${CYCLE}/${unit}`, 'request');
    for (const [unit, women] of [['tho-dan', 12], ['hop-thanh', 9]] as const) {
      await h.client.workflow.getHandle(`${CYCLE}/${unit}`).executeUpdate(submitUpdate, { args: [{ content: `Báo cáo 6 tháng của ${unit}`, indicators: { 'can-bo-nu': women } }] });
    }
    await eventually(cycleState, (s) => s.rows.filter((r) => r.receiptNumber).length === 2, 'two reports in the cycle');

    // The office: from the dashboard's program-level links to the cycle, and consolidates.
    const officeContext = await h.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const office = await signIn(officeContext, ADMIN);
    await office.goto(`${h.baseUrl}/office/programs/${PROGRAM}`);
    const programLevel = await office.locator('#program-level').innerText();
    expect(programLevel).toContain('Báo cáo tổng hợp chờ Trưởng ban duyệt (0)');
    expect(programLevel).toContain('Các kỳ báo cáo, nhiệm vụ (1)');
    await office.getByRole('link', { name: 'Các kỳ báo cáo, nhiệm vụ' }).click();
    await office.waitForURL(/\/occurrences$/);
    const row = office.getByRole('row', { name: /Báo cáo sơ kết 6 tháng đầu năm/ });
    expect(await row.innerText()).toContain('Đang thu thập báo cáo');
    await shot(office, 'occurrences-list');
    await row.getByRole('link').click();
    await office.waitForURL(/\/office\/occurrences\//);
    expect(await office.getByRole('heading', { level: 1 }).innerText()).toBe('Báo cáo sơ kết 6 tháng đầu năm — 6 tháng đầu năm 2026');
    expect(await office.locator('#units').innerText()).toContain('UBND xã Dân Lý');
    await office.getByRole('button', { name: 'Tổng hợp ngay' }).click();
    await office.waitForURL(/done=consolidated/);
    await reloadUntil(office, pathOf(CYCLE), 'Chờ Trưởng ban duyệt');
    // Read-only for the office: no approval form, the reason said.
    expect(await office.locator('main').innerText()).toContain('tài khoản cơ quan thường trực chỉ xem');
    expect(await office.getByRole('button', { name: 'Duyệt, gửi lên cấp trên' }).count()).toBe(0);
    const first = await office.locator('#consolidation-1').innerText();
    expect(first).toMatch(/3\s*Tổng số/);
    expect(first).toMatch(/2\s*Đúng hạn/);
    expect(first).toMatch(/1\s*Chưa nộp/);
    await shot(office, 'cycle-awaiting-approval-office');

    // The workbook, as the office downloads it: the stored bytes, named safely.
    let state: ReportCycleState = await cycleState();
    const xlsxRef = state.consolidations[0]!.xlsx;
    const href = await office.locator('#consolidation-1').getByRole('link', { name: 'Bảng tổng hợp (Excel)' }).getAttribute('href');
    const xlsx = await office.request.get(`${h.baseUrl}${href!}`);
    expect(xlsx.status()).toBe(200);
    expect(xlsx.headers()['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const disposition = xlsx.headers()['content-disposition']!;
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+\.xlsx"; filename\*=UTF-8''[A-Za-z0-9%._~!'()*-]+\.xlsx$/);
    expect(disposition).toContain(`filename="${xlsxRef.name}"`);
    const bytes = await xlsx.body();
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(bytes.length).toBe(xlsxRef.size);
    expect(bytes.length).toBe(statSync(join(h.store.root, xlsxRef.ref.slice(0, 2), xlsxRef.ref)).size);
    const page = await office.request.get(`${h.baseUrl}${(await office.locator('#consolidation-1').getByRole('link', { name: /HTML/ }).getAttribute('href'))!}`);
    expect(page.headers()['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers()['content-disposition']).toMatch(/^attachment;/);
    expect(page.headers()['content-security-policy']).toContain('sandbox');

    // The office cannot approve, by form or by API.
    const csrf = (await office.locator('header input[name=_csrf]').getAttribute('value'))!;
    const forged = await office.request.post(`${pathOf(CYCLE)}/approve`, { form: { _csrf: csrf, decision: 'approve' } });
    expect(forged.status()).toBe(403);
    expect(await forged.text()).toContain('Không có quyền');
    await office.goto(`${h.baseUrl}/office/programs/${PROGRAM}/approvals`);
    expect(await office.locator('main').innerText()).toContain('Báo cáo sơ kết 6 tháng đầu năm — 6 tháng đầu năm 2026');
    expect(await office.locator('form[action$="/approve"]').count()).toBe(0);

    // The chair: the queue, a return without a comment refused by the workflow, then with one.
    const chairContext = await h.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const chair = await signIn(chairContext, CHAIR);
    await chair.goto(`${h.baseUrl}/office/programs/${PROGRAM}`);
    expect(await chair.locator('#program-level').innerText()).toContain('Báo cáo tổng hợp chờ Trưởng ban duyệt (1)');
    await chair.getByRole('link', { name: 'Báo cáo tổng hợp chờ Trưởng ban duyệt' }).click();
    const card = chair.locator('.approval-item').filter({ hasText: 'Báo cáo sơ kết 6 tháng đầu năm' });
    expect(await card.innerText()).toMatch(/2\s*Đúng hạn/);
    expect(await card.getByRole('link', { name: 'Bảng tổng hợp (Excel)' }).count()).toBe(1);
    await shot(chair, 'approvals-queue-chair');
    await card.getByRole('button', { name: 'Trả lại cơ quan thường trực' }).click();
    expect(await chair.locator('#errors').innerText()).toContain('cần ghi ý kiến khi trả lại');
    await chair.getByLabel(/Ý kiến/).fill('Đề nghị đôn đốc UBND xã Dân Lý gửi báo cáo và tổng hợp lại.');
    await chair.getByRole('button', { name: 'Trả lại cơ quan thường trực' }).click();
    await chair.waitForURL(/done=returned/);
    await reloadUntil(chair, pathOf(CYCLE), 'Trưởng ban trả lại');

    // The office hears of it by email, sees the comment, and consolidates again.
    const returnedMail = await waitForNotice(h, CYCLE, 'consolidation-1/returned');
    expect(returnedMail.to).toEqual(OFFICE.emails);
    await office.goto(pathOf(CYCLE));
    expect(await office.locator('main').innerText()).toContain('Đề nghị đôn đốc UBND xã Dân Lý gửi báo cáo và tổng hợp lại.');
    await shot(office, 'cycle-returned-office');
    await office.getByRole('button', { name: 'Tổng hợp lại' }).click();
    await office.waitForURL(/done=consolidated/);
    await reloadUntil(office, pathOf(CYCLE), 'Chờ Trưởng ban duyệt');
    expect(await office.locator('#consolidation-2').count()).toBe(1);

    // The chair approves; the page follows to "forwarded" and the province gets the workbook.
    await chair.goto(pathOf(CYCLE));
    await chair.getByRole('button', { name: 'Duyệt, gửi lên cấp trên' }).click();
    await chair.waitForURL(/done=approved/);
    await reloadUntil(chair, pathOf(CYCLE), 'Đã gửi lên cấp trên');
    const approvals = await chair.locator('#approvals').innerText();
    expect(approvals).toContain('Trả lại');
    expect(approvals).toContain('Đã duyệt');
    expect(approvals).toContain('Trưởng ban');
    expect(await chair.locator('#summary').innerText()).toContain(UPWARD.email);
    await shot(chair, 'cycle-forwarded-chair');
    state = await cycleState();
    expect(state.phase).toBe('forwarded');
    const forwarded = await waitForNotice(h, CYCLE, 'forwarded');
    expect(forwarded.to).toEqual([UPWARD.email]);
    expect(forwarded.attachments.map((a) => [a.filename, a.size])).toEqual([[state.consolidations[1]!.xlsx.name, state.consolidations[1]!.xlsx.size]]);
  });

  it('serves only the cycle’s own files; the API agrees and keeps the roles', async () => {
    const state = await cycleState();
    const own = state.consolidations[0]!.xlsx.ref;
    const office = await signIn(await h.browser.newContext(), ADMIN);
    const get = (id: string, ref: string) => office.request.get(`${pathOf(id)}/files/${encodeURIComponent(ref)}`);
    expect((await get(CYCLE, own)).status()).toBe(200);
    // A real file of the store that this cycle does not name, a changed hash, a path, junk.
    const stranger = await h.store.put('bang-khac.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', Buffer.from('PK not this cycle'));
    const flipped = `${own[0] === 'a' ? 'b' : 'a'}${own.slice(1)}`;
    for (const ref of [stranger.ref, flipped, '../../../etc/passwd', 'x']) {
      const refused = await get(CYCLE, ref);
      expect(refused.status(), ref).toBe(404);
      // A refusal is a page, not the workbook (a zip starts with "PK"; a random token may contain it).
      const body = await refused.text();
      expect(body.startsWith('PK')).toBe(false);
      expect(body).not.toContain('PK not this cycle');
      expect(refused.headers()['content-type']).toContain('text/html');
    }
    // The cycle's own ref through another workflow's address: an assignment is no cycle.
    expect((await get(`${CYCLE}/tho-dan`, own)).status()).toBe(404);
    expect((await office.request.get(`${h.baseUrl}/office/occurrences/${encodeURIComponent('khong-co/quy-trinh')}`)).status()).toBe(404);

    const api = (await h.browser.newContext()).request;
    const session = (await (await api.post(`${h.baseUrl}/api/session`, { data: ADMIN })).json()) as { csrfToken: string };
    const one = (await (await api.get(`${h.baseUrl}/api/occurrences/${encodeURIComponent(CYCLE)}`)).json()) as { kind: string; state: { phase: string; consolidations: { xlsx: { url: string } }[] } };
    expect(one.kind).toBe('cycle');
    expect(one.state.phase).toBe('forwarded');
    expect((await api.get(`${h.baseUrl}${one.state.consolidations[1]!.xlsx.url}`)).status()).toBe(200);
    const list = (await (await api.get(`${h.baseUrl}/api/programs/${PROGRAM}/occurrences`)).json()) as { rows: { workflowId: string; phase: string; itemTitle: string }[] };
    expect(list.rows.find((r) => r.workflowId === CYCLE)).toMatchObject({ phase: 'forwarded', itemTitle: 'Báo cáo sơ kết 6 tháng đầu năm' });
    expect(((await (await api.get(`${h.baseUrl}/api/programs/${PROGRAM}/approvals`)).json()) as { total: number }).total).toBe(0);
    const officeApproves = await api.post(`${h.baseUrl}/api/occurrences/${encodeURIComponent(CYCLE)}/approve`, { data: { decision: 'approve' }, headers: { 'x-csrf-token': session.csrfToken } });
    expect(officeApproves.status()).toBe(403);
    expect(await officeApproves.json()).toMatchObject({ error: { code: 'forbidden' } });
    const late = await api.post(`${h.baseUrl}/api/occurrences/${encodeURIComponent(CYCLE)}/consolidate`, { data: {}, headers: { 'x-csrf-token': session.csrfToken } });
    expect(late.status()).toBe(409);
    expect(await late.json()).toMatchObject({ error: { code: 'rejected', message: expect.stringContaining('phase forwarded') } });

    const chairApi = (await h.browser.newContext()).request;
    const chairSession = (await (await chairApi.post(`${h.baseUrl}/api/session`, { data: CHAIR })).json()) as { csrfToken: string };
    const chairConsolidates = await chairApi.post(`${h.baseUrl}/api/occurrences/${encodeURIComponent(CYCLE)}/consolidate`, { data: {}, headers: { 'x-csrf-token': chairSession.csrfToken } });
    expect(chairConsolidates.status()).toBe(403);
    const nothingToApprove = await chairApi.post(`${h.baseUrl}/api/occurrences/${encodeURIComponent(CYCLE)}/approve`, { data: { decision: 'approve' }, headers: { 'x-csrf-token': chairSession.csrfToken } });
    expect(nothingToApprove.status()).toBe(409);
    expect(await nothingToApprove.json()).toMatchObject({ error: { code: 'rejected', message: expect.stringContaining('chưa có báo cáo tổng hợp chờ duyệt') } });
    const badDecision = await chairApi.post(`${h.baseUrl}/api/occurrences/${encodeURIComponent(CYCLE)}/approve`, { data: { decision: 'maybe' }, headers: { 'x-csrf-token': chairSession.csrfToken } });
    expect(badDecision.status()).toBe(400);
  });
});

describe('the Action Month’s progress', () => {
  const ITEM = 'thang-hanh-dong';
  const TITLE = 'Tháng hành động vì bình đẳng giới và phòng, chống bạo lực trên cơ sở giới';
  const CAMP_UNITS = UNITS.slice(0, 2);

  function campaign(periodKey: string, times: { launchAt: string; checkInAt: string; endAt: string }): OccurrenceInput {
    const id = `${PROGRAM}/${ITEM}/${periodKey}`;
    const unit = (unitId: string, unitName: string, dueAt: string) => unitInput(unitId, unitName, { itemId: ITEM, itemTitle: TITLE, period: periodKey, dueAt, indicators: [] });
    return occurrence({
      occurrenceId: id,
      itemId: ITEM,
      itemTitle: TITLE,
      kind: 'campaign',
      periodKey,
      periodLabel: `Tháng hành động ${periodKey.slice(0, 4)}`,
      assignments: CAMP_UNITS.flatMap(([u, name]) => [
        { id: `${id}/${u}/ke-hoach`, input: unit(u, name, '2099-11-08T17:00:00+07:00') },
        { id: `${id}/${u}`, input: unit(u, name, '2099-12-22T17:00:00+07:00') },
      ]),
      campaign: { ...times, start: '2099-11-15', end: '2099-12-15' },
      consolidation: { dueAt: '2099-12-24T17:00:00+07:00', approver: 'chair', upward: [UPWARD] },
    });
  }

  it('lists the milestones, the plans received and the results cycle with a link to it', async () => {
    const hour = 3_600_000;
    const at = (ms: number) => new Date(Date.now() + ms).toISOString();
    // One under way (launch already past when started, the rest ahead) and one whose end has
    // passed, so its results cycle runs.
    const running = campaign('2098-campaign', { launchAt: at(-hour), checkInAt: at(100 * 24 * hour), endAt: at(200 * 24 * hour) });
    const ended = campaign('2097-campaign', { launchAt: at(-3 * hour), checkInAt: at(-2 * hour), endAt: at(-hour) });
    for (const c of [running, ended]) await h.client.workflow.start(campaignWorkflow, { taskQueue: h.taskQueue, workflowId: c.occurrenceId, args: [c] });
    const plan = `${running.occurrenceId}/tho-dan/ke-hoach`;
    await waitForNotice(h, plan, 'request');
    await h.client.workflow.getHandle(plan).executeUpdate(submitUpdate, { args: [{ content: 'Kế hoạch hưởng ứng Tháng hành động của xã Thọ Dân' }] });
    await eventually(() => h.client.workflow.getHandle(running.occurrenceId).query(campaignStatusQuery), (s) => s.plans.some((p) => p.receiptNumber), 'the plan received');
    const results = `${ended.occurrenceId}/ket-qua`;
    await eventually(() => h.client.workflow.getHandle(results).query(reportCycleStatusQuery), (s) => s.rows.length === 2, 'the results cycle');

    const office = await signIn(await h.browser.newContext({ viewport: { width: 1280, height: 900 } }), ADMIN);
    await office.goto(`${h.baseUrl}/office/programs/${PROGRAM}`);
    expect(await office.locator('#program-level').innerText()).toContain('Tiến độ Tháng hành động, chiến dịch (2)');
    await office.getByRole('link', { name: 'Tiến độ Tháng hành động, chiến dịch' }).click();
    await office.waitForURL(/\/campaigns$/);
    const panel = (period: string) => office.locator('section.campaign').filter({ hasText: `Tháng hành động ${period}` });
    const under = await panel('2098').innerText();
    for (const word of ['Phát động', 'Nắm tình hình giữa đợt', 'Kết thúc đợt', 'Bỏ qua (đã qua khi khởi chạy)', 'Chưa đến', 'Đã nhận 1/2', 'Chưa bắt đầu']) expect(under).toContain(word);
    expect(await panel('2098').locator('table.milestones tr').count()).toBe(4);
    const done = await panel('2097').innerText();
    expect(done).toContain('Đã thực hiện');
    expect(done).toContain('Đang nhận báo cáo kết quả');
    await shot(office, 'campaigns-progress');
    await panel('2097').getByRole('link', { name: 'Đang thu thập báo cáo' }).click();
    await office.waitForURL(/ket-qua$/);
    expect(await office.locator('#summary').innerText()).toContain('Đang thu thập báo cáo');
    expect(await office.locator('#units').innerText()).toContain('UBND xã Hợp Thành');

    // The campaign's own page: the panel and the plans, and the API's view of the same.
    await office.goto(pathOf(running.occurrenceId));
    expect(await office.locator('#plans').innerText()).toContain('UBND xã Thọ Dân');
    expect(await office.locator('section.campaign').innerText()).toContain('Đã nhận 1/2');
    const api = office.request;
    const campaigns = (await (await api.get(`${h.baseUrl}/api/programs/${PROGRAM}/campaigns`)).json()) as { items: { occurrence: { workflowId: string }; state: { milestones: { kind: string; status: string }[] }; results: { phase: string } | null }[] };
    const json = (id: string) => campaigns.items.find((i) => i.occurrence.workflowId === id)!;
    expect(json(running.occurrenceId).state.milestones.map((m) => [m.kind, m.status])).toEqual([['launch', 'skipped'], ['check-in', 'pending'], ['end', 'pending']]);
    expect(json(ended.occurrenceId).results).toMatchObject({ phase: 'collecting' });
    const one = (await (await api.get(`${h.baseUrl}/api/occurrences/${encodeURIComponent(ended.occurrenceId)}`)).json()) as { kind: string };
    expect(one.kind).toBe('campaign');

    // In English on request.
    await office.goto(`${pathOf(running.occurrenceId)}?lang=en`);
    const english = await office.locator('section.campaign').innerText();
    for (const word of ['Launch', 'Mid-campaign check-in', 'Skipped (already past when started)', 'Pending', '1 of 2 received']) expect(english).toContain(word);
  });
});
