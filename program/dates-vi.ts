// Dates as Vietnamese offices print them: dd/mm/yyyy, with the weekday in words.
import { weekday, type IsoDate } from '../calendar';

const WEEKDAY_VI = ['', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy', 'Chủ nhật'];
const WEEKDAY_EN = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export function ddmmyyyy(d: IsoDate): string {
  return `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
}

export function weekdayName(d: IsoDate, locale: 'vi' | 'en' = 'vi'): string {
  return (locale === 'vi' ? WEEKDAY_VI : WEEKDAY_EN)[weekday(d)] ?? '';
}

/** "Thứ Hai 16/11/2026" */
export function longDate(d: IsoDate, locale: 'vi' | 'en' = 'vi'): string {
  return `${weekdayName(d, locale)} ${ddmmyyyy(d)}`;
}
