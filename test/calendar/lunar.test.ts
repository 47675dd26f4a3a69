import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../calendar/dates';
import { lunarToSolar, solarToLunar } from '../../calendar/lunar';

interface Fixture {
  tet: Record<string, string>;
  gioTo: Record<string, string>;
  chineseTetWhereDifferent: Record<string, string>;
}
const fixture = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'lunar-dates.json'), 'utf8')) as Fixture;
const years = Array.from({ length: 2100 - 1968 + 1 }, (_, i) => 1968 + i);

describe('Vietnamese lunar calendar against an independent table (1968–2100)', () => {
  it('covers every year', () => {
    expect(Object.keys(fixture.tet)).toHaveLength(years.length);
    expect(Object.keys(fixture.gioTo)).toHaveLength(years.length);
  });

  it.each(years)('Tết and Giỗ Tổ %i', (year) => {
    const tet = fixture.tet[String(year)];
    const gioTo = fixture.gioTo[String(year)];
    expect(lunarToSolar({ day: 1, month: 1, year, leap: false })).toBe(tet);
    expect(lunarToSolar({ day: 10, month: 3, year, leap: false })).toBe(gioTo);
    expect(solarToLunar(tet!)).toEqual({ day: 1, month: 1, year, leap: false });
    expect(solarToLunar(gioTo!)).toEqual({ day: 10, month: 3, year, leap: false });
    // The eve belongs to the previous lunar year, in its 12th month.
    const eve = solarToLunar(addDays(tet!, -1));
    expect([eve.month, eve.year, eve.leap]).toEqual([12, year - 1, false]);
  });
});

describe('years where Vietnam (UTC+7) and China (UTC+8) differ', () => {
  const known: [number, string, string][] = [
    [1968, '1968-01-29', '1968-01-30'],
    [1985, '1985-01-21', '1985-02-20'],
    [2007, '2007-02-17', '2007-02-18'],
    [2030, '2030-02-02', '2030-02-03'],
    [2053, '2053-02-18', '2053-02-19'],
  ];
  it.each(known)('Tết %i is %s in Vietnam (China: %s)', (year, vietnam, china) => {
    expect(lunarToSolar({ day: 1, month: 1, year, leap: false })).toBe(vietnam);
    expect(fixture.tet[String(year)]).toBe(vietnam);
    expect(fixture.chineseTetWhereDifferent[String(year)]).toBe(china);
    // In Vietnam the Chinese New Year's Day is already mùng 2 (or, in 1985, a month later).
    expect(solarToLunar(china)).not.toEqual({ day: 1, month: 1, year, leap: false });
  });
  it('1985: Vietnam starts the year a month before China', () => {
    expect(solarToLunar('1985-02-20')).toEqual({ day: 1, month: 2, year: 1985, leap: false });
  });
});

