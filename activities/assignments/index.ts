// The activities through which occurrences start, change and withdraw their assignments.
import type { ProgramIndexes } from '../plan/program-indexes';
import { entriesOf } from './assignment-sets';
import { cancelIds } from './cancel';
import { reconfigureEntries } from './reconfigure';
import { seedOf, startEntries } from './start';
import type { CancelledAssignments, ReconfigureAssignmentsArgs, ReconfiguredPage, StartAssignmentsArgs, StartedPage } from './types';

export function createAssignmentActivities(indexes: ProgramIndexes) {
  return {
    async startAssignments(args: StartAssignmentsArgs): Promise<StartedPage> {
      const all = await entriesOf(args.set, indexes);
      const due = all.slice(args.offset, args.offset + args.limit).filter((e) => Date.parse(e.input.dueAt) > args.dueAfter);
      await startEntries(due, args.parent);
      return { started: due.map(seedOf), total: all.length };
    },

    async reconfigureAssignments(args: ReconfigureAssignmentsArgs): Promise<ReconfiguredPage> {
      return reconfigureEntries(await entriesOf(args.before, indexes), await entriesOf(args.after, indexes), args);
    },

    async cancelAssignments({ ids }: { ids: string[] }): Promise<CancelledAssignments> {
      return { closed: await cancelIds(ids) };
    },
  };
}
