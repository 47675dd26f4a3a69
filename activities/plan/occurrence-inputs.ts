// Turns a validated program and its compiled plan into the inputs of the occurrence and
// assignment workflows. It runs in the worker (the planProgram and occurrenceInput
// activities), never in workflow code: each assignment gets its first round as steps built
// from the plan's own instants and uids, so what the workflows send is what `dondoc plan`
// shows, by construction.
import { WorkCalendar } from '../../calendar';
import { effectiveAggregate } from '../../program/aggregate';
import { calendarOverrides } from '../../program/calendar-overrides';
import { effectiveEscalation, effectiveReminders, effectiveReview } from '../../program/effective';
import { escalationOffset, instantOf, reminderOffset } from '../../program/follow-ups';
import { PLAN_PART } from '../../program/plan';
import type { Instant, Item, Occurrence, Plan, PlannedAssignment, Program, Unit } from '../../program/types';
import type { AssignmentInput, IndicatorField, Step } from '../../workflows/assignment/messages';
import type { OccurrenceInput } from '../../workflows/occurrence/input';

/** Working days units get for the progress report asked at a campaign's check-in. */
const CHECK_IN_REPORT_WORKING_DAYS = 3;

/** One assignment of an occurrence: its workflow id and its input. */
export type AssignmentEntry = OccurrenceInput['assignments'][number];

/** Which of a planned assignment's events a child workflow carries out. */
type StepSelection = 'all' | 'plans' | 'results';

export class ProgramIndex {
  readonly units = new Map<string, Unit>();
  readonly items = new Map<string, Item>();
  readonly assignmentsByOccurrence = new Map<string, PlannedAssignment[]>();

  readonly calendar: WorkCalendar;

  constructor(
    readonly program: Program,
    readonly plan: Plan,
  ) {
    this.calendar = new WorkCalendar(calendarOverrides(program.calendar));
    for (const u of program.units) this.units.set(u.id, u);
    for (const i of program.items) this.items.set(i.id, i);
    for (const a of plan.assignments) {
      const list = this.assignmentsByOccurrence.get(a.occurrenceId) ?? [];
      list.push(a);
      this.assignmentsByOccurrence.set(a.occurrenceId, list);
    }
  }

  private spans: Map<string, { firstEvent?: number; lastDue?: number }> | undefined;

  /** First dated event and last unit due of an occurrence, from one pass over the plan. */
  span(occurrenceId: string): { firstEvent?: number; lastDue?: number } | undefined {
    if (!this.spans) {
      const spans = new Map<string, { firstEvent?: number; lastDue?: number }>();
      const of = (id: string) => spans.get(id) ?? spans.set(id, {}).get(id)!;
      for (const e of this.plan.events) {
        const s = of(e.occurrenceId);
        const at = Date.parse(e.at);
        if (s.firstEvent === undefined || at < s.firstEvent) s.firstEvent = at;
      }
      for (const a of this.plan.assignments) {
        const s = of(a.occurrenceId);
        const at = Date.parse(a.due.at);
        if (s.lastDue === undefined || at > s.lastDue) s.lastDue = at;
      }
      this.spans = spans;
    }
    return this.spans.get(occurrenceId);
  }

  private unit(id: string): Unit {
    const unit = this.units.get(id);
    if (!unit) throw new Error(`unknown unit ${id}`);
    return unit;
  }

  private item(id: string): Item {
    const item = this.items.get(id);
    if (!item) throw new Error(`unknown item ${id}`);
    return item;
  }

  office(): OccurrenceInput['office'] {
    const office = this.unit(this.program.program.office);
    return { id: office.id, name: office.name, emails: office.emails };
  }

