// reportCycleWorkflow: one occurrence of a report or task item (e.g. "6-month report
// 2026"). It asks every assignee (assignment workflows started a page at a time by an
// activity), follows them through their summary signals, consolidates at the deadline (or as
// soon as everyone is settled), has the consolidation approved, forwards it upward with the
// file attached, and records later submissions in addenda. State and steps live in
// ReportCycle (report-cycle-state.ts); this function wires the handlers and runs the phases,
// continuing as new whenever the history grows long (thousands of units send thousands of
// signals).
import {
  allHandlersFinished,
  CancellationScope,
  condition,
  continueAsNew,
  isCancellation,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import { Mutex } from 'async-mutex';
import { assignmentChangedSignal } from '../assignment/messages';
import type { OccurrenceInput } from '../occurrence/input';
import { occurrenceAttributes } from '../occurrence/occurrence-base';
import { parsedOnce } from '../occurrence/parsed-once';
import { approveArgsSchema, approveUpdate, consolidateUpdate, reconfigureSignal, reportCycleStatusQuery, type ReportCycleState } from './messages';
import { ReportCycle, type CarriedCycle } from './report-cycle-state';

/** Well before Temporal's warning at 10,240 events (and its 10,000 signals per execution). */
const HISTORY_LIMIT = 8_000;

export async function reportCycleWorkflow(input: OccurrenceInput, carried?: CarriedCycle): Promise<ReportCycleState> {
  const cycle = new ReportCycle(input, carried);
  // Reconfiguring waits on activities: one at a time, and never while the assignments are
  // still being started, or the rows read back after a continue-as-new (that takes the lock first).
  const lock = new Mutex();
  const starting = lock.runExclusive(() => (carried ? cycle.restoreRows() : cycle.startAssignments()));

  setHandler(assignmentChangedSignal, (summary) => cycle.onAssignmentChanged(summary));
  setHandler(reconfigureSignal, (next) => lock.runExclusive(() => cycle.reconfigure(next)));
  setHandler(reportCycleStatusQuery, () => cycle.state);
  const approveArgs = parsedOnce(approveArgsSchema);
  setHandler(approveUpdate, (raw) => {
    cycle.approve(approveArgs.take(raw));
    return { phase: cycle.state.phase };
  }, {
    validator: (raw) => {
      if (cycle.state.phase !== 'awaiting-approval') throw new Error(`chưa có báo cáo tổng hợp chờ duyệt (nothing awaits approval; phase ${cycle.state.phase})`);
      approveArgs.validate(raw, (args) => {
        if (args.decision === 'return' && !args.comment) throw new Error('cần ghi ý kiến khi trả lại (a comment is required)');
      });
    },
  });
  setHandler(consolidateUpdate, (_args) => {
    cycle.requestConsolidation();
    return { phase: cycle.state.phase };
  }, {
    validator: (_args) => {
      if (!cycle.input.consolidation) throw new Error('nhiệm vụ này không có bước tổng hợp (this item has no consolidation)');
      if (cycle.state.phase !== 'collecting' && cycle.state.phase !== 'returned-to-office') throw new Error(`không thể tổng hợp lúc này (phase ${cycle.state.phase})`);
    },
  });

  try {
    if (!carried) {
      upsertSearchAttributes(occurrenceAttributes(input));
      cycle.setPhase('collecting');
    }
    await starting;
    while (cycle.state.phase !== 'closed') {
      if (!(await runPhase(cycle))) {
        // The next run reads the rows back: every change is written first, including those
        // that came in while the last page was being written.
        do {
          await condition(allHandlersFinished);
          await cycle.writeRows();
        } while (cycle.hasUnwrittenRows());
        return await continueAsNew<typeof reportCycleWorkflow>(cycle.input, cycle.carried());
      }
    }
  } catch (err) {
    // Removed from the program: every unit still asked is told, then the cycle stops.
    if (isCancellation(err)) await CancellationScope.nonCancellable(() => cycle.tracker.cancelAll());
    throw err;
  }
  await condition(allHandlersFinished);
  return cycle.state;
}

function historyIsLong(cycle: ReportCycle): boolean {
  const info = workflowInfo();
  return info.continueAsNewSuggested || info.historyLength > (cycle.input.historyLimit ?? HISTORY_LIMIT);
}

/**
 * Waits for `ready` or the deadline while the history allows; false when the run should
 * continue as new first. One timer per wait: a wake-up for every signal would start and
 * cancel a timer each time (two events, one billed action, per summary of thousands of units).
 * `deadline` is read again when it changes (a re-applied program moves the consolidation).
 */
async function waitFor(cycle: ReportCycle, ready: () => boolean, deadline?: () => number): Promise<boolean> {
  for (;;) {
    const until = deadline?.();
    if (ready() || (until !== undefined && until <= Date.now())) return true;
    if (historyIsLong(cycle)) return false;
    const woke = () => ready() || historyIsLong(cycle) || deadline?.() !== until;
    if (until === undefined) await condition(woke);
    else await condition(woke, until - Date.now());
  }
}

/** One step of the cycle; false when it stopped to continue as new. */
async function runPhase(cycle: ReportCycle): Promise<boolean> {
  const consolidation = cycle.input.consolidation;
  switch (cycle.state.phase) {
    case 'collecting':
      if (!consolidation) {
        if (!(await waitFor(cycle, () => cycle.allClosed()))) return false;
        break;
      }
      // A re-applied program may move the consolidation deadline while we wait for it.
      if (!(await waitFor(cycle, () => cycle.allSettled() || cycle.consolidateRequested, () => Date.parse(cycle.input.consolidation!.dueAt)))) return false;
      if (!cycle.allSettled() && !cycle.consolidateRequested && Date.parse(cycle.input.consolidation!.dueAt) > Date.now()) return true;
      await cycle.consolidate();
      return true;
    case 'awaiting-approval':
      if (!(await waitFor(cycle, () => cycle.decision !== undefined))) return false;
      if (cycle.decision!.decision === 'approve') await cycle.forward();
      else await cycle.returned();
      return true;
    case 'returned-to-office':
      if (!(await waitFor(cycle, () => cycle.consolidateRequested))) return false;
      await cycle.consolidate();
      return true;
    case 'forwarding':
      await cycle.forward();
      return true;
    case 'forwarded':
      // Reports that come in later are recorded in addenda until every unit is settled.
      if (!(await waitFor(cycle, () => cycle.hasLateReports() || cycle.allClosed()))) return false;
      if (cycle.hasLateReports()) {
        await cycle.addendum();
        return true;
      }
      break;
    default:
      return true;
  }
  cycle.setPhase('closed');
  await cycle.keepRecord(true);
  return true;
}
