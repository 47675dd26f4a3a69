// inspectionWorkflow: one inspection round (đợt kiểm tra). For each visited unit: the notice
// of the visit N working days ahead (the plan computes when), a reminder the working day
// before, then the office records the findings; each remediation item becomes an
// assignmentWorkflow of its own — reminders, evidence, review and escalation as for any
// report — and the round closes with a summary to the office once every item is accepted
// or exempted. State and steps live in Inspection (inspection-state.ts); this function wires
// the handlers and runs the main wait.
//
// Like the assignment, the timeline is recomputed from the visits on every loop rather than
// kept as timers (steps.ts): a moved visit only changes its dates, and the next loop re-arms.
import { allHandlersFinished, CancellationScope, condition, isCancellation, setHandler, upsertSearchAttributes } from '@temporalio/workflow';
import { Mutex } from 'async-mutex';
import { assignmentChangedSignal } from '../assignment/messages';
import type { OccurrenceInput } from '../occurrence/input';
import { occurrenceAttributes } from '../occurrence/occurrence-base';
import { reconfigureSignal } from '../report-cycle/messages';
import { Inspection } from './inspection-state';
import { parsedOnce } from '../occurrence/parsed-once';
import { inspectionStatusQuery, recordFindingsArgsSchema, recordFindingsUpdate, type InspectionState } from './messages';

export async function inspectionWorkflow(input: OccurrenceInput): Promise<InspectionState> {
  const inspection = new Inspection(input);
  // Recording findings and reconfiguring wait on activities: one at a time, and never before
  // the other assignments are asked (the lock is taken before any handler exists).
  const lock = new Mutex();
  const starting = lock.runExclusive(() => inspection.startOthers());

  setHandler(inspectionStatusQuery, () => inspection.state);
  setHandler(assignmentChangedSignal, (summary) => inspection.onAssignmentChanged(summary));
  const findingsArgs = parsedOnce(recordFindingsArgsSchema);
  setHandler(recordFindingsUpdate, (raw) => {
    // Taken now, in the update's own scope, not after waiting for the lock.
    const args = findingsArgs.take(raw);
    return lock.runExclusive(() => inspection.recordFindings(args));
  }, {
    validator: (raw) => findingsArgs.validate(raw, (args) => inspection.checkFindings(args)),
  });
  setHandler(reconfigureSignal, (next) => lock.runExclusive(() => inspection.reconfigure(next)));

  upsertSearchAttributes(occurrenceAttributes(input));
  for (const planned of input.visits ?? []) inspection.addVisit(planned);

  try {
    await starting;
    await runVisits(inspection);
  } catch (err) {
    // Cancelled because the program dropped the round: units expecting a visit are told.
    if (isCancellation(err)) {
      inspection.callOffVisits();
      await CancellationScope.nonCancellable(() => inspection.withdrawAll());
    }
    throw err;
  }
  await inspection.close();
  inspection.updatePhase();
  await condition(allHandlersFinished);
  return inspection.state;
}

/** Notices, reminders and visits in time order until every visit is settled; queued notices go out before each wait. */
async function runVisits(inspection: Inspection): Promise<void> {
  for (;;) {
    inspection.refreshVisits();
    inspection.updatePhase();
    await inspection.outbox.drain();
    if (inspection.done()) return;
    const step = inspection.nextStep();
    if (step && step.at <= Date.now()) {
      inspection.fire(step);
      continue;
    }
    const seen = inspection.changes;
    const woke = () => inspection.changes !== seen || inspection.outbox.pending > 0;
    if (!step) await condition(woke);
    else if (!(await condition(woke, step.at - Date.now()))) inspection.fire(step);
  }
}
