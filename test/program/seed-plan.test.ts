// The seed program's plan against dates worked out by hand from the 2021 calendar:
// weekends, Giỗ Tổ 21/4, 30/4 (Fri) + 1/5 (Sat, compensated Mon 3/5), 2/9 (Thu) + 3/9 (Fri).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { envSchema } from '../../config/env';
import { sumIndicators } from '../../activities/reports/summary';
import { ProgramIndex } from '../../activities/plan/occurrence-inputs';
import { loadProgram } from '../../program/load';
import { compilePlan } from '../../program/plan';
import type { Plan, PlannedEvent } from '../../program/plan-types';
import type { Program } from '../../program/types';

const SEED = join(__dirname, '..', '..', 'programs', 'vstbpn-trieu-son-2021.yaml');
const P = 'vstbpn-trieu-son-2021';

function load(file: string): Program {
  const result = loadProgram(file);
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.line}:${e.col}: ${e.path}: ${e.message}`).join('\n'));
  return result.program;
}

const program = load(SEED);
const plan: Plan = compilePlan(program);
const byUid = new Map<string, PlannedEvent>(plan.events.map((e) => [e.uid, e]));

function at(uid: string): string {
  const e = byUid.get(uid);
  if (!e) throw new Error(`no event ${uid}`);
  return e.at;
}

describe('seed program (vstbpn-trieu-son-2021)', () => {
  it('validates without errors or warnings', () => {
    const result = loadProgram(SEED);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.warnings).toEqual([]);
  });

  it('assigns the member departments, mass organisations and the 32 communes', () => {
    const occ = plan.occurrences.find((o) => o.id === `${P}/bao-cao-6-thang/2021-H1`);
    // 5 departments (III.2–III.6) + 5 mass organisations + 2 towns and 30 communes.
    expect(occ?.assignmentIds).toHaveLength(42);
    expect(occ?.window).toEqual({ start: '2020-12-15', end: '2021-06-14' });
    expect(occ?.forwardTo).toEqual(['ubnd-huyen', 'ban-tinh']);
    expect(occ?.indicators.map((i) => i.id)).toContain('so-nu');
  });

  it('6-month report: due 3 working days after closing 14/6/2021, reminders, escalations, consolidation', () => {
    const a = `${P}/bao-cao-6-thang/2021-H1/tho-dan`;
    // Closing Mon 14/6 → Tue 15 (1), Wed 16 (2), Thu 17 (3).
    expect(at(`${a}/due`)).toBe('2021-06-17T17:00:00+07:00');
    // 3 working days before Thu 17/6: Wed 16, Tue 15, Mon 14 — the reminder lands on the
    // Monday after the weekend of 12–13/6.
    expect(at(`${a}/reminder-1`)).toBe('2021-06-14T08:00:00+07:00');
    expect(at(`${a}/reminder-2`)).toBe('2021-06-16T08:00:00+07:00');
    // 10 working days before 17/6: 16, 15, 14, 11, 10, 9, 8, 7, 4, 3 → Thu 3/6.
    expect(at(`${a}/request`)).toBe('2021-06-03T08:00:00+07:00');
    // After the due: +1 Fri 18/6; +3: 18, 21, 22 → Tue 22/6; +5: 23, 24 → Thu 24/6.
    expect(at(`${a}/escalation-1`)).toBe('2021-06-18T08:00:00+07:00');
    expect(at(`${a}/escalation-2`)).toBe('2021-06-22T08:00:00+07:00');
    expect(at(`${a}/escalation-3`)).toBe('2021-06-24T08:00:00+07:00');
    expect(byUid.get(`${a}/escalation-3`)?.audience).toBe('chair');
    // Consolidation 2 working days after 17/6: Fri 18, Mon 21; approval +1 Tue 22; forward +1 Wed 23.
    const o = `${P}/bao-cao-6-thang/2021-H1`;
    expect(at(`${o}/consolidation`)).toBe('2021-06-21T17:00:00+07:00');
    expect(at(`${o}/approval`)).toBe('2021-06-22T17:00:00+07:00');
    expect(at(`${o}/forward`)).toBe('2021-06-23T17:00:00+07:00');
  });

  it('annual report: closing Tue 14/12/2021 + 3 working days = Fri 17/12', () => {
    const a = `${P}/bao-cao-nam/2021/hoi-lhpn`;
    expect(at(`${a}/due`)).toBe('2021-12-17T17:00:00+07:00');
    // +1 working day after Fri 17/12 is Mon 20/12.
    expect(at(`${a}/escalation-1`)).toBe('2021-12-20T08:00:00+07:00');
    // Consolidation: Mon 20 (1), Tue 21 (2); approval Wed 22; forward Thu 23.
    expect(at(`${P}/bao-cao-nam/2021/consolidation`)).toBe('2021-12-21T17:00:00+07:00');
    expect(at(`${P}/bao-cao-nam/2021/forward`)).toBe('2021-12-23T17:00:00+07:00');
  });

  it('III.3 quarterly update: Q1 data 15/12/2020–14/3/2021 (Sun), due Wed 17/3, one reminder Mon 15/3', () => {
    const a = `${P}/bien-dong-can-bo-nu/2021-Q1/noi-vu`;
    // Closing Sun 14/3 → Mon 15 (1), Tue 16 (2), Wed 17 (3).
    expect(at(`${a}/due`)).toBe('2021-03-17T17:00:00+07:00');
    expect(at(`${a}/reminder-1`)).toBe('2021-03-15T08:00:00+07:00');
    expect(plan.occurrences.filter((o) => o.itemId === 'bien-dong-can-bo-nu').map((o) => o.periodKey)).toEqual([
      '2021-Q1',
      '2021-Q2',
      '2021-Q3',
      '2021-Q4',
    ]);
  });

  it('a deadline rolled past 2/9: visit Tue 3/8/2021 + 30 days = Thu 2/9 (National Day) → Mon 6/9', () => {
    const a = `${P}/kiem-tra/2021-dot-1/tho-dan`;
    // 2/9 and 3/9/2021 are days off, 4–5/9 the weekend: the period ends Mon 6/9 (Civil Code art. 148).
    expect(at(`${a}/due`)).toBe('2021-09-06T17:00:00+07:00');
    // Notice 5 working days before Tue 3/8: Mon 2/8, Fri 30/7, Thu 29, Wed 28, Tue 27/7.
    expect(at(`${a}/notice`)).toBe('2021-07-27T08:00:00+07:00');
    expect(at(`${a}/visit`)).toBe('2021-08-03T08:00:00+07:00');
    // Findings 10 working days after 3/8: 4, 5, 6, 9, 10, 11, 12, 13, 16, 17 → Tue 17/8.
    expect(at(`${a}/findings`)).toBe('2021-08-17T17:00:00+07:00');
    // The unit is reminded the working day before the visit, at the notice time.
    expect(at(`${a}/visit-reminder`)).toBe('2021-08-02T08:00:00+07:00');
    // Remediation items get their dues (and follow-ups) from the findings, not from the plan.
    expect(byUid.has(`${a}/reminder-1`)).toBe(false);
    expect(byUid.has(`${a}/escalation-1`)).toBe(false);
    expect(at(`${P}/kiem-tra/2021-plan/ldtbxh/due`)).toBe('2021-07-15T17:00:00+07:00');
  });

  it('a request counted back across 30/4–3/5 and Giỗ Tổ: 10 working days before Fri 14/5/2021 is Wed 28/4', () => {
    // 13, 12, 11, 10 (4); 7, 6, 5, 4 (8); 3/5 compensatory day off, 1–2/5 weekend, 30/4 holiday;
    // Thu 29/4 (9), Wed 28/4 (10).
    expect(at(`${P}/tap-huan-ung-cu-vien/2021/noi-vu/request`)).toBe('2021-04-28T08:00:00+07:00');
    expect(at(`${P}/tap-huan-ung-cu-vien/2021/noi-vu/due`)).toBe('2021-05-14T17:00:00+07:00');
  });

  it('Action Month 15/11–15/12/2021: plans, launch, check-in, end, results, consolidation', () => {
    const o = `${P}/thang-hanh-dong/2021-campaign`;
    const a = `${o}/xuan-tho`;
    // Plans 5 working days before Mon 15/11: Fri 12, Thu 11, Wed 10, Tue 9, Mon 8/11.
    expect(at(`${a}/plans-due`)).toBe('2021-11-08T17:00:00+07:00');
    // The request goes 5 working days before the plans: Mon 1/11.
    expect(at(`${a}/request`)).toBe('2021-11-01T08:00:00+07:00');
    expect(at(`${o}/launch`)).toBe('2021-11-15T08:00:00+07:00');
    // Midpoint: 15/11 + 15 days = Tue 30/11.
    expect(at(`${o}/check-in`)).toBe('2021-11-30T08:00:00+07:00');
    expect(at(`${o}/campaign-end`)).toBe('2021-12-15T17:00:00+07:00');
    // Results 5 working days after Wed 15/12: 16, 17, 20, 21, 22 → Wed 22/12.
    expect(at(`${a}/due`)).toBe('2021-12-22T17:00:00+07:00');
    // Consolidation Thu 23 (1), Fri 24 (2); approval Mon 27; forward Tue 28 to the provincial committee.
    expect(at(`${o}/consolidation`)).toBe('2021-12-24T17:00:00+07:00');
    expect(at(`${o}/approval`)).toBe('2021-12-27T17:00:00+07:00');
    expect(at(`${o}/forward`)).toBe('2021-12-28T17:00:00+07:00');
    expect(plan.occurrences.find((x) => x.id === o)?.forwardTo).toEqual(['ban-tinh']);
  });

  it('ids are stable, unique and URL-safe', () => {
    const uids = plan.events.map((e) => e.uid);
    expect(new Set(uids).size).toBe(uids.length);
    const ids = [...plan.occurrences.map((o) => o.id), ...plan.assignments.map((a) => a.id), ...uids];
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9-]+(\/[A-Za-z0-9-]+)+$/);
    expect(plan.assignments[0]?.id.startsWith(`${P}/`)).toBe(true);
    for (const a of plan.assignments) expect(a.id).toBe(`${a.occurrenceId}/${a.unitId}`);
  });

  it('is deterministic: two compiles give the same JSON', () => {
    expect(JSON.stringify(compilePlan(program))).toBe(JSON.stringify(plan));
  });

  it('every instant carries the +07:00 offset and its local date', () => {
    for (const e of plan.events) {
      expect(e.at.startsWith(`${e.date}T${e.time}:00`)).toBe(true);
      expect(e.at.endsWith('+07:00')).toBe(true);
    }
  });
});

describe('the 2026 district program (kept as a fixture: the default until the 2025 reform was encoded)', () => {
  const p2026 = load(join(__dirname, '..', 'fixtures', 'programs', 'vstbpn-trieu-son-2026.yaml'));
  const plan2026 = compilePlan(p2026);
  const find = (uid: string): string | undefined => plan2026.events.find((e) => e.uid === uid)?.at;
  const P26 = 'vstbpn-trieu-son-2026';

  it('Action Month 15/11 (a Sunday) – 15/12/2026', () => {
    const o = `${P26}/thang-hanh-dong/2026-campaign`;
    // Plans 5 working days before Sun 15/11: Fri 13, Thu 12, Wed 11, Tue 10, Mon 9/11.
    expect(find(`${o}/tho-dan/plans-due`)).toBe('2026-11-09T17:00:00+07:00');
    expect(find(`${o}/launch`)).toBe('2026-11-15T08:00:00+07:00');
    // 15/11 + 15 days = Mon 30/11/2026: the day after "today" in the demo (29/11).
    expect(find(`${o}/check-in`)).toBe('2026-11-30T08:00:00+07:00');
    // Tue 15/12 + 5 working days: 16, 17, 18, 21, 22 → Tue 22/12.
    expect(find(`${o}/tho-dan/due`)).toBe('2026-12-22T17:00:00+07:00');
  });

  it('annual report: closing Mon 14/12/2026 → due Thu 17/12', () => {
    expect(find(`${P26}/bao-cao-nam/2026/tho-dan/due`)).toBe('2026-12-17T17:00:00+07:00');
  });

  it('an escalation across New Year: 29/12/2026 + 3 working days skips 1/1/2027 → Mon 4/1/2027', () => {
    // Wed 30 (1), Thu 31 (2), Fri 1/1 off, weekend, Mon 4/1 (3).
    expect(find(`${P26}/hoi-nghi-tong-ket/2026/ldtbxh/escalation-2`)).toBe('2027-01-04T08:00:00+07:00');
  });
});

describe('the 2026 provincial program (what `npm start` applies)', () => {
  const ROOT = join(__dirname, '..', '..');
  const file = envSchema.parse({}).DONDOC_PROGRAM;
  const result = loadProgram(join(ROOT, file));
  const p = load(join(ROOT, file));
  const plan26 = compilePlan(p);
  const P26 = 'vstbpn-thanh-hoa-2026';
  const find = (uid: string): string | undefined => plan26.events.find((e) => e.uid === uid)?.at;

  it('is the default program file, and validates without errors or warnings', () => {
    expect(file).toBe('programs/vstbpn-thanh-hoa-2026.yaml');
    expect(existsSync(join(ROOT, file))).toBe(true);
    expect(result.ok && result.warnings).toEqual([]);
  });

  it('is organised as after the 2025 reform: Sở Nội vụ as standing office, communes and wards, no district, no thị trấn', () => {
    expect(p.program.office).toBe('so-noi-vu');
    expect(p.program.upward.map((u) => u.id)).toEqual(['ubnd-tinh', 'bo-noi-vu']);
    const names = p.units.map((u) => u.name);
    expect(names.filter((n) => /huyện|thị trấn|Lao động - Thương binh/.test(n))).toEqual([]);
    const communes = p.units.filter((u) => u.kind === 'commune');
    expect(communes.length).toBeGreaterThanOrEqual(15);
    expect(communes.length).toBeLessThanOrEqual(25);
    for (const c of communes) expect(c.name).toMatch(/^UBND (xã|phường) /);
    // Every unit has a head, so the unit-head escalation step always has somewhere to go.
    expect(p.units.filter((u) => !u.head)).toEqual([]);
  });

  it('asks the communes for quarters I and III only (II and IV are in the six-month and annual reports)', () => {
    const quarters = plan26.occurrences.filter((o) => o.itemId === 'bao-cao-quy-bao-luc-gioi').map((o) => o.periodKey);
    expect(quarters).toEqual(['2026-Q1', '2026-Q3']);
    // Q1 closes Sat 14/3/2026: + 3 working days = Wed 18/3.
    expect(find(`${P26}/bao-cao-quy-bao-luc-gioi/2026-Q1/trieu-son/due`)).toBe('2026-03-18T17:00:00+07:00');
  });

  it('Action Month 15/11 (a Sunday) – 15/12/2026, and the annual report due Thu 17/12', () => {
    const o = `${P26}/thang-hanh-dong/2026-campaign`;
    expect(find(`${o}/hac-thanh/plans-due`)).toBe('2026-11-09T17:00:00+07:00');
    expect(find(`${o}/check-in`)).toBe('2026-11-30T08:00:00+07:00');
    expect(find(`${o}/hac-thanh/due`)).toBe('2026-12-22T17:00:00+07:00');
    expect(find(`${P26}/bao-cao-nam/2026/so-y-te/due`)).toBe('2026-12-17T17:00:00+07:00');
  });

  it('weights the share of women by staff numbers instead of summing percentages, all the way to the consolidation', () => {
    const item = p.items.find((i) => i.id === 'bao-cao-6-thang');
    expect(item?.indicators?.find((i) => i.id === 'ty-le-nu')).toMatchObject({ measure: '%', aggregate: 'weighted-average', weight: 'tong-so-can-bo' });
    // What the workflows hand to the report activities: the same rule, with the default made explicit.
    const index = new ProgramIndex(p, plan26);
    const occurrence = plan26.occurrences.find((o) => o.id === `${P26}/bao-cao-6-thang/2026-H1`);
    const planned = plan26.assignments.find((a) => a.occurrenceId === occurrence?.id);
    if (!occurrence || !planned) throw new Error('no six-month occurrence');
    const fields = index.assignmentInput(occurrence, planned).indicators ?? [];
    expect(fields.find((f) => f.id === 'ty-le-nu')).toMatchObject({ unit: '%', aggregate: 'weighted-average', weight: 'tong-so-can-bo' });
    expect(fields.find((f) => f.id === 'so-nu')).toMatchObject({ aggregate: 'sum' });
    const row = (unitId: string, staff: number, women: number, rate: number) => ({
      unitId, unitName: unitId, status: 'on-time' as const, accepted: true, dueAt: '2026-06-17T17:00:00+07:00', rounds: 1,
      indicators: { 'tong-so-can-bo': staff, 'so-nu': women, 'ty-le-nu': rate },
    });
    const totals = sumIndicators(fields, [row('so-y-te', 1200, 840, 70), row('trieu-son', 40, 12, 30)]);
    expect(totals).toMatchObject({ 'tong-so-can-bo': 1240, 'so-nu': 852, 'ty-le-nu': 68.709677419 });
  });

  it('an escalation across New Year: 29/12/2026 + 3 working days skips 1/1/2027 → Mon 4/1/2027', () => {
    expect(find(`${P26}/hoi-nghi-tong-ket/2026/so-noi-vu/escalation-2`)).toBe('2027-01-04T08:00:00+07:00');
  });
});

describe('the second example (another committee, monthly reports)', () => {
  const example = load(join(__dirname, '..', '..', 'programs', 'phong-chong-thien-tai-example-2026.yaml'));
  const p = compilePlan(example);

  it('has twelve monthly occurrences with Nghị định 09 windows', () => {
    const months = p.occurrences.filter((o) => o.itemId === 'bao-cao-thang');
    expect(months.map((o) => o.periodKey)).toEqual(Array.from({ length: 12 }, (_, i) => `2026-M${String(i + 1).padStart(2, '0')}`));
    expect(months[0]?.window).toEqual({ start: '2025-12-15', end: '2026-01-14' });
    expect(months[4]?.window).toEqual({ start: '2026-04-15', end: '2026-05-14' });
  });

  it('counts calendar-day reminders back off days off', () => {
    // M05: closing Thu 14/5/2026 + 2 working days = Mon 18/5; 2 calendar days before is
    // Sat 16/5, moved back to Fri 15/5 so the reminder still comes first.
    const a = 'pctt-nghe-an-2026/bao-cao-thang/2026-M05/so-y-te';
    expect(p.events.find((e) => e.uid === `${a}/due`)?.at).toBe('2026-05-18T16:30:00+07:00');
    expect(p.events.find((e) => e.uid === `${a}/reminder-1`)?.at).toBe('2026-05-15T07:30:00+07:00');
  });
});
