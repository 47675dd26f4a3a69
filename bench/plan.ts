// Plan compile time: the seed program, and a synthetic national one (3,400 units × 10 items
// over a year), generated here so the figure does not depend on any file. Target: < 1 s.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { parseProgram } from '../program/parse';
import { compilePlan } from '../program/plan';
import type { Program } from '../program/types';

const UNITS = 3400;

/** A national-scale program as a plain value, the way a YAML file would parse. */
export function syntheticProgram(units = UNITS, year = 2026): Record<string, unknown> {
  const unitList = Array.from({ length: units }, (_, i) => ({
    id: `don-vi-${i + 1}`,
    name: `Đơn vị số ${i + 1}`,
    kind: i < 40 ? 'department' : 'commune',
    emails: [`vanphong@don-vi-${i + 1}.example.org`],
    head: { title: 'Thủ trưởng đơn vị', email: `thutruong@don-vi-${i + 1}.example.org` },
    groups: [i < 40 ? 'bo-nganh' : 'dia-phuong'],
  }));
  const all = ['bo-nganh', 'dia-phuong'];
  const visits = Array.from({ length: 100 }, (_, i) => ({ unit: `don-vi-${41 + i}`, date: `${year}-09-${String(1 + (i % 28)).padStart(2, '0')}` }));
  return {
    program: {
      id: `quoc-gia-${year}`,
      title: `Chương trình quốc gia tổng hợp năm ${year} (tổng hợp để đo hiệu năng)`,
      year,
      issuer: 'Ban Chỉ đạo quốc gia (giả định)',
      office: 'don-vi-1',
      chair: { name: 'Trưởng ban', title: 'Trưởng ban', email: 'truongban@example.org' },
      upward: [{ id: 'chinh-phu', name: 'Chính phủ', email: 'vpcp@example.org' }],
    },
    groups: [
      { id: 'bo-nganh', name: 'Bộ, ngành' },
      { id: 'dia-phuong', name: 'Địa phương' },
    ],
    units: unitList,
    items: [
      { id: 'bao-cao-thang', kind: 'report', title: 'Báo cáo tháng', assignees: all, period: 'monthly', consolidation: {} },
      { id: 'bao-cao-quy', kind: 'report', title: 'Báo cáo quý', assignees: all, period: 'quarterly', consolidation: {} },
      { id: 'bao-cao-6-thang', kind: 'report', title: 'Báo cáo 6 tháng', assignees: all, period: 'six-month', consolidation: {} },
      { id: 'bao-cao-9-thang', kind: 'report', title: 'Báo cáo 9 tháng', assignees: all, period: 'nine-month' },
      { id: 'bao-cao-nam', kind: 'report', title: 'Báo cáo năm', assignees: all, period: 'annual', consolidation: {} },
      { id: 'mua-mua-bao', kind: 'report', title: 'Báo cáo mùa mưa bão', assignees: ['dia-phuong'], windows: [{ id: 'mua-bao', from: `${year}-08-01`, to: `${year}-11-30` }] },
      { id: 'thang-hanh-dong', kind: 'campaign', title: 'Tháng hành động', assignees: all, start: `${year}-11-15`, end: `${year}-12-15`, plans: { workingDays: 5, before: 'windowStart' } },
      { id: 'ke-hoach', kind: 'task', title: 'Kế hoạch năm', assignees: all, due: `${year}-03-31` },
      { id: 'tap-huan', kind: 'task', title: 'Tập huấn', assignees: ['dia-phuong'], start: `${year}-05-04`, due: { workingDays: 30, after: 'windowStart' } },
      { id: 'kiem-tra', kind: 'inspection', title: 'Kiểm tra', plan: `${year}-07-15`, rounds: [{ id: 'dot-1', visits }] },
    ],
  };
}

function time<T>(fn: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = fn();
  return { value, ms: performance.now() - start };
}

function fig(ms: number): string {
  return `${ms.toFixed(1)} ms`;
}

export async function benchPlan(): Promise<void> {
  const seedPath = join(__dirname, '..', 'programs', 'vstbpn-trieu-son-2021.yaml');
  const seedText = readFileSync(seedPath, 'utf8');
  const seedLoad = time(() => parseProgram({ text: seedText, fileName: seedPath }));
  if (!seedLoad.value.ok) throw new Error('the seed program does not validate');
  const seedProgram: Program = seedLoad.value.program;
  compilePlan(seedProgram); // warm-up: luxon and the calendar fill their caches
  const seedPlan = time(() => {
    const plan = compilePlan(seedProgram);
    void plan.events.length;
    return plan;
  });
  console.log(
    `plan: seed (vstbpn-trieu-son-2021): validate ${fig(seedLoad.ms)}, compile with all events ${fig(seedPlan.ms)} — ` +
      `${seedPlan.value.occurrences.length} occurrences, ${seedPlan.value.assignments.length} assignments, ${seedPlan.value.events.length} events`,
  );

  const text = stringify(syntheticProgram());
  const load = time(() => parseProgram({ text, fileName: 'synthetic.yaml' }));
  if (!load.value.ok) throw new Error(`the synthetic program does not validate: ${load.value.errors[0]?.message ?? ''}`);
  const program = load.value.program;
  const plan = time(() => compilePlan(program));
  const events = time(() => plan.value.events.length);
  const total = plan.ms + events.ms;
  const verdict = total < 1000 ? 'OK' : 'SLOW';
  console.log(
    `plan: synthetic national (${UNITS} units × ${program.items.length} items, ${(text.length / 1024).toFixed(0)} KiB YAML): ` +
      `validate ${fig(load.ms)}; compile ${fig(plan.ms)} (occurrences, assignments) + ${fig(events.ms)} (every event) = ${fig(total)} ` +
      `[${verdict}, target < 1000 ms] — ${plan.value.occurrences.length} occurrences, ${plan.value.assignments.length} assignments, ${events.value} events`,
  );
  await Promise.resolve();
}
