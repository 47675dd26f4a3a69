// Per-indicator aggregation in a consolidation, read back from the workbook the office
// opens: a percentage is averaged (plainly, or weighted by another column), never summed;
// `none` leaves the total empty; the sheet and the page say how each total was made.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MockActivityEnvironment } from '@temporalio/testing';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReportActivities } from '../../activities/reports';
import type { ConsolidationInput, ConsolidationResult, ConsolidationRow } from '../../activities/reports/types';
import { FileStore } from '../../storage/file-store';

let root: string;
let store: FileStore;
let activities: ReturnType<typeof createReportActivities>;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'dondoc-aggregate-'));
  store = new FileStore(root);
  activities = createReportActivities({ store, mailer: undefined as never, from: 'x@example.org', messageIdDomain: 'example.org' });
});
afterAll(async () => rm(root, { recursive: true, force: true }));

const DUE = '2026-06-17T17:00:00+07:00';
const row = (unitId: string, unitName: string, indicators: ConsolidationRow['indicators'], status: ConsolidationRow['status'] = 'on-time'): ConsolidationRow => ({
  unitId, unitName, status, accepted: status === 'on-time', dueAt: DUE, rounds: status === 'missing' ? 0 : 1, indicators,
  ...(status === 'missing' ? {} : { submittedAt: '2026-06-16T09:00:00+07:00', receiptNumber: `BC-${unitId}` }),
});

const INPUT: ConsolidationInput & { rows: ConsolidationRow[] } = {
  key: 'vstbpn-thanh-hoa-2026/bao-cao-6-thang/2026-H1/tong-hop-1',
  programTitle: 'Chương trình công tác vì sự tiến bộ của phụ nữ tỉnh Thanh Hóa năm 2026',
  officeName: 'Sở Nội vụ tỉnh Thanh Hóa',
  itemTitle: 'Báo cáo sơ kết 6 tháng',
  periodLabel: '6 tháng đầu năm 2026',
  timeZone: 'Asia/Ho_Chi_Minh',
  locale: 'vi',
  indicators: [
    { id: 'tong-so', label: 'Tổng số cán bộ', type: 'number', unit: 'người' },
    { id: 'ty-le-nu', label: 'Tỷ lệ nữ', type: 'number', unit: '%', aggregate: 'weighted-average', weight: 'tong-so' },
    // No aggregate written: a percentage defaults to the plain average.
    { id: 'hoan-thanh', label: 'Tỷ lệ xã hoàn thành chỉ tiêu', type: 'number', unit: '%' },
    { id: 'xep-hang', label: 'Xếp hạng thi đua', type: 'number', aggregate: 'none' },
  ],
  rows: [
    row('hac-thanh', 'UBND phường Hạc Thành', { 'tong-so': 100, 'ty-le-nu': 40, 'hoan-thanh': 40, 'xep-hang': 1 }),
    row('trieu-son', 'UBND xã Triệu Sơn', { 'tong-so': 50, 'ty-le-nu': 10, 'hoan-thanh': 10, 'xep-hang': 2 }),
    row('tho-binh', 'UBND xã Thọ Bình', { 'tong-so': 10, 'ty-le-nu': 90, 'hoan-thanh': 90, 'xep-hang': 3 }),
    row('muong-lat', 'UBND xã Mường Lát', {}, 'missing'),
  ],
  generatedAt: '2026-06-22T03:00:00Z',
};

async function consolidate(input: ConsolidationInput): Promise<ConsolidationResult> {
  return (await new MockActivityEnvironment().run(activities.consolidateReport, input)) as ConsolidationResult;
}

async function sheetOf(result: ConsolidationResult): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await store.read(result.xlsx.ref)) as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  return sheet;
}

function find(sheet: ExcelJS.Worksheet, col: number, text: string): number {
  let found = 0;
  sheet.eachRow((r, n) => {
    if (!found && r.getCell(col).value === text) found = n;
  });
  expect(found, `no row with "${text}" in column ${col}`).toBeGreaterThan(0);
  return found;
}

