// Reads a set of assignments: the inline list as it is, or the occurrence's assignments in
// an applied program version, built by the plan's index (cached per occurrence).
import { ApplicationFailure } from '@temporalio/common';
import type { ProgramIndexes } from '../plan/program-indexes';
import type { AssignmentEntry, AssignmentSet } from './types';

export async function entriesOf(set: AssignmentSet, indexes: ProgramIndexes): Promise<AssignmentEntry[]> {
  if ('assignments' in set) return set.assignments;
  const ix = await indexes.get(set.source.hash);
  const occurrence = ix.occurrence(set.source.occurrenceId);
  if (!occurrence) {
    throw ApplicationFailure.nonRetryable(`occurrence ${set.source.occurrenceId} is not in program version ${set.source.hash}`, 'UnknownOccurrence');
  }
  return ix.assignments(occurrence);
}
