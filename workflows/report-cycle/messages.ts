// The contract of reportCycleWorkflow: the consolidation state clients read, the chair's
// (or office's) approval, and the office's request to consolidate again.
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import { z } from 'zod';
import type { ChildAssignmentRow, DeliveryFailureRecord, NoticeRecord } from '../assignment/messages';
import type { OccurrenceInput } from '../occurrence/input';

export type CyclePhase = 'collecting' | 'awaiting-approval' | 'returned-to-office' | 'forwarding' | 'forwarded' | 'closed';
export type RowStatus = 'on-time' | 'late' | 'missing' | 'exempt' | 'returned';

/** One unit's row in a report cycle. */
export type CycleRow = ChildAssignmentRow;

export interface StoredFileRef {
  ref: string;
  name: string;
  size: number;
  contentType: string;
}

export interface ConsolidationRecord {
  version: number;
  at: string;
  xlsx: StoredFileRef;
  html: StoredFileRef;
  counts: { total: number; onTime: number; late: number; missing: number; exempt: number; returned: number };
  sums: Record<string, number>;
}

export interface ReportCycleState {
  occurrenceId: string;
  itemTitle: string;
  periodLabel: string;
  phase: CyclePhase;
  /** Who approves the consolidation; absent when the item has no consolidation step. */
  approver?: 'chair' | 'office';
  rows: CycleRow[];
  consolidations: ConsolidationRecord[];
  approvals: { at: string; decision: 'approve' | 'return'; comment?: string; by?: string }[];
  forwarded?: { at: string; to: string[]; messageId?: string };
  addenda: { version: number; at: string; units: string[]; xlsx: StoredFileRef }[];
  /** Notices the cycle itself sent (consolidation, approval, forwarding, addenda). */
  notices: NoticeRecord[];
  deliveryFailures: DeliveryFailureRecord[];
}

export const approveArgsSchema = z.object({
  decision: z.enum(['approve', 'return']),
  comment: z.string().trim().max(4000).optional(),
  by: z.string().max(200).optional(),
});
export type ApproveArgs = z.input<typeof approveArgsSchema>;

export const approveUpdate = defineUpdate<{ phase: CyclePhase }, [ApproveArgs]>('approve');
/** The office consolidates now (before the deadline) or again after the chair's return. */
export const consolidateUpdate = defineUpdate<{ phase: CyclePhase }, [{ by?: string }]>('consolidate');
export const reportCycleStatusQuery = defineQuery<ReportCycleState>('status');
/** A re-applied program changed this occurrence: new dues, units added or removed. */
export const reconfigureSignal = defineSignal<[OccurrenceInput]>('reconfigure');
