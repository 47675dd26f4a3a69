// The rows a report cycle hands to the consolidation activity: plain JSON shared by the
// report-cycle workflow and the report activities, with no imports.

export type RowStatus = 'on-time' | 'late' | 'missing' | 'exempt' | 'returned';

export interface ConsolidationRow {
  unitId: string;
  unitName: string;
  status: RowStatus;
  /** Reviewed and accepted by the office. */
  accepted: boolean;
  /** Latest receipt. */
  receiptNumber?: string;
  /** ISO, latest submission. */
  submittedAt?: string;
  /** ISO, the unit's (possibly extended) due. */
  dueAt: string;
  /** Submissions made. */
  rounds: number;
  indicators: Record<string, number | string>;
  /** E.g. exemption reason, office comment. */
  note?: string;
}
