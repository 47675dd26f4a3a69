// A change to the calendar data (next year's official notice, a new day off) or to the plan
// compiler must never change what a running workflow replays: workflows receive their
// instants resolved, and do not carry the calendar or the compiler in their bundle at all.
// A program applied after such a change uses it.
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../calendar';
import { compilePlan } from '../../program/plan';
import { recordedHistories } from '../support/histories';
import { workflowBundle } from '../support/temporal';
import { loadTestProgram } from './program-fixture';

describe('calendar data and replay', () => {
  it('keeps the calendar and the plan compiler out of the workflow bundle', async () => {
    const { code } = await workflowBundle();
    // The bundle's module map names every source file it evaluates.
    const modules = [...code.matchAll(/\/\*\*\*\/ "\.\/([^"]+)"/g)].map((m) => m[1]!).filter((m) => !m.includes('node_modules'));
    expect(modules).toContain('workflows/assignment/assignment.ts');
    expect(modules.filter((m) => m.startsWith('calendar/') || m.startsWith('program/'))).toEqual([]);
  });

  it('replays histories recorded before a day off is added, and plans with the new day off after it', async () => {
    const program = loadTestProgram('bao-cao-6-thang-12-don-vi.yaml');
    const before = compilePlan(program);
    // The change: an official day off on the due date of the first assignment.
    const first = before.assignments[0]!;
    const calendar = new WorkCalendar({ daysOff: [{ date: first.due.date, name: 'Ngày nghỉ bổ sung (thử nghiệm)' }] });
    const after = compilePlan(program, { calendar });
    const moved = after.assignments.find((a) => a.id === first.id)!;
    expect(moved.due.date > first.due.date).toBe(true);

    // What was recorded under the old data still replays: the instants are in the history.
    const histories = recordedHistories();
    const cycle = histories.find((h) => h.workflowId === 'report-cycle-six-month')!;
    const started = JSON.stringify(cycle.history.events?.[0]?.workflowExecutionStartedEventAttributes?.input ?? {});
    expect(started.length).toBeGreaterThan(0);
    const results: string[] = [];
    for await (const result of Worker.runReplayHistories({ workflowBundle: await workflowBundle() }, [cycle])) {
      if (result.error) results.push(String(result.error));
    }
    expect(results).toEqual([]);
  });
});
