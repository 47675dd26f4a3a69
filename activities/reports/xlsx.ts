// The consolidation as an Excel workbook: the sheet offices open, filter, print and sign.
// Real date and number cells (so they sort and add up), Times New Roman as Nghị định
// 30/2020 asks of administrative documents, A4 landscape fitted to one page wide.
import ExcelJS from 'exceljs';
import { excelDateTimeFormat } from './dates';
import type { Cell, Column, ColumnKind, ReportModel } from './model';
import { excelNumberFormat } from './numbers';
import type { RowStatus } from './types';
import { stampZipEntries } from './zip-time';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const FONT = 'Times New Roman';
const THIN = { style: 'thin' as const, color: { argb: 'FF808080' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const solid = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });
const HEADER_FILL = solid('FFD9E1F2');
const TOTAL_FILL = solid('FFF2F2F2');
// Light enough to print legibly in grey on an office laser printer.
const STATUS_FILL: Record<RowStatus, ExcelJS.Fill | undefined> = {
  'on-time': undefined,
  late: solid('FFFCE4D6'),
  missing: solid('FFF8D7DA'),
  exempt: solid('FFEDEDED'),
  returned: solid('FFFFF2CC'),
};

/** Character widths: wide enough for a commune's name, narrow enough to print. */
const WIDTH: Record<ColumnKind, [min: number, max: number]> = {
  index: [5, 6],
  unit: [18, 40],
  status: [12, 22],
  accepted: [9, 12],
  receipt: [12, 22],
  submitted: [17, 17],
  due: [17, 17],
  count: [8, 10],
  indicator: [10, 24],
  note: [20, 50],
};

const CENTERED: ReadonlySet<ColumnKind> = new Set(['index', 'status', 'accepted', 'receipt', 'submitted', 'due', 'count']);

function columnWidth(column: Column, cells: Cell[]): number {
  const [min, max] = WIDTH[column.kind];
  // Headers wrap, so only their longest word has to fit.
  const header = Math.max(...column.header.split(/\s+/).map((w) => w.length));
  const content = Math.max(0, ...cells.map((c) => (c.kind === 'empty' ? 0 : c.text.length)));
  return Math.min(max, Math.max(min, header + 2, content + 2));
}

function alignment(column: Column, cell: Cell): Partial<ExcelJS.Alignment> {
  if (CENTERED.has(column.kind)) return { horizontal: 'center', vertical: 'middle', wrapText: true };
  if (cell.kind === 'number') return { horizontal: 'right', vertical: 'middle' };
  return { horizontal: 'left', vertical: 'middle', wrapText: true };
}

function numFmt(column: Column, cell: Cell, dateFormat: string): string | undefined {
  if (cell.kind === 'datetime') return dateFormat;
  if (cell.kind === 'number' && column.kind === 'indicator') return excelNumberFormat(cell.decimals ?? column.decimals ?? 0);
  if (cell.kind === 'number') return '0';
  return undefined;
}

function cellValue(cell: Cell): ExcelJS.CellValue {
  switch (cell.kind) {
    case 'empty':
      return null;
    case 'text':
      return cell.text;
    case 'number':
      return cell.value;
    case 'datetime':
      return cell.at;
  }
}

/** Merges a row's columns `from..to` into one cell holding `text`. */
function banner(sheet: ExcelJS.Worksheet, row: number, from: number, to: number, text: string, font: Partial<ExcelJS.Font>): void {
  if (to > from) sheet.mergeCells(row, from, row, to);
  const cell = sheet.getCell(row, from);
  cell.value = text;
  cell.font = { name: FONT, size: 12, ...font };
  cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
}

function titleBlock(sheet: ExcelJS.Worksheet, model: ReportModel, width: number): number {
  const { labels } = model;
  const split = 3;
  banner(sheet, 1, 1, split, model.officeName.toLocaleUpperCase(model.locale), { bold: true });
  banner(sheet, 1, split + 1, width, labels.nation[0], { bold: true });
  banner(sheet, 2, split + 1, width, labels.nation[1], { bold: true, underline: true });
  banner(sheet, 3, split + 1, width, model.documentDate, { italic: true });
  banner(sheet, 5, 1, width, model.title, { bold: true, size: 14 });
  banner(sheet, 6, 1, width, model.itemTitle, { bold: true });
  banner(sheet, 7, 1, width, `${labels.period}: ${model.periodLabel}`, {});
  banner(sheet, 8, 1, width, `${labels.program}: ${model.programTitle}`, { italic: true });
  sheet.getRow(1).height = 32;
  return 10;
}