describe('leap months and round trips', () => {
  it('knows recent leap months', () => {
    expect(solarToLunar('2020-05-23')).toEqual({ day: 1, month: 4, year: 2020, leap: true });
    expect(solarToLunar('2023-03-22')).toEqual({ day: 1, month: 2, year: 2023, leap: true });
    expect(solarToLunar('2023-04-20')).toEqual({ day: 1, month: 3, year: 2023, leap: false });
    expect(solarToLunar('2025-07-25')).toEqual({ day: 1, month: 6, year: 2025, leap: true });
    expect(lunarToSolar({ day: 1, month: 2, year: 2023, leap: true })).toBe('2023-03-22');
  });
  it('rejects lunar dates that do not exist', () => {
    expect(() => lunarToSolar({ day: 1, month: 3, year: 2023, leap: true })).toThrow(RangeError);
    expect(() => lunarToSolar({ day: 1, month: 5, year: 2024, leap: true })).toThrow(RangeError);
    expect(() => lunarToSolar({ day: 31, month: 1, year: 2024, leap: false })).toThrow(RangeError);
    expect(() => lunarToSolar({ day: 1, month: 13, year: 2024, leap: false })).toThrow(RangeError);
    expect(() => solarToLunar('1700-01-01')).toThrow(RangeError);
  });
  it('solar → lunar → solar is the identity for every day of 2019–2031', () => {
    let prev = solarToLunar('2018-12-31');
    for (let d = '2019-01-01'; d <= '2031-12-31'; d = addDays(d, 1)) {
      const l = solarToLunar(d);
      expect(lunarToSolar(l)).toBe(d);
      // Lunar days count up by one, or restart at 1 after day 29 or 30.
      if (l.day === 1) expect([29, 30]).toContain(prev.day);
      else expect(l.day).toBe(prev.day + 1);
      prev = l;
    }
  });
  it('gives the lunar dates printed on Vietnamese calendars for well-known days', () => {
    expect(solarToLunar('2026-02-17')).toEqual({ day: 1, month: 1, year: 2026, leap: false });
    expect(solarToLunar('2026-02-16')).toEqual({ day: 29, month: 12, year: 2025, leap: false });
    expect(solarToLunar('2024-02-09')).toEqual({ day: 30, month: 12, year: 2023, leap: false });
    expect(solarToLunar('2025-01-25')).toEqual({ day: 26, month: 12, year: 2024, leap: false });
    expect(solarToLunar('2022-01-29')).toEqual({ day: 27, month: 12, year: 2021, leap: false });
  });
});

describe('before 1968: the UTC+8 calendar Vietnam used until the end of 1967', () => {
  interface Table {
    exceptions: Record<string, string>;
    monthStarts: [string, number, number, boolean][];
  }
  const table = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'chinese-month-starts-1900-1967.json'), 'utf8')) as Table;

  it('agrees with the published 1900–2100 table on every month start of 1900–1967 but six explained ones', () => {
    expect(table.monthStarts).toHaveLength(841);
    const differing: string[] = [];
    for (const [date, year, month, leap] of table.monthStarts) {
      const l = solarToLunar(date);
      const same = l.day === 1 && l.month === month && l.year === year && l.leap === leap && lunarToSolar({ day: 1, month, year, leap }) === date;
      if (!same) differing.push(date);
    }
    expect(differing).toEqual(Object.keys(table.exceptions));
  });

  it('the explained exceptions are one day later at UTC+8 (three of them) or one day earlier (a table error)', () => {
    // 1914–1920: the table used Beijing mean time; at UTC+8 the month starts a day later.
    expect(solarToLunar('1916-02-04')).toEqual({ day: 1, month: 1, year: 1916, leap: false });
    expect(solarToLunar('1933-07-23')).toEqual({ day: 1, month: 6, year: 1933, leap: false });
    expect(solarToLunar('1954-11-25')).toEqual({ day: 1, month: 11, year: 1954, leap: false });
  });

  it('1917 has its leap month 2 (the old UTC+7 computation put it elsewhere and could not find it)', () => {
    expect(lunarToSolar({ day: 1, month: 2, year: 1917, leap: true })).toBe('1917-03-23');
  });

  it('the zone changes with 1968: the last day of 1967 at UTC+8, Tết Mậu Thân 1968 at UTC+7', () => {
    expect(solarToLunar('1967-12-31')).toEqual({ day: 1, month: 12, year: 1967, leap: false });
    expect(lunarToSolar({ day: 1, month: 12, year: 1967, leap: false })).toBe('1967-12-31');
    // Tết 1968 fell on 29/1 in the (UTC+7) North and on 30/1 in the (UTC+8) South.
    expect(lunarToSolar({ day: 1, month: 1, year: 1968, leap: false })).toBe('1968-01-29');
  });

  it('refuses years before 1900: nothing published was found to check them', () => {
    expect(() => solarToLunar('1899-12-31')).toThrow(RangeError);
    expect(() => lunarToSolar({ day: 1, month: 1, year: 1899, leap: false })).toThrow(RangeError);
  });
});
