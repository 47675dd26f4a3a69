// Working-day arithmetic for Vietnamese state offices. Pure and deterministic: safe inside
// Temporal workflows. Years are computed lazily and cached per instance.
//
// Semantics (d is any date, working or not; "working day" = Monday–Friday not off, or a
// Saturday worked by swap/override):
// - addWorkingDays(d, n), n > 0: the n-th working day strictly after d.
//   n < 0: the |n|-th working day strictly before d. n = 0: rollForward(d).
//   So addWorkingDays('2025-05-05', -1) is 2025-04-29: 2/5 was swapped off, 1/5 and 30/4
//   are holidays, and the weekend in between is not worked.
// - workingDaysBetween(from, to) is the inverse of addWorkingDays: for to > from it counts the
//   working days in (from, to]; for to < from it is minus the working days in [to, from).
//   Hence workingDaysBetween(d, addWorkingDays(d, n)) === n for every d and every n ≠ 0.
// - Round trips: for n > 0, addWorkingDays(addWorkingDays(d, n), -n) is the last working day
//   on or before d; for n < 0 it is rollForward(d), the first working day on or after d.
//   Both are d itself when d is a working day.
// - rollForward(d): d if working, else the next working day (Bộ luật Dân sự 2015, Điều 148
//   khoản 5: a period whose last day is a day off ends at the end of the next working day).
import {
  type IsoDate,
  dayNumber,
  dayNumberOf,
  formatIsoDate,
  fromDayNumber,
  isIsoDate,
  lastDayOfMonth,
  partsFromDayNumber,
  weekdayOfDayNumber,
} from './dates';
import type { CalendarOverrides, DayOff, YearCalendar } from './types';
import { buildYearCalendar } from './year-calendar';
import { noticeFor } from './notices';

interface YearIndex {
  calendar: YearCalendar;
  off: Map<IsoDate, DayOff>;
  /** Day number of 1 January, and one flag per day of the year: arithmetic runs on integers. */
  start: number;
  working: Uint8Array;
}

/** No real calendar has ten years without a working day; stop instead of looping forever. */
const MAX_SCAN_DAYS = 3660;

function checkDate(d: IsoDate, what = 'date'): void {
  if (typeof d !== 'string' || !isIsoDate(d)) throw new RangeError(`${what} "${String(d)}" is not a real date YYYY-MM-DD`);
}

function freezeCalendar(c: YearCalendar): YearCalendar {
  for (const d of c.daysOff) Object.freeze(d);
  Object.freeze(c.daysOff);
  Object.freeze(c.workingSaturdays);
  Object.freeze(c.sources);
  return Object.freeze(c);
}

export class WorkCalendar {
  private readonly overrides: CalendarOverrides;
  private readonly years = new Map<number, YearIndex>();
  /** The year last looked up: consecutive days almost always share it. */
  private last: YearIndex | undefined;

  constructor(overrides: CalendarOverrides = {}) {
    for (const d of overrides.daysOff ?? []) checkDate(d.date, 'override day off');
    for (const d of overrides.workingDays ?? []) checkDate(d, 'override working day');
    this.overrides = {
      daysOff: (overrides.daysOff ?? []).map((d) => ({ ...d })),
      workingDays: [...(overrides.workingDays ?? [])],
    };
  }

  /** The year's days off and worked Saturdays; the same frozen object on every call. */
  year(y: number): YearCalendar {
    return this.index(y).calendar;
  }

  hasOfficialData(year: number): boolean {
    return noticeFor(year) !== undefined;
  }

  isWorkingDay(d: IsoDate): boolean {
    checkDate(d);
    return this.working(dayNumber(d));
  }

  /** Why d is off although it is a weekday (or swapped Saturday); undefined otherwise, weekends included. */
  isDayOff(d: IsoDate): DayOff | undefined {
    checkDate(d);
    return this.index(Number(d.slice(0, 4))).off.get(d);
  }

  nextWorkingDay(d: IsoDate): IsoDate {
    checkDate(d);
    return fromDayNumber(this.step(dayNumber(d), 1));
  }

  previousWorkingDay(d: IsoDate): IsoDate {
    checkDate(d);
    return fromDayNumber(this.step(dayNumber(d), -1));
  }

  rollForward(d: IsoDate): IsoDate {
    checkDate(d);
    const n = dayNumber(d);
    return this.working(n) ? d : fromDayNumber(this.step(n, 1));
  }

  addWorkingDays(d: IsoDate, n: number): IsoDate {
    checkDate(d);
    if (!Number.isInteger(n)) throw new RangeError(`working-day count must be an integer, got ${n}`);
    if (n === 0) return this.rollForward(d);
    const dir = n > 0 ? 1 : -1;
    let cur = dayNumber(d);
    for (let i = 0; i < Math.abs(n); i++) cur = this.step(cur, dir);
    return fromDayNumber(cur);
  }

  workingDaysBetween(from: IsoDate, to: IsoDate): number {
    checkDate(from, 'from');
    checkDate(to, 'to');
    const a = dayNumber(from);
    const b = dayNumber(to);
    let count = 0;
    if (b >= a) {
      for (let n = a + 1; n <= b; n++) if (this.working(n)) count++;
      return count;
    }
    for (let n = b; n < a; n++) if (this.working(n)) count++;
    return -count;
  }

  lastWorkingDayOfMonth(year: number, month: number): IsoDate {
    if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`month must be 1–12, got ${month}`);
    checkDate(formatIsoDate(year, month, 1), 'month');
    const last = dayNumber(lastDayOfMonth(year, month));
    return fromDayNumber(this.working(last) ? last : this.step(last, -1));
  }

  private working(n: number): boolean {
    let y = this.last;
    if (y === undefined || n < y.start || n >= y.start + y.working.length) {
      y = this.index(partsFromDayNumber(n).year);
      this.last = y;
    }
    return y.working[n - y.start] === 1;
  }

  private step(from: number, dir: 1 | -1): number {
    let cur = from;
    for (let i = 0; i < MAX_SCAN_DAYS; i++) {
      cur += dir;
      if (this.working(cur)) return cur;
    }
    throw new RangeError(`no working day within ${MAX_SCAN_DAYS} days of ${fromDayNumber(from)}`);
  }

  private index(y: number): YearIndex {
    const cached = this.years.get(y);
    if (cached) return cached;
    if (!Number.isInteger(y)) throw new RangeError(`year must be an integer, got ${y}`);
    const calendar = freezeCalendar(buildYearCalendar(y, this.overrides));
    const start = dayNumberOf(y, 1, 1);
    const working = new Uint8Array(dayNumberOf(y + 1, 1, 1) - start);
    for (let i = 0; i < working.length; i++) working[i] = weekdayOfDayNumber(start + i) <= 5 ? 1 : 0;
    for (const d of calendar.daysOff) working[dayNumber(d.date) - start] = 0;
    for (const d of calendar.workingSaturdays) working[dayNumber(d) - start] = 1;
    const entry: YearIndex = { calendar, off: new Map(calendar.daysOff.map((d) => [d.date, d])), start, working };
    this.years.set(y, entry);
    return entry;
  }
}
