// The program's calendar section in the calendar's own terms (no `undefined` members, which
// exactOptionalPropertyTypes keeps apart from missing ones).
import type { CalendarOverrides, DayOff } from '../calendar';
import type { Program } from './types';

export function calendarOverrides(calendar: Program['calendar']): CalendarOverrides {
  return {
    daysOff: calendar.daysOff.map((d): DayOff => (d.nameEn === undefined ? { date: d.date, name: d.name } : { date: d.date, name: d.name, nameEn: d.nameEn })),
    workingDays: [...calendar.workingDays],
  };
}
