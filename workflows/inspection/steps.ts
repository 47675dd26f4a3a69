// The timeline of inspection visits: which steps a visit has (notice, reminder, the visit
// itself), which comes next, when a visit has moved, and what phase the round is in. Pure:
// recomputed from the visits on every loop rather than kept as timers, so a moved visit only
// changes its dates and the next loop re-arms.
import type { OccurrenceInput } from '../occurrence/input';
import { toLocalIso } from '../occurrence/time';
import type { InspectionPhase, VisitState } from './messages';

export type PlannedVisit = NonNullable<OccurrenceInput['visits']>[number];

export interface Step {
  /** `<unit>/<kind>[-<version>]`: the notice key under the workflow id, and the handled mark. */
  key: string;
  kind: 'notice' | 'reminder' | 'visit';
  visit: VisitState;
  at: number;
}

export const isOpenVisit = (v: VisitState): boolean => v.status === 'scheduled' || v.status === 'notified' || v.status === 'visited';

/** Nothing more will happen to the visit. */
export const isSettledVisit = (v: VisitState): boolean => v.status === 'closed' || v.status === 'skipped' || v.status === 'removed';

/** Keys of a moved or re-added visit carry its version, so nothing sent before is resent. */
export const versionSuffix = (v: VisitState): string => (v.version > 1 ? `-${v.version}` : '');

/**
 * The visit's timed steps; a notice without a planned instant goes at `armedAt`, when the visit
 * was set. After the findings nothing about the visit is timed: the remediations carry their own.
 */
export function stepsOf(v: VisitState, armedAt: number | undefined): Step[] {
  if (!isOpenVisit(v) || v.findings !== undefined) return [];
  const s = versionSuffix(v);
  const steps: Step[] = [{ key: `${v.unitId}/notice${s}`, kind: 'notice', visit: v, at: v.noticeAt ? Date.parse(v.noticeAt) : (armedAt ?? 0) }];
  if (v.reminderAt) steps.push({ key: `${v.unitId}/reminder${s}`, kind: 'reminder', visit: v, at: Date.parse(v.reminderAt) });
  steps.push({ key: `${v.unitId}/visit${s}`, kind: 'visit', visit: v, at: Date.parse(v.visitAt) });
  return steps;
}

/** The earliest step not yet handled, across every visit (the first in visit order on a tie). */
export function nextStep(visits: VisitState[], handled: ReadonlySet<string>, armedAt: (unitId: string) => number | undefined): Step | undefined {
  let next: Step | undefined;
  for (const v of visits) {
    for (const step of stepsOf(v, armedAt(v.unitId))) {
      if (!handled.has(step.key) && (next === undefined || step.at < next.at)) next = step;
    }
  }
  return next;
}

/** Sets the visit's dates from the plan, in the program's zone; the plan leaves out what it does not time. */
export function scheduleVisit(v: VisitState, planned: PlannedVisit, timeZone: string): void {
  const local = (iso: string) => toLocalIso(Date.parse(iso), timeZone);
  v.visitAt = local(planned.visitAt);
  if (planned.noticeAt !== undefined) v.noticeAt = local(planned.noticeAt);
  else delete v.noticeAt;
  if (planned.findingsDueAt !== undefined) v.findingsDueAt = local(planned.findingsDueAt);
  else delete v.findingsDueAt;
  // The plan leaves the reminder out when the notice itself comes the day before.
  if (planned.reminderAt !== undefined) v.reminderAt = local(planned.reminderAt);
  else delete v.reminderAt;
}

/** The plan still times the visit as it stands (the reminder follows the notice). */
export function sameDates(v: VisitState, p: PlannedVisit): boolean {
  const same = (a: string | undefined, b: string | undefined) => (a === undefined ? b === undefined : b !== undefined && Date.parse(a) === Date.parse(b));
  return same(v.visitAt, p.visitAt) && same(v.noticeAt, p.noticeAt) && same(v.findingsDueAt, p.findingsDueAt);
}

/** closed once every visit is settled and the other assignments closed; else where the live visits are. */
export function phaseOf(visits: VisitState[], othersClosed: boolean): InspectionPhase {
  if (visits.every(isSettledVisit) && othersClosed) return 'closed';
  const live = visits.filter((v) => v.status !== 'skipped' && v.status !== 'removed');
  if (live.length > 0 && live.every((v) => v.findings !== undefined)) return 'remediating';
  return live.some((v) => v.status !== 'scheduled') ? 'visiting' : 'scheduled';
}
