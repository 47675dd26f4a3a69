// The Vietnamese lunisolar calendar (âm lịch), after Hồ Ngọc Đức's published algorithm
// "Âm lịch Việt Nam" (astronomical new moons and solar longitude, Meeus-style series).
// Vietnam computes it for UTC+7 since 1968 and used UTC+8 (the Chinese calendar) until the
// end of 1967; China uses UTC+8: a new moon between 16:00 and 17:00 UTC falls on different
// civil days in the two zones, which is why Tết 1985 and 2007 differ. Dates before 1968 are
// computed at UTC+8 (checked against the published 1900–2100 table in test/calendar). Rules: month 11 contains the winter solstice; a year with 13 months
// between two months 11 repeats the first month that contains no major solar term.
import { type IsoDate, dayNumber, dayNumberOf, fromDayNumber } from './dates';

export interface LunarDate {
  day: number;
  month: number;
  year: number;
  leap: boolean;
}

/** Hours east of UTC the calendar is computed for: UTC+7 from 1968, UTC+8 before. */
export const ZONE_CHANGE_YEAR = 1968;
type Zone = 7 | 8;
const zoneOfSolar = (d: IsoDate): Zone => (Number(d.slice(0, 4)) < ZONE_CHANGE_YEAR ? 8 : 7);
const UNIX_EPOCH_JDN = 2440588;
const SYNODIC_MONTH = 29.530588853;
/** Julian day of the new moon of 1900-01-01, the origin of the new-moon index k. */
const K_ORIGIN = 2415021.076998695;

/**
 * Years dondoc answers for. The upper end is HND's own range. The lower end is where a
 * published table could check the result: the Chinese-calendar table for 1900–2100 (UTC+8,
 * test/calendar/fixtures/chinese-month-starts-1900-1967.json) agrees with every month start
 * computed here for 1900–1967 except six, each explained there; nothing checked 1800–1899.
 */
export const LUNAR_MIN_YEAR = 1900;
export const LUNAR_MAX_YEAR = 2199;

const DEG = Math.PI / 180;

/** Julian day (TT-corrected to UT) of the k-th new moon after 1900-01-01. */
function newMoon(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd1 += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * DEG);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3;
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3;
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3;
  let c1 = (0.1734 - 0.000393 * T) * Math.sin(M * DEG) + 0.0021 * Math.sin(2 * DEG * M);
  c1 = c1 - 0.4068 * Math.sin(Mpr * DEG) + 0.0161 * Math.sin(DEG * 2 * Mpr);
  c1 = c1 - 0.0004 * Math.sin(DEG * 3 * Mpr);
  c1 = c1 + 0.0104 * Math.sin(DEG * 2 * F) - 0.0051 * Math.sin(DEG * (M + Mpr));
  c1 = c1 - 0.0074 * Math.sin(DEG * (M - Mpr)) + 0.0004 * Math.sin(DEG * (2 * F + M));
  c1 = c1 - 0.0004 * Math.sin(DEG * (2 * F - M)) - 0.0006 * Math.sin(DEG * (2 * F + Mpr));
  c1 = c1 + 0.001 * Math.sin(DEG * (2 * F - Mpr)) + 0.0005 * Math.sin(DEG * (2 * Mpr + M));
  const deltaT =
    T < -11
      ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3
      : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd1 + c1 - deltaT;
}

/** Julian day number of the civil day (in UTC+tz) that contains the k-th new moon. */
function newMoonDay(k: number, tz: Zone): number {
  return Math.floor(newMoon(k) + 0.5 + tz / 24);
}

/** Apparent solar longitude in radians, in [0, 2π), at Julian day jdn (UT). */
function sunLongitude(jdn: number): number {
  const T = (jdn - 2451545.0) / 36525;
  const T2 = T * T;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(DEG * M);
  DL += (0.019993 - 0.000101 * T) * Math.sin(DEG * 2 * M) + 0.00029 * Math.sin(DEG * 3 * M);
  const L = (L0 + DL) * DEG;
  return L - Math.PI * 2 * Math.floor(L / (Math.PI * 2));
}

/** Which 30° sector (0–11) the sun is in at the start of the civil day jdn in UTC+tz. */
function sunSector(jdn: number, tz: Zone): number {
  return Math.floor((sunLongitude(jdn - 0.5 - tz / 24) / Math.PI) * 6);
}

/** Julian day number of the first day of lunar month 11 of the lunar year ending in `year`. */
function lunarMonth11(year: number, tz: Zone): number {
  const off = dayNumberOf(year, 12, 31) + UNIX_EPOCH_JDN - 2415021;
  const k = Math.floor(off / SYNODIC_MONTH);
  const nm = newMoonDay(k, tz);
  // Month 11 must contain the winter solstice (sun at 270°, sector 9).
  return sunSector(nm, tz) >= 9 ? newMoonDay(k - 1, tz) : nm;
}

