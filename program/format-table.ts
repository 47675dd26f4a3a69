// The plan as an office reads it: one section per month, dates dd/mm/yyyy with the weekday,
// and the same step for many units on one line ("Các đơn vị được giao (44)") unless a unit
// was asked for.
import { ddmmyyyy, weekdayName } from './dates-vi';
import { Describer, type Locale } from './describe';
import type { Plan, PlannedEvent } from './plan-types';
import type { Program } from './types';

export interface TableOptions {
  locale?: Locale;
  /** Merge the same step of one occurrence for many units into one row (default true). */
  collapse?: boolean;
}

const HEADINGS: Record<Locale, string[]> = {
  vi: ['Ngày', 'Giờ', 'Việc', 'Đơn vị', 'Kỳ', 'Ghi chú'],
  en: ['Date', 'Time', 'Task', 'Unit', 'Period', 'Note'],
};
const MAX_WIDTH = [20, 5, 70, 40, 30, 52];

const width = (s: string): number => [...s].length;

function clip(s: string, max: number): string {
  const chars = [...s];
  return chars.length <= max ? s : `${chars.slice(0, max - 1).join('')}…`;
}

function pad(s: string, n: number): string {
  return s + ' '.repeat(Math.max(0, n - width(s)));
}

export function formatTable(program: Program, plan: Plan, events: PlannedEvent[], options: TableOptions = {}): string {
  const locale = options.locale ?? program.program.locale;
  const d = new Describer(program, plan, locale);
  const vi = locale === 'vi';
  const rows = buildRows(d, events, options.collapse ?? true);
  const title = vi ? program.program.title : (program.program.titleEn ?? program.program.title);
  const lines: string[] = [title];
  if (rows.length === 0) {
    lines.push('', vi ? 'Không có việc nào trong khoảng thời gian đã chọn.' : 'Nothing planned in the chosen range.');
    return `${lines.join('\n')}\n`;
  }
  lines.push(...monthSections(rows, HEADINGS[locale], MAX_WIDTH, locale));
  lines.push('', vi ? `Tổng cộng ${rows.length} dòng (${events.length} việc của từng đơn vị).` : `${rows.length} rows (${events.length} events per unit).`);
  return `${lines.join('\n')}\n`;
}

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A row of a monthly table: its month (YYYY-MM) and its cells, one per heading. */
export interface MonthRow {
  month: string;
  cells: string[];
}

/**
 * The layout `plan` and `simulate` share: for each month a blank line, its name ("Tháng
 * 1/2026", "January 2026"), the headings and a rule, then its rows; every column as wide as
 * its widest cell, clipped to its maximum.
 */
export function monthSections(rows: readonly MonthRow[], headings: readonly string[], maxWidths: readonly number[], locale: Locale): string[] {
  const widths = headings.map((h, i) => Math.min(maxWidths[i] ?? 40, Math.max(width(h), ...rows.map((r) => width(r.cells[i] ?? '')))));
  const render = (cells: readonly string[]): string =>
    cells
      .map((c, i) => pad(clip(c, widths[i] ?? 40), widths[i] ?? 40))
      .join('  ')
      .trimEnd();
  const lines: string[] = [];
  let month = '';
  for (const row of rows) {
    if (row.month !== month) {
      month = row.month;
      const m = Number(month.slice(5, 7));
      const label = locale === 'vi' ? `Tháng ${m}/${month.slice(0, 4)}` : `${MONTHS_EN[m - 1] ?? month} ${month.slice(0, 4)}`;
      lines.push('', label, render(headings), widths.map((w) => '-'.repeat(w)).join('  '));
    }
    lines.push(render(row.cells));
  }
  return lines;
}

function buildRows(d: Describer, events: PlannedEvent[], collapse: boolean): MonthRow[] {
  const rows: MonthRow[] = [];
  const groups = new Map<string, { first: PlannedEvent; units: string[] }>();
  const order: string[] = [];
  for (const e of events) {
    const key = collapse && e.unitId !== undefined ? `${e.at}|${e.occurrenceId}|${e.kind}|${e.level ?? ''}|${e.audience}` : e.uid;
    const g = groups.get(key);
    if (g) {
      if (e.unitId !== undefined) g.units.push(e.unitId);
    } else {
      groups.set(key, { first: e, units: e.unitId !== undefined ? [e.unitId] : [] });
      order.push(key);
    }
  }
  for (const key of order) {
    const g = groups.get(key);
    if (!g) continue;
    const e = g.first;
    const text = d.describe(e, true);
    let unit = text.unit;
    if (g.units.length > 1) {
      const total = d.occurrence(e.occurrenceId)?.assignmentIds.length ?? 0;
      const vi = d.locale === 'vi';
      if (g.units.length === total) unit = vi ? `Các đơn vị được giao (${total})` : `All assigned units (${total})`;
      else if (g.units.length <= 3) unit = g.units.map((u) => d.unitName(u)).join('; ');
      else unit = vi ? `${g.units.length} đơn vị` : `${g.units.length} units`;
    }
    const date = `${weekdayName(e.date, d.locale)} ${ddmmyyyy(e.date)}`;
    rows.push({ month: e.date.slice(0, 7), cells: [date, e.time, text.what, unit, text.period, text.note] });
  }
  return rows;
}
