// The assignment contract (contract/assignments.ts) with the assignment workflow's input.
import type * as contract from '../../contract/assignments';
import type { AssignmentInput } from '../../workflows/assignment/messages';

export type AssignmentEntry = contract.AssignmentEntry<AssignmentInput>;
export type AssignmentSet = contract.AssignmentSet<AssignmentInput>;
export type StartAssignmentsArgs = contract.StartAssignmentsArgs<AssignmentInput>;
export type ReconfigureAssignmentsArgs = contract.ReconfigureAssignmentsArgs<AssignmentInput>;
export type { CancelledAssignments, ParentRef, ReconfiguredPage, RowSeed, StartedPage } from '../../contract/assignments';
