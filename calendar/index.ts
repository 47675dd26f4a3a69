// The calendar's public surface: Vietnamese working days, holidays, notices and lunar dates.
// Pure and deterministic, so workflows may import it.
export {
  type IsoDate,
  isIsoDate,
  addDays,
  weekday,
  weekdayNameVi,
  compareIsoDates,
  daysInMonth,
  lastDayOfMonth,
  formatViDate,
} from './dates';
export { type LunarDate, solarToLunar, lunarToSolar, LUNAR_MIN_YEAR, LUNAR_MAX_YEAR } from './lunar';
export type { DayOff, CalendarOverrides, YearCalendar } from './types';
export { type Holiday, type HolidayChoices, HOLIDAY_RULES_FROM, INSTITUTED, publicHolidays, tetDate, gioToDate, tetDaysByRule, nationalDayExtraByRule } from './holidays';
export { type YearNotice, type Swap, NOTICES, noticeFor, OFFICIAL_DATA_FROM } from './notices';
export { WorkCalendar } from './work-calendar';
