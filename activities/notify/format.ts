import { DateTime } from 'luxon';
import type { Locale } from '../../contract/notices';

export type { Locale } from '../../contract/notices';

// Names come from tables, not Intl: the notice must read the same on every machine,
// whatever ICU data Node was built with (and ICU writes "Thứ Sáu" where offices write "thứ Sáu").
const VI_WEEKDAYS = ['thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy', 'Chủ nhật'] as const;
const EN_WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
const EN_MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

/** Reads an ISO instant in the program's zone; a bad value is a bug upstream, so it throws. */
export function localTime(iso: string, timeZone: string, field: string): DateTime {
  // `zone` reads a value without an offset as the program's local time rather than the
  // machine's, so the notice does not depend on where the worker runs.
  return checked(DateTime.fromISO(iso, { setZone: true, zone: timeZone }).setZone(timeZone), iso, timeZone, field);
}

/** A value written as a day (YYYY-MM-DD) or as an instant; days are shown without a time. */
export interface When {
  dt: DateTime;
  dateOnly: boolean;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Reads an ISO date as that day in the program's zone, and anything else as an instant. */
export function localWhen(iso: string, timeZone: string, field: string): When {
  if (ISO_DAY.test(iso)) return { dt: checked(DateTime.fromISO(iso, { zone: timeZone }), iso, timeZone, field), dateOnly: true };
  return { dt: localTime(iso, timeZone, field), dateOnly: false };
}

function checked(dt: DateTime, iso: string, timeZone: string, field: string): DateTime {
  if (!dt.isValid) {
    throw new Error(`${field}: không đọc được thời điểm "${iso}" theo múi giờ "${timeZone}" (${dt.invalidExplanation ?? dt.invalidReason ?? 'invalid'})`);
  }
  return dt;
}

/** An instant as `formatDateTime`; a day as "ngày 5/11/2026" / "5 November 2026". */
export function formatWhen(when: When, locale: Locale): string {
  if (!when.dateOnly) return formatDateTime(when.dt, locale);
  return locale === 'vi' ? `ngày ${formatDate(when.dt, 'vi')}` : formatDate(when.dt, 'en');
}

/** "vào 8h00, thứ Ba, ngày 7/7/2026" / "at 8:00 AM, Tuesday 7 July 2026", "on 7 July 2026". */
export function atPhrase(when: When, locale: Locale): string {
  const at = locale === 'vi' ? 'vào' : when.dateOnly ? 'on' : 'at';
  return `${at} ${formatWhen(when, locale)}`;
}

/** A day counts until its end: a deadline written as a date is met all that day. */
export function lastInstant(when: When): number {
  return (when.dateOnly ? when.dt.endOf('day') : when.dt).toMillis();
}

/** "từ ngày 15/11/2026 đến ngày 15/12/2026" / "from 15 November 2026 to 15 December 2026". */
export function spanPhrase(start: string | undefined, end: string | undefined, locale: Locale): string | undefined {
  const [from, to] = locale === 'vi' ? ['từ', 'đến'] : ['from', 'to'];
  if (start !== undefined && end !== undefined) return `${from} ${start} ${to} ${end}`;
  if (start !== undefined) return `${from} ${start}`;
  if (end !== undefined) return `${to} ${end}`;
  return undefined;
}

/**
 * "17h00, thứ Sáu, ngày 12/6/2026" / "5:00 PM, Friday 12 June 2026". Offices write the hour
 * as "17h00" and the day without leading zeros ("ngày 5/6/2026", not "05/06/2026") in the
 * running text of a letter; every Vietnamese time in a notice is written this one way.
 */
export function formatDateTime(dt: DateTime, locale: Locale): string {
  if (locale === 'vi') {
    return `${dt.toFormat("H'h'mm")}, ${VI_WEEKDAYS[dt.weekday - 1]}, ngày ${formatDate(dt, 'vi')}`;
  }
  const hour12 = dt.hour % 12 === 0 ? 12 : dt.hour % 12;
  const meridiem = dt.hour < 12 ? 'AM' : 'PM';
  return `${hour12}:${dt.toFormat('mm')} ${meridiem}, ${EN_WEEKDAYS[dt.weekday - 1]} ${formatDate(dt, 'en')}`;
}

/** "12/6/2026" / "12 June 2026": for subjects, where the time would only add noise. */
export function formatDate(dt: DateTime, locale: Locale): string {
  return locale === 'vi' ? dt.toFormat('d/M/yyyy') : `${dt.day} ${EN_MONTHS[dt.month - 1]} ${dt.year}`;
}

/** "còn 3 ngày làm việc", "hết hạn trong hôm nay", "đã quá hạn 2 ngày làm việc". */
export function workingDaysPhrase(days: number, locale: Locale): string {
  const n = Math.abs(days);
  if (locale === 'vi') {
    if (days > 0) return `còn ${n} ngày làm việc`;
    if (days === 0) return 'hết hạn trong hôm nay';
    return `đã quá hạn ${n} ngày làm việc`;
  }
  const unit = n === 1 ? 'working day' : 'working days';
  if (days > 0) return `${n} ${unit} left`;
  if (days === 0) return 'due today';
  return `overdue by ${n} ${unit}`;
}
