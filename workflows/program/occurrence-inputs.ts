// Turns a validated program and its compiled plan into the inputs of the occurrence and
// assignment workflows. Pure (program/ and calendar/ only), so the program workflow can
// rebuild them deterministically when a re-applied file changes the program.
import { effectiveAggregate } from '../../program/aggregate';
import { effectiveEscalation, effectiveReminders, effectiveReview } from '../../program/effective';
import type { Item, Occurrence, Plan, PlannedAssignment, Program, Unit } from '../../program/types';
import type { AssignmentInput, EscalationStep, IndicatorField, Offset } from '../assignment/messages';
import type { OccurrenceInput } from '../occurrence/input';

function offset(spec: { workingDays?: number | undefined; days?: number | undefined; time?: string | undefined }, fallbackTime: string): Offset {
  return spec.workingDays !== undefined
    ? { amount: Math.abs(spec.workingDays), unit: 'workingDays', at: spec.time ?? fallbackTime }
    : { amount: Math.abs(spec.days ?? 0), unit: 'calendarDays', at: spec.time ?? fallbackTime };
}

export class ProgramIndex {
  readonly units = new Map<string, Unit>();
  readonly items = new Map<string, Item>();
  readonly assignmentsByOccurrence = new Map<string, PlannedAssignment[]>();

  constructor(
    readonly program: Program,
    readonly plan: Plan,
  ) {
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

  assignmentInput(occurrence: Occurrence, planned: PlannedAssignment, dueAt: string = planned.due.at): AssignmentInput {
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
      reminders: effectiveReminders(item, [], defaults).value.map((r) => offset(r, defaults.noticeTime)),
      escalations: effectiveEscalation(item, [], defaults).value.map((e): EscalationStep => ({ ...offset(e, defaults.noticeTime), audience: e.to })),
      ...(resubmit && typeof resubmit === 'object' && resubmit.workingDays !== undefined ? { resubmitWorkingDays: Math.max(1, resubmit.workingDays) } : {}),
      indicators,
      evidenceRequired: occurrence.evidence,
      calendar: { daysOff: calendar.daysOff.map((d) => ({ date: d.date, name: d.name })), workingDays: calendar.workingDays },
    };
  }

  occurrenceInput(occurrence: Occurrence): OccurrenceInput {
    const header = this.program.program;
    const item = this.item(occurrence.itemId);
    const planned = this.assignmentsByOccurrence.get(occurrence.id) ?? [];
    const assignments: OccurrenceInput['assignments'] = [];
    for (const pa of planned) {
      // A campaign asks each unit twice: its plan before the start, its results after the end.
      if (occurrence.kind === 'campaign' && pa.plansDue) {
        assignments.push({ id: `${pa.id}/ke-hoach`, input: { ...this.assignmentInput(occurrence, pa, pa.plansDue.at), itemTitle: `Kế hoạch: ${item.title}` } });
      }
      assignments.push({ id: pa.id, input: this.assignmentInput(occurrence, pa) });
    }
    const upwardIds = new Set(occurrence.forwardTo);
    return {
      occurrenceId: occurrence.id,
      programId: header.id,
      programTitle: header.title,
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
              ...(occurrence.checkIn ? { checkInAt: occurrence.checkIn.at } : {}),
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
                ...(pa.findings ? { findingsDueAt: pa.findings.at } : {}),
              })),
          }
        : {}),
    };
  }
}
