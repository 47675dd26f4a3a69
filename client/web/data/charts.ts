// The numbers behind the dashboard's pictures, from the compliance matrix (visibility rows):
// per item and period how many units were on time, late, missing, exempt or still pending;
// per unit and month of the year the worst of its assignments due that month; per month the
// on-time rate of what has fallen due. Pure, so the tests can seed a situation and check it.
import { DateTime } from 'luxon';
import type { CellStatus } from './cell-status';
import type { MatrixRow } from './dashboard';
import type { ColumnInfo } from './program-index';
import { columnKey } from './query';

export const CATEGORIES = ['onTime', 'late', 'missing', 'exempt', 'pending'] as const;
export type Category = (typeof CATEGORIES)[number];
export type Tally = Record<Category, number>;

/** `accepted` keeps no trace of lateness in visibility: a late submission counts as late only until it is accepted. */
export function categoryOf(status: CellStatus): Category {
  switch (status) {
    case 'accepted':
    case 'submitted':
      return 'onTime';
    case 'late':
      return 'late';
    case 'overdue':
    case 'escalated':
      return 'missing';
    case 'exempt':
      return 'exempt';
    default:
      return 'pending';
  }
}

const empty = (): Tally => ({ onTime: 0, late: 0, missing: 0, exempt: 0, pending: 0 });
/** Worst first: what a heat-map cell shows when a unit has several assignments that month. */
const SEVERITY: Category[] = ['missing', 'late', 'pending', 'onTime', 'exempt'];

export interface ColumnBar {
  column: ColumnInfo;
  tally: Tally;
  total: number;
}

export interface HeatRow {
  unitId: string;
  unitName?: string;
  /** Index 0 = January; undefined: nothing due that month. */
  months: ({ worst: Category; tally: Tally } | undefined)[];
}

export interface MonthRate {
  month: number;
  /** On time among those due (exempt and pending left out); undefined when nothing has fallen due. */
  rate: number | undefined;
  due: number;
  onTime: number;
}

export interface ChartData {
  year: number;
  bars: ColumnBar[];
  heat: HeatRow[];
  rates: MonthRate[];
  /** Over the months with something due. */
  yearRate: number | undefined;
}

export function chartData(columns: ColumnInfo[], rows: MatrixRow[], year: number, timeZone: string, now = Date.now()): ChartData {
  const bars: ColumnBar[] = columns.map((column) => ({ column, tally: empty(), total: 0 }));
  const byKey = new Map(bars.map((b) => [columnKey(b.column), b]));
  const monthTally = Array.from({ length: 12 }, empty);
  const heat: HeatRow[] = [];
  for (const row of rows) {
    const months: HeatRow['months'] = Array.from({ length: 12 }, () => undefined);
    for (const [key, cell] of Object.entries(row.cells)) {
      const category = categoryOf(cell.status);
      const bar = byKey.get(key);
      if (bar) {
        bar.tally[category]++;
        bar.total++;
      }
      if (!cell.due) continue;
      const due = DateTime.fromJSDate(cell.due, { zone: timeZone });
      if (due.year !== year) continue;
      const m = due.month - 1;
      const slot = months[m] ?? { worst: category, tally: empty() };
      slot.tally[category]++;
      if (SEVERITY.indexOf(category) < SEVERITY.indexOf(slot.worst)) slot.worst = category;
      months[m] = slot;
      if (cell.due.getTime() <= now) monthTally[m]![category]++;
    }
    heat.push({ unitId: row.unitId, ...(row.unitName ? { unitName: row.unitName } : {}), months });
  }
  const rates: MonthRate[] = monthTally.map((t, i) => {
    const due = t.onTime + t.late + t.missing;
    return { month: i + 1, due, onTime: t.onTime, rate: due > 0 ? t.onTime / due : undefined };
  });
  const dueAll = rates.reduce((s, r) => s + r.due, 0);
  const onTimeAll = rates.reduce((s, r) => s + r.onTime, 0);
  return { year, bars: bars.filter((b) => b.total > 0), heat, rates, yearRate: dueAll > 0 ? onTimeAll / dueAll : undefined };
}
