// What a re-applied program does to the visits of a round, decided without a workflow. A
// visit newly planned is added; one removed (or never assigned) whose unit is assigned again
// is added back; one still ahead whose dates changed moves; one no longer planned is called
// off. Inspection carries the changes out in the order given: planned visits in the plan's
// order, then the calls-off in the round's order.
import type { VisitState } from './messages';
import { isOpenVisit, sameDates, type PlannedVisit } from './steps';

export type VisitChange =
  | { kind: 'add'; planned: PlannedVisit }
  /** A fresh schedule under new keys (the version goes up), so nothing sent before is resent. */
  | { kind: 'add-back'; visit: VisitState; planned: PlannedVisit; unitName: string }
  /** New keys only when a step has fired: the unit is then told the new dates. */
  | { kind: 'move'; visit: VisitState; planned: PlannedVisit; newKeys: boolean }
  /** `tellUnit`: the unit was told of a visit that will not happen, so it is told so. */
  | { kind: 'call-off'; visit: VisitState; tellUnit: boolean };

export interface ReconfigureContext {
  now: number;
  /** The unit's name when the program gives it an assignment (someone to write to). */
  unitName: (unitId: string) => string | undefined;
  /** A step of the visit has fired (sent, skipped or passed). */
  fired: (v: VisitState) => boolean;
}

/** The unit is waiting for the visit: told of it, not yet inspected, and it is still ahead. */
export function expectsVisit(v: VisitState, now: number): boolean {
  return v.status === 'notified' && v.findings === undefined && Date.parse(v.visitAt) > now;
}

export function visitChanges(visits: readonly VisitState[], planned: readonly PlannedVisit[], context: ReconfigureContext): VisitChange[] {
  const byUnit = new Map(planned.map((p) => [p.unitId, p]));
  const changes: VisitChange[] = [];
  for (const [unitId, p] of byUnit) {
    const v = visits.find((x) => x.unitId === unitId);
    const unitName = context.unitName(unitId);
    if (!v) {
      changes.push({ kind: 'add', planned: p });
    } else if ((v.status === 'removed' || v.status === 'skipped') && unitName !== undefined) {
      changes.push({ kind: 'add-back', visit: v, planned: p, unitName });
    } else if (isOpenVisit(v) && v.findings === undefined && Date.parse(v.visitAt) > context.now && !sameDates(v, p)) {
      // Only a visit still ahead moves; once it has happened its dates are history.
      changes.push({ kind: 'move', visit: v, planned: p, newKeys: context.fired(v) });
    }
  }
  for (const v of visits) {
    // A visit inspected (or settled) is history: the program no longer planning it changes nothing.
    if (byUnit.has(v.unitId) || !isOpenVisit(v) || v.findings !== undefined) continue;
    changes.push({ kind: 'call-off', visit: v, tellUnit: expectsVisit(v, context.now) });
  }
  return changes;
}
