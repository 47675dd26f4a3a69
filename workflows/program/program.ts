// programWorkflow: one per program-year. It holds the applied program, compiles its plan,
// starts each occurrence's workflow when its first event comes, and reconfigures running
// occurrences when an edited file is applied. Occurrence workflows outlive it (ABANDON),
// so it can continue-as-new to keep its own history short.
import {
  allHandlersFinished,
  condition,
  continueAsNew,
  getExternalWorkflowHandle,
  ParentClosePolicy,
  patched,
  setHandler,
  startChild,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { compilePlan } from '../../program/plan';
import type { Occurrence, Plan, Program } from '../../program/types';
import { toLocalIso } from '../assignment/schedule';
import type { OccurrenceInput } from '../occurrence/input';
import { reconfigureSignal } from '../report-cycle/messages';
import { reportCycleWorkflow } from '../report-cycle/report-cycle';
import { taskWorkflow } from '../task/task';
import { campaignWorkflow } from '../campaign/campaign';
import { inspectionWorkflow } from '../inspection/inspection';
import { PROGRAM, STATUS } from '../search-attributes';
import { describeChanges } from './changes';
import { applyUpdate, programStatusQuery, type ApplyArgs, type ApplyResult, type OccurrenceRecord, type ProgramState } from './messages';
import { ProgramIndex } from './occurrence-inputs';

export interface ProgramWorkflowInput {
  programId: string;
  /** Continue-as-new past this many history events (default 5,000; tests use a few). */
  historyLimit?: number;
  /** Carried over by continue-as-new. */
  carried?: { state: ProgramState; program: Program };
}

/** Workflows per item kind. Reports and tasks are report cycles of their assignments. */
function occurrenceWorkflowFor(kind: Occurrence['kind']) {
  switch (kind) {
    case 'inspection':
      return inspectionWorkflow;
    case 'campaign':
      return campaignWorkflow;
    case 'task':
      // Tasks once ran as plain report cycles: programs started before this change keep
      // starting that type when they replay.
      return patched('task-workflow-type') ? taskWorkflow : reportCycleWorkflow;
    default:
      return reportCycleWorkflow;
  }
}

const HISTORY_LIMIT = 5_000;

export async function programWorkflow(args: ProgramWorkflowInput): Promise<void> {
  const state: ProgramState = args.carried?.state ?? { programId: args.programId, applied: [], occurrences: [] };
  let program = args.carried?.program;
  let index = program ? indexOf(program) : undefined;
  let changes = 0;

  function indexOf(p: Program): ProgramIndex {
    const plan: Plan = compilePlan(p);
    return new ProgramIndex(p, plan);
  }

  function timesOf(ix: ProgramIndex, occ: Occurrence): { startAt: string; lastDueAt: string } {
    const span = ix.span(occ.id);
    const first = span?.firstEvent ?? Date.parse(occ.due?.at ?? `${ix.program.program.year}-01-01T00:00:00Z`);
    const last = span?.lastDue ?? first;
    return { startAt: toLocalIso(first, ix.program.program.timezone), lastDueAt: toLocalIso(last, ix.program.program.timezone) };
  }

  const record = (id: string) => state.occurrences.find((o) => o.id === id);

  async function apply({ program: next, hash, fileName }: ApplyArgs): Promise<ApplyResult> {
    const result: ApplyResult = { unchanged: hash === state.hash, added: [], removed: [], changed: [], missed: [] };
    if (result.unchanged) return result;
    const before = index;
    const after = indexOf(next);
    const firstApply = before === undefined;
    const wanted = new Set(after.plan.occurrences.map((o) => o.id));

    for (const occ of after.plan.occurrences) {
      const times = timesOf(after, occ);
      const existing = record(occ.id);
      if (!existing || existing.status === 'removed') {
        const missed = firstApply && Date.parse(times.lastDueAt) < Date.now();
        const fresh: OccurrenceRecord = { id: occ.id, itemId: occ.itemId, kind: occ.kind, label: occ.label[next.program.locale], ...times, status: missed ? 'missed' : 'scheduled' };
        if (existing) Object.assign(existing, fresh);
        else state.occurrences.push(fresh);
        (missed ? result.missed : result.added).push(occ.id);
      } else if (existing.status === 'started' && before) {
        const old = before.plan.occurrences.find((o) => o.id === occ.id);
        const nextInput = after.occurrenceInput(occ);
        const oldInput = old ? before.occurrenceInput(old) : undefined;
        const what = oldInput ? describeChanges(oldInput, nextInput) : [];
        // Milestones, titles or reminders can change too; the occurrence decides what that means.
        if (what.length === 0 && JSON.stringify(oldInput) !== JSON.stringify(nextInput)) what.push('điều chỉnh mốc thời gian, nội dung (other settings)');
        if (what.length > 0) {
          result.changed.push({ id: occ.id, what });
          await getExternalWorkflowHandle(occ.id).signal(reconfigureSignal, nextInput);
        }
        Object.assign(existing, { label: occ.label[next.program.locale], lastDueAt: times.lastDueAt });
      } else {
        Object.assign(existing, { label: occ.label[next.program.locale], ...times });
      }
    }
    for (const existing of state.occurrences) {
      if (wanted.has(existing.id) || existing.status === 'removed') continue;
      if (existing.status === 'started') await getExternalWorkflowHandle(existing.id).cancel();
      existing.status = 'removed';
      result.removed.push(existing.id);
    }
    program = next;
    index = after;
    Object.assign(state, { title: next.program.title, hash, appliedAt: toLocalIso(Date.now(), next.program.timezone), ...(fileName ? { fileName } : {}) });
    state.applied.push({ at: state.appliedAt!, hash, added: result.added.length, removed: result.removed.length, changed: result.changed.length });
    upsertSearchAttributes([{ key: STATUS, value: 'applied' }]);
    changes++;
    return result;
  }

  setHandler(applyUpdate, apply, {
    validator: ({ program: next }) => {
      if (next.program.id !== args.programId) {
        throw new Error(`tệp là chương trình "${next.program.id}", không phải "${args.programId}" (program id mismatch)`);
      }
    },
  });
  setHandler(programStatusQuery, () => state);
  upsertSearchAttributes([{ key: PROGRAM, value: args.programId }]);

  async function startOccurrence(rec: OccurrenceRecord): Promise<void> {
    const occ = index!.plan.occurrences.find((o) => o.id === rec.id)!;
    const input: OccurrenceInput = index!.occurrenceInput(occ);
    try {
      await startChild(occurrenceWorkflowFor(occ.kind), {
        workflowId: occ.id,
        args: [input],
        // Lists show what an occurrence is without querying it.
        memo: { itemTitle: input.itemTitle, periodLabel: input.periodLabel },
        parentClosePolicy: ParentClosePolicy.ABANDON,
      });
    } catch (err) {
      // Started before a continue-as-new or a crash: it is running, which is what we want.
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    }
    rec.status = 'started';
  }

  for (;;) {
    const due = state.occurrences
      .filter((o) => o.status === 'scheduled')
      .sort((a, b) => Date.parse(a.startAt) - Date.parse(b.startAt))[0];
    if (due && index && Date.parse(due.startAt) <= Date.now()) {
      await startOccurrence(due);
      continue;
    }
    if (program && (workflowInfo().continueAsNewSuggested || workflowInfo().historyLength > (args.historyLimit ?? HISTORY_LIMIT))) {
      await condition(allHandlersFinished);
      await continueAsNew<typeof programWorkflow>({ programId: args.programId, ...(args.historyLimit ? { historyLimit: args.historyLimit } : {}), carried: { state, program } });
    }
    const seen = changes;
    if (due) await condition(() => changes !== seen, Date.parse(due.startAt) - Date.now());
    else await condition(() => changes !== seen);
  }
}
