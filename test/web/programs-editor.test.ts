// The program editor in Chromium, against the Temporal dev server, a real worker and a real
// SMTP sink, the whole path a clerk takes: a new program from the template (a header error
// shown next to its field), the units imported from the template's XLSX (a CSV with mistakes
// refused row by row first), the template's sample item removed and a task added (an id error
// next to its field first), the preview (the month calendar shows the task, the change lists
// the mails), the apply with its confirmation, the requests in the inbox, the version listed
// and downloaded as YAML that `dondoc validate` accepts; then the running program edited
// (a due moved, a commune added by CSV), with the workflow's own dry run in the preview and
// the new commune's request in the inbox; a new program from a pasted file, then discarded; the
// editor in English; the chair refused.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli';
import { ADMIN, artifacts, CHAIR, startHarness, type Harness } from './harness';

let h: Harness;
const dir = mkdtempSync(join(tmpdir(), 'dondoc-editor-'));
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const year = Number(day(-2).slice(0, 4));
const PROGRAM = 'editor-moi';

beforeAll(async () => {
  h = await startHarness('editor');
}, 120_000);
afterAll(async () => {
  await h?.close();
  rmSync(dir, { recursive: true, force: true });
});

const shot = (page: Page, name: string) => page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
const main = (page: Page) => page.locator('main').innerText();

