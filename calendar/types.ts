// Shapes shared by the calendar and its users (plan compiler, CLI). Plain data only, so a
// YearCalendar can cross a Temporal workflow or activity boundary as JSON.
import type { IsoDate } from './dates';

/** A date on which state offices do not work although it is Monday–Friday (or a swapped Saturday). */
export interface DayOff {
  date: IsoDate;
  /** Vietnamese name, as an office would write it. */
  name: string;
  nameEn?: string;
}

/** Program-level changes: extra days off, and days worked (e.g. a Saturday decreed a working day). */
export interface CalendarOverrides {
  daysOff?: DayOff[];
  workingDays?: IsoDate[];
}

export interface YearCalendar {
  year: number;
  /**
   * Every date of the year that would be a working day but is not: public holidays falling
   * Monday–Friday, compensatory days, swapped weekdays off, days off from overrides. Holidays
   * falling on a weekend are not listed; their compensatory day is. Sorted by date.
   */
  daysOff: DayOff[];
  /** Weekend days worked (Saturdays worked by swap, or overrides), sorted. */
  workingSaturdays: IsoDate[];
  /** True when no official notice exists for the year and its Tết, 2/9 days are computed by rule. */
  estimated: boolean;
  /** Document numbers the year rests on, or the rule used. */
  sources: string[];
}
