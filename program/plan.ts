// The plan compiler: a checked program and a working-day calendar → every occurrence,
// assignment and dated event, in the program's time zone. Pure and deterministic (no clock),
// so a workflow can recompute it and get the same ids and instants.
//
// Speed: every unit of an occurrence shares its dates, so dates and instants are worked out
// once per occurrence and only the ids are built per unit.
import { DateTime } from 'luxon';
import { WorkCalendar } from '../calendar';
import { Directory } from './assignees';
import { CachedCalendar, type CalendarLike } from './calendar-cache';
import { calendarOverrides } from './calendar-overrides';
import { effectiveReview } from './effective';
import { scheduleItem, type EscalationAt, type OccurrenceSchedule, type ReminderAt } from './occurrences';
import type { Dated } from './schedule';
import type {
  EscalationInstant,
  EventAudience,
  EventKind,
  Instant,
  LeveledInstant,
  Occurrence,
  Plan,
  PlannedAssignment,
  PlannedEvent,
} from './plan-types';
import type { Item, Program } from './types';

export interface CompileOptions {
  /** A calendar to use instead of one built from the program's overrides. */
  calendar?: CalendarLike;
}

class Instants {
  private readonly cache = new Map<string, string>();
  constructor(private readonly zone: string) {}

  of(d: Dated): Instant {
    const key = `${d.date}T${d.time}`;
    let at = this.cache.get(key);
    if (at === undefined) {
      at = DateTime.fromISO(key, { zone: this.zone }).toISO({ suppressMilliseconds: true }) ?? `${key}:00`;
      this.cache.set(key, at);
    }
    return { date: d.date, time: d.time, at };
  }

  reminders(list: ReminderAt[]): LeveledInstant[] {
    return list.map((r) => ({ ...this.of(r), level: r.level }));
  }

  escalations(list: EscalationAt[]): EscalationInstant[] {
    return list.map((e) => ({ ...this.of(e), level: e.level, to: e.to }));
  }
}

export function compilePlan(program: Program, options: CompileOptions = {}): Plan {
  const header = program.program;
  const cal = new CachedCalendar(options.calendar ?? new WorkCalendar(calendarOverrides(program.calendar)));
  const instants = new Instants(header.timezone);
  const directory = new Directory(program);
  const allUpward = header.upward.map((u) => u.id);
  const plan: Plan = {
    programId: header.id,
    year: header.year,
    timezone: header.timezone,
    locale: header.locale,
    office: header.office,
    occurrences: [],
    assignments: [],
    events: [],
  };

  program.items.forEach((item, index) => {
    const { occurrences } = scheduleItem({ item, index, year: header.year, defaults: program.defaults, cal });
    const units = item.kind === 'inspection' ? [] : directory.resolve(item.assignees);
    for (const occ of occurrences) {
      emitOccurrence(plan, program, item, occ, occ.officeOnly ? [header.office] : units, instants, allUpward);
    }
  });
  // Built on first read and then kept as a plain value, so JSON and spreads see an array.
  Object.defineProperty(plan, 'events', {
    enumerable: true,
    configurable: true,
    get(this: Plan): PlannedEvent[] {
      const events = planEvents(this.occurrences, this.assignments);
      Object.defineProperty(this, 'events', { value: events, enumerable: true, writable: true, configurable: true });
      return events;
    },
  });
  return plan;
}

