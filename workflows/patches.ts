// Every patch in workflow code, by id. A change that alters the commands a workflow issues
// (a timer, an activity, an upsert added, removed or reordered) would break the replay of
// executions already running, so it goes behind `patched(id)`: new executions take the new
// path (and record a marker), running ones replay the old path. `test/workflows/patches.test.ts`
// requires, for each id, a recorded history of each path; the README ("Changing workflow
// code safely") says how to add one and when to retire it with `deprecatePatch`.
//
// A second list, INPUT_GATES, holds the changes gated on the workflow's INPUT instead: a new
// optional field that every starter of the release sets. An execution whose input lacks it
// (every one started before, still running) takes the old path, and its replay takes it too;
// a new execution carries the field from its start, so first run and replay agree without a
// marker or a TemporalChangeVersion upsert (nothing billed, nothing to deprecate later). The
// same test requires a recorded history with the field and one without.

/** Assignments get their search attributes with the start instead of two upserts (0.4.0). */
export const SEARCH_ATTRIBUTES_AT_START = 'assignment-search-attributes-at-start';

/**
 * Report cycles write their unit rows to the records database (only those that changed) and
 * hand the consolidation and the next run the occurrence id instead of the rows (0.4.0).
 */
export const OCCURRENCE_ROWS_IN_RECORDS = 'occurrence-rows-in-records';

/**
 * An assignment started by an occurrence signals it only what the occurrence reads: not the
 * 'requested' it started with, nor overdue/escalated unless the occurrence shows stages (0.4.0).
 */
export const PARENT_SIGNALS_WHAT_IT_READS = 'assignment-parent-signals-what-it-reads';

/** For the test and the README: where each patch lives and since which release. */
export const PATCHES: readonly { id: string; workflowType: string; since: string }[] = [
  { id: SEARCH_ATTRIBUTES_AT_START, workflowType: 'assignmentWorkflow', since: '0.4.0' },
  { id: PARENT_SIGNALS_WHAT_IT_READS, workflowType: 'assignmentWorkflow', since: '0.4.0' },
  { id: OCCURRENCE_ROWS_IN_RECORDS, workflowType: 'reportCycleWorkflow', since: '0.4.0' },
];

/**
 * The assignment's record goes with its notices: one deliverNotices activity delivers the
 * batch and writes the record with the results applied, instead of deliverNotices then
 * recordAssignment (0.5.0). Starters set `recordWithNotices: true`; see assignment.ts.
 */
export const RECORD_WITH_NOTICES = 'recordWithNotices';

/** Changes gated on an optional input field (no marker): where each lives and since which release. */
export const INPUT_GATES: readonly { field: string; workflowType: string; since: string }[] = [
  { field: RECORD_WITH_NOTICES, workflowType: 'assignmentWorkflow', since: '0.5.0' },
];
