// The records database's tables as kysely sees them. Instants are ISO 8601 text (as the
// workflows carry them, with their offset), flags are 0/1 integers and structured values
// are JSON text: one representation that SQLite and PostgreSQL store and compare alike.
import type { ProgramAppliesTable } from './program-applies';

export interface ProgramVersionsTable {
  hash: string;
  program_id: string;
  title: string;
  year: number;
  content: string;
  file_name: string | null;
  applied_by: string | null;
  applied_at: string;
}

export interface SentNoticesTable {
  key: string;
  workflow_id: string;
  kind: string;
  to_json: string;
  cc_json: string;
  subject: string;
  message_id: string;
  sent_at: string;
}

export interface DeliveryFailuresTable {
  key: string;
  to_addr: string;
  workflow_id: string;
  code: string;
  message: string;
  at: string;
}

export interface AssignmentsTable {
  id: string;
  program_id: string;
  item_id: string;
  item_title: string;
  period: string | null;
  unit_id: string;
  unit_name: string;
  status: string;
  due_at: string;
  round: number;
  closed: number;
  version: number;
  indicators_json: string;
  next_step_json: string | null;
  updated_at: string;
}

export interface SubmissionsTable {
  assignment_id: string;
  seq: number;
  receipt_number: string;
  round: number;
  received_at: string;
  late: number;
  content: string;
  submitted_by: string | null;
  attachments_json: string;
  indicators_json: string;
}

export interface ReviewsTable {
  assignment_id: string;
  seq: number;
  round: number;
  decision: string;
  comment: string | null;
  reviewer: string | null;
  at: string;
  new_due_at: string | null;
}

export interface ExtensionsTable {
  assignment_id: string;
  seq: number;
  from_due: string;
  to_due: string;
  reason: string;
  at: string;
}

/** A unit's extension or exemption request, as asked; the decision is its own row. */
export interface UnitRequestsTable {
  assignment_id: string;
  seq: number;
  kind: string;
  reason: string;
  proposed_due_at: string | null;
  requested_by: string | null;
  requested_at: string;
}

export interface UnitDecisionsTable {
  assignment_id: string;
  seq: number;
  status: string;
  decided_at: string | null;
  decided_by: string | null;
  comment: string | null;
}

export interface AssignmentNoticesTable {
  assignment_id: string;
  seq: number;
  key: string;
  kind: string;
  to_json: string;
  scheduled_for: string;
  sent_at: string | null;
  message_id: string | null;
  skipped: string | null;
}

export interface OccurrencesTable {
  id: string;
  item_title: string;
  period_label: string;
  phase: string;
  approver: string | null;
  closed: number;
  version: number;
  rows_json: string;
  forwarded_json: string | null;
  updated_at: string;
}

export interface OccurrenceRowsTable {
  occurrence_id: string;
  assignment_id: string;
  position: number;
  seq: number;
  row_json: string;
  updated_at: string;
}

export interface ConsolidationsTable {
  occurrence_id: string;
  version: number;
  at: string;
  xlsx_json: string;
  html_json: string;
  counts_json: string;
  sums_json: string;
}

export interface ApprovalsTable {
  occurrence_id: string;
  seq: number;
  at: string;
  decision: string;
  comment: string | null;
  by_name: string | null;
}

export interface AddendaTable {
  occurrence_id: string;
  version: number;
  at: string;
  units_json: string;
  xlsx_json: string;
}

export interface RecordsSchema {
  program_versions: ProgramVersionsTable;
  sent_notices: SentNoticesTable;
  delivery_failures: DeliveryFailuresTable;
  assignments: AssignmentsTable;
  submissions: SubmissionsTable;
  reviews: ReviewsTable;
  extensions: ExtensionsTable;
  unit_requests: UnitRequestsTable;
  unit_decisions: UnitDecisionsTable;
  assignment_notices: AssignmentNoticesTable;
  occurrences: OccurrencesTable;
  occurrence_rows: OccurrenceRowsTable;
  consolidations: ConsolidationsTable;
  approvals: ApprovalsTable;
  addenda: AddendaTable;
  program_applies: ProgramAppliesTable;
}
