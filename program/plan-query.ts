// Picking events out of a plan: by date range and by unit, in time order.
import type { IsoDate } from '../calendar';
import type { EventKind, Plan, PlannedEvent } from './plan-types';

export interface EventFilter {
  from?: IsoDate;
  to?: IsoDate;
  /** A unit sees its own events and the campaign milestones of occurrences it is part of; the standing office also sees consolidation, approval, forwarding and findings. */
  unit?: string;
}

export function filterEvents(plan: Plan, filter: EventFilter = {}): PlannedEvent[] {
  const { from, to, unit } = filter;
  let withUnit: Set<string> | undefined;
  if (unit !== undefined) {
    withUnit = new Set();
    for (const a of plan.assignments) if (a.unitId === unit) withUnit.add(a.occurrenceId);
  }
  const isOffice = unit !== undefined && unit === plan.office;
  return plan.events.filter((e) => {
    if (from !== undefined && e.date < from) return false;
    if (to !== undefined && e.date > to) return false;
    if (unit === undefined) return true;
    if (e.unitId !== undefined) return e.unitId === unit || (isOffice && e.audience === 'office');
    if (e.audience === 'assignees') return withUnit?.has(e.occurrenceId) ?? false;
    return isOffice;
  });
}

/** At the same instant, steps read in the order they happen in a cycle. */
const KIND_RANK: Record<EventKind, number> = {
  launch: 0,
  request: 1,
  notice: 2,
  reminder: 3,
  'visit-reminder': 3,
  'plans-due': 4,
  visit: 5,
  'check-in': 6,
  due: 7,
  findings: 8,
  'campaign-end': 9,
  escalation: 10,
  consolidation: 11,
  approval: 12,
  forward: 13,
};

/** Time order, then the order of steps, then id: the same order on every run. */
export function sortEvents(events: readonly PlannedEvent[]): PlannedEvent[] {
  const keyed = events.map((e) => ({ e, t: Date.parse(e.at) }));
  keyed.sort(
    (a, b) => a.t - b.t || KIND_RANK[a.e.kind] - KIND_RANK[b.e.kind] || (a.e.uid < b.e.uid ? -1 : a.e.uid > b.e.uid ? 1 : 0),
  );
  return keyed.map((k) => k.e);
}
