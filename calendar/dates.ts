// Calendar dates as plain 'YYYY-MM-DD' strings with integer day arithmetic. No Date objects:
// this code runs inside Temporal workflows, where results must never depend on the host clock
// or time zone, and Date.UTC quietly maps years 0–99 to 1900–1999.

/** A calendar date written 'YYYY-MM-DD' (proleptic Gregorian, no time, no zone). */
export type IsoDate = string;

/** 1 = Monday … 7 = Sunday, as in ISO 8601. */
export type IsoWeekday = number;

const ISO_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** True only for a real calendar date in the strict form 'YYYY-MM-DD' (year 0001–9999). */
export function isIsoDate(s: string): boolean {
  const m = ISO_PATTERN.exec(s);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

export function parseIsoDate(d: IsoDate): DateParts {
  if (!isIsoDate(d)) throw new RangeError(`invalid date "${d}" (expected a real date YYYY-MM-DD)`);
  return { year: Number(d.slice(0, 4)), month: Number(d.slice(5, 7)), day: Number(d.slice(8, 10)) };
}

export function formatIsoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// Days since 1970-01-01, after Howard Hinnant's days_from_civil: exact integer arithmetic
// for any proleptic Gregorian date, so adding days never drifts.
export function dayNumber(d: IsoDate): number {
  const { year, month, day } = parseIsoDate(d);
  return dayNumberOf(year, month, day);
}

export function dayNumberOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function partsFromDayNumber(n: number): DateParts {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function fromDayNumber(n: number): IsoDate {
  const { year, month, day } = partsFromDayNumber(n);
  if (year < 1 || year > 9999) throw new RangeError(`date out of range (day number ${n})`);
  return formatIsoDate(year, month, day);
}

export function addDays(d: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`day count must be an integer, got ${n}`);
  return fromDayNumber(dayNumber(d) + n);
}

/** ISO weekday of a day number: 1970-01-01 was a Thursday. */
export function weekdayOfDayNumber(n: number): IsoWeekday {
  return ((((n + 3) % 7) + 7) % 7) + 1;
}

export function weekday(d: IsoDate): IsoWeekday {
  return weekdayOfDayNumber(dayNumber(d));
}

export function isWeekend(d: IsoDate): boolean {
  return weekday(d) >= 6;
}

/** Negative, zero or positive like a sort comparator; valid dates compare as strings. */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function lastDayOfMonth(year: number, month: number): IsoDate {
  return formatIsoDate(year, month, daysInMonth(year, month));
}

const WEEKDAY_VI = ['', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy', 'Chủ nhật'];

export function weekdayNameVi(d: IsoDate): string {
  return WEEKDAY_VI[weekday(d)] ?? '';
}

/** 'd/m/yyyy', the way Vietnamese documents write dates. */
export function formatViDate(d: IsoDate): string {
  const { year, month, day } = parseIsoDate(d);
  return `${day}/${month}/${year}`;
}
