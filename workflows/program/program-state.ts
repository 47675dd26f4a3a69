// The state of one program-year and what it does: apply a version (compiled by activities,
// never here), start each occurrence's workflow when its first event comes, and say when the
// history is long enough to continue as new. The workflow function (program.ts) only wires
// the handlers to these methods and runs the main wait.
//
// Replay: the commands issued here (activities, signals, cancellations, child starts, search
// attribute upserts) and their order are those of the single-closure workflow of 0.4, so its
// recorded histories replay unchanged.
import {
  getExternalWorkflowHandle,
  ParentClosePolicy,
  startChild,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import { ActivityFailure, ApplicationFailure, WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import type { ItemKind } from '../../program/types';
import { occurrenceInput, planProgram } from '../activity-proxies';
import { toLocalIso } from '../occurrence/time';
import { reconfigureSignal } from '../report-cycle/messages';
import { reportCycleWorkflow } from '../report-cycle/report-cycle';
import { taskWorkflow } from '../task/task';
import { campaignWorkflow } from '../campaign/campaign';
import { inspectionWorkflow } from '../inspection/inspection';
import { STATUS } from '../search-attributes';
import type { OccurrenceInput } from '../occurrence/input';
import {
  checkApplyArgs,
  type ApplyArgs,
  type ApplyResult,
  type OccurrenceRecord,
  type ProgramIdentity,
  type ProgramState,
  type ProgramWorkflowInput,
} from './messages';

const HISTORY_LIMIT = 5_000;
/** How soon to try again to start an occurrence whose previous, cancelled run is still closing. */
const RESTART_RETRY_MS = 30_000;

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

/** The zone an occurrence's instants are written in (its start instant carries the offset). */
function timeZoneOf(rec: OccurrenceRecord): string {
  const offset = /([+-]\d{2}:\d{2}|Z)$/.exec(rec.startAt)?.[1] ?? 'Z';
  return offset === 'Z' ? 'UTC' : `UTC${offset}`;
}

/**
 * A plan that cannot be made (the version is not in the store, another program's version) is
 * the apply's failure, returned to the client with the activity's own message: the update
 * fails, the workflow and its state are untouched. ("Activity task failed" alone says nothing.)
 */
function readableFailure(err: unknown): unknown {
  if (err instanceof ActivityFailure && err.cause instanceof ApplicationFailure) {
    return ApplicationFailure.create({ message: err.cause.message, type: err.cause.type ?? 'PlanFailed', nonRetryable: true, cause: err });
  }
  return err;
}

export class ProgramYear {
  readonly state: ProgramState;
  /** Bumped by every apply that changed something, so the main wait wakes up. */
  changes = 0;

  constructor(private readonly settings: ProgramWorkflowInput) {
    this.state = settings.carried?.state ?? { programId: settings.programId, applied: [], occurrences: [] };
  }

  private record(id: string): OccurrenceRecord | undefined {
    return this.state.occurrences.find((o) => o.id === id);
  }

  private withLimit(input: OccurrenceInput): OccurrenceInput {
    return this.settings.occurrenceHistoryLimit ? { ...input, historyLimit: this.settings.occurrenceHistoryLimit } : input;
  }

  /**
   * The update's validator: a file of another program is refused before anything is
   * recorded. The update names its program by `program` (sent whole, before 0.5) or by
   * `programId` (the version itself is in the program store).
   */
  checkApply(raw: unknown): void {
    const named = checkApplyArgs(raw).programId;
    if (named === undefined) throw new Error('yêu cầu áp dụng không nêu mã chương trình (the apply names no program: programId or program is required)');
    if (named !== this.settings.programId) {
      throw new Error(`tệp là chương trình "${named}", không phải "${this.settings.programId}" (program id mismatch)`);
    }
  }

  async apply({ program: next, hash, fileName, dryRun }: ApplyArgs): Promise<ApplyResult> {
    const { state } = this;
    const result: ApplyResult = { unchanged: hash === state.hash, added: [], removed: [], changed: [], missed: [], cancelled: [] };
    if (result.unchanged) return result;
    // Which path is gated on the update's input, not on patched(): an update that carries the
    // whole program (every history recorded before 0.5, and a client with no access to the
    // program store) hands it to planProgram, which stores it, exactly as before; an update
    // that carries only the hash names a version the client has already stored. Both paths
    // issue the same commands in the same order, so no patch marker is needed.
    // A dry run stores the version too: content-addressed, it changes nothing that runs.
    let plan: Awaited<ReturnType<typeof planProgram>>;
    try {
      plan = await planProgram({
        programId: this.settings.programId,
        hash,
        ...(next ? { program: next } : {}),
        ...(state.hash ? { previousHash: state.hash } : {}),
      });
    } catch (err) {
      throw readableFailure(err);
    }
    const identity: ProgramIdentity | undefined = next ? { title: next.program.title, issuer: next.program.issuer, office: next.program.office } : plan.identity;
    if (identity && state.identity && JSON.stringify(state.identity) !== JSON.stringify(identity)) result.identityChanged = { before: state.identity, after: identity };
    const wanted = new Set(plan.occurrences.map((o) => o.id));
    const now = Date.now();

    for (const occ of plan.occurrences) {
      const existing = this.record(occ.id);
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
        if (change) await getExternalWorkflowHandle(occ.id).signal(reconfigureSignal, this.withLimit(await occurrenceInput({ hash, occurrenceId: occ.id })));
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
    Object.assign(state, {
      title: identity?.title ?? plan.title,
      ...(identity ? { identity } : {}),
      hash,
      appliedAt: toLocalIso(Date.now(), plan.timezone),
      ...(fileName ? { fileName } : {}),
    });
    state.applied.push({ at: state.appliedAt!, hash, added: result.added.length, removed: result.removed.length, changed: result.changed.length });
    upsertSearchAttributes([{ key: STATUS, value: 'applied' }]);
    this.changes++;
    return result;
  }

  /** The scheduled occurrence that starts first, if any. */
  nextScheduled(): OccurrenceRecord | undefined {
    return this.state.occurrences.filter((o) => o.status === 'scheduled').sort((a, b) => Date.parse(a.startAt) - Date.parse(b.startAt))[0];
  }

  /** Its first event has come, and a version is applied to build its input from. */
  isDue(rec: OccurrenceRecord): boolean {
    return Boolean(this.state.hash) && Date.parse(rec.startAt) <= Date.now();
  }

  async startOccurrence(rec: OccurrenceRecord): Promise<void> {
    const input = this.withLimit(await occurrenceInput({ hash: this.state.hash!, occurrenceId: rec.id }));
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

  /** Occurrence workflows outlive this one (ABANDON), so it may continue as new once applied. */
  shouldContinueAsNew(): boolean {
    const info = workflowInfo();
    return Boolean(this.state.hash) && (info.continueAsNewSuggested || info.historyLength > (this.settings.historyLimit ?? HISTORY_LIMIT));
  }

  /** The next run's input: the same settings, with the state (whose `hash` names the applied version). */
  carried(): ProgramWorkflowInput {
    const { carried: _carried, ...settings } = this.settings;
    return { ...settings, carried: { state: this.state } };
  }
}