function table(sheet: ExcelJS.Worksheet, model: ReportModel, headerRow: number): { first: number; totals: number } {
  const dateFormat = excelDateTimeFormat(model.locale);
  const header = sheet.getRow(headerRow);
  model.columns.forEach((column, i) => {
    const cell = header.getCell(i + 1);
    cell.value = column.header;
    cell.font = { name: FONT, size: 11, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
  });
  header.height = 45;

  const first = headerRow + 1;
  model.rows.forEach((row, r) => {
    const sheetRow = sheet.getRow(first + r);
    model.columns.forEach((column, i) => {
      const source = row.cells[i] ?? { kind: 'empty' };
      const cell = sheetRow.getCell(i + 1);
      cell.value = cellValue(source);
      cell.font = { name: FONT, size: 11, ...(column.kind === 'status' && row.status !== 'on-time' ? { bold: true } : {}) };
      cell.alignment = alignment(column, source);
      cell.border = BORDER;
      const fmt = numFmt(column, source, dateFormat);
      if (fmt) cell.numFmt = fmt;
      const fill = column.kind === 'status' ? STATUS_FILL[row.status] : undefined;
      if (fill) cell.fill = fill;
    });
  });

  const totals = first + model.rows.length;
  const last = totals - 1;
  const totalsRow = sheet.getRow(totals);
  model.columns.forEach((column, i) => {
    const source = model.totals[i] ?? { kind: 'empty' };
    const cell = totalsRow.getCell(i + 1);
    // A formula keeps the total right when the office corrects a figure by hand; the cached
    // result is what viewers without a calculation engine (and the tests) read.
    const formula = source.kind === 'number' && last >= first ? totalFormula(sheet, column, i, first, last) : undefined;
    cell.value = formula && source.kind === 'number' ? { formula, result: source.value } : cellValue(source);
    cell.font = { name: FONT, size: 11, bold: true };
    cell.alignment = alignment(column, source);
    cell.fill = TOTAL_FILL;
    cell.border = BORDER;
    const fmt = numFmt(column, source, dateFormat);
    if (fmt) cell.numFmt = fmt;
  });
  return { first, totals };
}

/** The total row's formula for column `i`, as the column aggregates (percentages are never summed). */
function totalFormula(sheet: ExcelJS.Worksheet, column: Column, i: number, first: number, last: number): string {
  const range = (c: number): string => `${sheet.getColumn(c + 1).letter}${first}:${sheet.getColumn(c + 1).letter}${last}`;
  const v = range(i);
  switch (column.aggregate) {
    case 'average':
      return `ROUND(AVERAGE(${v}),2)`;
    case 'weighted-average': {
      if (column.weightColumn === undefined) return `ROUND(AVERAGE(${v}),2)`;
      const w = range(column.weightColumn);
      // Σ value×weight over Σ weight of the rows that have a value: an empty cell counts 0.
      return `ROUND(SUMPRODUCT(${v},${w})/SUMPRODUCT(--(${v}<>""),${w}),2)`;
    }
    default:
      return `SUM(${v})`;
  }
}

function notesBlock(sheet: ExcelJS.Worksheet, model: ReportModel, row: number, width: number): number {
  model.totalsNotes.forEach((note, k) => {
    banner(sheet, row + k, 1, width, note, { italic: true, size: 10 });
    sheet.getCell(row + k, 1).alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
  });
  return row + model.totalsNotes.length;
}

function summaryBlock(sheet: ExcelJS.Worksheet, model: ReportModel, startRow: number, width: number): number {
  const lines = model.summary;
  const title = sheet.getCell(startRow, 2);
  title.value = model.labels.summaryTitle;
  title.font = { name: FONT, size: 12, bold: true };
  lines.forEach(([label, value], i) => {
    const row = startRow + 1 + i;
    const labelCell = sheet.getCell(row, 2);
    labelCell.value = label;
    labelCell.font = { name: FONT, size: 11 };
    labelCell.border = BORDER;
    const valueCell = sheet.getCell(row, 3);
    valueCell.value = value;
    valueCell.numFmt = '0';
    valueCell.font = { name: FONT, size: 11, bold: i === 0 };
    valueCell.alignment = { horizontal: 'center' };
    valueCell.border = BORDER;
  });
  const note = startRow + lines.length + 2;
  banner(sheet, note, 1, width, model.labels.generatedBy, { italic: true, size: 10 });
  sheet.getCell(note, 1).alignment = { horizontal: 'left', vertical: 'middle' };
  return note;
}

export async function renderXlsx(model: ReportModel): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  // Document time, not the wall clock: the same consolidation always yields the same bytes.
  const at = new Date(model.generatedAt.toMillis());
  workbook.creator = 'dondoc';
  workbook.lastModifiedBy = 'dondoc';
  workbook.created = at;
  workbook.modified = at;
  workbook.title = `${model.title} — ${model.itemTitle}`;
  workbook.subject = `${model.itemTitle} — ${model.periodLabel}`;
  workbook.company = model.officeName;
  workbook.keywords = model.key;
  workbook.calcProperties.fullCalcOnLoad = true;

  const width = model.columns.length;
  const sheet = workbook.addWorksheet(model.labels.sheetName, {
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: `&C&"${FONT}"&10${model.labels.pageFooter}` },
  });

  const headerRow = titleBlock(sheet, model, width);
  const { totals } = table(sheet, model, headerRow);
  const afterNotes = notesBlock(sheet, model, totals + 1, width);
  summaryBlock(sheet, model, afterNotes + 1, width);

  model.columns.forEach((column, i) => {
    sheet.getColumn(i + 1).width = columnWidth(column, model.rows.map((r) => r.cells[i] ?? { kind: 'empty' }));
  });
  sheet.views = [{ state: 'frozen', xSplit: 2, ySplit: headerRow, topLeftCell: `C${headerRow + 1}`, activeCell: `C${headerRow + 1}` }];
  sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: width } };
  sheet.pageSetup.printTitlesRow = `${headerRow}:${headerRow}`;

  const written = await workbook.xlsx.writeBuffer();
  return stampZipEntries(Buffer.from(written as ArrayBuffer), model.generatedAt);
}
