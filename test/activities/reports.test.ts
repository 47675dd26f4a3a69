// The consolidateReport activity alone (MockActivityEnvironment): twelve units in every
// state, the workbook read back with exceljs cell by cell, the HTML page escaped, an
// addendum, the English edition, and the input it refuses for good.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApplicationFailure } from '@temporalio/common';
import { MockActivityEnvironment } from '@temporalio/testing';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createReportActivities } from '../../activities/reports';
import type { ConsolidationInput, ConsolidationResult, ConsolidationRow } from '../../activities/reports/types';
import { FileStore } from '../../storage/file-store';

let root: string;
let store: FileStore;
let activities: ReturnType<typeof createReportActivities>;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'dondoc-reports-'));
  store = new FileStore(root);
  // Consolidation never mails; the mail settings are there because the factory is shared.
  activities = createReportActivities({ store, mailer: undefined as never, from: 'x@example.org', messageIdDomain: 'example.org' });
});
afterAll(async () => rm(root, { recursive: true, force: true }));
afterEach(() => void vi.useRealTimers());

const DUE = '2026-06-15T17:00:00+07:00';
const XSS_NAME = '<script>alert("x")</script>';

const row = (unitId: string, unitName: string, status: ConsolidationRow['status'], more: Partial<ConsolidationRow> = {}): ConsolidationRow => ({
  unitId, unitName, status, accepted: false, dueAt: DUE, rounds: 0, indicators: {}, ...more,
});

const ROWS: ConsolidationRow[] = [
  row('ldtbxh', 'Phòng Lao động - Thương binh và Xã hội', 'on-time', { accepted: true, receiptNumber: 'BC-2026-001', submittedAt: '2026-06-10T08:15:00+07:00', rounds: 1, indicators: { can_bo_nu: 14, lanh_dao_nu: 3, kinh_phi: 25.5, danh_gia: 'Hoàn thành' } }),
  row('noi-vu', 'Phòng Nội vụ', 'on-time', { accepted: true, receiptNumber: 'BC-2026-002', submittedAt: '2026-06-11T14:30:00+07:00', rounds: 1, indicators: { can_bo_nu: 21, lanh_dao_nu: 6, kinh_phi: 10, danh_gia: 'Hoàn thành' } }),
  row('hoi-phu-nu', 'Hội Liên hiệp Phụ nữ huyện', 'on-time', { accepted: true, receiptNumber: 'BC-2026-003', submittedAt: '2026-06-12T09:00:00+07:00', rounds: 2, indicators: { can_bo_nu: 9, lanh_dao_nu: 4, kinh_phi: 40.25, danh_gia: 'Hoàn thành' }, note: 'Đã bổ sung số liệu quý II' }),
  row('tho-dan', 'UBND xã Thọ Dân', 'on-time', { receiptNumber: 'BC-2026-004', submittedAt: '2026-06-15T16:59:00+07:00', rounds: 1, indicators: { can_bo_nu: 7, lanh_dao_nu: 2, danh_gia: 'Chưa hoàn thành' } }),
  row('xss', XSS_NAME, 'on-time', { accepted: true, receiptNumber: 'BC-2026-005', submittedAt: '2026-06-09T10:00:00+07:00', rounds: 1, indicators: { can_bo_nu: 5, lanh_dao_nu: 1, kinh_phi: 2, danh_gia: 'Hoàn thành' }, note: 'Ghi chú <b>in đậm</b> & "trích dẫn"' }),
  row('thi-tran', 'UBND thị trấn Triệu Sơn', 'late', { accepted: true, receiptNumber: 'BC-2026-006', submittedAt: '2026-06-16T08:30:00+07:00', rounds: 1, indicators: { can_bo_nu: 11, lanh_dao_nu: 3, kinh_phi: 15, danh_gia: 'Hoàn thành' } }),
  row('dan-luc', 'UBND xã Dân Lực', 'late', { receiptNumber: 'BC-2026-007', submittedAt: '2026-06-18T10:45:00+07:00', dueAt: '2026-06-17T17:00:00+07:00', rounds: 1, indicators: { can_bo_nu: 6, lanh_dao_nu: 0 }, note: 'Gia hạn đến 17/06/2026' }),
  row('hop-thanh', 'UBND xã Hợp Thành', 'missing'),
  row('an-nong', 'UBND xã An Nông', 'missing'),
  row('minh-son', 'UBND xã Minh Sơn', 'exempt', { note: 'Sáp nhập vào xã Minh Châu' }),
  row('y-te', 'Trung tâm Y tế huyện', 'returned', { receiptNumber: 'BC-2026-008', submittedAt: '2026-06-13T15:20:00+07:00', dueAt: '2026-06-22T17:00:00+07:00', rounds: 1, indicators: { can_bo_nu: 30, lanh_dao_nu: 5, kinh_phi: 7.75, danh_gia: 'Chưa hoàn thành' }, note: 'Thiếu số liệu tháng 5' }),
  row('giao-duc', 'Phòng Giáo dục và Đào tạo', 'returned', { receiptNumber: 'BC-2026-010', submittedAt: '2026-06-20T09:05:00+07:00', dueAt: '2026-06-24T17:00:00+07:00', rounds: 2, indicators: { can_bo_nu: 120, lanh_dao_nu: 18, kinh_phi: 1250, danh_gia: 'Chưa hoàn thành' }, note: 'Biểu số 2 chưa ký' }),
];

