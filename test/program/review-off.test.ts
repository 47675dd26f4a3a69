// `review: false` on an item, from the program file to what the workflows receive: the plan
// (`dondoc plan --format json`) shows it, every assignment of the item carries it, items
// without it carry nothing (they wait for the office as before), and `dondoc simulate` does not
// have the office review what needs no review.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProgramIndex } from '../../activities/plan/occurrence-inputs';
import { buildScript } from '../../client/simulate/behaviour';
import { loadProgram } from '../../program/load';
import { compilePlan } from '../../program/plan';
import type { Program } from '../../program/types';
import { assignmentInputSchema } from '../../workflows/assignment/messages';

function load(name: string): Program {
  const result = loadProgram(join(__dirname, '..', '..', 'programs', name));
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.program;
}

// Its monthly disaster report says `review: false`; the other items say nothing about review
// and the program has no default review.
const program = load('phong-chong-thien-tai-example-2026.yaml');
const plan = compilePlan(program);
const index = new ProgramIndex(program, plan);

describe('review: false in the plan and the assignment inputs', () => {
  it('shows review: false on the occurrences of that item only', () => {
    const monthly = plan.occurrences.filter((o) => o.itemId === 'bao-cao-thang');
    expect(monthly.length).toBeGreaterThan(0);
    for (const o of monthly) expect(o.review).toBe(false);
    for (const o of plan.occurrences.filter((o) => o.itemId !== 'bao-cao-thang')) expect(o).not.toHaveProperty('review');
    // The JSON the plan command prints.
    expect(JSON.parse(JSON.stringify(monthly[0])) as unknown).toMatchObject({ review: false });
  });

  it('gives every assignment of that item review: false, and the others no review field', () => {
    for (const o of plan.occurrences) {
      for (const a of index.assignments(o)) {
        const checked = assignmentInputSchema.parse(a.input);
        if (o.itemId === 'bao-cao-thang') expect(checked.review).toBe(false);
        else expect(a.input).not.toHaveProperty('review');
      }
    }
  });

  it('keeps a reviewing program unchanged: the seed reviews everything through its defaults', () => {
    const seed = load('vstbpn-trieu-son-2021.yaml');
    const seedPlan = compilePlan(seed);
    const seedIndex = new ProgramIndex(seed, seedPlan);
    for (const o of seedPlan.occurrences) {
      expect(o.review).toMatchObject({ reviewer: 'office' });
      for (const a of seedIndex.assignments(o)) expect(a.input).not.toHaveProperty('review');
    }
  });
});

describe('simulate: the office does not review an item without review', () => {
  for (const behaviour of ['on-time', 'mixed'] as const) {
    it(`${behaviour}: no accept or return, one submission per assignment of that item`, () => {
      const { actions } = buildScript(program, plan, behaviour, 7);
      const monthly = new Set(plan.occurrences.filter((o) => o.itemId === 'bao-cao-thang').map((o) => o.id));
      const of = actions.filter((a) => monthly.has(a.occurrenceId) && a.kind !== 'approve');
      expect(of.some((a) => a.kind === 'submit')).toBe(true);
      expect(of.filter((a) => a.kind === 'accept' || a.kind === 'return')).toEqual([]);
      const submits = of.filter((a) => a.kind === 'submit').map((a) => ('assignmentId' in a ? a.assignmentId : ''));
      expect(new Set(submits).size).toBe(submits.length);
      // Items with review are still reviewed.
      expect(actions.some((a) => !monthly.has(a.occurrenceId) && a.kind === 'accept')).toBe(true);
    });
  }
});
