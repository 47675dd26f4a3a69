// What occurrence workflows and the assignment activities exchange: which assignments (a
// list, or a page of a program version's occurrence) and what came of starting them. The
// assignment's input type is a parameter, so this file imports nothing.

export interface AssignmentEntry<Input = unknown> {
  id: string;
  input: Input;
}

/**
 * A set of assignments: given inline (a campaign's plans, an inspection's units, a test), or
 * named by the applied program version that holds them (a report cycle of any size).
 */
export type AssignmentSet<Input = unknown> =
  | { assignments: AssignmentEntry<Input>[] }
  | { source: { hash: string; occurrenceId: string } };

/** Who follows the assignments: the occurrence's workflow id and the token of this start. */
export interface ParentRef {
  workflowId: string;
  token: string;
  /** The occurrence shows the open stages (overdue, escalated) too, so it is told of them. */
  stages?: boolean;
}

/** A started assignment as the occurrence shows it until its first summary arrives. */
export interface RowSeed {
  assignmentId: string;
  unitId: string;
  unitName: string;
  dueAt: string;
}

export interface StartAssignmentsArgs<Input = unknown> {
  set: AssignmentSet<Input>;
  /** The page: entries [offset, offset + limit) of the set, in plan order. */
  offset: number;
  limit: number;
  parent: ParentRef;
  /** Assignments due at or before this instant (workflow time, ms) are not asked for. */
  dueAfter: number;
}

export interface StartedPage {
  started: RowSeed[];
  /** Entries in the whole set; the occurrence stops paging at it. */
  total: number;
}

export interface ReconfigureAssignmentsArgs<Input = unknown> {
  before: AssignmentSet<Input>;
  after: AssignmentSet<Input>;
  /** The page of the union of both sets' ids, sorted. */
  offset: number;
  limit: number;
  parent: ParentRef;
  dueAfter: number;
  /** Ids the occurrence withdrew earlier: present again in `after`, they are asked again. */
  removed: string[];
  /**
   * Why the dues moved: a reason code of contract/notices.ts (ReasonCode), which the activity
   * renders in each assignment's language; text (what occurrences before 0.4 send) goes as it is.
   */
  reason: string;
}

export interface ReconfiguredPage {
  started: RowSeed[];
  /** Withdrawn from the program: cancelled (the unit is told). */
  removed: string[];
  /** Ids in the union of both sets. */
  total: number;
}

export interface CancelledAssignments {
  /** Already closed or gone: no last word will come from them. */
  closed: string[];
}
