// Reporting windows of Nghị định 09/2019/NĐ-CP art. 12, and the small helpers around them.
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { syntheticProgram } from '../../bench/plan';
import { parseProgram } from '../../program/parse';
import { compilePlan } from '../../program/plan';
import { periodWindows } from '../../program/periods';
import { closest, levenshtein } from '../../program/suggest';

describe('Nghị định 09 reporting windows', () => {
  it('monthly: 15th of the previous month to the 14th', () => {
    const m = periodWindows('monthly', 2026);
    expect(m).toHaveLength(12);
    expect(m[0]).toMatchObject({ key: '2026-M01', start: '2025-12-15', end: '2026-01-14' });
    expect(m[2]).toMatchObject({ key: '2026-M03', start: '2026-02-15', end: '2026-03-14' });
    expect(m[11]).toMatchObject({ key: '2026-M12', start: '2026-11-15', end: '2026-12-14' });
  });

  it('quarterly: 15th of the month before the quarter to the 14th of its last month', () => {
    expect(periodWindows('quarterly', 2026).map((w) => [w.key, w.start, w.end, w.label.vi])).toEqual([
      ['2026-Q1', '2025-12-15', '2026-03-14', 'quý I/2026'],
      ['2026-Q2', '2026-03-15', '2026-06-14', 'quý II/2026'],
      ['2026-Q3', '2026-06-15', '2026-09-14', 'quý III/2026'],
      ['2026-Q4', '2026-09-15', '2026-12-14', 'quý IV/2026'],
    ]);
  });

  it('6-month, 9-month and annual all open on 15/12 of the year before', () => {
    expect(periodWindows('six-month', 2021)).toMatchObject([{ key: '2021-H1', start: '2020-12-15', end: '2021-06-14' }]);
    expect(periodWindows('nine-month', 2021)).toMatchObject([{ key: '2021-9M', start: '2020-12-15', end: '2021-09-14' }]);
    expect(periodWindows('annual', 2021)).toMatchObject([{ key: '2021', start: '2020-12-15', end: '2021-12-14' }]);
  });
});

describe('did you mean', () => {
  it('measures edit distance', () => {
    expect(levenshtein('asignees', 'assignees')).toBe(1);
    expect(levenshtein('', 'abc')).toBe(3);
    expect(levenshtein('kitten', 'sitting')).toBe(3);
  });

  it('suggests only what reads as a typo', () => {
    expect(closest('asignees', ['assignees', 'title', 'kind'])).toBe('assignees');
    expect(closest('Kind', ['kind', 'title'])).toBe('kind');
    expect(closest('zzzz', ['assignees', 'title'])).toBeUndefined();
  });
});

describe('a generated national-style program', () => {
  it('validates from YAML text and compiles with every unit assigned', () => {
    const text = stringify(syntheticProgram(200));
    const result = parseProgram({ text, fileName: 'synthetic.yaml' });
    if (!result.ok) throw new Error(result.errors.map((e) => `${e.line}:${e.col}: ${e.path}: ${e.message}`).join('\n'));
    const plan = compilePlan(result.program);
    const monthly = plan.occurrences.filter((o) => o.itemId === 'bao-cao-thang');
    expect(monthly).toHaveLength(12);
    for (const o of monthly) expect(o.assignmentIds).toHaveLength(200);
    expect(plan.events.length).toBeGreaterThan(plan.assignments.length * 5);
  });
});

describe('choosing quarters or months, keys and English titles', () => {
  const file = (item: string): string => `program:
  id: thu-nghiem
  title: Chương trình thử nghiệm
  year: 2026
  issuer: Ban thử nghiệm
  office: van-phong
  chair: { name: Nguyễn Văn A, title: Trưởng ban, email: truongban@example.org }
  locale: en
units:
  - { id: van-phong, name: Văn phòng, kind: office, emails: [vanphong@example.org] }
  - { id: xa-a, name: UBND xã A, kind: commune, emails: [xa-a@example.org] }
items:
${item}`;
  const plan = (item: string) => {
    const r = parseProgram({ text: file(item), fileName: 'x.yaml' });
    if (!r.ok) throw new Error(r.errors.map((e) => `${e.line}:${e.col}: ${e.path}: ${e.message}`).join('\n'));
    return { plan: compilePlan(r.program), warnings: r.warnings };
  };

  it('`only: [Q1, Q3]` makes two quarterly occurrences beside the six-month and annual ones, without a warning', () => {
    const { plan: p, warnings } = plan(`  - id: bao-cao
    kind: report
    title: Báo cáo
    assignees: [xa-a]
    period: [quarterly, six-month, annual]
    only: [Q1, Q3]
`);
    expect(p.occurrences.map((o) => o.periodKey)).toEqual(['2026-Q1', '2026-Q3', '2026-H1', '2026']);
    expect(warnings.filter((w) => w.message.includes('cùng ngày chốt'))).toEqual([]);
  });

  it('without `only` the same item warns, naming the item and both clashes', () => {
    const { plan: p, warnings } = plan(`  - id: bao-cao
    kind: report
    title: Báo cáo
    assignees: [xa-a]
    period: [quarterly, six-month, annual]
`);
    expect(p.occurrences).toHaveLength(6);
    const w = warnings.find((d) => d.path === 'items[0].period');
    expect(w?.message).toContain('"bao-cao"');
    expect(w?.message).toContain('quý II/2026 (quarterly) và 6 tháng đầu năm 2026 (six-month)');
    expect(w?.message).toContain('quý IV/2026 (quarterly) và năm 2026 (annual)');
    expect(w?.message).toContain('only: [Q1, Q3]');
  });

  it('monthly + quarterly: keeps the quarters and suggests the months that do not close with one', () => {
    const { warnings } = plan(`  - id: bao-cao
    kind: report
    title: Báo cáo
    assignees: [xa-a]
    period: [monthly, quarterly]
`);
    const w = warnings.find((d) => d.path === 'items[0].period');
    expect(w?.message).toContain('tháng 3/2026 (monthly) và quý I/2026 (quarterly) cùng chốt số liệu 14/03/2026');
    expect(w?.message).toContain('only: [M01, M02, M04, M05, M07, M08, M10, M11]');
  });

  it('picks months of a monthly period', () => {
    const { plan: p } = plan(`  - id: bao-cao
    kind: report
    title: Báo cáo
    assignees: [xa-a]
    period: monthly
    only: [M01, M07]
`);
    expect(p.occurrences.map((o) => [o.periodKey, o.window])).toEqual([
      ['2026-M01', { start: '2025-12-15', end: '2026-01-14' }],
      ['2026-M07', { start: '2026-06-15', end: '2026-07-14' }],
    ]);
  });

  it('a custom window gets the same key form as the standard ones, and its English title', () => {
    const { plan: p } = plan(`  - id: mua-bao
    kind: report
    title: Báo cáo mùa bão
    assignees: [xa-a]
    windows:
      - { id: mua-bao, title: mùa mưa bão 2026, titleEn: 2026 storm season, from: 2026-08-01, to: 2026-11-30 }
      - { id: sau-bao, from: 2026-12-01, to: 2026-12-20 }
`);
    expect(p.occurrences.map((o) => [o.periodKey, o.label])).toEqual([
      ['2026-MUA-BAO', { vi: 'mùa mưa bão 2026', en: '2026 storm season' }],
      ['2026-SAU-BAO', { vi: '01/12/2026–20/12/2026', en: '2026-12-01 to 2026-12-20' }],
    ]);
    for (const o of p.occurrences) expect(o.periodKey).toMatch(/^\d{4}-[A-Z0-9]+(-[A-Z0-9]+)*$/);
  });
});
