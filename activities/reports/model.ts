// The consolidation as one neutral table (columns, cells, totals, counts), built once and
// then written as XLSX and as HTML, so the two documents cannot disagree.
import type { DateTime } from 'luxon';
import { cellDateTime, documentDate, readInstant, ReportInputError, wallClockDate } from './dates';
import { labelsFor, type ReportLabels, type ReportLocale } from './labels';
import { decimalsOf, formatNumber } from './numbers';
import type { Aggregate } from '../../program/aggregate';
import { aggregateOf, countRows, numericValue, sumIndicators } from './summary';
import type { ConsolidationInput, ConsolidationRow, Counts, ReportIndicator, RowStatus } from './types';

export type Cell =
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  /** `decimals`: set where a cell needs other decimals than its column (an average in the total row). */
  | { kind: 'number'; value: number; text: string; decimals?: number }
  /** `at` carries the wall time in the program's zone (see wallClockDate). */
  | { kind: 'datetime'; at: Date; text: string };

export type ColumnKind = 'index' | 'unit' | 'status' | 'accepted' | 'receipt' | 'submitted' | 'due' | 'count' | 'indicator' | 'note';

export interface Column {
  kind: ColumnKind;
  header: string;
  /** For number indicators: decimal places shared by the column and its total. */
  decimals?: number;
  indicator?: ReportIndicator;
  /** Number indicators: how the total row combines the column. */
  aggregate?: Aggregate;
  /** weighted-average: the index of the weight's column. */
  weightColumn?: number;
}

export interface TableRow {
  status: RowStatus;
  cells: Cell[];
}

export interface ReportModel {
  key: string;
  locale: ReportLocale;
  labels: ReportLabels;
  officeName: string;
  programTitle: string;
  itemTitle: string;
  periodLabel: string;
  /** "Biểu tổng hợp…" or "Phụ lục số N — …". */
  title: string;
  /** "ngày 15 tháng 6 năm 2026". */
  documentDate: string;
  generatedAt: DateTime;
  columns: Column[];
  rows: TableRow[];
  /** One cell per column; number indicators hold their sum, average or weighted average. */
  totals: Cell[];
  /** Lines under the table saying how the non-summed columns of the total row were computed. */
  totalsNotes: string[];
  counts: Counts;
  /** The summary block under the table: label and count. */
  summary: [label: string, count: number][];
  sums: Record<string, number>;
}

const EMPTY: Cell = { kind: 'empty' };
const text = (value: string | undefined): Cell => (value && value.trim() ? { kind: 'text', text: value.trim() } : EMPTY);

function indicatorHeader(field: ReportIndicator): string {
  return field.unit ? `${field.label} (${field.unit})` : field.label;
}

function columnsFor(fields: readonly ReportIndicator[], rows: readonly ConsolidationRow[], sums: Record<string, number>, labels: ReportLabels): Column[] {
  const c = labels.columns;
  const indicatorColumns = fields.map((field): Column => {
    if (field.type !== 'number') return { kind: 'indicator', header: indicatorHeader(field), indicator: field };
    const values = rows.map((r) => numericValue(r.indicators[field.id])).filter((v): v is number => v !== undefined);
    const aggregate = aggregateOf(field);
    // A sum needs no more decimals than its terms; an average may: it gets its own (totalsRow).
    const decimals = decimalsOf(aggregate === 'sum' ? [...values, sums[field.id] ?? 0] : values);
    return { kind: 'indicator', header: indicatorHeader(field), indicator: field, decimals, aggregate };
  });
  const leading: Column[] = [
    { kind: 'index', header: c.index },
    { kind: 'unit', header: c.unit },
    { kind: 'status', header: c.status },
    { kind: 'accepted', header: c.accepted },
    { kind: 'receipt', header: c.receipt },
    { kind: 'submitted', header: c.submittedAt },
    { kind: 'due', header: c.dueAt },
    { kind: 'count', header: c.rounds },
  ];
  indicatorColumns.forEach((column) => {
    const weight = column.aggregate === 'weighted-average' ? column.indicator?.weight : undefined;
    const at = weight === undefined ? -1 : fields.findIndex((f) => f.id === weight && f.type === 'number');
    if (at >= 0) column.weightColumn = leading.length + at;
  });
  return [...leading, ...indicatorColumns, { kind: 'note', header: c.note }];
}

function acceptedCell(row: ConsolidationRow, labels: ReportLabels): Cell {
  if (row.accepted) return { kind: 'text', text: labels.acceptedYes };
  // Nothing to accept from a unit that sent nothing or was exempted: the cell stays blank.
  return row.status === 'missing' || row.status === 'exempt' ? EMPTY : { kind: 'text', text: labels.acceptedNotYet };
}

