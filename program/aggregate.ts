// How a number indicator is combined across units when the standing office consolidates.
// One rule, shared by the program checks and the consolidation documents.
import type { AGGREGATES } from './schema';

export type Aggregate = (typeof AGGREGATES)[number];

const PERCENT = /^\s*(%|phần trăm|tỷ lệ %|percent)\s*$/i;

/** Is this unit of measure a percentage (which must never be summed)? */
export function isPercent(measure: string | undefined): boolean {
  return measure !== undefined && PERCENT.test(measure);
}

/** The written `aggregate`, or the default: `average` for a percentage, `sum` otherwise. */
export function effectiveAggregate(aggregate: Aggregate | undefined, measure: string | undefined): Aggregate {
  return aggregate ?? (isPercent(measure) ? 'average' : 'sum');
}