function emitOccurrence(
  plan: Plan,
  program: Program,
  item: Item,
  s: OccurrenceSchedule,
  units: string[],
  instants: Instants,
  allUpward: string[],
): void {
  const programId = plan.programId;
  const occurrenceId = `${programId}/${item.id}/${s.periodKey}`;
  const at = (d: Dated | undefined): Instant | undefined => (d ? instants.of(d) : undefined);
  const review = effectiveReview(item, program.defaults);
  const consolidation = 'consolidation' in item ? item.consolidation : undefined;
  const milestones = { launch: at(s.launch), checkIn: at(s.checkIn), end: at(s.end), consolidation: at(s.consolidation), approval: at(s.approval), forward: at(s.forward) };
  const occurrence: Occurrence = {
    id: occurrenceId,
    programId,
    itemId: item.id,
    kind: item.kind,
    periodKey: s.periodKey,
    label: s.label,
    ...(s.window ? { window: s.window } : {}),
    ...(s.due ? { due: instants.of(s.due) } : {}),
    assignmentIds: [],
    ...(milestones.launch ? { launch: milestones.launch } : {}),
    ...(milestones.checkIn ? { checkIn: milestones.checkIn } : {}),
    ...(milestones.end ? { end: milestones.end } : {}),
    ...(milestones.consolidation ? { consolidation: milestones.consolidation } : {}),
    ...(milestones.approval ? { approval: milestones.approval } : {}),
    ...(milestones.forward ? { forward: milestones.forward } : {}),
    forwardTo: consolidation ? (consolidation.to ?? allUpward) : [],
    ...(consolidation ? { approver: consolidation.approver } : {}),
    // `review: false` is shown as written, so `dondoc plan --format json` tells an item without
    // review (accepted as submitted) from one that simply has no review settings.
    ...(review ? { review } : item.review === false ? { review: false as const } : {}),
    evidence: item.evidence ?? false,
    indicators: item.indicators ?? [],
  };
  plan.occurrences.push(occurrence);

  if (s.visits) {
    for (const v of s.visits) {
      const id = `${occurrenceId}/${v.unitId}`;
      occurrence.assignmentIds.push(id);
      plan.assignments.push({
        id,
        occurrenceId,
        itemId: item.id,
        unitId: v.unitId,
        periodKey: s.periodKey,
        notice: instants.of(v.notice),
        ...(v.visitReminder ? { visitReminder: instants.of(v.visitReminder) } : {}),
        visit: instants.of(v.visit),
        findings: instants.of(v.findings),
        due: instants.of(v.due),
        reminders: instants.reminders(v.reminders),
        escalations: instants.escalations(v.escalations),
      });
    }
  } else if (s.due) {
    const shared = {
      due: instants.of(s.due),
      reminders: instants.reminders(s.reminders),
      escalations: instants.escalations(s.escalations),
      ...(s.request ? { request: instants.of(s.request) } : {}),
      ...(s.plans ? { plansDue: instants.of(s.plans) } : {}),
      ...(s.plansFollowUps ? { plansReminders: instants.reminders(s.plansFollowUps.reminders), plansEscalations: instants.escalations(s.plansFollowUps.escalations) } : {}),
      ...(item.kind === 'campaign' && s.end ? { resultsRequest: instants.of(s.end) } : {}),
    };
    for (const unitId of units) {
      const id = `${occurrenceId}/${unitId}`;
      occurrence.assignmentIds.push(id);
      plan.assignments.push({ id, occurrenceId, itemId: item.id, unitId, periodKey: s.periodKey, ...shared });
    }
  }
}

/**
 * Every dated event of a plan, in item, occurrence, assignment order. The events follow from
 * the occurrences and assignments alone; compilePlan exposes them as `plan.events`, built on
 * first read, so starting workflows (which need assignments only) never pays for them.
 */
export function planEvents(occurrences: readonly Occurrence[], assignments: readonly PlannedAssignment[]): PlannedEvent[] {
  const events: PlannedEvent[] = [];
  let next = 0;
  for (const o of occurrences) {
    const occ = (kind: EventKind, inst: Instant | undefined, audience: EventAudience): void => {
      if (inst) events.push(occurrenceEvent(inst, o.id, kind, audience, o.itemId, o.periodKey));
    };
    occ('launch', o.launch, 'assignees');
    occ('check-in', o.checkIn, 'assignees');
    occ('campaign-end', o.end, 'assignees');
    while (next < assignments.length && assignments[next]?.occurrenceId === o.id) {
      const a = assignments[next];
      if (a) emitAssignment(events, a);
      next++;
    }
    occ('consolidation', o.consolidation, 'office');
    occ('approval', o.approval, o.approver === 'office' ? 'office' : 'chair');
    occ('forward', o.forward, 'upward');
  }
  return events;
}