const INPUT: ConsolidationInput = {
  key: 'vstbpn-trieu-son-2026/bao-cao-6-thang/2026-H1/tong-hop-1',
  programTitle: 'Chương trình công tác năm 2026 của Ban vì sự tiến bộ của phụ nữ huyện Triệu Sơn',
  officeName: 'Phòng Lao động - Thương binh và Xã hội',
  itemTitle: 'Báo cáo sơ kết 6 tháng',
  periodLabel: '6 tháng đầu năm 2026',
  timeZone: 'Asia/Ho_Chi_Minh',
  locale: 'vi',
  indicators: [
    { id: 'can_bo_nu', label: 'Số cán bộ nữ', type: 'number', unit: 'người', required: true },
    { id: 'lanh_dao_nu', label: 'Nữ giữ chức vụ lãnh đạo', type: 'number', unit: 'người' },
    { id: 'kinh_phi', label: 'Kinh phí thực hiện', type: 'number', unit: 'triệu đồng' },
    { id: 'danh_gia', label: 'Tự đánh giá', type: 'choice', choices: ['Hoàn thành', 'Chưa hoàn thành'] },
  ],
  rows: ROWS,
  // 01:00 on 1 July in Hà Nội: the document date must be written in the program's zone.
  generatedAt: '2026-06-30T18:00:00Z',
};

const STATUS_WORDS = { 'on-time': 'Đúng hạn', late: 'Muộn', missing: 'Chưa nộp', exempt: 'Được miễn', returned: 'Trả lại chờ bổ sung' } as const;

async function consolidate(input: ConsolidationInput): Promise<ConsolidationResult> {
  return (await new MockActivityEnvironment().run(activities.consolidateReport, input)) as ConsolidationResult;
}

async function readBack(result: ConsolidationResult): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await store.read(result.xlsx.ref)) as unknown as ExcelJS.Buffer);
  return workbook;
}

/** The table's header row and a column lookup by header text, so the test does not hardcode positions. */
function tableOf(sheet: ExcelJS.Worksheet, firstHeader = 'STT'): { header: number; col: (title: string) => number } {
  let header = 0;
  sheet.eachRow((r, n) => {
    if (!header && r.getCell(1).value === firstHeader) header = n;
  });
  expect(header).toBeGreaterThan(0);
  const titles = new Map<string, number>();
  sheet.getRow(header).eachCell((cell, n) => titles.set(String(cell.value), n));
  return {
    header,
    col: (title) => {
      const n = titles.get(title);
      if (n === undefined) throw new Error(`no column "${title}" in ${[...titles.keys()].join(' | ')}`);
      return n;
    },
  };
}