/** Index (1-based, counted from month 11) of the leap month in the 13-month year starting at a11. */
function leapMonthOffset(a11: number, tz: Zone): number {
  const k = Math.floor((a11 - K_ORIGIN) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let arc = sunSector(newMoonDay(k + i, tz), tz);
  let last: number;
  // The leap month is the first with no major term: its start is in the same sector as the next one's.
  do {
    last = arc;
    i++;
    arc = sunSector(newMoonDay(k + i, tz), tz);
  } while (arc !== last && i < 14);
  return i - 1;
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < LUNAR_MIN_YEAR || year > LUNAR_MAX_YEAR) {
    throw new RangeError(`lunar dates are supported for years ${LUNAR_MIN_YEAR}–${LUNAR_MAX_YEAR}, got ${year}`);
  }
}

/** The Vietnamese lunar date of a solar date (UTC+7 from 1968, UTC+8 before). */
export function solarToLunar(d: IsoDate): LunarDate {
  const tz = zoneOfSolar(d);
  const jdn = dayNumber(d) + UNIX_EPOCH_JDN;
  const solarYear = Number(d.slice(0, 4));
  checkYear(solarYear);
  const k = Math.floor((jdn - K_ORIGIN) / SYNODIC_MONTH);
  let monthStart = newMoonDay(k + 1, tz);
  if (monthStart > jdn) monthStart = newMoonDay(k, tz);
  let a11 = lunarMonth11(solarYear, tz);
  let b11 = a11;
  let year: number;
  if (a11 >= monthStart) {
    year = solarYear;
    a11 = lunarMonth11(solarYear - 1, tz);
  } else {
    year = solarYear + 1;
    b11 = lunarMonth11(solarYear + 1, tz);
  }
  const day = jdn - monthStart + 1;
  const diff = Math.floor((monthStart - a11) / 29);
  let leap = false;
  let month = diff + 11;
  if (b11 - a11 > 365) {
    const leapDiff = leapMonthOffset(a11, tz);
    if (diff >= leapDiff) {
      month = diff + 10;
      if (diff === leapDiff) leap = true;
    }
  }
  if (month > 12) month -= 12;
  if (month >= 11 && diff < 4) year -= 1;
  return { day, month, year, leap };
}

/**
 * The solar date of a Vietnamese lunar date; RangeError if that date does not exist. Lunar
 * years before 1968 are computed at UTC+8; a date of lunar 1967 whose UTC+8 result falls in
 * 1968 (its last month or two) is recomputed at UTC+7, the zone in force on that day.
 */
export function lunarToSolar(l: LunarDate): IsoDate {
  checkYear(l.year);
  if (l.year < ZONE_CHANGE_YEAR) {
    const old = lunarToSolarIn(l, 8);
    if (zoneOfSolar(old) === 8) return old;
  }
  return lunarToSolarIn(l, 7);
}

function lunarToSolarIn(l: LunarDate, tz: Zone): IsoDate {
  const { day, month, year, leap } = l;
  if (!Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(day) || day < 1 || day > 30) {
    throw new RangeError(`invalid lunar date ${day}/${month}/${year}`);
  }
  let a11: number;
  let b11: number;
  if (month < 11) {
    a11 = lunarMonth11(year - 1, tz);
    b11 = lunarMonth11(year, tz);
  } else {
    a11 = lunarMonth11(year, tz);
    b11 = lunarMonth11(year + 1, tz);
  }
  const k = Math.floor(0.5 + (a11 - K_ORIGIN) / SYNODIC_MONTH);
  let off = month - 11;
  if (off < 0) off += 12;
  if (b11 - a11 > 365) {
    const leapOff = leapMonthOffset(a11, tz);
    let leapMonth = leapOff - 2;
    if (leapMonth < 0) leapMonth += 12;
    if (leap && month !== leapMonth) throw new RangeError(`lunar year ${year} has no leap month ${month}`);
    if (leap || off >= leapOff) off += 1;
  } else if (leap) {
    throw new RangeError(`lunar year ${year} has no leap month ${month}`);
  }
  const monthStart = newMoonDay(k + off, tz);
  const nextStart = newMoonDay(k + off + 1, tz);
  if (day > nextStart - monthStart) throw new RangeError(`lunar month ${month}/${year} has only ${nextStart - monthStart} days`);
  return fromDayNumber(monthStart + day - 1 - UNIX_EPOCH_JDN);
}