  /**
   * The first round of a planned assignment as dated steps, with the uids of the plan events
   * they fulfil. A campaign asks twice: its plan (request, then the plans due) and its results
   * (reminders, due and escalations of the results).
   */
  steps(planned: PlannedAssignment, selection: StepSelection): Step[] {
    const plans = selection === 'plans';
    const due = plans ? planned.plansDue! : planned.due;
    const left = (i: Instant) => this.calendar.workingDaysBetween(i.date, due.date);
    // Uids as the plan builds them: `<assignment>/[ke-hoach/]<kind>[-level]`.
    const uid = (suffix: string) => `${planned.id}/${plans ? `${PLAN_PART}/` : ''}${suffix}`;
    const request = selection === 'results' ? planned.resultsRequest : planned.request;
    const reminders = plans ? (planned.plansReminders ?? []) : planned.reminders;
    const escalations = plans ? (planned.plansEscalations ?? []) : planned.escalations;
    const steps: Step[] = [];
    if (request) {
      const requestUid = selection === 'results' ? `${planned.id}/results-request` : `${planned.id}/request`;
      steps.push({ key: 'r1/request', kind: 'request', level: 0, at: request.at, workingDaysLeft: left(request), planUid: requestUid });
    }
    for (const r of reminders) {
      steps.push({ key: `r1/reminder-${r.level}`, kind: 'reminder', level: r.level, at: r.at, workingDaysLeft: left(r), planUid: uid(`reminder-${r.level}`) });
    }
    steps.push({ key: 'r1/due', kind: 'due', level: 0, at: due.at, workingDaysLeft: 0, planUid: plans ? `${planned.id}/plans-due` : `${planned.id}/due` });
    for (const e of escalations) {
      steps.push({ key: `r1/escalation-${e.level}`, kind: 'escalation', level: e.level, at: e.at, audience: e.to, workingDaysLeft: left(e), planUid: uid(`escalation-${e.level}`) });
    }
    // Stable: on ties the request and reminders stay before the due, escalations after it.
    return steps.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  }

  assignmentInput(occurrence: Occurrence, planned: PlannedAssignment, selection: StepSelection = 'all'): AssignmentInput {
    const dueAt = selection === 'plans' ? planned.plansDue!.at : planned.due.at;
    const { program: header, defaults, calendar } = this.program;
    const item = this.item(occurrence.itemId);
    const unit = this.unit(planned.unitId);
    const office = this.office();
    const review = effectiveReview(item, defaults);
    const resubmit = review?.resubmit;
    const indicators: IndicatorField[] = (item.indicators ?? []).map((i) => ({
      id: i.id,
      label: header.locale === 'en' && i.labelEn ? i.labelEn : i.label,
      type: i.type,
      ...(i.choices ? { choices: i.choices } : {}),
      required: i.required,
      ...(i.measure ? { unit: i.measure } : {}),
      ...(i.type === 'number' ? { aggregate: effectiveAggregate(i.aggregate, i.measure) } : {}),
      ...(i.weight ? { weight: i.weight } : {}),
    }));
    return {
      programId: header.id,
      programTitle: header.title,
      itemId: item.id,
      itemTitle: header.locale === 'en' && item.titleEn ? item.titleEn : item.title,
      period: occurrence.label[header.locale],
      unit: {
        id: unit.id,
        name: unit.name,
        emails: unit.emails,
        ...(unit.head?.email ? { head: { name: unit.head.name ?? unit.head.title, email: unit.head.email, title: unit.head.title } } : {}),
      },
      office: { name: office.name, emails: office.emails },
      chair: { name: header.chair.name, email: header.chair.email, title: header.chair.title },
      dueAt,
      timeZone: header.timezone,
      locale: header.locale,
      steps: this.steps(planned, selection),
      reminders: effectiveReminders(item, [], defaults).value.map((r) => reminderOffset(r, defaults.noticeTime)),
      escalations: effectiveEscalation(item, [], defaults).value.map((e) => escalationOffset(e, defaults.noticeTime)),
      ...(resubmit && typeof resubmit === 'object' && resubmit.workingDays !== undefined ? { resubmitWorkingDays: Math.max(1, resubmit.workingDays) } : {}),
      // Only an item that says `review: false` goes without review: an item with no review
      // settings anywhere has always waited for the office, and still does.
      ...(item.review === false ? { review: false as const } : {}),
      indicators,
      evidenceRequired: occurrence.evidence,
      calendar: { daysOff: calendar.daysOff.map((d) => ({ date: d.date, name: d.name })), workingDays: calendar.workingDays },
    };
  }

  /**
   * The check-in asks for a quick progress report; the program gives it no deadline, so units
   * get a few working days (never past the end of the campaign).
   */
  private checkIn(checkIn: Instant, end: Instant | undefined, due: Instant | undefined): { checkInAt: string; checkInDueAt: string; checkInWorkingDaysLeft: number } {
    const zone = this.program.program.timezone;
    const date = this.calendar.addWorkingDays(checkIn.date, CHECK_IN_REPORT_WORKING_DAYS);
    const time = due?.time ?? this.program.defaults.time;
    let dueAt = instantOf({ date, time }, zone);
    if (end && Date.parse(end.at) > Date.parse(checkIn.at) && Date.parse(end.at) < Date.parse(dueAt)) dueAt = end.at;
    return { checkInAt: checkIn.at, checkInDueAt: dueAt, checkInWorkingDaysLeft: this.calendar.workingDaysBetween(checkIn.date, dueAt.slice(0, 10)) };
  }

