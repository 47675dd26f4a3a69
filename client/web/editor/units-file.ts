// The program's units as a spreadsheet a clerk can fill in (CSV or XLSX) and read back: one
// row per unit, the columns below. Reading turns rows into the program file's unit entries;
// whether they are valid is decided by the program's own schema and checks (preview.ts), and
// each error is placed back on its row and column.
import ExcelJS from 'exceljs';
import type { Unit } from '../../../program/types';
import { toCsv } from '../exports/csv';

export const UNIT_COLUMNS = [
  { key: 'id', vi: 'Mã đơn vị', hint: 'chữ thường không dấu, ví dụ xa-tho-dan' },
  { key: 'name', vi: 'Tên đơn vị', hint: 'ví dụ UBND xã Thọ Dân' },
  { key: 'kind', vi: 'Loại', hint: 'department | mass-organization | commune | office | other' },
  { key: 'emails', vi: 'Email nhận yêu cầu', hint: 'nhiều địa chỉ cách nhau bằng dấu ;' },
  { key: 'headTitle', vi: 'Chức danh thủ trưởng', hint: 'ví dụ Chủ tịch UBND xã' },
  { key: 'headName', vi: 'Họ tên thủ trưởng', hint: 'có thể để trống' },
  { key: 'headEmail', vi: 'Email thủ trưởng', hint: 'nhận báo cáo vượt cấp' },
  { key: 'groups', vi: 'Nhóm', hint: 'mã nhóm, cách nhau bằng dấu ;' },
  { key: 'phone', vi: 'Điện thoại', hint: 'có thể để trống' },
] as const;
export type UnitColumn = (typeof UNIT_COLUMNS)[number]['key'];

/** Header cells read "Mã đơn vị (id)": people read the first part, the reader the key. */
const headerText = (c: (typeof UNIT_COLUMNS)[number]) => `${c.vi} (${c.key})`;

function cellsOf(u: Unit): string[] {
  return [u.id, u.name, u.kind, u.emails.join('; '), u.head?.title ?? '', u.head?.name ?? '', u.head?.email ?? '', (u.groups ?? []).join('; '), u.phone ?? ''];
}

export function unitsCsv(units: Unit[]): string {
  return toCsv([UNIT_COLUMNS.map(headerText), ...units.map(cellsOf)]);
}

