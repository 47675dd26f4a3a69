// Builds one year's list of days off and worked Saturdays from the holidays, the year's
// notice (or the rules when there is none) and the program's overrides.
import { type IsoDate, addDays, formatViDate, weekday } from './dates';
import { type HolidayChoices, choicesByRule, INSTITUTED, publicHolidays } from './holidays';
import { noticeFor } from './notices';
import type { CalendarOverrides, DayOff, YearCalendar } from './types';

/** The law whose holiday list a year without a notice is estimated from. */
function ruleSource(year: number): string {
  const law =
    year >= INSTITUTED.nationalDayTwoDays
      ? 'Bộ luật Lao động 2019, Điều 111–112'
      : year >= INSTITUTED.tetFiveDays
        ? 'Bộ luật Lao động 2012, Điều 115'
        : year >= INSTITUTED.gioTo
          ? 'Bộ luật Lao động 1994, Điều 73 (sửa đổi bởi Luật số 84/2007/QH11)'
          : 'Bộ luật Lao động 1994, Điều 73';
  return `Ước tính theo ${law} (chưa có thông báo chính thức): ngày Tết${year >= INSTITUTED.nationalDayTwoDays ? ' và ngày nghỉ liền kề 2/9' : ''} theo quy tắc của dondoc, không có hoán đổi`;
}

const inYear = (year: number) => (d: IsoDate) => Number(d.slice(0, 4)) === year;
const byDate = (a: { date: IsoDate }, b: { date: IsoDate }) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);

export function buildYearCalendar(year: number, overrides: CalendarOverrides = {}): YearCalendar {
  const notice = noticeFor(year);
  const choices: HolidayChoices = notice ? { tet: notice.tet, nationalDayExtra: notice.nationalDayExtra } : choicesByRule(year);
  const holidays = publicHolidays(year, choices);
  const off = new Map<IsoDate, DayOff>();
  const workedSaturdays = new Set<IsoDate>();

  for (const h of holidays) {
    if (weekday(h.date) <= 5) off.set(h.date, { date: h.date, name: h.name, nameEn: h.nameEn });
  }
  for (const s of notice?.swaps ?? []) {
    off.set(s.dayOff, {
      date: s.dayOff,
      name: `Nghỉ hoán đổi dịp ${s.occasion} (làm bù thứ Bảy ${formatViDate(s.workedSaturday)})`,
      nameEn: `Swapped day off (worked on Saturday ${s.workedSaturday})`,
    });
    workedSaturdays.add(s.workedSaturday);
  }
  for (const d of notice?.extraDaysOff ?? []) off.set(d.date, d);

  // Art. 111(3): a holiday on a weekly rest day moves to the next working day. Walking the
  // weekend holidays in date order and skipping days already off makes them stack (2023:
  // Giỗ Tổ on Saturday 29/4 and 30/4 on Sunday give Tuesday 2/5 and Wednesday 3/5).
  for (const h of holidays) {
    if (weekday(h.date) <= 5) continue;
    let d = addDays(h.date, 1);
    while (weekday(d) > 5 || off.has(d)) d = addDays(d, 1);
    off.set(d, {
      date: d,
      name: `Nghỉ bù ${h.name}, trùng ${weekday(h.date) === 6 ? 'thứ Bảy' : 'Chủ nhật'} ${formatViDate(h.date)}`,
      nameEn: `Compensatory day off for ${h.nameEn} (${h.date})`,
    });
  }

  // Overrides come last: a program may work on a day the state takes off, or the reverse.
  for (const d of (overrides.daysOff ?? []).filter((x) => inYear(year)(x.date))) {
    if (weekday(d.date) <= 5 || workedSaturdays.has(d.date)) {
      workedSaturdays.delete(d.date);
      if (!off.has(d.date)) off.set(d.date, d);
    }
  }
  for (const d of (overrides.workingDays ?? []).filter(inYear(year))) {
    off.delete(d);
    if (weekday(d) > 5) workedSaturdays.add(d);
  }

  const daysOff = [...off.values()].filter((d) => inYear(year)(d.date)).sort(byDate);
  return {
    year,
    daysOff,
    workingSaturdays: [...workedSaturdays].sort(),
    estimated: notice === undefined,
    sources: notice ? [...notice.sources] : [ruleSource(year)],
  };
}