  private readonly lists = new Map<string, AssignmentEntry[]>();

  /**
   * Every assignment of an occurrence, in plan order, built once per occurrence and kept for
   * the pages that follow (a report cycle of 3,400 units asks for 34 pages of 100).
   */
  assignments(occurrence: Occurrence): AssignmentEntry[] {
    const cached = this.lists.get(occurrence.id);
    if (cached) return cached;
    const header = this.program.program;
    const item = this.item(occurrence.itemId);
    const planned = this.assignmentsByOccurrence.get(occurrence.id) ?? [];
    const assignments: AssignmentEntry[] = [];
    for (const pa of planned) {
      // A campaign asks each unit twice: its plan before the start, its results after the end.
      if (occurrence.kind === 'campaign' && pa.plansDue) {
        assignments.push({ id: `${pa.id}/ke-hoach`, input: { ...this.assignmentInput(occurrence, pa, 'plans'), itemTitle: `${header.locale === 'en' ? 'Plan' : 'Kế hoạch'}: ${header.locale === 'en' && item.titleEn ? item.titleEn : item.title}` } });
        assignments.push({ id: pa.id, input: this.assignmentInput(occurrence, pa, 'results') });
      } else {
        assignments.push({ id: pa.id, input: this.assignmentInput(occurrence, pa) });
      }
    }
    this.lists.set(occurrence.id, assignments);
    // A few occurrences at a time are being paged through.
    if (this.lists.size > 8) this.lists.delete(this.lists.keys().next().value!);
    return assignments;
  }

  occurrence(id: string): Occurrence | undefined {
    return this.plan.occurrences.find((o) => o.id === id);
  }

  /** The item's indicator fields, as each of the occurrence's assignments carries them. */
  indicators(occurrence: Occurrence): IndicatorField[] {
    const first = (this.assignmentsByOccurrence.get(occurrence.id) ?? [])[0];
    return first ? (this.assignmentInput(occurrence, first).indicators ?? []).map((i) => ({ ...i, required: i.required ?? false })) : [];
  }

  occurrenceInput(occurrence: Occurrence): OccurrenceInput {
    const header = this.program.program;
    const item = this.item(occurrence.itemId);
    const planned = this.assignmentsByOccurrence.get(occurrence.id) ?? [];
    const assignments = this.assignments(occurrence);
    const upwardIds = new Set(occurrence.forwardTo);
    return {
      occurrenceId: occurrence.id,
      programId: header.id,
      programTitle: header.title,
      committeeName: header.issuer,
      itemId: item.id,
      itemTitle: item.title,
      kind: occurrence.kind,
      periodKey: occurrence.periodKey,
      periodLabel: occurrence.label[header.locale],
      timeZone: header.timezone,
      locale: header.locale,
      office: this.office(),
      chair: header.chair,
      assignments,
      ...(occurrence.window ? { window: occurrence.window } : {}),
      ...(occurrence.consolidation
        ? {
            consolidation: {
              dueAt: occurrence.consolidation.at,
              approver: occurrence.approver ?? 'chair',
              upward: header.upward.filter((u) => upwardIds.has(u.id)),
            },
          }
        : {}),
      ...(occurrence.kind === 'campaign' && occurrence.window
        ? {
            campaign: {
              start: occurrence.window.start,
              end: occurrence.window.end,
              ...(occurrence.launch ? { launchAt: occurrence.launch.at } : {}),
              ...(occurrence.checkIn ? this.checkIn(occurrence.checkIn, occurrence.end, occurrence.due) : {}),
              ...(occurrence.end ? { endAt: occurrence.end.at } : {}),
            },
          }
        : {}),
      ...(occurrence.kind === 'inspection'
        ? {
            visits: planned
              .filter((pa) => pa.visit)
              .map((pa) => ({
                unitId: pa.unitId,
                visitAt: pa.visit!.at,
                ...(pa.notice ? { noticeAt: pa.notice.at } : {}),
                ...(pa.visitReminder ? { reminderAt: pa.visitReminder.at } : {}),
                ...(pa.findings ? { findingsDueAt: pa.findings.at } : {}),
              })),
          }
        : {}),
    };
  }
}