describe('aggregation of indicators in a consolidation', () => {
  it('weights, averages, leaves empty — and never sums a percentage', async () => {
    const result = await consolidate(INPUT);
    // Σ rate×staff / Σ staff = (4000 + 500 + 900) / 160 = 33.75; a sum would say 140.
    expect(result.sums['ty-le-nu']).toBe(33.75);
    expect(result.sums['tong-so']).toBe(160);
    expect(result.sums['hoan-thanh']).toBeCloseTo(46.6667, 3);
    expect(result.sums).not.toHaveProperty('xep-hang');

    const sheet = await sheetOf(result);
    const header = find(sheet, 1, 'STT');
    const col = (title: string): number => {
      let at = 0;
      sheet.getRow(header).eachCell((c, n) => {
        if (c.value === title) at = n;
      });
      expect(at, `no column ${title}`).toBeGreaterThan(0);
      return at;
    };
    const totals = sheet.getRow(find(sheet, 2, 'Tổng cộng'));
    const cell = (title: string): ExcelJS.CellValue => totals.getCell(col(title)).value;

    expect(cell('Tổng số cán bộ (người)')).toMatchObject({ formula: expect.stringMatching(/^SUM\(/), result: 160 });
    const weighted = cell('Tỷ lệ nữ (%)') as ExcelJS.CellFormulaValue;
    expect(weighted.result).toBe(33.75);
    expect(weighted.formula).toContain('SUMPRODUCT');
    const average = cell('Tỷ lệ xã hoàn thành chỉ tiêu (%)') as ExcelJS.CellFormulaValue;
    expect(average.result).toBe(46.67);
    expect(average.formula).toContain('AVERAGE');
    expect(totals.getCell(col('Tỷ lệ xã hoàn thành chỉ tiêu (%)')).numFmt).toBe('#,##0.00');
    expect(cell('Xếp hạng thi đua')).toBeNull();
    // Rows keep their own figures, without decimals forced by the average.
    expect(sheet.getRow(header + 1).getCell(col('Tỷ lệ nữ (%)')).numFmt).toBe('#,##0');

    const notes: string[] = [];
    sheet.eachRow((r) => {
      const v = r.getCell(1).value;
      if (typeof v === 'string' && v.startsWith('Dòng “Tổng cộng”')) notes.push(v);
    });
    expect(notes).toEqual([
      'Dòng “Tổng cộng”, cột “Tỷ lệ nữ (%)”: bình quân gia quyền theo cột “Tổng số cán bộ (người)”.',
      'Dòng “Tổng cộng”, cột “Tỷ lệ xã hoàn thành chỉ tiêu (%)”: số bình quân của các đơn vị đã báo cáo (không cộng dồn).',
      'Dòng “Tổng cộng”, cột “Xếp hạng thi đua”: không tổng hợp.',
    ]);

    const html = (await store.read(result.html.ref)).toString('utf8');
    expect(html).toContain('<td class="n">33,75</td>');
    expect(html).toContain('<td class="n">46,67</td>');
    expect(html).toContain('bình quân gia quyền theo cột “Tổng số cán bộ (người)”');
  });

  it('a unit that gave a rate but no weight does not move the weighted average', async () => {
    const rows = [...INPUT.rows, row('nga-son', 'UBND xã Nga Sơn', { 'ty-le-nu': 100 })];
    const result = await consolidate({ ...INPUT, key: `${INPUT.key}-b`, rows });
    expect(result.sums['ty-le-nu']).toBe(33.75);
    const sheet = await sheetOf(result);
    const totals = sheet.getRow(find(sheet, 2, 'Tổng cộng'));
    const values = totals.values as ExcelJS.CellValue[];
    expect(values.some((v) => typeof v === 'object' && v !== null && 'result' in v && v.result === 33.75)).toBe(true);
  });

  it('the English edition explains its totals in English', async () => {
    const result = await consolidate({ ...INPUT, key: `${INPUT.key}-en`, locale: 'en' });
    const html = (await store.read(result.html.ref)).toString('utf8');
    expect(html).toContain('Total row, column “Tỷ lệ nữ (%)”: the average weighted by column “Tổng số cán bộ (người)”.');
    expect(html).toContain('<td class="n">33.75</td>');
  });
});
