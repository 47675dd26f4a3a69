// THE schedule of an assignment: when its request, reminders, due and escalations fall.
// One pure function used by everything that needs those instants — the plan (and so the
// table, the ICS and `validate`), the client that starts a stand-alone assignment, and the
// activity that recomputes a round when a due moves (extension, return, re-apply). Workflow
// code never calls it: workflows receive its result, so a change to the calendar data or to
// this function affects only schedules computed afterwards, never the replay of a history.
//
// Calendar-day offsets that land on a day off move: reminders back (they must still come
// before what they announce), escalations forward (Civil Code art. 148, as for deadlines).
import { DateTime } from 'luxon';
import { WorkCalendar, type IsoDate } from '../calendar';
import type { Audience, EscalationStep, Reminder } from './types';

/** An offset from the due, as programs and stand-alone assignments write it. */
export interface Offset {
  amount: number;
  unit: 'minutes' | 'hours' | 'calendarDays' | 'workingDays';
  /** Local time (HH:mm) of day-based offsets; defaults to the due's time of day. */
  at?: string | undefined;
}

export interface EscalationOffset extends Offset {
  audience: Audience;
}

/** What a round's follow-ups are computed from; travels with the assignment, opaque to it. */
export interface FollowUpSpec {
  timeZone: string;
  reminders: Offset[];
  escalations: EscalationOffset[];
  /** The program's own calendar changes (official days off, worked Saturdays). */
  calendar?: { daysOff?: { date: IsoDate; name: string }[] | undefined; workingDays?: IsoDate[] | undefined } | undefined;
}

export type StepKind = 'request' | 'reminder' | 'due' | 'escalation';

/** One dated step of an assignment round. */
export interface Step {
  /** Stable within a round (`r1/reminder-2`): the notice key, so a step is never sent twice. */
  key: string;
  kind: StepKind;
  /** 1-based position among reminders or escalation levels; 0 for request and due. */
  level: number;
  /** ISO instant with the zone's offset. */
  at: string;
  audience?: Audience;
  /** Working days from the step's day to the due (negative once overdue), as notices say it. */
  workingDaysLeft: number;
}

/** A local date and time of day, the way the plan keeps its instants. */
export interface LocalTime {
  date: IsoDate;
  time: string;
}

/** The calendar a calendar-day or working-day offset counts on. */
export type OffsetCalendar = Pick<WorkCalendar, 'isWorkingDay' | 'addWorkingDays' | 'previousWorkingDay' | 'workingDaysBetween'>;

export function calendarFor(spec: Pick<FollowUpSpec, 'calendar'>): WorkCalendar {
  const c = spec.calendar;
  return new WorkCalendar({ ...(c?.daysOff ? { daysOff: c.daysOff } : {}), ...(c?.workingDays ? { workingDays: c.workingDays } : {}) });
}

/**
 * The local time `offset` before (direction -1) or after (+1) the due. The single rule for
 * every reminder and escalation dondoc plans or sends.
 */
export function offsetFrom(due: LocalTime, offset: Offset, direction: -1 | 1, cal: OffsetCalendar, timeZone: string): LocalTime {
  if (offset.unit === 'minutes' || offset.unit === 'hours') {
    const minutes = offset.amount * (offset.unit === 'hours' ? 60 : 1) * direction;
    const t = DateTime.fromISO(`${due.date}T${due.time}`, { zone: timeZone }).plus({ minutes });
    return { date: t.toISODate()!, time: t.toFormat('HH:mm') };
  }
  const time = offset.at ?? due.time;
  if (offset.unit === 'workingDays') return { date: cal.addWorkingDays(due.date, direction * offset.amount), time };
  const raw = DateTime.fromISO(due.date, { zone: 'UTC' }).plus({ days: direction * offset.amount }).toISODate()!;
  if (cal.isWorkingDay(raw)) return { date: raw, time };
  return { date: direction < 0 ? cal.previousWorkingDay(raw) : cal.addWorkingDays(raw, 0), time };
}

/**
 * A program's reminder written as an offset. The sign is kept: a negative count (a reminder
 * after the due) is what validate reports, so it must be computed as written.
 */
export function reminderOffset(r: Reminder, noticeTime: string): Offset {
  return r.workingDays !== undefined
    ? { amount: r.workingDays, unit: 'workingDays', at: r.time ?? noticeTime }
    : { amount: r.days ?? 0, unit: 'calendarDays', at: r.time ?? noticeTime };
}

/** A program's escalation level written as an offset. */
export function escalationOffset(e: EscalationStep, noticeTime: string): EscalationOffset {
  return { ...reminderOffset(e, noticeTime), audience: e.to };
}

export function localTime(iso: string, timeZone: string): LocalTime {
  const t = DateTime.fromISO(iso, { zone: timeZone });
  if (!t.isValid) throw new Error(`invalid instant ${iso}`);
  return { date: t.toISODate()!, time: t.toFormat('HH:mm') };
}

export function instantOf(t: LocalTime, timeZone: string): string {
  return DateTime.fromISO(`${t.date}T${t.time}`, { zone: timeZone }).toISO({ suppressMilliseconds: true })!;
}

/**
 * Every step of one round: an optional request, the reminders, the due and the escalation
 * ladder, in time order (reminders before the due and escalations after it on ties).
 */
export function roundSteps(spec: FollowUpSpec, dueAt: string, round: number, cal: OffsetCalendar, requestAt?: string): Step[] {
  const zone = spec.timeZone;
  const exactDue = DateTime.fromISO(dueAt, { zone });
  if (!exactDue.isValid) throw new Error(`invalid instant ${dueAt}`);
  const due = localTime(dueAt, zone);
  const iso = (t: DateTime) => t.toISO({ suppressMilliseconds: true })!;
  // Minute and hour offsets count from the exact due (stand-alone assignments, tests);
  // day offsets land on a local date and time of day.
  const at = (o: Offset, direction: -1 | 1): string =>
    o.unit === 'minutes' || o.unit === 'hours'
      ? iso(exactDue.plus({ minutes: direction * o.amount * (o.unit === 'hours' ? 60 : 1) }))
      : instantOf(offsetFrom(due, o, direction, cal, zone), zone);
  const step = (key: string, kind: StepKind, level: number, when: string, audience?: Audience): Step => ({
    key: `r${round}/${key}`,
    kind,
    level,
    at: when,
    ...(audience ? { audience } : {}),
    workingDaysLeft: cal.workingDaysBetween(localTime(when, zone).date, due.date),
  });
  const steps: Step[] = [];
  if (requestAt !== undefined) steps.push(step('request', 'request', 0, iso(DateTime.fromISO(requestAt, { zone }))));
  spec.reminders.forEach((o, i) => steps.push(step(`reminder-${i + 1}`, 'reminder', i + 1, at(o, -1))));
  steps.push(step('due', 'due', 0, iso(exactDue)));
  spec.escalations.forEach((o, i) => steps.push(step(`escalation-${i + 1}`, 'escalation', i + 1, at(o, 1), o.audience)));
  // Stable sort: on ties the request and reminders stay before the due, escalations after.
  return steps.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}
