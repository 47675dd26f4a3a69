// Remediation dues and close-out facts of inspection visits. Pure; every planned instant of a
// visit (notice, reminder, visit, findings) comes from the plan.
import { DateTime } from 'luxon';
import type { Remediation } from '../../contract/notices';
import { toLocalIso } from '../occurrence/time';
import type { VisitState } from './messages';

/**
 * A remediation due as the office wrote it: an instant, or a day — which then ends at the
 * unit's usual due time (17:00 in most programs), as offices write "hạn 30/11".
 */
export function remediationDue(written: string, unitDueAt: string, timeZone: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(written)) {
    const time = DateTime.fromISO(unitDueAt, { zone: timeZone }).toFormat('HH:mm');
    return toLocalIso(DateTime.fromISO(`${written}T${time}`, { zone: timeZone }).toMillis(), timeZone);
  }
  return toLocalIso(Date.parse(written), timeZone);
}

export interface CloseOut {
  units: string[];
  findings: string[];
  remediations: Remediation[];
  /** Items the office exempted, named for the record (the template has no status for them). */
  exempted: string[];
}

/** What the close-out notice says: every unit whose visit closed, its findings and its items. */
export function closeOut(visits: VisitState[]): CloseOut {
  const closed = visits.filter((v) => v.status === 'closed');
  const several = closed.length > 1;
  const named = (v: VisitState, text: string) => (several ? `${v.unitName}: ${text}` : text);
  return {
    units: closed.map((v) => v.unitName),
    findings: closed.flatMap((v) => (v.findings ?? []).map((f) => named(v, f))),
    remediations: closed.flatMap((v) =>
      v.remediations
        .filter((r) => !r.removed)
        .map((r) => ({
          title: named(v, r.title),
          dueAt: r.dueAt,
          ...(r.status === 'accepted' && r.submittedAt ? { doneAt: r.submittedAt } : {}),
        })),
    ),
    exempted: closed.flatMap((v) => v.remediations.filter((r) => r.status === 'exempted').map((r) => `${v.unitName}: ${r.title}`)),
  };
}
