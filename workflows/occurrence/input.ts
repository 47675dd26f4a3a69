// What an occurrence workflow (report cycle, task, campaign, inspection) is started with:
// everything it needs from the program, already resolved, so it never recompiles the plan.
import type { AssignmentInput, IndicatorField, Person } from '../assignment/messages';

export interface OccurrenceInput {
  occurrenceId: string;
  /** The plan's occurrence, when this workflow carries out part of it (a campaign's results cycle). */
  planOccurrenceId?: string;
  programId: string;
  programTitle: string;
  /** The committee issuing the program, in whose name reports go upward. */
  committeeName?: string;
  itemId: string;
  itemTitle: string;
  kind: 'report' | 'task' | 'campaign' | 'inspection';
  periodKey: string;
  periodLabel: string;
  timeZone: string;
  locale: 'vi' | 'en';
  office: { id: string; name: string; emails: string[] };
  chair: Person;
  /**
   * Assignment workflow id → its input; ids are `<occurrenceId>/<unitId>[/<part>]`. Empty
   * when `source` names them instead.
   */
  assignments: { id: string; input: AssignmentInput }[];
  /**
   * The assignments are those of this occurrence in the applied program version `hash`: the
   * startAssignments activity builds their inputs page by page, so no payload carries all of
   * them (at 3,400 units they would be 4 MB). Report cycles and tasks from a program.
   */
  source?: { hash: string; total: number };
  /** Continue-as-new past this many history events (default 8,000; tests use a few hundred). */
  historyLimit?: number;
  /** The item's indicator fields (the consolidation's columns). */
  indicators?: IndicatorField[];
  window?: { start: string; end: string };
  /** Consolidation of the units' reports; absent for items that have none. */
  consolidation?: {
    dueAt: string;
    approver: 'chair' | 'office';
    upward: { id: string; name: string; email: string }[];
  };
  /**
   * Campaign milestones (ISO instants). The progress report asked at the check-in is due at
   * `checkInDueAt` (`checkInWorkingDaysLeft` working days after the check-in).
   */
  campaign?: { launchAt?: string; checkInAt?: string; checkInDueAt?: string; checkInWorkingDaysLeft?: number; endAt?: string; start: string; end: string };
  /** Inspection visits: one per inspected unit, every instant from the plan. */
  visits?: { unitId: string; noticeAt?: string; reminderAt?: string; visitAt: string; findingsDueAt?: string }[];
}