function indicatorCell(field: ReportIndicator, value: number | string | undefined, decimals: number, locale: ReportLocale): Cell {
  if (value === undefined || value === '') return EMPTY;
  const n = field.type === 'number' ? numericValue(value) : undefined;
  if (n !== undefined) return { kind: 'number', value: n, text: formatNumber(n, decimals, locale) };
  return { kind: 'text', text: String(value) };
}

function dateCell(iso: string | undefined, input: ConsolidationInput, field: string): Cell {
  if (iso === undefined) return EMPTY;
  const dt = readInstant(iso, input.timeZone, field);
  return { kind: 'datetime', at: wallClockDate(dt), text: cellDateTime(dt, input.locale) };
}

function rowCells(row: ConsolidationRow, index: number, columns: readonly Column[], input: ConsolidationInput, labels: ReportLabels): Cell[] {
  const where = `rows[${index}] (${row.unitId})`;
  return columns.map((column): Cell => {
    switch (column.kind) {
      case 'index':
        return { kind: 'number', value: index + 1, text: String(index + 1) };
      case 'unit':
        return text(row.unitName);
      case 'status':
        return { kind: 'text', text: labels.statuses[row.status] };
      case 'accepted':
        return acceptedCell(row, labels);
      case 'receipt':
        return text(row.receiptNumber);
      case 'submitted':
        return dateCell(row.submittedAt, input, `${where}.submittedAt`);
      case 'due':
        return dateCell(row.dueAt, input, `${where}.dueAt`);
      case 'count':
        return { kind: 'number', value: row.rounds, text: String(row.rounds) };
      case 'indicator':
        return indicatorCell(column.indicator!, row.indicators[column.indicator!.id], column.decimals ?? 0, input.locale);
      case 'note':
        return text(row.note);
    }
  });
}

function totalsRow(columns: readonly Column[], sums: Record<string, number>, labels: ReportLabels, locale: ReportLocale): Cell[] {
  return columns.map((column): Cell => {
    if (column.kind === 'unit') return { kind: 'text', text: labels.total };
    const sum = column.indicator ? sums[column.indicator.id] : undefined;
    if (sum === undefined) return EMPTY;
    // Averages keep at most two decimals, as offices write rates ("33,33%").
    const decimals = column.aggregate === 'sum' ? (column.decimals ?? 0) : Math.max(column.decimals ?? 0, Math.min(2, decimalsOf([sum])));
    const value = column.aggregate === 'sum' ? sum : Math.round(sum * 10 ** decimals) / 10 ** decimals;
    return { kind: 'number', value, text: formatNumber(value, decimals, locale), decimals };
  });
}

function totalsNotes(columns: readonly Column[], labels: ReportLabels): string[] {
  return columns.flatMap((column) => {
    const a = column.aggregate;
    if (a === undefined || a === 'sum') return [];
    const weight = column.weightColumn !== undefined ? columns[column.weightColumn]?.header : undefined;
    return [labels.totalsRule(column.header, a, weight)];
  });
}

function summaryLines(counts: Counts, accepted: number, labels: ReportLabels): [string, number][] {
  const s = labels.summary;
  return [
    [s.total, counts.total],
    [s.onTime, counts.onTime],
    [s.late, counts.late],
    [s.missing, counts.missing],
    [s.exempt, counts.exempt],
    [s.returned, counts.returned],
    [s.accepted, accepted],
  ];
}

/** Throws ReportInputError for input no retry can fix (unreadable instants, duplicate units). */
export function buildReportModel(input: ConsolidationInput & { rows: ConsolidationRow[] }): ReportModel {
  const labels = labelsFor(input.locale);
  const generatedAt = readInstant(input.generatedAt, input.timeZone, 'generatedAt');
  const seen = new Set<string>();
  for (const row of input.rows) {
    if (seen.has(row.unitId)) throw new ReportInputError(`đơn vị "${row.unitId}" xuất hiện hai lần trong biểu tổng hợp (duplicate unit)`);
    seen.add(row.unitId);
  }
  const sums = sumIndicators(input.indicators, input.rows);
  const counts = countRows(input.rows);
  const columns = columnsFor(input.indicators, input.rows, sums, labels);
  return {
    key: input.key,
    locale: input.locale,
    labels,
    officeName: input.officeName,
    programTitle: input.programTitle,
    itemTitle: input.itemTitle,
    periodLabel: input.periodLabel,
    title: input.addendum ? labels.addendumTitle(input.addendum.number) : labels.title,
    documentDate: documentDate(generatedAt, input.locale),
    generatedAt,
    columns,
    rows: input.rows.map((row, i) => ({ status: row.status, cells: rowCells(row, i, columns, input, labels) })),
    totals: totalsRow(columns, sums, labels, input.locale),
    totalsNotes: totalsNotes(columns, labels),
    counts,
    summary: summaryLines(counts, input.rows.filter((r) => r.accepted).length, labels),
    sums,
  };
}
