// The figures of a consolidation: how many units stand where, and the total row of the
// number indicators. Pure, so the workflow's result and the documents agree by construction.
import { effectiveAggregate, type Aggregate } from '../../program/aggregate';
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

/** How the total row combines a number indicator: as the program says, else `average` for "%" and `sum` otherwise. */
export function aggregateOf(field: ReportIndicator): Aggregate {
  return effectiveAggregate(field.aggregate, field.unit);
}

// Decimal figures (0.1 + 0.2) would otherwise print as 0.30000000000000004.
const tidy = (n: number): number => Math.round(n * 1e9) / 1e9;

function combine(field: ReportIndicator, rows: readonly ConsolidationRow[]): number | undefined {
  const values = rows.map((r) => numericValue(r.indicators[field.id]));
  switch (aggregateOf(field)) {
    case 'none':
      return undefined;
    case 'sum':
      // An indicator nobody reported sums to 0.
      return tidy(values.reduce<number>((s, v) => s + (v ?? 0), 0));
    case 'average': {
      const present = values.filter((v): v is number => v !== undefined);
      return present.length ? tidy(present.reduce((s, v) => s + v, 0) / present.length) : undefined;
    }
    case 'weighted-average': {
      // Σ(value × weight) / Σ weight over the units that gave both: a rate of the whole.
      let num = 0;
      let den = 0;
      rows.forEach((r, i) => {
        const v = values[i];
        const w = field.weight === undefined ? undefined : numericValue(r.indicators[field.weight]);
        if (v === undefined || w === undefined) return;
        num += v * w;
        den += w;
      });
      return den !== 0 ? tidy(num / den) : undefined;
    }
  }
}

/**
 * The total row, per number indicator: a sum, an average or a weighted average as the
 * indicator says. Percentages are never summed. An indicator with nothing to show
 * (`none`, or an average nobody reported) has no entry.
 */
export function sumIndicators(fields: readonly ReportIndicator[], rows: readonly ConsolidationRow[]): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const field of fields) {
    if (field.type !== 'number') continue;
    const total = combine(field, rows);
    if (total !== undefined) totals[field.id] = total;
  }
  return totals;
}
