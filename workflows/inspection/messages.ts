// The contract of inspectionWorkflow: one inspection round (đợt kiểm tra). The office records
// what the team found at each visit with `recordFindings`; clients read the round with the
// `status` query. The zod schema is shared by the update validator and the clients.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { DeliveryFailureRecord, NoticeRecord } from '../assignment/messages';
import type { TrackedRow } from '../occurrence/assignment-tracker';

export const MAX_FINDINGS = 50;
export const MAX_REMEDIATIONS = 30;

/**
 * A real calendar day written YYYY-MM-DD. Not `z.iso.date()`: in the workflow sandbox's
 * webpack bundle (zod 4.6.7) that resolves to `z.date()` and refuses every string.
 */
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => DateTime.fromISO(s).isValid);

/** An instant with its offset, or a day (the remediation then runs to the unit's due time that day). */
const dueSchema = z.union([z.iso.datetime({ offset: true }), day], {
  error: 'hạn khắc phục phải là ngày YYYY-MM-DD hoặc thời điểm ISO có múi giờ (dueAt must be a date or an ISO instant)',
});

export const recordFindingsArgsSchema = z.object({
  unitId: z.string().min(1),
  findings: z.array(z.string().trim().min(1).max(2_000)).max(MAX_FINDINGS).default([]),
  remediations: z
    .array(
      z.object({
        title: z.string().trim().min(1, 'cần ghi nội dung phải khắc phục (a title is required)').max(500),
        dueAt: dueSchema,
      }),
    )
    .max(MAX_REMEDIATIONS)
    .default([]),
  /** Who inspected, e.g. "Đoàn kiểm tra liên ngành"; notices say "Đoàn kiểm tra" otherwise. */
  team: z.string().trim().min(1).max(200).optional(),
  recordedBy: z.string().max(200).optional(),
});
export type RecordFindingsArgs = z.input<typeof recordFindingsArgsSchema>;

export interface RecordFindingsResult {
  unitId: string;
  status: VisitStatus;
  /** One assignment per remediation item, in the order given. */
  remediations: { assignmentId: string; title: string; dueAt: string }[];
}

/**
 * scheduled → notified → visited → remediating → closed. A visit without remediation items
 * closes as soon as its findings are recorded. `skipped`: the unit could not be asked (no
 * assignment for it in the program); `removed`: a re-applied program dropped the visit.
 */
export type VisitStatus = 'scheduled' | 'notified' | 'visited' | 'remediating' | 'closed' | 'skipped' | 'removed';

export interface RemediationState extends TrackedRow {
  /** 1-based, as in the assignment id `<occurrence>/<unit>/khac-phuc-<n>`. */
  n: number;
  title: string;
}

export interface VisitState {
  unitId: string;
  unitName: string;
  status: VisitStatus;
  noticeAt?: string;
  visitAt: string;
  /** The day before the visit (previous working day), at the notice time of day. */
  reminderAt?: string;
  /** When the office should have recorded its findings (kết luận kiểm tra). */
  findingsDueAt?: string;
  /** Bumped when the program moves a visit whose notice was already sent. */
  version: number;
  team?: string;
  findings?: string[];
  findingsRecordedAt?: string;
  recordedBy?: string;
  remediations: RemediationState[];
  closedAt?: string;
}

export type InspectionPhase = 'scheduled' | 'visiting' | 'remediating' | 'closed';

export interface InspectionState {
  occurrenceId: string;
  itemTitle: string;
  periodLabel: string;
  phase: InspectionPhase;
  visits: VisitState[];
  /**
   * Assignments of the occurrence that belong to no visit — the yearly inspection plan the
   * office owes — followed as plain assignments.
   */
  assignments: TrackedRow[];
  notices: NoticeRecord[];
  deliveryFailures: DeliveryFailureRecord[];
  closed?: { at: string; units: string[] };
}

export const recordFindingsUpdate = defineUpdate<RecordFindingsResult, [RecordFindingsArgs]>('recordFindings');
export const inspectionStatusQuery = defineQuery<InspectionState>('status');