async function signIn(page: Page, account = ADMIN): Promise<void> {
  await page.goto(`${h.baseUrl}/login`);
  await page.getByLabel('Tên đăng nhập').fill(account.username);
  await page.getByLabel('Mật khẩu').fill(account.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(/\/office/);
}

describe('program editor', () => {
  it('new program from the template → units from XLSX → an item → preview → confirmed apply → requests in the inbox → version as valid YAML → the running program edited (a due moved, a commune joins and gets its request)', async () => {
    const page = await (await h.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true })).newPage();
    await signIn(page);

    // A new program from the template.
    await page.getByRole('link', { name: 'Tạo chương trình mới' }).click();
    await page.getByLabel('Mã chương trình').fill(PROGRAM);
    await page.getByLabel('Tên chương trình').fill('Chương trình thử nghiệm soạn trên web');
    await page.getByLabel('Năm').fill(String(year));
    await page.getByLabel('Cơ quan ban hành').fill('Ban thử nghiệm');
    await page.getByRole('button', { name: 'Tạo bản nháp' }).click();
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Chương trình mới — Chương trình thử nghiệm soạn trên web');
    expect(await main(page)).toContain('Bản nháp hợp lệ, đúng quy tắc của tệp chương trình.');

    // The header: a wrong email is refused next to its field, nothing saved; then corrected.
    await page.getByRole('link', { name: 'Sửa: Thông tin chung' }).click();
    // The template's defaults (reminders, escalation) are in the settings box, in the file's words.
    expect(await page.getByLabel('Thiết lập chung nâng cao (YAML)').inputValue()).toMatch(/defaults:\n\s+time: "?17:00"?[\s\S]*escalation:/);
    await page.getByLabel('Họ tên Trưởng ban').fill('Trần Văn An');
    await page.getByLabel('Email Trưởng ban').fill('truongban-at-thu.example.org');
    await page.getByRole('button', { name: 'Lưu vào bản nháp' }).click();
    const emailError = page.locator('#f-chair-email-err');
    expect(await emailError.innerText()).toMatch(/^địa chỉ email không hợp lệ/);
    expect(await page.getByLabel('Email Trưởng ban').getAttribute('aria-invalid')).toBe('true');
    await shot(page, 'editor-header-error');
    await page.getByLabel('Email Trưởng ban').fill('truongban@thu.example.org');
    await page.getByRole('button', { name: 'Lưu vào bản nháp' }).click();
    expect(await page.locator('.notice').innerText()).toBe('Đã lưu vào bản nháp.');

    // A draft left half done is found again from the programs page.
    await page.goto(`${h.baseUrl}/office`);
    await page.getByRole('link', { name: 'Tạo chương trình mới' }).click();
    await page.getByRole('link', { name: 'Chương trình thử nghiệm soạn trên web' }).click();
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Chương trình mới — Chương trình thử nghiệm soạn trên web');

    // Units: a CSV with mistakes is refused row by row; the template's XLSX with the communes is taken.
    await page.getByRole('link', { name: 'Nhập danh sách đơn vị từ Excel/CSV' }).click();
    const csvTemplate = await page.request.get(`${h.baseUrl}/office/programs/${PROGRAM}/editor/units/template.csv`);
    const bad = `${(await csvTemplate.text()).trimEnd()}\r\nxa-tan-lap,UBND xã Tân Lập,xa,tanlap-at-example.org,,,,thanh-vien,\r\n`;
    await page.getByLabel('Tệp danh sách đơn vị').setInputFiles({ name: 'don-vi.csv', mimeType: 'text/csv', buffer: Buffer.from(bad, 'utf8') });
    await page.getByRole('button', { name: 'Kiểm tra và đưa vào bản nháp' }).click();
    const errors = await page.locator('#errors').innerText();
    expect(errors).toMatch(/Dòng 4, Loại \(kind\):/);
    expect(errors).toMatch(/Dòng 4, Email nhận yêu cầu \(emails\): địa chỉ email không hợp lệ/);

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Tải tệp mẫu (Excel)' }).click();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await (await download).path());
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(2).getCell(1).value).toBe('van-phong');
    sheet.getRow(3).values = ['xa-dong-tien', 'UBND xã Đồng Tiến', 'commune', 'dongtien@thu.example.org', 'Chủ tịch UBND xã', '', 'chutich.dongtien@thu.example.org', 'thanh-vien', ''];
    sheet.addRow(['xa-hop-thanh', 'UBND xã Hợp Thành', 'commune', 'hopthanh@thu.example.org', 'Chủ tịch UBND xã', '', 'chutich.hopthanh@thu.example.org', 'thanh-vien', '']);
    const edited = join(dir, 'don-vi.xlsx');
    await workbook.xlsx.writeFile(edited);
    await page.getByLabel('Tệp danh sách đơn vị').setInputFiles(edited);
    await page.getByRole('button', { name: 'Kiểm tra và đưa vào bản nháp' }).click();
    expect(await page.locator('.notice').innerText()).toBe('Đã nhập 3 đơn vị vào bản nháp.');

    // Groups: a second group, its id mistyped first (refused in its cell), then right.
    await page.getByRole('link', { name: 'Sửa: Nhóm đơn vị' }).click();
    await page.getByLabel('Mã nhóm 2').fill('Xa Phuong');
    await page.getByLabel('Tên nhóm 2').fill('UBND các xã');
    await page.getByLabel('Thành viên (mã, cách nhau bằng ;) 2').fill('xa-dong-tien; xa-hop-thanh');
    await page.getByRole('button', { name: 'Lưu vào bản nháp' }).click();
    expect(await page.locator('#f-1-id-err').innerText()).toMatch(/^mã \(id\) chỉ gồm chữ thường/);
    expect(await page.getByLabel('Thành viên (mã, cách nhau bằng ;) 2').inputValue()).toBe('xa-dong-tien; xa-hop-thanh');
    await page.getByLabel('Mã nhóm 2').fill('xa');
    await page.getByRole('button', { name: 'Lưu vào bản nháp' }).click();
    expect(await main(page)).toContain('UBND các xã (xa)');

    // The template's sample report goes; a task is added (a bad id first, refused beside the field).
    await page.getByRole('button', { name: /Xóa nhiệm vụ này khỏi bản nháp: Báo cáo tổng kết năm/ }).click();
    expect(await page.locator('.notice').innerText()).toContain('Đã xóa');
    await page.getByRole('link', { name: 'Nhiệm vụ có thời hạn' }).click();
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Thêm nhiệm vụ: Nhiệm vụ có thời hạn');
    await page.getByLabel('Mã nhiệm vụ').fill('Báo cáo nhanh');
    await page.getByLabel('Tên nhiệm vụ').fill('Báo cáo nhanh tình hình bình đẳng giới');
    await page.getByRole('checkbox', { name: 'Các cơ quan, đơn vị thành viên (thanh-vien)' }).check();
    await page.getByLabel('Ngày bắt đầu').fill(day(-2));
    await page.locator('select[name=due_mode]').selectOption('date');
    await page.locator('input[name=due_date]').fill(day(10));
    await page.getByLabel('Đơn vị phải gửi kèm tài liệu minh chứng').check();
    await page.locator('input[name=ind_id_0]').fill('so-vu-viec');
    await page.locator('input[name=ind_label_0]').fill('Số vụ việc bạo lực gia đình');
    await page.locator('input[name=ind_measure_0]').fill('vụ');
    await page.getByRole('button', { name: 'Lưu vào bản nháp' }).click();
    expect(await page.locator('#f-id-err').innerText()).toMatch(/^mã \(id\) chỉ gồm chữ thường không dấu/);
    await shot(page, 'editor-item-error');
    // Plain HTML for a slow connection: the whole form page, stylesheet included.
    const formBytes = Buffer.byteLength(await page.content());
    expect(formBytes).toBeLessThan(40_000);
    // What was typed is still there.
    expect(await page.locator('input[name=ind_label_0]').inputValue()).toBe('Số vụ việc bạo lực gia đình');
    await page.getByLabel('Mã nhiệm vụ').fill('bao-cao-nhanh');
    await page.getByRole('button', { name: 'Lưu vào bản nháp' }).click();
    expect(await page.locator('.notice').innerText()).toBe('Đã lưu vào bản nháp.');
    expect(await main(page)).toContain('Bản nháp hợp lệ');

    // Preview: the task on the month calendar, the change, the mails; nothing sent yet.
    await page.getByRole('link', { name: 'Xem trước và áp dụng' }).click();
    await page.goto(`${page.url()}?month=${day(10).slice(0, 7)}`);
    // A due on a day off moves to the next working day, possibly into the next month.
    const due = page.locator('table.month li[data-item="bao-cao-nhanh"][data-kind="due"]');
    if ((await due.count()) === 0) await page.getByRole('link', { name: /Tháng sau/ }).click();
    expect(await due.innerText()).toMatch(/^17:00 Hạn nộp: Báo cáo nhanh tình hình bình đẳng giới — năm \d{4} \(2 đơn vị\)$/);
    const dueDate = await due.locator('xpath=ancestor::td').getAttribute('data-date');
    expect(dueDate! >= day(10)).toBe(true);
    expect(await page.locator('table.month caption').innerText()).toMatch(/mốc công việc/);
    expect(await page.locator('#change').innerText()).toBe(`Chương trình program/${PROGRAM}:\n  Thêm 1 kỳ: ${PROGRAM}/bao-cao-nhanh/${year}`);
    const mails = await page.locator('table.mails').innerText();
    expect(mails).toMatch(/Ngay khi áp dụng\s+Đề nghị thực hiện\s+Báo cáo nhanh tình hình bình đẳng giới — năm \d{4}\s+2 đơn vị, 2 địa chỉ/);
    expect(mails).toContain('UBND xã Đồng Tiến: dongtien@thu.example.org');
    await shot(page, 'editor-preview');
    const previewBytes = Buffer.byteLength(await page.content());
    expect(previewBytes).toBeLessThan(40_000);
    console.log(`editor pages: item form ${formBytes} bytes, preview ${previewBytes} bytes`);
    expect(h.sink.messages().some((m) => m.messageId.startsWith(`<${PROGRAM}/`))).toBe(false);

    // The confirmation is checked by the server too, not only by the browser.
    const csrf = await page.locator('form[action$="/apply"] input[name=_csrf]').inputValue();
    const token = await page.locator('form[action$="/apply"] input[name=token]').inputValue();
    const unconfirmed = await page.request.post(`${h.baseUrl}/office/programs/${PROGRAM}/editor/apply`, { form: { _csrf: csrf, token } });
    expect(unconfirmed.status()).toBe(409);
    expect(await unconfirmed.text()).toContain('Đề nghị đánh dấu ô xác nhận trước khi áp dụng.');

    // Apply, confirmed.
    await page.getByLabel('Tôi đã xem lịch và các thay đổi trên, đồng ý áp dụng.').check();
    await page.getByRole('button', { name: 'Xác nhận áp dụng' }).click();
    expect(await page.locator('.notice').innerText()).toBe('Đã áp dụng chương trình.');
    const requests = await h.sink.waitFor((m) => m.messageId.startsWith(`<${PROGRAM}/bao-cao-nhanh/${year}/`) && /\/request@/.test(m.messageId), { count: 2, timeoutMs: 60_000 });
    expect(requests.map((m) => m.to.join(',')).sort()).toEqual(['dongtien@thu.example.org', 'hopthanh@thu.example.org']);
    expect(requests[0]!.subject).toContain('Báo cáo nhanh tình hình bình đẳng giới');
    // The version went to the records database first: the updates (preview, apply) named it by hash.
    const history = await h.client.workflow.getHandle(`program/${PROGRAM}`).fetchHistory();
    const applies = (history.events ?? [])
      .map((e) => e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input)
      .filter((input) => input?.name === 'apply')
      .map((input) => JSON.parse(Buffer.from(input!.args!.payloads![0]!.data!).toString('utf8')) as Record<string, unknown>);
    expect(applies.length).toBeGreaterThan(0);
    expect(applies.filter((a) => 'program' in a || a.programId !== PROGRAM)).toEqual([]);

    // The version: listed with who applied it, downloadable, valid for `dondoc validate`.
    const versions = page.getByRole('region', { name: 'Các phiên bản đã áp dụng' });
    expect(await versions.innerText()).toMatch(/\(đang chạy\)\s+Văn phòng \(admin\)\s+[0-9a-f]{16}/);
    const yamlDownload = page.waitForEvent('download');
    await versions.getByRole('link', { name: 'YAML' }).first().click();
    const yamlFile = join(dir, 'version.yaml');
    await (await yamlDownload).saveAs(yamlFile);
    expect(readFileSync(yamlFile, 'utf8')).toContain('id: bao-cao-nhanh');
    const validated = await runCli(['validate', yamlFile]);
    expect(validated.code, validated.stderr).toBe(0);
    await shot(page, 'editor-applied');
    // The programs page reads the version from the records database (the history has only its hash).
    await page.goto(`${h.baseUrl}/office`);
    const card = await page.locator(`article[data-program="${PROGRAM}"]`).innerText();
    expect(card).toContain(`Năm\n${year}`);
    expect(card).toContain('Báo cáo nhanh tình hình bình đẳng giới');
    expect(card).not.toContain('Chưa đọc được đầy đủ thông tin chương trình');
    await page.goBack();

    // The running program edited: the due moves a week and a commune joins; the preview is the
    // workflow's own dry run, and the new commune's request goes at once.
    await page.getByRole('link', { name: 'Báo cáo nhanh tình hình bình đẳng giới' }).click();
    await page.locator('input[name=due_date]').fill(day(17));
    // The advanced box is checked by the same schema; its error names the line.
    await page.getByLabel('Nâng cao (YAML)').fill('description: Theo Kế hoạch số 12/KH-BVSTBPN\nreview: { maxRounds: 0 }\n');
    await page.getByRole('button', { name: 'Lưu vào bản nháp' }).click();
    expect(await page.locator('#f-advanced-err').innerText()).toMatch(/^Nâng cao, dòng 2, review\.maxRounds: /);
    await page.getByLabel('Nâng cao (YAML)').fill('description: Theo Kế hoạch số 12/KH-BVSTBPN\n');
    await page.getByRole('button', { name: 'Lưu vào bản nháp' }).click();
    await page.getByRole('link', { name: 'Nhập danh sách đơn vị từ Excel/CSV' }).click();
    const current = await (await page.request.get(`${h.baseUrl}/office/programs/${PROGRAM}/editor/units/template.csv`)).text();
    const joined = `${current.trimEnd()}\r\nxa-tan-lap,UBND xã Tân Lập,commune,tanlap@thu.example.org,Chủ tịch UBND xã,,chutich.tanlap@thu.example.org,thanh-vien;xa,\r\n`;
    await page.getByLabel('Tệp danh sách đơn vị').setInputFiles({ name: 'don-vi.csv', mimeType: 'text/csv', buffer: Buffer.from(joined, 'utf8') });
    await page.getByRole('button', { name: 'Kiểm tra và đưa vào bản nháp' }).click();
    expect(await page.locator('.notice').innerText()).toBe('Đã nhập 4 đơn vị vào bản nháp.');
    await page.getByRole('link', { name: 'Xem trước và áp dụng' }).click();
    expect(await page.locator('#change').innerText()).toMatch(new RegExp(`Điều chỉnh ${PROGRAM}/bao-cao-nhanh/${year}: thêm đơn vị: UBND xã Tân Lập; hạn .* → .* \\(2 đơn vị\\)`));
    expect(await page.locator('table.mails').innerText()).toMatch(/Ngay khi áp dụng\s+Đề nghị thực hiện\s+Báo cáo nhanh tình hình bình đẳng giới — năm \d{4}\s+1 đơn vị, 1 địa chỉ\s+UBND xã Tân Lập: tanlap@thu.example.org/);
    await shot(page, 'editor-preview-running');
    expect(h.sink.messages().some((m) => m.messageId.includes('/xa-tan-lap/'))).toBe(false);
    await page.getByLabel('Tôi đã xem lịch và các thay đổi trên, đồng ý áp dụng.').check();
    await page.getByRole('button', { name: 'Xác nhận áp dụng' }).click();
    expect(await page.locator('.notice').innerText()).toBe('Đã áp dụng chương trình.');
    expect((await versions.innerText()).match(/Văn phòng \(admin\)/g)?.length).toBe(2);
    const [joinedRequest] = await h.sink.waitFor((m) => m.messageId.startsWith(`<${PROGRAM}/bao-cao-nhanh/${year}/xa-tan-lap/request@`), { timeoutMs: 60_000 });
    expect(joinedRequest!.subject).toContain('Báo cáo nhanh tình hình bình đẳng giới');

    // The program's dashboard lists the versions too, and links to the editor.
    await page.goto(`${h.baseUrl}/office/programs/${PROGRAM}`);
    expect(await page.getByRole('region', { name: 'Các phiên bản đã áp dụng' }).innerText()).toMatch(/Văn phòng \(admin\)/);
    expect(await page.getByRole('link', { name: 'Sửa chương trình' }).getAttribute('href')).toBe(`/office/programs/${PROGRAM}/editor`);

    // In English on request: the same forms, the schema's English words next to the field.
    await page.goto(`${h.baseUrl}/office/programs/${PROGRAM}/editor/header?lang=en`);
    await page.getByLabel('Chair: email').fill('not-an-email');
    await page.getByRole('button', { name: 'Save to the draft' }).click();
    expect(await page.locator('#f-chair-email-err').innerText()).toMatch(/^invalid email address/);
    await page.goto(`${h.baseUrl}/office?lang=vi`);

    // A new program can start from a pasted file: a YAML mistake is named by its line; the
    // draft made from it can be discarded, and nothing of it ever ran.
    await page.goto(`${h.baseUrl}/office/programs/new`);
    const pasted = readFileSync(yamlFile, 'utf8').replace(`id: ${PROGRAM}`, 'id: ban-sao-web');
    await page.getByLabel('Hoặc dán nội dung một tệp chương trình').fill(`${pasted}\nitems: [\n`);
    await page.getByRole('button', { name: 'Tạo bản nháp' }).click();
    expect(await page.locator('#f-yaml-err').innerText()).toMatch(/^dòng \d+: /);
    await page.getByLabel('Hoặc dán nội dung một tệp chương trình').fill(pasted);
    await page.getByRole('button', { name: 'Tạo bản nháp' }).click();
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Chương trình mới — Chương trình thử nghiệm soạn trên web');
    expect(page.url()).toContain('/office/programs/ban-sao-web/editor');
    await page.getByRole('button', { name: 'Hủy bản nháp' }).click();
    await page.waitForURL(/\/office$/);
    expect((await page.request.get(`${h.baseUrl}/office/programs/ban-sao-web/editor`)).status()).toBe(404);

    // The chair reads the program but does not edit it.
    const chair = await (await h.browser.newContext()).newPage();
    await signIn(chair, CHAIR);
    const refused = await chair.goto(`${h.baseUrl}/office/programs/${PROGRAM}/editor`);
    expect(refused?.status()).toBe(403);
  }, 300_000);
});
