// Dates as offices write them, in the zone the assignment was written in (the offset in
// its ISO string), and working days left by the Vietnamese calendar.
import { DateTime } from 'luxon';
import { WorkCalendar } from '../../calendar';
import type { Locale } from './i18n';

const calendar = new WorkCalendar();
export const DEFAULT_ZONE = 'Asia/Ho_Chi_Minh';

/**
 * Instants written with an offset (the workflow's local times) keep it; UTC ones (`…Z`,
 * e.g. when a notice was sent) and Date values are shown in Vietnam's zone, so one page
 * never mixes two clocks.
 */
function parse(value: string | Date): DateTime {
  if (typeof value !== 'string') return DateTime.fromJSDate(value, { zone: DEFAULT_ZONE });
  return /Z$/i.test(value) ? DateTime.fromISO(value, { zone: DEFAULT_ZONE }) : DateTime.fromISO(value, { setZone: true });
}

/** "17:00 ngày 15/12/2099" or "15 Dec 2099, 17:00". */
export function formatDateTime(value: string | Date | undefined, locale: Locale): string {
  if (value === undefined) return '—';
  const dt = parse(value);
  if (!dt.isValid) return String(value);
  return locale === 'en' ? dt.setLocale('en-GB').toFormat('d LLL yyyy, HH:mm') : dt.toFormat("HH:mm 'ngày' dd/MM/yyyy");
}

/** "15/12/2099" or "15 Dec 2099". */
export function formatDate(value: string | Date | undefined, locale: Locale): string {
  if (value === undefined) return '—';
  const dt = parse(value);
  if (!dt.isValid) return String(value);
  return locale === 'en' ? dt.setLocale('en-GB').toFormat('d LLL yyyy') : dt.toFormat('dd/MM/yyyy');
}

/** Working days from today to the due's day, both read in the due's own offset; negative once past. */
export function workingDaysUntil(dueAt: string, now = Date.now()): number {
  const due = DateTime.fromISO(dueAt, { setZone: true });
  const today = DateTime.fromMillis(now, { zone: due.zone }).toISODate()!;
  return calendar.workingDaysBetween(today, due.toISODate()!);
}

/** For `<input type="datetime-local">` values: the local wall time in the program's zone. */
export function parseLocalDateTime(value: string, zone = DEFAULT_ZONE): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/.test(value)) return undefined;
  const dt = DateTime.fromISO(value.length === 10 ? `${value}T17:00` : value, { zone });
  return dt.isValid ? dt.toISO({ suppressMilliseconds: true })! : undefined;
}

export function formatBytes(size: number, locale: Locale): string {
  const fmt = (n: number) => n.toLocaleString(locale === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: 1 });
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${fmt(size / 1024)} KB`;
  return `${fmt(size / 1024 / 1024)} MB`;
}
