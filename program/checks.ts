// Semantic checks: everything about a program file that its shape alone does not say.
// Each family works on the raw value, so all of them run even when zod finds problems.
import { checkDates } from './check-dates';
import { checkEscalationHeads } from './check-heads';
import { checkReservedIds } from './check-ids';
import { checkReferences } from './check-refs';
import { checkDatesExist, checkReportPeriods, checkSpecs } from './check-specs';
import { formatPath, type Finding } from './errors';

export function semanticChecks(value: unknown): Finding[] {
  const badDates = checkDatesExist(value);
  const specs = checkSpecs(value);
  // Items with a date that does not exist or a malformed date rule are not scheduled: their
  // own errors are reported, and computed dates would only add noise.
  const skipItems = new Set<number>();
  for (const f of [...badDates, ...specs]) {
    if (f.severity === 'error' && f.path[0] === 'items' && typeof f.path[1] === 'number') skipItems.add(f.path[1]);
  }
  const skipCalendar = badDates.some((f) => f.path[0] === 'calendar' || f.path[0] === 'defaults') || specs.some((f) => f.path[0] === 'defaults');
  const all = [...badDates, ...specs, ...checkReportPeriods(value), ...checkReferences(value), ...checkReservedIds(value), ...checkEscalationHeads(value), ...checkDates(value, skipItems, skipCalendar)];
  return dedupe(all);
}

/** Inherited settings (defaults) are checked once per item that uses them: say it once. */
export function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.severity}|${formatPath(f.path)}|${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
