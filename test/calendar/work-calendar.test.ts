import { describe, expect, it } from 'vitest';
import { type IsoDate, WorkCalendar, addDays } from '../../calendar';

const calendar = new WorkCalendar();

describe('addWorkingDays', () => {
  it('steps over the 2025 30/4 – 1/5 break and its swap', () => {
    expect(calendar.addWorkingDays('2025-05-05', -1)).toBe('2025-04-29');
    expect(calendar.addWorkingDays('2025-04-29', 1)).toBe('2025-05-05');
    expect(calendar.addWorkingDays('2025-04-25', 1)).toBe('2025-04-26'); // Saturday worked by swap
    expect(calendar.addWorkingDays('2025-04-25', 2)).toBe('2025-04-28');
  });
  it('n = 0 is the date itself when working, else the next working day', () => {
    expect(calendar.addWorkingDays('2025-05-06', 0)).toBe('2025-05-06');
    expect(calendar.addWorkingDays('2025-05-03', 0)).toBe('2025-05-05');
    expect(calendar.addWorkingDays('2025-04-26', 0)).toBe('2025-04-26');
  });
  it('counts from a day off as from any other day', () => {
    expect(calendar.addWorkingDays('2026-02-14', 1)).toBe('2026-02-23');
    expect(calendar.addWorkingDays('2026-02-18', 1)).toBe('2026-02-23');
    expect(calendar.addWorkingDays('2026-02-18', -1)).toBe('2026-02-13');
  });
  it('handles long spans and year boundaries', () => {
    expect(calendar.addWorkingDays('2025-12-31', 1)).toBe('2026-01-05'); // 1/1 holiday, 2/1 swapped off
    expect(calendar.addWorkingDays('2026-01-05', -1)).toBe('2025-12-31');
    expect(calendar.addWorkingDays('2026-01-09', 1)).toBe('2026-01-10'); // Saturday worked
    expect(calendar.workingDaysBetween('2025-01-01', calendar.addWorkingDays('2025-01-01', 250))).toBe(250);
  });
  it('rejects bad input', () => {
    expect(() => calendar.addWorkingDays('2025-02-30', 1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2025-02-03', 1.5)).toThrow(RangeError);
    expect(() => calendar.isWorkingDay('03/02/2025')).toThrow(RangeError);
  });
});

describe('next, previous, between', () => {
  it('nextWorkingDay and previousWorkingDay are strict', () => {
    expect(calendar.nextWorkingDay('2024-04-26')).toBe('2024-05-02');
    expect(calendar.nextWorkingDay('2024-05-02')).toBe('2024-05-03');
    expect(calendar.previousWorkingDay('2024-05-06')).toBe('2024-05-04'); // Saturday worked by swap
    expect(calendar.previousWorkingDay('2024-05-02')).toBe('2024-04-26');
  });
  it('workingDaysBetween counts (from, to] forward and [to, from) backward', () => {
    expect(calendar.workingDaysBetween('2025-04-25', '2025-05-05')).toBe(4);
    expect(calendar.workingDaysBetween('2025-05-05', '2025-04-25')).toBe(-4);
    expect(calendar.workingDaysBetween('2025-05-05', '2025-05-05')).toBe(0);
    expect(calendar.workingDaysBetween('2025-05-02', '2025-05-03')).toBe(0);
    expect(calendar.workingDaysBetween('2025-05-02', '2025-05-05')).toBe(1);
  });
});

describe('rollForward (Bộ luật Dân sự, Điều 148 khoản 5)', () => {
  it('keeps a working day and moves a day off to the next working day', () => {
    expect(calendar.rollForward('2025-05-06')).toBe('2025-05-06');
    expect(calendar.rollForward('2025-04-30')).toBe('2025-05-05');
    expect(calendar.rollForward('2025-04-26')).toBe('2025-04-26');
    expect(calendar.rollForward('2023-01-21')).toBe('2023-01-27');
    expect(calendar.rollForward('2023-04-29')).toBe('2023-05-04');
    expect(calendar.rollForward('2026-08-29')).toBe('2026-09-03');
  });
});

describe('lastWorkingDayOfMonth', () => {
  it.each([
    [2025, 4, '2025-04-29'],
    [2024, 4, '2024-04-26'],
    [2026, 8, '2026-08-28'],
    [2025, 1, '2025-01-24'],
    [2025, 5, '2025-05-30'],
    [2023, 12, '2023-12-29'],
    [2024, 2, '2024-02-29'],
  ])('%i-%i → %s', (year, month, expected) => {
    expect(calendar.lastWorkingDayOfMonth(year, month)).toBe(expected);
  });
  it('rejects a month outside 1–12', () => {
    expect(() => calendar.lastWorkingDayOfMonth(2025, 13)).toThrow(RangeError);
  });
});

describe('overrides', () => {
  it('adds a program day off on a weekday', () => {
    const c = new WorkCalendar({ daysOff: [{ date: '2025-06-02', name: 'Nghỉ theo quyết định của UBND tỉnh' }] });
    expect(c.isWorkingDay('2025-06-02')).toBe(false);
    expect(c.isDayOff('2025-06-02')?.name).toBe('Nghỉ theo quyết định của UBND tỉnh');
    expect(c.addWorkingDays('2025-05-30', 1)).toBe('2025-06-03');
    const dates = c.year(2025).daysOff.map((d) => d.date);
    expect(dates).toContain('2025-06-02');
    expect([...dates].sort()).toEqual(dates);
    expect(calendar.isWorkingDay('2025-06-02')).toBe(true); // other instances unaffected
  });
  it('makes a decreed Saturday a working day', () => {
    const c = new WorkCalendar({ workingDays: ['2025-06-07'] });
    expect(c.isWorkingDay('2025-06-07')).toBe(true);
    expect(c.year(2025).workingSaturdays).toEqual(['2025-04-26', '2025-06-07']);
    expect(c.addWorkingDays('2025-06-06', 1)).toBe('2025-06-07');
    expect(c.workingDaysBetween('2025-06-06', '2025-06-09')).toBe(2);
  });
  it('lets a program work on a state day off, or take a swapped Saturday off', () => {
    const c = new WorkCalendar({ workingDays: ['2025-09-01'], daysOff: [{ date: '2025-04-26', name: 'Không làm bù' }] });
    expect(c.isWorkingDay('2025-09-01')).toBe(true);
    expect(c.isDayOff('2025-09-01')).toBeUndefined();
    expect(c.isWorkingDay('2025-04-26')).toBe(false);
    expect(c.year(2025).workingSaturdays).toEqual([]);
  });
  it('ignores an extra day off that is already a weekend and keeps the official name on a clash', () => {
    const c = new WorkCalendar({ daysOff: [{ date: '2025-06-08', name: 'Chủ nhật' }, { date: '2025-09-02', name: 'Trùng lễ' }] });
    expect(c.year(2025).daysOff).toHaveLength(12);
    expect(c.isDayOff('2025-09-02')?.name).toBe('Ngày Quốc khánh (2/9)');
  });
  it('rejects an override that is not a real date', () => {
    expect(() => new WorkCalendar({ workingDays: ['2025-02-30'] })).toThrow(RangeError);
    expect(() => new WorkCalendar({ daysOff: [{ date: '2025/06/02', name: 'x' }] })).toThrow(RangeError);
  });
});

describe('year()', () => {
  it('is cached and frozen', () => {
    const a = calendar.year(2025);
    expect(calendar.year(2025)).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    expect(Object.isFrozen(a.daysOff)).toBe(true);
    expect(() => (a.daysOff as unknown as unknown[]).push({})).toThrow(TypeError);
  });
  it('hasOfficialData only for years with a notice', () => {
    expect([2020, 2021, 2026, 2027].map((y) => calendar.hasOfficialData(y))).toEqual([false, true, true, false]);
  });
});

// A fixed-seed generator, so the sweep is the same on every run and machine.
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('properties over a deterministic pseudo-random sweep (2018–2032, |n| ≤ 80)', () => {
  const random = mulberry32(20250505);
  const cases: [IsoDate, number][] = [];
  for (let i = 0; i < 3000; i++) {
    const d = addDays('2018-01-01', Math.floor(random() * 15 * 365));
    let n = Math.floor(random() * 161) - 80;
    if (n === 0) n = 1;
    cases.push([d, n]);
  }
  const working = (d: IsoDate) => calendar.isWorkingDay(d);
  const lastWorkingOnOrBefore = (d: IsoDate) => (working(d) ? d : calendar.previousWorkingDay(d));

  it('never lands on a day off, and moves in the direction of n', () => {
    for (const [d, n] of cases) {
      const r = calendar.addWorkingDays(d, n);
      expect(working(r), `${d} ${n} → ${r}`).toBe(true);
      expect(calendar.isDayOff(r)).toBeUndefined();
      expect(n > 0 ? r > d : r < d).toBe(true);
    }
  });
  it('workingDaysBetween(d, addWorkingDays(d, n)) === n', () => {
    for (const [d, n] of cases) expect(calendar.workingDaysBetween(d, calendar.addWorkingDays(d, n)), `${d} ${n}`).toBe(n);
  });
  it('round trip: n > 0 returns to the last working day ≤ d, n < 0 to rollForward(d)', () => {
    for (const [d, n] of cases) {
      const back = calendar.addWorkingDays(calendar.addWorkingDays(d, n), -n);
      expect(back, `${d} ${n}`).toBe(n > 0 ? lastWorkingOnOrBefore(d) : calendar.rollForward(d));
      if (working(d)) expect(back).toBe(d);
    }
  });
  it('steps compose: addWorkingDays(addWorkingDays(d, a), b) === addWorkingDays(d, a + b) for a, b of the same sign', () => {
    for (const [d, n] of cases.slice(0, 1000)) {
      const a = Math.trunc(n / 2) || Math.sign(n);
      const b = n - a;
      if (b === 0 || Math.sign(a) !== Math.sign(b)) continue;
      expect(calendar.addWorkingDays(calendar.addWorkingDays(d, a), b), `${d} ${a}+${b}`).toBe(calendar.addWorkingDays(d, n));
    }
  });
  it('rollForward is the first working day on or after d', () => {
    for (const [d] of cases.slice(0, 1000)) {
      const r = calendar.rollForward(d);
      expect(working(r)).toBe(true);
      expect(calendar.workingDaysBetween(d, r)).toBe(working(d) ? 0 : 1);
    }
  });
});