/**
 * Events are built by classes that set every field in their constructor: a national plan
 * has over half a million events, and objects of a few fixed shapes, built without spreads,
 * closures or fields added later, keep the time and the garbage collector's work low.
 */
class OccurrenceEvent implements PlannedEvent {
  readonly date: string;
  readonly time: string;
  readonly at: string;

  constructor(
    inst: Instant,
    readonly uid: string,
    readonly kind: EventKind,
    readonly audience: EventAudience,
    readonly itemId: string,
    readonly occurrenceId: string,
    readonly periodKey: string,
  ) {
    this.date = inst.date;
    this.time = inst.time;
    this.at = inst.at;
  }
}

class AssignmentEvent implements PlannedEvent {
  readonly date: string;
  readonly time: string;
  readonly at: string;
  readonly uid: string;
  readonly itemId: string;
  readonly occurrenceId: string;
  readonly periodKey: string;
  readonly assignmentId: string;
  readonly unitId: string;

  constructor(
    a: PlannedAssignment,
    inst: Instant,
    readonly kind: EventKind,
    readonly audience: EventAudience,
    suffix: string = kind,
  ) {
    this.date = inst.date;
    this.time = inst.time;
    this.at = inst.at;
    this.uid = `${a.id}/${suffix}`;
    this.itemId = a.itemId;
    this.occurrenceId = a.occurrenceId;
    this.periodKey = a.periodKey;
    this.assignmentId = a.id;
    this.unitId = a.unitId;
  }
}

class LeveledEvent extends AssignmentEvent {
  constructor(
    a: PlannedAssignment,
    inst: Instant,
    kind: EventKind,
    audience: EventAudience,
    readonly level: number,
    /** A follow-up of the assignment's part (a campaign's plan): `ke-hoach/reminder-1`. */
    part?: string,
  ) {
    super(a, inst, kind, audience, `${part ? `${part}/` : ''}${kind}-${level}`);
  }
}

function occurrenceEvent(inst: Instant, occurrenceId: string, kind: EventKind, audience: EventAudience, itemId: string, periodKey: string): PlannedEvent {
  return new OccurrenceEvent(inst, `${occurrenceId}/${kind}`, kind, audience, itemId, occurrenceId, periodKey);
}

/** A campaign's plan is its own assignment, `<assignment id>/ke-hoach`; its events say so in their uid. */
export const PLAN_PART = 'ke-hoach';

function emitAssignment(events: PlannedEvent[], a: PlannedAssignment): void {
  if (a.request) events.push(new AssignmentEvent(a, a.request, 'request', 'unit'));
  if (a.notice) events.push(new AssignmentEvent(a, a.notice, 'notice', 'unit'));
  if (a.visitReminder) events.push(new AssignmentEvent(a, a.visitReminder, 'visit-reminder', 'unit'));
  if (a.plansDue) {
    for (const r of a.plansReminders ?? []) events.push(new LeveledEvent(a, r, 'reminder', 'unit', r.level, PLAN_PART));
    events.push(new AssignmentEvent(a, a.plansDue, 'plans-due', 'unit'));
    for (const e of a.plansEscalations ?? []) events.push(new LeveledEvent(a, e, 'escalation', e.to, e.level, PLAN_PART));
  }
  if (a.resultsRequest) events.push(new AssignmentEvent(a, a.resultsRequest, 'request', 'unit', 'results-request'));
  if (a.visit) events.push(new AssignmentEvent(a, a.visit, 'visit', 'unit'));
  if (a.findings) events.push(new AssignmentEvent(a, a.findings, 'findings', 'office'));
  for (const r of a.reminders) events.push(new LeveledEvent(a, r, 'reminder', 'unit', r.level));
  events.push(new AssignmentEvent(a, a.due, 'due', 'unit'));
  for (const e of a.escalations) events.push(new LeveledEvent(a, e, 'escalation', e.to, e.level));
}
