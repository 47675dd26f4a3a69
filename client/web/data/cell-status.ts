// What a compliance-matrix cell says, derived from the DondocStatus search attribute and
// the due: visibility is all the dashboard reads, so this must not need the workflow.
export type CellStatus =
  | 'not-yet-due'
  | 'requested'
  | 'submitted'
  | 'late'
  | 'returned'
  | 'accepted'
  | 'overdue'
  | 'escalated'
  | 'exempt'
  | 'unknown';

export const CELL_STATUSES: readonly CellStatus[] = ['not-yet-due', 'requested', 'submitted', 'late', 'returned', 'accepted', 'overdue', 'escalated', 'exempt'];

/** The DondocStatus values each cell status counts (what the summary asks visibility for). */
export const SEARCH_STATUSES: Record<Exclude<CellStatus, 'unknown'>, string[]> = {
  'not-yet-due': ['scheduled', 'planned'],
  requested: ['requested'],
  submitted: ['submitted'],
  late: ['late', 'submitted-late'],
  returned: ['returned'],
  accepted: ['accepted'],
  overdue: ['overdue'],
  escalated: ['escalated'],
  exempt: ['exempted'],
};

/**
 * `requested` and `returned` past their due read as overdue even before the workflow's
 * timer has flipped the attribute, so the matrix never shows a stale "on time". `late`
 * and `not-yet-due` appear when a workflow publishes them (a late submission, a planned
 * assignment whose request has not gone out); the assignment page shows lateness anyway.
 */
export function cellStatus(status: string | undefined, due: Date | undefined, now = Date.now()): CellStatus {
  const pastDue = due !== undefined && due.getTime() < now;
  switch (status) {
    case 'requested':
    case 'returned':
      return pastDue ? 'overdue' : status;
    case 'submitted':
    case 'accepted':
    case 'overdue':
    case 'escalated':
      return status;
    case 'late':
    case 'submitted-late':
      return 'late';
    case 'exempted':
      return 'exempt';
    case 'scheduled':
    case 'planned':
      return 'not-yet-due';
    default:
      return 'unknown';
  }
}
