import { describe, expect, it } from 'vitest';
import { addDays, compareIsoDates, dayNumber, fromDayNumber, isIsoDate, lastDayOfMonth, weekday } from '../../calendar/dates';

describe('isIsoDate', () => {
  it('accepts real dates in the strict form', () => {
    for (const d of ['2024-02-29', '2000-02-29', '1999-12-31', '0001-01-01', '9999-12-31']) expect(isIsoDate(d)).toBe(true);
  });
  it('rejects impossible dates and loose forms', () => {
    for (const d of ['2023-02-29', '1900-02-29', '2025-04-31', '2025-13-01', '2025-00-10', '2025-01-00', '2025-1-5', '25-01-05', '2025-01-05T00:00', ' 2025-01-05', '2025/01/05', '', '0000-01-01']) {
      expect(isIsoDate(d), d).toBe(false);
    }
  });
});

describe('day arithmetic', () => {
  it('agrees with Date.UTC over a wide range, day by day', () => {
    // Tests may use Date; the calendar itself may not.
    const mismatches: string[] = [];
    for (let n = dayNumber('1899-12-25'); n <= dayNumber('2101-01-05'); n += 1) {
      const iso = new Date(n * 86_400_000).toISOString().slice(0, 10);
      if (fromDayNumber(n) !== iso || dayNumber(iso) !== n) mismatches.push(iso);
    }
    expect(mismatches).toEqual([]);
  });
  it('adds days across months, leap days and years', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2025-05-05', 0)).toBe('2025-05-05');
    expect(addDays('2000-03-01', -366)).toBe('1999-03-01');
    expect(() => addDays('2025-05-05', 1.5)).toThrow(RangeError);
    expect(() => addDays('2025-02-30', 1)).toThrow(RangeError);
  });
  it('gives ISO weekdays, Monday = 1', () => {
    expect(weekday('2025-05-05')).toBe(1);
    expect(weekday('2026-02-17')).toBe(2);
    expect(weekday('1970-01-01')).toBe(4);
    expect(weekday('2025-04-26')).toBe(6);
    expect(weekday('2023-01-22')).toBe(7);
  });
  it('compares and finds month ends', () => {
    expect(compareIsoDates('2025-01-02', '2025-01-10')).toBeLessThan(0);
    expect(compareIsoDates('2025-01-10', '2025-01-10')).toBe(0);
    expect(lastDayOfMonth(2024, 2)).toBe('2024-02-29');
    expect(lastDayOfMonth(2025, 4)).toBe('2025-04-30');
  });
});
