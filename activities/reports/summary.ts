// The figures of a consolidation: how many units stand where, and the totals of the
// number indicators. Pure, so the workflow's result and the documents agree by construction.
import type { ConsolidationRow, Counts, ReportIndicator, RowStatus } from './types';

const COUNT_KEY: Record<RowStatus, Exclude<keyof Counts, 'total'>> = {
  'on-time': 'onTime',
  late: 'late',
  missing: 'missing',
  exempt: 'exempt',
  returned: 'returned',
};

export function countRows(rows: readonly ConsolidationRow[]): Counts {
  const counts: Counts = { total: rows.length, onTime: 0, late: 0, missing: 0, exempt: 0, returned: 0 };
  for (const row of rows) counts[COUNT_KEY[row.status]] += 1;
  return counts;
}

/** A figure that can be added up; the submit validator already refuses anything else for number fields. */
export function numericValue(value: number | string | undefined): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Per number indicator, over the rows that reported it; an indicator nobody reported sums to 0. */
export function sumIndicators(fields: readonly ReportIndicator[], rows: readonly ConsolidationRow[]): Record<string, number> {
  const sums: Record<string, number> = {};
  for (const field of fields) {
    if (field.type !== 'number') continue;
    let sum = 0;
    for (const row of rows) sum += numericValue(row.indicators[field.id]) ?? 0;
    // Decimal figures (0.1 + 0.2) would otherwise print as 0.30000000000000004.
    sums[field.id] = Math.round(sum * 1e9) / 1e9;
  }
  return sums;
}