/** Text of every cell of column 2..3 (the summary block), label → value. */
function summaryOf(sheet: ExcelJS.Worksheet, from: number): Map<string, unknown> {
  const lines = new Map<string, unknown>();
  for (let n = from; n <= sheet.rowCount; n++) {
    const label = sheet.getRow(n).getCell(2).value;
    if (typeof label === 'string') lines.set(label, sheet.getRow(n).getCell(3).value);
  }
  return lines;
}

describe('consolidateReport activity', () => {
  it('returns the counts and the sums of the number indicators', async () => {
    const result = await consolidate(INPUT);
    expect(result.counts).toEqual({ total: 12, onTime: 5, late: 2, missing: 2, exempt: 1, returned: 2 });
    expect(result.sums).toEqual({ can_bo_nu: 223, lanh_dao_nu: 42, kinh_phi: 1350.5 });
    expect(result.docx).toBeUndefined();
    expect(result.xlsx.name).toBe('bao-cao-tong-hop-bao-cao-so-ket-6-thang-6-thang-dau-nam-2026.xlsx');
    expect(result.xlsx.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(result.html.name).toBe('bao-cao-tong-hop-bao-cao-so-ket-6-thang-6-thang-dau-nam-2026.html');
    expect(result.html.contentType).toBe('text/html; charset=utf-8');
    expect((await store.read(result.xlsx.ref)).length).toBe(result.xlsx.size);
  });

  it('writes a workbook whose every unit row reads back with its Vietnamese status, dates and figures', async () => {
    const result = await consolidate(INPUT);
    const workbook = await readBack(result);
    const sheet = workbook.getWorksheet('Tổng hợp');
    expect(sheet).toBeDefined();
    const { header, col } = tableOf(sheet!);

    ROWS.forEach((unit, i) => {
      const r = sheet!.getRow(header + 1 + i);
      const at = (title: string) => r.getCell(col(title)).value;
      expect(at('STT')).toBe(i + 1);
      expect(at('Đơn vị')).toBe(unit.unitName);
      expect(at('Tình trạng')).toBe(STATUS_WORDS[unit.status]);
      const accepted = unit.accepted ? 'Có' : unit.status === 'missing' || unit.status === 'exempt' ? null : 'Chưa';
      expect(at('Đã chấp nhận')).toBe(accepted);
      expect(at('Số biên nhận')).toBe(unit.receiptNumber ?? null);
      // Date cells hold the wall time in Hà Nội (17:00+07:00 reads back as 17:00).
      const wall = (iso: string | undefined) => (iso === undefined ? null : new Date(Date.parse(iso) + 7 * 3600_000));
      expect(at('Thời điểm nộp')).toEqual(wall(unit.submittedAt));
      expect(at('Hạn nộp')).toEqual(wall(unit.dueAt));
      expect(at('Số lần nộp')).toBe(unit.rounds);
      expect(at('Số cán bộ nữ (người)')).toBe(unit.indicators['can_bo_nu'] ?? null);
      expect(at('Nữ giữ chức vụ lãnh đạo (người)')).toBe(unit.indicators['lanh_dao_nu'] ?? null);
      expect(at('Kinh phí thực hiện (triệu đồng)')).toBe(unit.indicators['kinh_phi'] ?? null);
      expect(at('Tự đánh giá')).toBe(unit.indicators['danh_gia'] ?? null);
      expect(at('Ghi chú')).toBe(unit.note ?? null);
    });
    const first = sheet!.getRow(header + 1);
    expect(first.getCell(col('Thời điểm nộp')).numFmt).toBe('dd/mm/yyyy hh:mm');
    expect(first.getCell(col('Kinh phí thực hiện (triệu đồng)')).numFmt).toBe('#,##0.00');
    expect(first.getCell(col('Số cán bộ nữ (người)')).numFmt).toBe('#,##0');

    const totals = sheet!.getRow(header + 1 + ROWS.length);
    expect(totals.getCell(col('Đơn vị')).value).toBe('Tổng cộng');
    const sum = (title: string) => totals.getCell(col(title)).value as ExcelJS.CellFormulaValue;
    expect(sum('Số cán bộ nữ (người)')).toMatchObject({ formula: `SUM(I${header + 1}:I${header + 12})`, result: 223 });
    expect(sum('Nữ giữ chức vụ lãnh đạo (người)').result).toBe(42);
    expect(sum('Kinh phí thực hiện (triệu đồng)').result).toBe(1350.5);
    expect(totals.getCell(col('Tự đánh giá')).value).toBeNull();

    const summary = summaryOf(sheet!, header + ROWS.length + 2);
    expect(Object.fromEntries(summary)).toMatchObject({
      'Tình hình nộp báo cáo': null,
      'Tổng số đơn vị': 12,
      'Nộp đúng hạn': 5,
      'Nộp muộn': 2,
      'Chưa nộp': 2,
      'Được miễn': 1,
      'Trả lại chờ bổ sung': 2,
      'Đã chấp nhận': 5,
    });
  });

  it('gives the workbook a title block, document time properties and an A4 landscape print layout', async () => {
    const workbook = await readBack(await consolidate(INPUT));
    const sheet = workbook.getWorksheet('Tổng hợp')!;
    const { header, col } = tableOf(sheet);
    const titleBlock: unknown[] = [];
    for (let n = 1; n < header; n++) titleBlock.push(sheet.getRow(n).getCell(1).value, sheet.getRow(n).getCell(sheet.columnCount).value);
    expect(titleBlock).toEqual(expect.arrayContaining([
      'PHÒNG LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'ngày 01 tháng 7 năm 2026',
      'Biểu tổng hợp kết quả báo cáo',
      'Báo cáo sơ kết 6 tháng',
      'Kỳ báo cáo: 6 tháng đầu năm 2026',
      `Thực hiện: ${INPUT.programTitle}`,
    ]));

    expect(workbook.created.toISOString()).toBe('2026-06-30T18:00:00.000Z');
    expect(workbook.modified.toISOString()).toBe('2026-06-30T18:00:00.000Z');
    expect(workbook.creator).toBe('dondoc');
    expect(workbook.keywords).toBe(INPUT.key);

    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${header}:${header}` });
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: header });
    expect(sheet.getColumn(col('Đơn vị')).width).toBeGreaterThanOrEqual('Phòng Lao động - Thương binh và Xã hội'.length);
    expect(sheet.getColumn(col('STT')).width).toBeLessThanOrEqual(6);
    expect(sheet.getRow(header).getCell(1).font?.bold).toBe(true);
  });

  it('writes the same bytes (the same refs) whatever the wall clock, from the workflow time alone', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2031-01-01T00:00:00Z'));
    const first = await consolidate(INPUT);
    vi.setSystemTime(new Date('2033-07-15T12:34:56Z'));
    const again = await consolidate(INPUT);
    expect(again.xlsx.ref).toBe(first.xlsx.ref);
    expect(again.html.ref).toBe(first.html.ref);
  });

  it('writes a self-contained HTML page with the same table, every value escaped', async () => {
    const html = (await store.read((await consolidate(INPUT)).html.ref)).toString('utf8');
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('Ghi chú &lt;b&gt;in đậm&lt;/b&gt; &amp; &quot;trích dẫn&quot;');
    expect(html).not.toMatch(/<script|<b>in/i);
    // Nothing fetched: it must open from a mail attachment, offline.
    expect(html).not.toMatch(/<(link|img|iframe)\b|\bsrc=|url\(/i);
    for (const word of Object.values(STATUS_WORDS)) expect(html).toContain(`>${word}</td>`);
    const table = html.slice(html.indexOf('<table>'), html.indexOf('</table>'));
    // The header, one row per unit, and the totals.
    expect(table.match(/<tr[ >]/g)).toHaveLength(1 + ROWS.length + 1);
    expect(table).toContain('<tr class="totals"><td class="c"></td><td class="wrap">Tổng cộng</td>');
    expect(html).toContain('ngày 01 tháng 7 năm 2026');
    // Vietnamese separators: 1.350,50 (triệu đồng).
    expect(html).toContain('>1.350,50</td>');
    expect(html).toContain('>223</td>');
    expect(html).toContain('<time datetime="2026-06-10T08:15">10/06/2026 08:15</time>');
    expect(html).toContain('@page { size: A4 landscape;');
  });

  it('titles an addendum "Phụ lục số N" and lists only the late submissions it is given', async () => {
    const late = ROWS.filter((r) => r.status === 'late');
    const result = await consolidate({
      ...INPUT,
      key: `${INPUT.key}/phu-luc-2`,
      rows: late,
      addendum: { of: 'vstbpn-trieu-son-2026/bao-cao-6-thang/2026-H1/tong-hop-1', number: 2 },
      generatedAt: '2026-07-06T03:00:00Z',
    });
    expect(result.counts).toEqual({ total: 2, onTime: 0, late: 2, missing: 0, exempt: 0, returned: 0 });
    expect(result.sums).toEqual({ can_bo_nu: 17, lanh_dao_nu: 3, kinh_phi: 15 });
    expect(result.xlsx.name).toBe('bao-cao-tong-hop-bao-cao-so-ket-6-thang-6-thang-dau-nam-2026-phu-luc-2.xlsx');
    const sheet = (await readBack(result)).getWorksheet('Tổng hợp')!;
    const values = sheet.getColumn(1).values.filter((v) => typeof v === 'string');
    expect(values).toContain('Phụ lục số 2 — báo cáo nộp sau khi tổng hợp');
    const { header, col } = tableOf(sheet);
    expect(sheet.getRow(header + 1).getCell(col('Đơn vị')).value).toBe('UBND thị trấn Triệu Sơn');
    expect(sheet.getRow(header + 2).getCell(col('Đơn vị')).value).toBe('UBND xã Dân Lực');
    expect(sheet.getRow(header + 3).getCell(col('Đơn vị')).value).toBe('Tổng cộng');
    const html = (await store.read(result.html.ref)).toString('utf8');
    expect(html).toContain('<h1>Phụ lục số 2 — báo cáo nộp sau khi tổng hợp</h1>');
  });

  it('writes the English edition when the program is in English', async () => {
    const result = await consolidate({ ...INPUT, locale: 'en' });
    expect(result.xlsx.name).toMatch(/^consolidated-report-bao-cao-so-ket-6-thang-/);
    const sheet = (await readBack(result)).getWorksheet('Summary')!;
    const { header, col } = tableOf(sheet, 'No.');
    const statuses = ROWS.map((_, i) => sheet.getRow(header + 1 + i).getCell(col('Status')).value);
    expect(new Set(statuses)).toEqual(new Set(['On time', 'Late', 'Not submitted', 'Exempt', 'Returned for completion']));
    expect(sheet.getRow(header + 1 + ROWS.length).getCell(col('Unit')).value).toBe('Total');
    expect(sheet.getRow(header + 1).getCell(col('Submitted at')).numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(sheet.getColumn(sheet.columnCount).values).toContain('1 July 2026');
    const html = (await store.read(result.html.ref)).toString('utf8');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('>1,350.50</td>');
  });

  it('refuses, for good, input no retry can fix', async () => {
    const env = new MockActivityEnvironment();
    const failure = (input: ConsolidationInput) => env.run(activities.consolidateReport, input).then(() => undefined, (e: unknown) => e as ApplicationFailure);
    for (const bad of [
      { ...INPUT, generatedAt: 'hôm nay' },
      { ...INPUT, timeZone: 'Asia/Hanoi-typo' },
      { ...INPUT, rows: [ROWS[0]!, { ...ROWS[1]!, dueAt: '15/06/2026' }] },
      { ...INPUT, rows: [ROWS[0]!, ROWS[0]!] },
    ]) {
      const err = await failure(bad);
      expect(err).toBeInstanceOf(ApplicationFailure);
      expect(err).toMatchObject({ nonRetryable: true, type: 'InvalidReportInput' });
    }
    const storeless = createReportActivities({ mailer: undefined as never, from: 'x@example.org', messageIdDomain: 'example.org' });
    expect(await env.run(storeless.consolidateReport, INPUT).catch((e: unknown) => e)).toMatchObject({ nonRetryable: true, type: 'NoFileStore' });
  });
});
