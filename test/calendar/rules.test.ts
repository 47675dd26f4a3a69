// The rules used for years without a notice: they must reproduce the official choices.
import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../calendar';
import { nationalDayExtraByRule, tetDaysByRule } from '../../calendar/holidays';
import { NOTICES } from '../../calendar/notices';

describe('rules for estimated years', () => {
  it.each(NOTICES.map((n) => [n.year, n] as const))('reproduce the %i notice (Tết days and 2/9 day)', (year, notice) => {
    expect(tetDaysByRule(year)).toEqual(notice.tet);
    expect(nationalDayExtraByRule(year)).toBe(notice.nationalDayExtra);
  });

  it('reproduce Tết 2020 (23–29/1/2020, 2 days before Tết): published before the 2021 notices', () => {
    expect(tetDaysByRule(2020)).toEqual(['2020-01-23', '2020-01-24', '2020-01-25', '2020-01-26', '2020-01-27']);
  });

  it('have no extra 2/9 day before the Labour Code 2019 took effect', () => {
    expect(nationalDayExtraByRule(2020)).toBeUndefined();
    expect(new WorkCalendar().year(2019).daysOff.map((d) => d.date)).not.toContain('2019-09-03');
  });

  it('mark years without a notice as estimated, with the rule as source', () => {
    const calendar = new WorkCalendar();
    for (const year of [2019, 2020, 2027, 2030, 2050]) {
      const y = calendar.year(year);
      expect(y.estimated).toBe(true);
      expect(calendar.hasOfficialData(year)).toBe(false);
      expect(y.workingSaturdays).toEqual([]);
      expect(y.sources.join(' ')).toMatch(/Ước tính/);
    }
  });

  it('estimate 2027: Tết Sat 6/2/2027 → 4–10/2 with two compensatory days; 2/9 Thu + 3/9', () => {
    const y = new WorkCalendar().year(2027);
    expect(y.daysOff.map((d) => d.date)).toEqual([
      '2027-01-01',
      '2027-02-04', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10',
      '2027-04-16',
      '2027-04-30', '2027-05-03',
      '2027-09-02', '2027-09-03',
    ]);
  });

  it('give every estimated year eleven holiday days, each either a weekday off or compensated', () => {
    const calendar = new WorkCalendar();
    for (let year = 2027; year <= 2100; year++) {
      expect(calendar.year(year).daysOff, String(year)).toHaveLength(11);
    }
  });
});