export async function unitsXlsx(units: Unit[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Đơn vị');
  sheet.addRow(UNIT_COLUMNS.map(headerText)).font = { bold: true };
  for (const u of units) sheet.addRow(cellsOf(u));
  sheet.columns.forEach((col, i) => (col.width = i === 1 ? 42 : i === 3 || i === 6 ? 34 : 22));
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const hints = workbook.addWorksheet('Hướng dẫn');
  hints.addRow(['Cột', 'Cách ghi']).font = { bold: true };
  for (const c of UNIT_COLUMNS) hints.addRow([headerText(c), c.hint]);
  hints.columns.forEach((col) => (col.width = 48));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export interface UnitRow {
  /** 1-based row in the file (the header is row 1). */
  row: number;
  values: Partial<Record<UnitColumn, string>>;
}

export type ReadResult = { ok: true; rows: UnitRow[] } | { ok: false; errors: string[] };

function columnOf(header: string): UnitColumn | undefined {
  const text = header.trim();
  const inParens = /\(([A-Za-z]+)\)\s*$/.exec(text)?.[1];
  const key = inParens ?? text;
  const found = UNIT_COLUMNS.find((c) => c.key.toLowerCase() === key.toLowerCase() || c.vi.toLowerCase() === text.toLowerCase());
  return found?.key;
}

function fromTable(table: string[][]): ReadResult {
  const [header, ...body] = table;
  if (!header) return { ok: false, errors: ['tệp không có dòng nào (the file is empty)'] };
  const columns = header.map(columnOf);
  const unknown = header.filter((h, i) => h.trim() !== '' && columns[i] === undefined);
  const errors: string[] = unknown.map((h) => `dòng 1: cột "${h}" không có trong mẫu (unknown column); dùng tệp mẫu`);
  for (const needed of ['id', 'name', 'kind', 'emails'] as const) {
    if (!columns.includes(needed)) errors.push(`dòng 1: thiếu cột ${headerText(UNIT_COLUMNS.find((c) => c.key === needed)!)} (missing column)`);
  }
  if (errors.length > 0) return { ok: false, errors };
  const rows: UnitRow[] = [];
  body.forEach((cells, i) => {
    if (cells.every((c) => c.trim() === '')) return;
    const values: UnitRow['values'] = {};
    columns.forEach((key, j) => {
      const v = (cells[j] ?? '').trim();
      if (key && v !== '') values[key] = v;
    });
    rows.push({ row: i + 2, values });
  });
  if (rows.length === 0) return { ok: false, errors: ['tệp không có đơn vị nào (no unit rows)'] };
  return { ok: true, rows };
}

/** RFC 4180 CSV (comma or semicolon, as Excel writes it in Vietnamese locales), BOM tolerated. */
export function parseCsv(text: string): string[][] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = src.split(/\r?\n/, 1)[0] ?? '';
  const sep = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === sep) {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  // Our own CSV export defuses formula-like cells with a leading apostrophe: undo it.
  return rows.map((r) => r.map((c) => (/^'[=+\-@]/.test(c) ? c.slice(1) : c)));
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return String(value.result ?? '');
    if (value instanceof Date) return value.toISOString().slice(0, 10);
  }
  return String(value as string | number | boolean);
}

export async function readUnitsFile(fileName: string, data: Buffer): Promise<ReadResult> {
  const ext = fileName.toLowerCase().split('.').pop();
  if (ext === 'csv') {
    const text = new TextDecoder('utf-8', { fatal: false }).decode(data);
    return fromTable(parseCsv(text));
  }
  if (ext === 'xlsx') {
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(data as unknown as ArrayBuffer);
    } catch {
      return { ok: false, errors: [`${fileName}: không đọc được tệp Excel (not a readable .xlsx file)`] };
    }
    const sheet = workbook.worksheets[0];
    if (!sheet) return { ok: false, errors: [`${fileName}: tệp không có trang tính nào (no worksheet)`] };
    const table: string[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, n) => {
      const cells: string[] = [];
      for (let c = 1; c <= Math.max(row.cellCount, UNIT_COLUMNS.length); c++) cells.push(cellText(row.getCell(c).value));
      table[n - 1] = cells;
    });
    return fromTable(Array.from(table, (r) => r ?? []));
  }
  return { ok: false, errors: [`${fileName}: chỉ nhận tệp .csv hoặc .xlsx (expected a .csv or .xlsx file)`] };
}

const list = (v: string | undefined) => (v ?? '').split(/[;,\n]/).map((s) => s.trim()).filter((s) => s !== '');

/** A row as the program file's unit entry (unchecked: the program schema checks it). */
export function unitEntry(r: UnitRow): Record<string, unknown> {
  const v = r.values;
  const head = v.headTitle || v.headEmail || v.headName ? { ...(v.headName ? { name: v.headName } : {}), title: v.headTitle ?? '', email: v.headEmail ?? '' } : undefined;
  const groups = list(v.groups);
  return {
    id: v.id ?? '',
    name: v.name ?? '',
    kind: v.kind ?? '',
    emails: list(v.emails),
    ...(v.phone ? { phone: v.phone } : {}),
    ...(head ? { head } : {}),
    ...(groups.length > 0 ? { groups } : {}),
  };
}

/** Which column a schema path inside a unit entry comes from. */
export function columnForPath(path: (string | number)[]): UnitColumn | undefined {
  const [field, sub] = path;
  if (field === 'head') return sub === 'email' ? 'headEmail' : sub === 'name' ? 'headName' : 'headTitle';
  return UNIT_COLUMNS.find((c) => c.key === field)?.key;
}

export function columnLabel(key: UnitColumn): string {
  return headerText(UNIT_COLUMNS.find((c) => c.key === key)!);
}
