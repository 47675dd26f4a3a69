// Dates as the report writes them: always in the program's zone, never the machine's, and
// from the instants the workflow passed in (the document date is workflow time).
import { DateTime } from 'luxon';
import type { ReportLocale } from './labels';

const EN_MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

/** Thrown for an instant or zone that cannot be read: bad input, not a passing fault. */
export class ReportInputError extends Error {
  override name = 'ReportInputError';
}

export function readInstant(iso: string, timeZone: string, field: string): DateTime {
  const dt = DateTime.fromISO(iso, { setZone: true }).setZone(timeZone);
  if (!dt.isValid) {
    throw new ReportInputError(`${field}: không đọc được thời điểm "${iso}" theo múi giờ "${timeZone}" (${dt.invalidExplanation ?? dt.invalidReason ?? 'invalid'})`);
  }
  return dt;
}

/**
 * "ngày 05 tháng 02 năm 2026": Nghị định 30/2020/NĐ-CP writes days below 10 and the months
 * 1 and 2 with a leading zero (so "tháng 02" cannot be misread as "tháng 12" when copied).
 */
export function documentDate(dt: DateTime, locale: ReportLocale): string {
  if (locale === 'en') return `${dt.day} ${EN_MONTHS[dt.month - 1]} ${dt.year}`;
  const day = String(dt.day).padStart(2, '0');
  const month = dt.month <= 2 ? String(dt.month).padStart(2, '0') : String(dt.month);
  return `ngày ${day} tháng ${month} năm ${dt.year}`;
}

/** "12/06/2026 17:00" / "2026-06-12 17:00": compact enough for a table cell. */
export function cellDateTime(dt: DateTime, locale: ReportLocale): string {
  return dt.toFormat(locale === 'en' ? 'yyyy-MM-dd HH:mm' : 'dd/MM/yyyy HH:mm');
}

/** The same layout as an Excel number format. */
export function excelDateTimeFormat(locale: ReportLocale): string {
  return locale === 'en' ? 'yyyy-mm-dd hh:mm' : 'dd/mm/yyyy hh:mm';
}

/**
 * Excel date cells have no zone: a reader sees the stored wall time. A Date whose UTC
 * fields are the local wall time is written as exactly that (exceljs converts from UTC).
 */
export function wallClockDate(dt: DateTime): Date {
  return new Date(Date.UTC(dt.year, dt.month - 1, dt.day, dt.hour, dt.minute, dt.second));
}
