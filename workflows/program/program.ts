// programWorkflow: one per program-year. It holds the applied version (its hash), starts each
// occurrence's workflow when its first event comes, and reconfigures running occurrences
// when an edited file is applied. The plan is compiled by activities (planProgram,
// occurrenceInput), never here. Occurrence workflows outlive it (ABANDON), so it can
// continue-as-new to keep its own history short. State and steps live in ProgramYear
// (program-state.ts); this function wires the handlers and runs the main wait.
import { allHandlersFinished, condition, continueAsNew, setHandler, upsertSearchAttributes } from '@temporalio/workflow';
import { Mutex } from 'async-mutex';
import { PROGRAM } from '../search-attributes';
import { applyUpdate, programStatusQuery, type ProgramWorkflowInput } from './messages';
import { ProgramYear } from './program-state';

export type { ProgramWorkflowInput } from './messages';

export async function programWorkflow(args: ProgramWorkflowInput): Promise<void> {
  const year = new ProgramYear(args);
  // Applies wait on activities and signals: one at a time, or a second apply could see
  // (and undo) half of the first, e.g. restart an occurrence the first one removed.
  const lock = new Mutex();

  setHandler(applyUpdate, (applied) => lock.runExclusive(() => year.apply(applied)), { validator: (raw) => year.checkApply(raw) });
  setHandler(programStatusQuery, () => year.state);
  upsertSearchAttributes([{ key: PROGRAM, value: args.programId }]);

  for (;;) {
    const due = year.nextScheduled();
    if (due && year.isDue(due)) {
      await lock.runExclusive(() => year.startOccurrence(due));
      continue;
    }
    if (year.shouldContinueAsNew()) {
      await condition(allHandlersFinished);
      await continueAsNew<typeof programWorkflow>(year.carried());
    }
    const seen = year.changes;
    if (due) await condition(() => year.changes !== seen, Date.parse(due.startAt) - Date.now());
    else await condition(() => year.changes !== seen);
  }
}
