// When each reminder and escalation of an assignment falls, computed from the current due
// and the working-day calendar. Pure and deterministic, so the workflow can recompute the
// whole schedule whenever the due moves instead of keeping timers in sync by hand.
import { DateTime } from 'luxon';
import type { WorkCalendar } from '../../calendar';
import type { Audience, CheckedAssignmentInput, Offset } from './messages';

export type StepKind = 'reminder' | 'due' | 'escalation';

export interface ScheduledStep {
  /** Stable within a round: reused as the notice key so a step is never sent twice. */
  key: string;
  kind: StepKind;
  at: number;
  /** 1-based position among the reminders or the escalation levels. */
  level: number;
  audience?: Audience;
}

const MINUTE = 60_000;

function localDateTime(instant: string | number, timeZone: string): DateTime {
  const dt = typeof instant === 'number' ? DateTime.fromMillis(instant, { zone: timeZone }) : DateTime.fromISO(instant, { zone: timeZone });
  if (!dt.isValid) throw new Error(`invalid instant ${String(instant)} in ${timeZone}`);
  return dt;
}

/** The instant `offset` before (direction -1) or after (+1) the due. */
export function offsetInstant(dueAt: string, offset: Offset, direction: -1 | 1, timeZone: string, calendar: WorkCalendar): number {
  const due = localDateTime(dueAt, timeZone);
  switch (offset.unit) {
    case 'minutes':
      return due.toMillis() + direction * offset.amount * MINUTE;
    case 'hours':
      return due.toMillis() + direction * offset.amount * 60 * MINUTE;
    case 'calendarDays':
    case 'workingDays': {
      const date =
        offset.unit === 'workingDays'
          ? calendar.addWorkingDays(due.toISODate()!, direction * offset.amount)
          : due.plus({ days: direction * offset.amount }).toISODate()!;
      const time = offset.at ?? due.toFormat('HH:mm');
      return DateTime.fromISO(`${date}T${time}`, { zone: timeZone }).toMillis();
    }
  }
}

/** Every step of one round (one due), in time order. */
export function stepsForRound(input: CheckedAssignmentInput, round: number, dueAt: string, calendar: WorkCalendar): ScheduledStep[] {
  const steps: ScheduledStep[] = [];
  input.reminders.forEach((offset, i) => {
    steps.push({ key: `r${round}/reminder-${i + 1}`, kind: 'reminder', level: i + 1, at: offsetInstant(dueAt, offset, -1, input.timeZone, calendar) });
  });
  steps.push({ key: `r${round}/due`, kind: 'due', level: 0, at: Date.parse(dueAt) });
  input.escalations.forEach((step, i) => {
    steps.push({
      key: `r${round}/escalation-${i + 1}`,
      kind: 'escalation',
      level: i + 1,
      audience: step.audience,
      at: offsetInstant(dueAt, step, 1, input.timeZone, calendar),
    });
  });
  // Stable sort keeps reminders before the due and escalations after it on ties.
  return steps.sort((a, b) => a.at - b.at);
}

/** Working days from `now` to the due (negative once overdue), as a notice states it. */
export function workingDaysLeft(now: number, dueAt: string, timeZone: string, calendar: WorkCalendar): number {
  const today = localDateTime(now, timeZone).toISODate()!;
  const dueDay = localDateTime(dueAt, timeZone).toISODate()!;
  return calendar.workingDaysBetween(today, dueDay);
}

/** The due as an ISO instant in the program's zone (what people read in notices and lists). */
export function toLocalIso(instant: number, timeZone: string): string {
  return localDateTime(instant, timeZone).toISO({ suppressMilliseconds: true })!;
}
