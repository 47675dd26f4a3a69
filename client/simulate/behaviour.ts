// What the simulated people do and when, decided before the run from the plan: units by the
// chosen behaviour, the office reviewing the day it receives, the chair approving each
// consolidation by its approval instant. Seeded, so a run can be repeated exactly.
import { DateTime } from 'luxon';
import { WorkCalendar } from '../../calendar';
import { calendarOverrides } from '../../program/calendar-overrides';
import type { Plan, PlannedAssignment } from '../../program/plan-types';
import type { Program } from '../../program/types';
import { PLAN_SUFFIX, RESULTS_SUFFIX } from '../../workflows/campaign/messages';

export const BEHAVIOURS = ['silent', 'on-time', 'mixed'] as const;
export type Behaviour = (typeof BEHAVIOURS)[number];

/** What one unit does with one assignment. */
export type Conduct = 'on-time' | 'late' | 'returned-once' | 'exempt' | 'silent';
const MIXED: readonly Conduct[] = ['on-time', 'late', 'returned-once', 'exempt', 'silent'];

export type Action =
  | { at: number; kind: 'submit' | 'accept' | 'return' | 'exempt'; assignmentId: string; occurrenceId: string }
  | { at: number; kind: 'approve'; occurrenceId: string };

export interface Script {
  actions: Action[];
  conduct: Map<string, Conduct>;
}

/** mulberry32: small, fast and the same on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOUR = 3_600_000;

export function buildScript(program: Program, plan: Plan, behaviour: Behaviour, seed: number): Script {
  const cal = new WorkCalendar(calendarOverrides(program.calendar));
  const random = seededRandom(seed);
  const zone = plan.timezone;
  /** 09:00 local on the day `n` working days from a due's day. */
  const workingDayAt = (a: Pick<PlannedAssignment, 'due'>, n: number): number =>
    DateTime.fromISO(`${cal.addWorkingDays(a.due.date, n)}T09:00`, { zone }).toMillis();
  const kinds = new Map(plan.occurrences.map((o) => [o.id, o.kind]));
  // A campaign unit's report workflow starts with the results request, weeks after the
  // launch (its `request`): nothing can be done to it before then.
  const resultsRequest = new Map(plan.events.filter((e) => e.assignmentId && e.uid === `${e.assignmentId}/results-request`).map((e) => [e.assignmentId!, Date.parse(e.at)]));
  const all: Action[] = [];
  const conduct = new Map<string, Conduct>();
  // An item with `review: false` accepts a submission as it arrives: the office has nothing to
  // accept or return, and a unit cannot submit again once its assignment has closed.
  const noReview = new Set(plan.occurrences.filter((o) => o.review === false).map((o) => o.id));
  const withoutReview = (list: Action[]): Action[] => {
    const submitted = new Set<string>();
    return list.filter((x) => {
      if (x.kind === 'accept' || x.kind === 'return') return false;
      if (x.kind !== 'submit') return true;
      if (submitted.has(x.assignmentId)) return false;
      submitted.add(x.assignmentId);
      return true;
    });
  };

  for (const a of plan.assignments) {
    // Inspected units are visited, not asked for a report; their timeline is the office's.
    if (a.visit) continue;
    const c: Conduct = behaviour === 'silent' ? 'silent' : behaviour === 'on-time' ? 'on-time' : (MIXED[Math.floor(random() * MIXED.length)] ?? 'silent');
    conduct.set(a.id, c);
    // Nothing can be done before the request has started the unit's workflow.
    const opens = (resultsRequest.get(a.id) ?? Date.parse(a.request?.at ?? a.due.at)) + HOUR;
    const at = (ms: number) => Math.max(ms, opens);
    const base = { assignmentId: a.id, occurrenceId: a.occurrenceId };
    const actions: Action[] = [];
    switch (c) {
      case 'on-time': {
        const t = at(workingDayAt(a, -1));
        actions.push({ ...base, at: t, kind: 'submit' }, { ...base, at: t + HOUR, kind: 'accept' });
        // A campaign asks for the unit's plan first, as an assignment of its own.
        if (a.plansDue) {
          const p = Math.max(workingDayAt({ due: a.plansDue }, -1), Date.parse(a.request?.at ?? a.plansDue.at) + HOUR);
          const plans = { assignmentId: `${a.id}${PLAN_SUFFIX}`, occurrenceId: a.occurrenceId };
          actions.push({ ...plans, at: p, kind: 'submit' }, { ...plans, at: p + HOUR, kind: 'accept' });
        }
        break;
      }
      case 'late': {
        const t = at(workingDayAt(a, 2));
        actions.push({ ...base, at: t, kind: 'submit' }, { ...base, at: t + HOUR, kind: 'accept' });
        break;
      }
      case 'returned-once': {
        const first = at(workingDayAt(a, -3));
        const again = Math.max(at(workingDayAt(a, -1)), first + 3 * HOUR);
        actions.push(
          { ...base, at: first, kind: 'submit' },
          { ...base, at: first + HOUR, kind: 'return' },
          { ...base, at: again, kind: 'submit' },
          { ...base, at: again + HOUR, kind: 'accept' },
        );
        break;
      }
      case 'exempt':
        actions.push({ ...base, at: opens, kind: 'exempt' });
        break;
      case 'silent':
        break;
    }
    all.push(...(noReview.has(a.occurrenceId) ? withoutReview(actions) : actions));
  }
  for (const o of plan.occurrences) {
    // The chair approves at the last moment allowed, so every earlier notice has gone out.
    // A campaign's consolidation is that of its results report, a child cycle of its own.
    const cycle = kinds.get(o.id) === 'campaign' ? `${o.id}${RESULTS_SUFFIX}` : o.id;
    if (o.approval) all.push({ at: Date.parse(o.approval.at) - 60_000, kind: 'approve', occurrenceId: cycle });
  }
  all.sort((x, y) => x.at - y.at);
  return { actions: all, conduct };
}
