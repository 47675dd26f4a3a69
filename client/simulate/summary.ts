// The closing account of a run: notices per kind, how many plan events were sent as planned,
// which units were late or missing, consolidations produced, acts refused.
import type { Plan } from '../../program/plan-types';
import type { Behaviour } from './behaviour';
import { compareWithPlan } from './compare';
import type { SimNotice } from './notices';
import type { SimulationRun } from './run';

export interface SimulationSummary {
  from: string;
  to: string;
  behaviour: Behaviour;
  seed: number;
  notices: number;
  byKind: Record<string, number>;
  /** Mail-sending plan events in the range, and how many were sent at their planned instant. */
  planned: number;
  sentAsPlanned: number;
  /** Notices whose plan uid and kind came from X-Dondoc headers (the rest: guessed from the key). */
  fromHeaders: number;
  assignments: number;
  submittedOnTime: number;
  late: { assignmentId: string; unitId: string }[];
  missing: { assignmentId: string; unitId: string }[];
  exempted: number;
  consolidations: number;
  actions: { done: number; refused: { kind: string; id: string; message: string }[] };
  elapsedSeconds: number;
}

export function summarize(plan: Plan, run: SimulationRun, notices: readonly SimNotice[], o: { from: string; to: string; behaviour: Behaviour; seed: number }): SimulationSummary {
  const byKind: Record<string, number> = {};
  for (const n of notices) byKind[n.kind] = (byKind[n.kind] ?? 0) + 1;
  const comparison = compareWithPlan(plan, notices, run.startMs, run.endMs);
  // Assignments whose due falls in the range: the ones a unit could be late for or miss.
  const due = plan.assignments.filter((a) => !a.visit && Date.parse(a.due.at) >= run.startMs && Date.parse(a.due.at) < run.endMs);
  const late: SimulationSummary['late'] = [];
  const missing: SimulationSummary['missing'] = [];
  let onTime = 0;
  for (const a of due) {
    const s = run.submitted.get(a.id);
    if (s?.late) late.push({ assignmentId: a.id, unitId: a.unitId });
    else if (s) onTime++;
    else if (!run.exempted.has(a.id)) missing.push({ assignmentId: a.id, unitId: a.unitId });
  }
  return {
    ...o,
    notices: notices.length,
    byKind,
    planned: comparison.expected,
    sentAsPlanned: comparison.matched,
    fromHeaders: notices.filter((n) => n.source === 'headers').length,
    assignments: due.length,
    submittedOnTime: onTime,
    late,
    missing,
    exempted: due.filter((a) => run.exempted.has(a.id)).length,
    consolidations: run.messages.filter((m) => /\/consolidation-\d+$/.test(m.headers['x-dondoc-key'] ?? '')).length,
    actions: {
      done: run.actionsDone,
      refused: run.failures.map((f) => ({ kind: f.action.kind, id: 'assignmentId' in f.action ? f.action.assignmentId : f.action.occurrenceId, message: f.message })),
    },
    elapsedSeconds: Math.round(run.elapsedMs / 100) / 10,
  };
}
