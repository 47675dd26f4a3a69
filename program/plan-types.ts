// What the plan compiler produces: occurrences (item × period), assignments (occurrence ×
// unit) and every dated event. Plain data with stable, URL-safe ids, because these ids
// become Temporal workflow ids and the events become timers.
import type { IsoDate } from '../calendar';
import type { Audience, Indicator, ItemKind, Review } from './types';

export type EventKind =
  | 'request'
  | 'reminder'
  | 'plans-due'
  | 'due'
  | 'escalation'
  | 'notice'
  | 'visit-reminder'
  | 'visit'
  | 'findings'
  | 'launch'
  | 'check-in'
  | 'campaign-end'
  | 'consolidation'
  | 'approval'
  | 'forward';

/** Who an event speaks to: the assigned unit, its head, the standing office, the chair, upward recipients, or all assignees. */
export type EventAudience = 'unit' | 'unit-head' | 'office' | 'chair' | 'upward' | 'assignees';

export interface Instant {
  /** Local date in the program's time zone. */
  date: IsoDate;
  /** Local time HH:MM. */
  time: string;
  /** ISO 8601 with the zone's offset, e.g. 2026-06-19T17:00:00+07:00. */
  at: string;
}

export interface LeveledInstant extends Instant {
  level: number;
}

export interface EscalationInstant extends LeveledInstant {
  to: Audience;
}

export interface Occurrence {
  /** `<programId>/<itemId>/<periodKey>` */
  id: string;
  programId: string;
  itemId: string;
  kind: ItemKind;
  /** 2026-M05, 2026-Q3, 2026-H1, 2026-9M, 2026, 2026-campaign, 2026-<round>, 2026-plan */
  periodKey: string;
  label: { vi: string; en: string };
  /** Data window (reports), campaign dates, task start → due, or first → last visit. */
  window?: { start: IsoDate; end: IsoDate };
  /** The units' due date; absent for inspection rounds, whose dues are per visit. */
  due?: Instant;
  assignmentIds: string[];
  launch?: Instant;
  checkIn?: Instant;
  end?: Instant;
  consolidation?: Instant;
  approval?: Instant;
  forward?: Instant;
  approver?: 'chair' | 'office';
  /** Upward recipient ids the consolidated report goes to. */
  forwardTo: string[];
  /** The item's review; `false` when the item turns review off (submissions accepted as received). */
  review?: Review | false;
  evidence: boolean;
  indicators: Indicator[];
}

export interface PlannedAssignment {
  /** `<occurrenceId>/<unitId>` */
  id: string;
  occurrenceId: string;
  itemId: string;
  unitId: string;
  periodKey: string;
  request?: Instant;
  due: Instant;
  plansDue?: Instant;
  /** Follow-ups of a campaign's plan (its own assignment, `<id>/ke-hoach`). */
  plansReminders?: LeveledInstant[];
  plansEscalations?: EscalationInstant[];
  /** A campaign asks for its results when it ends. */
  resultsRequest?: Instant;
  notice?: Instant;
  visitReminder?: Instant;
  visit?: Instant;
  findings?: Instant;
  /** Shared by every assignment of an occurrence (same array), except inspection visits. */
  reminders: LeveledInstant[];
  escalations: EscalationInstant[];
}

export interface PlannedEvent extends Instant {
  /** `<assignment or occurrence id>/<kind>[-<level>]`; `@dondoc` makes it an iCalendar UID. */
  uid: string;
  kind: EventKind;
  level?: number;
  audience: EventAudience;
  itemId: string;
  occurrenceId: string;
  periodKey: string;
  assignmentId?: string;
  unitId?: string;
}

export interface Plan {
  programId: string;
  year: number;
  timezone: string;
  locale: 'vi' | 'en';
  office: string;
  occurrences: Occurrence[];
  assignments: PlannedAssignment[];
  /**
   * In item, occurrence, assignment order; use sortEvents for time order. compilePlan builds
   * this list on first read (a national plan has half a million events and starting
   * workflows needs only the assignments); it is then a plain array.
   */
  events: PlannedEvent[];
}
