// Public holidays by rule (Bộ luật Lao động 2019, Điều 112 khoản 1), for any year, plus the
// rules dondoc uses to guess what the Government will fix when no notice exists yet.
import { type IsoDate, addDays, formatIsoDate, weekday } from './dates';
import { lunarToSolar, solarToLunar } from './lunar';

/** A public holiday on its own date, which may be a Saturday or Sunday. */
export interface Holiday {
  date: IsoDate;
  name: string;
  nameEn: string;
}

/** What a year's notice decides; estimated years fill it by the rules below. */
export interface HolidayChoices {
  /** The Tết days off (five since 2013), in date order. */
  tet: IsoDate[];
  /** The day next to 2/9 (1/9 or 3/9) that is also off; none before 2021. */
  nationalDayExtra?: IsoDate;
}

const isWeekday = (d: IsoDate): boolean => weekday(d) <= 5;

/**
 * The first year whose working days dondoc can state: the holidays of Bộ luật Lao động 1994
 * (in force 1/1/1995), Điều 73 — 1/1, Tết (the last day of the lunar year and the first
 * three), 30/4, 1/5, 2/9 — and the five-day week of state offices (Quyết định
 * 188/1999/QĐ-TTg of 17/9/1999: Saturday and Sunday off), so 2000 is the first full year.
 * Earlier years had Saturdays worked and other holiday lists (Sắc lệnh 22/SL of 1946 and
 * later decisions) that are not encoded, so they are refused rather than guessed.
 */
export const HOLIDAY_RULES_FROM = 2000;

/** When each holiday that was added later became a day off (checked sources in the comments). */
export const INSTITUTED = {
  /** Luật số 84/2007/QH11 (2/4/2007, in force on publication) added Giỗ Tổ Hùng Vương to Điều 73. */
  gioTo: 2007,
  /** Bộ luật Lao động 2012 (in force 1/5/2013, after Tết 2013): Tết five days. */
  tetFiveDays: 2014,
  /** Bộ luật Lao động 2019, Điều 112 (in force 1/1/2021): 2/9 and one adjacent day. */
  nationalDayTwoDays: 2021,
} as const;

function checkRulesYear(year: number): void {
  if (year < HOLIDAY_RULES_FROM) {
    throw new RangeError(
      `lịch làm việc, nghỉ lễ chỉ có từ năm ${HOLIDAY_RULES_FROM} (Bộ luật Lao động 1994, tuần làm việc 5 ngày); năm ${year} chưa được mô tả (holidays are modelled from ${HOLIDAY_RULES_FROM}, got ${year})`,
    );
  }
}

/** 1/1 of the lunar year as a solar date: mùng 1 Tết. */
export function tetDate(year: number): IsoDate {
  return lunarToSolar({ day: 1, month: 1, year, leap: false });
}

export function gioToDate(year: number): IsoDate {
  return lunarToSolar({ day: 10, month: 3, year, leap: false });
}

/**
 * The Tết days for a year without a notice.
 *
 * The law gives five days and lets the Prime Minister pick them. Observed choices (see
 * notices.ts): 2 days before Tết + 3 after (the day before the eve, the eve, mùng 1–3) in 2020,
 * 2021, 2023, 2024, 2025; 1 before + 4 after (the eve, mùng 1–4) in 2022 and 2026. The pattern
 * behind them: take 1 + 4 when it fills Monday–Friday exactly and 2 + 3 does not (Tết on a
 * Tuesday), otherwise 2 + 3. The rule reproduces every year above; for other years it is a
 * guess, which is why they are marked estimated. Before Bộ luật Lao động 2012 took effect
 * (1/5/2013, after Tết 2013) Tết had four days: the eve and mùng 1–3 here.
 */
export function tetDaysByRule(year: number): IsoDate[] {
  checkRulesYear(year);
  const newYear = tetDate(year);
  if (year < INSTITUTED.tetFiveDays) return [-1, 0, 1, 2].map((n) => addDays(newYear, n));
  const twoBefore = [-2, -1, 0, 1, 2].map((n) => addDays(newYear, n));
  const oneBefore = [-1, 0, 1, 2, 3].map((n) => addDays(newYear, n));
  return oneBefore.every(isWeekday) && !twoBefore.every(isWeekday) ? oneBefore : twoBefore;
}

/**
 * The day next to 2/9 for a year without a notice (the second day exists since 2021).
 *
 * Observed: 3/9 in 2021 (2/9 Thu) and 2024 (Mon); 1/9 in 2022 (Fri), 2023 (Sat), 2025 (Tue),
 * 2026 (Wed). Rule that reproduces them: prefer a weekday that touches a weekend (a long
 * break), then any weekday, 1/9 first; a Saturday only when nothing else is left.
 */
export function nationalDayExtraByRule(year: number): IsoDate | undefined {
  if (year < INSTITUTED.nationalDayTwoDays) return undefined;
  const before = formatIsoDate(year, 9, 1);
  const after = formatIsoDate(year, 9, 3);
  const touchesWeekend = (d: IsoDate): boolean => isWeekday(d) && (weekday(d) === 1 || weekday(d) === 5);
  if (touchesWeekend(before)) return before;
  if (touchesWeekend(after)) return after;
  if (isWeekday(before)) return before;
  if (isWeekday(after)) return after;
  return before;
}

export function choicesByRule(year: number): HolidayChoices {
  const extra = nationalDayExtraByRule(year);
  return extra === undefined ? { tet: tetDaysByRule(year) } : { tet: tetDaysByRule(year), nationalDayExtra: extra };
}

function tetDayLabel(d: IsoDate): { vi: string; en: string } {
  const l = solarToLunar(d);
  if (l.month === 1) return { vi: `mùng ${l.day} tháng Giêng`, en: `day ${l.day} of the 1st lunar month` };
  return { vi: `${l.day} tháng Chạp`, en: `day ${l.day} of the 12th lunar month` };
}

/** Every public holiday of the year on its own date, weekend or not, in date order. */
export function publicHolidays(year: number, choices: HolidayChoices): Holiday[] {
  checkRulesYear(year);
  const list: Holiday[] = [{ date: formatIsoDate(year, 1, 1), name: 'Tết Dương lịch', nameEn: "New Year's Day" }];
  for (const d of choices.tet) {
    const label = tetDayLabel(d);
    list.push({ date: d, name: `Tết Nguyên đán (${label.vi})`, nameEn: `Lunar New Year (Tết), ${label.en}` });
  }
  // Giỗ Tổ became a paid holiday in 2007 (Luật 84/2007/QH11 amending Điều 73).
  if (year >= INSTITUTED.gioTo) {
    list.push({ date: gioToDate(year), name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', nameEn: "Hùng Kings' Commemoration Day" });
  }
  list.push({ date: formatIsoDate(year, 4, 30), name: 'Ngày Chiến thắng (30/4)', nameEn: 'Reunification Day' });
  list.push({ date: formatIsoDate(year, 5, 1), name: 'Ngày Quốc tế Lao động (1/5)', nameEn: 'International Labour Day' });
  list.push({ date: formatIsoDate(year, 9, 2), name: 'Ngày Quốc khánh (2/9)', nameEn: 'National Day' });
  if (choices.nationalDayExtra !== undefined) {
    const d = choices.nationalDayExtra;
    list.push({ date: d, name: `Nghỉ lễ Quốc khánh (${Number(d.slice(8, 10))}/9)`, nameEn: 'National Day holiday (adjacent day)' });
  }
  return list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
