import { DateTime } from 'luxon';

export type Locale = 'vi' | 'en';

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
  const dt = DateTime.fromISO(iso, { setZone: true }).setZone(timeZone);
  if (!dt.isValid) {
    throw new Error(`${field}: không đọc được thời điểm "${iso}" theo múi giờ "${timeZone}" (${dt.invalidExplanation ?? dt.invalidReason ?? 'invalid'})`);
  }
  return dt;
}

/** "17 giờ 00, thứ Sáu, ngày 12/06/2026" / "5:00 PM, Friday 12 June 2026". */
export function formatDateTime(dt: DateTime, locale: Locale): string {
  if (locale === 'vi') {
    return `${dt.toFormat('HH')} giờ ${dt.toFormat('mm')}, ${VI_WEEKDAYS[dt.weekday - 1]}, ngày ${dt.toFormat('dd/MM/yyyy')}`;
  }
  const hour12 = dt.hour % 12 === 0 ? 12 : dt.hour % 12;
  const meridiem = dt.hour < 12 ? 'AM' : 'PM';
  return `${hour12}:${dt.toFormat('mm')} ${meridiem}, ${EN_WEEKDAYS[dt.weekday - 1]} ${formatDate(dt, 'en')}`;
}

/** "12/06/2026" / "12 June 2026": for subjects, where the time would only add noise. */
export function formatDate(dt: DateTime, locale: Locale): string {
  return locale === 'vi' ? dt.toFormat('dd/MM/yyyy') : `${dt.day} ${EN_MONTHS[dt.month - 1]} ${dt.year}`;
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
