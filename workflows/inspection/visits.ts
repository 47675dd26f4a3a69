// Dates and close-out facts of inspection visits. Pure (luxon and the calendar only), so the
// workflow recomputes them whenever the program moves a visit.
import { DateTime } from 'luxon';
import type { Remediation } from '../../activities/notify/templates';
import { WorkCalendar } from '../../calendar';
import { toLocalIso } from '../assignment/schedule';
import type { OccurrenceInput } from '../occurrence/input';
import type { VisitState } from './messages';

const DEFAULT_NOTICE_TIME = '08:00';

/** The program's working-day calendar, as every assignment of the occurrence carries it. */
export function calendarOf(input: OccurrenceInput): WorkCalendar {
  const overrides = input.assignments[0]?.input.calendar;
  return new WorkCalendar({
    ...(overrides?.daysOff ? { daysOff: overrides.daysOff } : {}),
    ...(overrides?.workingDays ? { workingDays: overrides.workingDays } : {}),
  });
}

/**
 * The reminder before a visit: the previous working day, at the time of day notices go out
 * (the plan puts the notice at the program's notice time, so its time of day is reused).
 */
export function reminderInstant(visitAt: string, noticeAt: string | undefined, timeZone: string, calendar: WorkCalendar): number {
  const day = calendar.previousWorkingDay(DateTime.fromISO(visitAt, { zone: timeZone }).toISODate()!);
  const time = noticeAt ? DateTime.fromISO(noticeAt, { zone: timeZone }).toFormat('HH:mm') : DEFAULT_NOTICE_TIME;
  return DateTime.fromISO(`${day}T${time}`, { zone: timeZone }).toMillis();
}

/**
 * A remediation due as the office wrote it: an instant, or a day — which then ends at the
 * unit's usual due time (17:00 in most programs), as offices write "hạn 30/11".
 */
export function remediationDue(written: string, unitDueAt: string, timeZone: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(written)) {
    const time = DateTime.fromISO(unitDueAt, { zone: timeZone }).toFormat('HH:mm');
    return toLocalIso(DateTime.fromISO(`${written}T${time}`, { zone: timeZone }).toMillis(), timeZone);
  }
  return toLocalIso(Date.parse(written), timeZone);
}

export interface CloseOut {
  units: string[];
  findings: string[];
  remediations: Remediation[];
  /** Items the office exempted, named for the record (the template has no status for them). */
  exempted: string[];
}

/** What the close-out notice says: every unit whose visit closed, its findings and its items. */
export function closeOut(visits: VisitState[]): CloseOut {
  const closed = visits.filter((v) => v.status === 'closed');
  const several = closed.length > 1;
  const named = (v: VisitState, text: string) => (several ? `${v.unitName}: ${text}` : text);
  return {
    units: closed.map((v) => v.unitName),
    findings: closed.flatMap((v) => (v.findings ?? []).map((f) => named(v, f))),
    remediations: closed.flatMap((v) =>
      v.remediations
        .filter((r) => !r.removed)
        .map((r) => ({
          title: named(v, r.title),
          dueAt: r.dueAt,
          ...(r.status === 'accepted' && r.submittedAt ? { doneAt: r.submittedAt } : {}),
        })),
    ),
    exempted: closed.flatMap((v) => v.remediations.filter((r) => r.status === 'exempted').map((r) => `${v.unitName}: ${r.title}`)),
  };
}
