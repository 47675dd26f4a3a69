// programWorkflow: one per program-year. It holds the applied version (its hash), starts each
// occurrence's workflow when its first event comes, and reconfigures running occurrences
// when an edited file is applied. The plan is compiled by activities (planProgram,
// occurrenceInput), never here. Occurrence workflows outlive it (ABANDON), so it can
// continue-as-new to keep its own history short.
import {
  allHandlersFinished,
  condition,
  continueAsNew,
  getExternalWorkflowHandle,
  ParentClosePolicy,
  setHandler,
  startChild,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { Mutex } from 'async-mutex';
import type { ItemKind } from '../../program/types';
import { occurrenceInput, planProgram } from '../activity-proxies';
import { toLocalIso } from '../occurrence/time';
import { reconfigureSignal } from '../report-cycle/messages';
import { reportCycleWorkflow } from '../report-cycle/report-cycle';
import { taskWorkflow } from '../task/task';
import { campaignWorkflow } from '../campaign/campaign';
import { inspectionWorkflow } from '../inspection/inspection';
import { PROGRAM, STATUS } from '../search-attributes';
import type { OccurrenceInput } from '../occurrence/input';
import { applyUpdate, programStatusQuery, type ApplyArgs, type ApplyResult, type OccurrenceRecord, type ProgramState } from './messages';

export interface ProgramWorkflowInput {
  programId: string;
  /** Continue-as-new past this many history events (default 5,000; tests use a few). */
  historyLimit?: number;
  /** The same for the occurrences it starts (default theirs: 8,000); tests use a few dozen. */
  occurrenceHistoryLimit?: number;
  /** Carried over by continue-as-new: the state, whose `hash` names the applied version. */
  carried?: { state: ProgramState };
}

/** Workflows per item kind. Reports are report cycles of their assignments. */
function occurrenceWorkflowFor(kind: ItemKind) {
  switch (kind) {
    case 'inspection':
      return inspectionWorkflow;
    case 'campaign':
      return campaignWorkflow;
    case 'task':
      return taskWorkflow;
    default:
      return reportCycleWorkflow;
  }
}

const HISTORY_LIMIT = 5_000;
/** How soon to try again to start an occurrence whose previous, cancelled run is still closing. */
const RESTART_RETRY_MS = 30_000;

/** The zone an occurrence's instants are written in (its start instant carries the offset). */
function timeZoneOf(rec: OccurrenceRecord): string {
  const offset = /([+-]\d{2}:\d{2}|Z)$/.exec(rec.startAt)?.[1] ?? 'Z';
  return offset === 'Z' ? 'UTC' : `UTC${offset}`;
}

export async function programWorkflow(args: ProgramWorkflowInput): Promise<void> {
  const state: ProgramState = args.carried?.state ?? { programId: args.programId, applied: [], occurrences: [] };
  // Applies wait on activities and signals: one at a time, or a second apply could see
  // (and undo) half of the first, e.g. restart an occurrence the first one removed.
  const lock = new Mutex();
  let changes = 0;
  const record = (id: string) => state.occurrences.find((o) => o.id === id);

  async function apply({ program: next, hash, fileName, dryRun }: ApplyArgs): Promise<ApplyResult> {
    const result: ApplyResult = { unchanged: hash === state.hash, added: [], removed: [], changed: [], missed: [], cancelled: [] };
    if (result.unchanged) return result;
    // A dry run stores the version too: content-addressed, it changes nothing that runs.
    const plan = await planProgram({ programId: args.programId, hash, program: next, ...(state.hash ? { previousHash: state.hash } : {}) });
    const identity = { title: next.program.title, issuer: next.program.issuer, office: next.program.office };
    if (state.identity && JSON.stringify(state.identity) !== JSON.stringify(identity)) result.identityChanged = { before: state.identity, after: identity };
    const wanted = new Set(plan.occurrences.map((o) => o.id));
    const now = Date.now();

    for (const occ of plan.occurrences) {
      const existing = record(occ.id);
      const times = { startAt: occ.startAt, lastDueAt: occ.lastDueAt };
      if (!existing || existing.status === 'removed' || existing.status === 'missed') {
        // On every apply, not only the first: an occurrence whose last due is over is history.
        const missed = Date.parse(occ.lastDueAt) < now;
        if (existing?.status === 'missed' && missed) continue;
        (missed ? result.missed : result.added).push(occ.id);
        if (dryRun) continue;
        const fresh: OccurrenceRecord = {
          id: occ.id,
          itemId: occ.itemId,
          kind: occ.kind,
          label: occ.label,
          ...times,
          status: missed ? 'missed' : 'scheduled',
          // Brought back after a removal: its cancelled run may still be closing.
          ...(existing?.status === 'removed' ? { reAdded: true } : {}),
        };
        if (existing) Object.assign(existing, fresh);
        else state.occurrences.push(fresh);
      } else if (existing.status === 'started') {
        const change = plan.changed.find((c) => c.id === occ.id);
        if (change) result.changed.push(change);
        if (dryRun) continue;
        if (change) await getExternalWorkflowHandle(occ.id).signal(reconfigureSignal, withLimit(await occurrenceInput({ hash, occurrenceId: occ.id })));
        Object.assign(existing, { label: occ.label, lastDueAt: occ.lastDueAt });
      } else if (!dryRun) {
        Object.assign(existing, { label: occ.label, ...times });
      }
    }
    for (const existing of state.occurrences) {
      if (wanted.has(existing.id) || existing.status === 'removed') continue;
      result.removed.push(existing.id);
      if (existing.status === 'started') result.cancelled.push(existing.id);
      if (dryRun) continue;
      if (existing.status === 'started') await getExternalWorkflowHandle(existing.id).cancel();
      existing.status = 'removed';
    }
    if (dryRun) return result;
    Object.assign(state, { title: next.program.title, identity, hash, appliedAt: toLocalIso(Date.now(), plan.timezone), ...(fileName ? { fileName } : {}) });
    state.applied.push({ at: state.appliedAt!, hash, added: result.added.length, removed: result.removed.length, changed: result.changed.length });
    upsertSearchAttributes([{ key: STATUS, value: 'applied' }]);
    changes++;
    return result;
  }

  setHandler(applyUpdate, (applied) => lock.runExclusive(() => apply(applied)), {
    validator: ({ program: next }) => {
      if (next.program.id !== args.programId) {
        throw new Error(`tệp là chương trình "${next.program.id}", không phải "${args.programId}" (program id mismatch)`);
      }
    },
  });
  setHandler(programStatusQuery, () => state);
  const withLimit = (input: OccurrenceInput): OccurrenceInput =>
    args.occurrenceHistoryLimit ? { ...input, historyLimit: args.occurrenceHistoryLimit } : input;
  upsertSearchAttributes([{ key: PROGRAM, value: args.programId }]);

  async function startOccurrence(rec: OccurrenceRecord): Promise<void> {
    const input = withLimit(await occurrenceInput({ hash: state.hash!, occurrenceId: rec.id }));
    // An apply that ran while the input was being built may have removed the occurrence.
    if (rec.status !== 'scheduled') return;
    try {
      await startChild(occurrenceWorkflowFor(rec.kind), {
        workflowId: rec.id,
        args: [input],
        // Lists show what an occurrence is without querying it.
        memo: { itemTitle: input.itemTitle, periodLabel: input.periodLabel },
        parentClosePolicy: ParentClosePolicy.ABANDON,
      });
    } catch (err) {
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
      // A removed occurrence added back: its cancelled run has not closed yet. Try again
      // shortly rather than take the closing run for the new one.
      if (rec.reAdded) {
        rec.startAt = toLocalIso(Date.now() + RESTART_RETRY_MS, timeZoneOf(rec));
        return;
      }
      // Started before a continue-as-new or a crash: it is running, which is what we want.
    }
    delete rec.reAdded;
    rec.status = 'started';
  }

  for (;;) {
    const due = state.occurrences
      .filter((o) => o.status === 'scheduled')
      .sort((a, b) => Date.parse(a.startAt) - Date.parse(b.startAt))[0];
    if (due && state.hash && Date.parse(due.startAt) <= Date.now()) {
      await lock.runExclusive(() => startOccurrence(due));
      continue;
    }
    if (state.hash && (workflowInfo().continueAsNewSuggested || workflowInfo().historyLength > (args.historyLimit ?? HISTORY_LIMIT))) {
      await condition(allHandlersFinished);
      const { carried: _carried, ...settings } = args;
      await continueAsNew<typeof programWorkflow>({ ...settings, carried: { state } });
    }
    const seen = changes;
    if (due) await condition(() => changes !== seen, Date.parse(due.startAt) - Date.now());
    else await condition(() => changes !== seen);
  }
}
