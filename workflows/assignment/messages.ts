// The contract of assignmentWorkflow: its input, its state, and the updates and query
// that clients (CLI, web, tests) send it. Zod schemas here are shared by the update
// validators inside the workflow and by the client that builds the arguments.
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import { z } from 'zod';

export const MAX_SUBMISSION_CHARS = 20_000;
export const MAX_COMMENT_CHARS = 4_000;

const isoInstant = z.iso.datetime({ offset: true });
// z.iso.date() misbehaves inside the workflow sandbox (zod 4.6.7 rejects every string
// there), so plain dates are checked by pattern; the calendar validates the day itself.
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'cần ngày dạng YYYY-MM-DD (expected a date)');
const email = z.email();

export const offsetSchema = z.object({
  amount: z.number().int().min(0).max(366),
  unit: z.enum(['minutes', 'hours', 'calendarDays', 'workingDays']),
  /** Local time of day (HH:mm) for day-based offsets; defaults to the due's time of day. */
  at: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/).optional(),
});
export type Offset = z.infer<typeof offsetSchema>;

export const audienceSchema = z.enum(['unit-head', 'office', 'chair']);
export type Audience = z.infer<typeof audienceSchema>;

export const escalationStepSchema = offsetSchema.extend({ audience: audienceSchema });
export type EscalationStep = z.infer<typeof escalationStepSchema>;

const personSchema = z.object({ name: z.string().min(1), email, title: z.string().optional() });
export type Person = z.infer<typeof personSchema>;

export const indicatorFieldSchema = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  type: z.enum(['number', 'text', 'choice']),
  choices: z.array(z.string()).optional(),
  required: z.boolean().default(false),
  /** Unit of measure shown next to a number ("người", "%"). */
  unit: z.string().optional(),
  /** How a consolidation combines the units' figures (program: indicators[].aggregate). */
  aggregate: z.enum(['sum', 'average', 'weighted-average', 'none']).optional(),
  /** For weighted-average: the id of the indicator that weighs each unit. */
  weight: z.string().optional(),
});
export type IndicatorField = z.output<typeof indicatorFieldSchema>;

/** One dated step of a round, resolved outside workflow code by program/follow-ups.ts. */
export const stepSchema = z.object({
  key: z.string().min(1),
  kind: z.enum(['request', 'reminder', 'due', 'escalation']),
  level: z.number().int().min(0),
  at: isoInstant,
  audience: audienceSchema.optional(),
  workingDaysLeft: z.number().int(),
  /** The plan event this step fulfils (`dondoc plan` uid). */
  planUid: z.string().optional(),
});
export type Step = z.infer<typeof stepSchema>;

export const assignmentInputSchema = z.object({
  programId: z.string().min(1),
  programTitle: z.string().min(1),
  itemId: z.string().min(1),
  itemTitle: z.string().min(1),
  period: z.string().optional(),
  unit: z.object({
    id: z.string().min(1),
    name: z.string().min(1),
    emails: z.array(email).min(1),
    head: personSchema.optional(),
  }),
  office: z.object({ name: z.string().min(1), emails: z.array(email).min(1) }),
  chair: personSchema.optional(),
  dueAt: isoInstant,
  timeZone: z.string().min(1).default('Asia/Ho_Chi_Minh'),
  locale: z.enum(['vi', 'en']).default('vi'),
  /**
   * The first round, computed outside workflow code (the plan, or the client of a stand-alone
   * assignment): an optional request, the reminders, the due, the escalations.
   */
  steps: z.array(stepSchema).min(1, 'thiếu lịch nhắc việc (steps: compute them with roundSteps)'),
  /**
   * Without a request step, the request goes out when the workflow starts (stand-alone
   * assignments, remediation items) — unless this is false (a campaign's results, asked by
   * the campaign's own request).
   */
  requestAtStart: z.boolean().default(true),
  /** What later rounds are computed from when the due moves (by an activity, not here). */
  reminders: z.array(offsetSchema).default([]),
  escalations: z.array(escalationStepSchema).default([]),
  /** Indicator fields the unit fills in with its report (the program's figures). */
  indicators: z.array(indicatorFieldSchema).default([]),
  /** The unit must attach evidence (minutes, photos, a signed plan) to submit. */
  evidenceRequired: z.boolean().default(false),
  /** Working days a unit gets to resubmit after a return when the office sets no date. */
  resubmitWorkingDays: z.number().int().min(1).max(60).default(5),
  /**
   * `false`: the program turned review off for this item (`review: false`), so a submission is
   * accepted at once and nothing waits for the office. Absent means reviewed, as before. No
   * patch() guards it: executions recorded before this field existed have no `review` in their
   * input and replay the reviewed path they took, and a new execution records the field with
   * its start, so its replay takes the same branch as its first run.
   */
  review: z.literal(false).optional(),
  calendar: z
    .object({
      daysOff: z.array(z.object({ date: isoDate, name: z.string() })).optional(),
      workingDays: z.array(isoDate).optional(),
    })
    .optional(),
  /**
   * The occurrence that follows this assignment (a report cycle, a campaign, an inspection),
   * told by signal of every change. Assignments are started by an activity, not as child
   * workflows, so an occurrence of thousands of units stays under Temporal's limit of 2,000
   * pending children; the signal goes to the workflow id (any run, after a continue-as-new).
   * `token` names this start: a summary from an earlier run of the same id (a unit removed
   * and added back while the old run was closing) is ignored by the occurrence.
   */
  parent: z.object({ workflowId: z.string().min(1), token: z.string().min(1), stages: z.boolean().optional() }).optional(),
  /**
   * The record is written by the notices' activity when both are due (one activity, not two;
   * assignment.ts). Set by every starter since 0.5. Gated on the input, not on patched(): an
   * execution of 0.4 has no such field and replays the path it took (a record activity of its
   * own), and a new one carries it from its start, so no marker is recorded.
   */
  recordWithNotices: z.literal(true).optional(),
});
export type AssignmentInput = z.input<typeof assignmentInputSchema>;
export type CheckedAssignmentInput = z.output<typeof assignmentInputSchema>;

/** What later rounds of an assignment are computed from (by the scheduleRound activity). */
export function followUpSpecOf(input: AssignmentInput) {
  return {
    timeZone: input.timeZone ?? 'Asia/Ho_Chi_Minh',
    reminders: input.reminders ?? [],
    escalations: input.escalations ?? [],
    ...(input.calendar ? { calendar: input.calendar } : {}),
  };
}

export type AssignmentStatus =
  | 'requested'
  | 'submitted'
  | 'returned'
  | 'overdue'
  | 'escalated'
  | 'accepted'
  | 'exempted';

/** Statuses in which the unit may (still) submit. */
export const OPEN_FOR_SUBMISSION: readonly AssignmentStatus[] = ['requested', 'returned', 'overdue', 'escalated'];

export const attachmentRefSchema = z.object({
  name: z.string().min(1).max(255),
  ref: z.string().min(1).max(500),
  size: z.number().int().min(0),
  contentType: z.string().max(200).optional(),
});

export const submitArgsSchema = z.object({
  content: z
    .string()
    .trim()
    .min(1, 'nội dung báo cáo không được để trống (content is empty)')
    .max(MAX_SUBMISSION_CHARS, `nội dung quá ${MAX_SUBMISSION_CHARS} ký tự (content too long)`),
  submittedBy: z.string().max(200).optional(),
  attachments: z.array(attachmentRefSchema).max(20).default([]),
  indicators: z.record(z.string(), z.union([z.number(), z.string()])).default({}),
});
export type SubmitArgs = z.input<typeof submitArgsSchema>;

export interface Receipt {
  receiptNumber: string;
  receivedAt: string;
  late: boolean;
  /** The item has no review: the submission was accepted as it was received. */
  accepted?: boolean;
}

export const reviewArgsSchema = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('accept'), reviewer: z.string().max(200).optional(), comment: z.string().max(MAX_COMMENT_CHARS).optional() }),
  z.object({
    decision: z.literal('return'),
    reviewer: z.string().max(200).optional(),
    comment: z.string().trim().min(1, 'cần ghi rõ lý do trả lại (a comment is required)').max(MAX_COMMENT_CHARS),
    newDueAt: isoInstant.optional(),
  }),
]);
export type ReviewArgs = z.input<typeof reviewArgsSchema>;

export const extendArgsSchema = z.object({
  newDueAt: isoInstant,
  reason: z.string().trim().min(1, 'cần ghi rõ lý do gia hạn (a reason is required)').max(MAX_COMMENT_CHARS),
});
export type ExtendArgs = z.input<typeof extendArgsSchema>;

export interface SubmissionRecord extends Receipt {
  round: number;
  content: string;
  submittedBy?: string;
  attachments: z.output<typeof attachmentRefSchema>[];
  indicators: Record<string, number | string>;
}

export interface ReviewRecord {
  round: number;
  decision: 'accept' | 'return';
  comment?: string;
  reviewer?: string;
  at: string;
  newDueAt?: string;
}

export interface ExtensionRecord {
  from: string;
  to: string;
  reason: string;
  at: string;
}

export interface NoticeRecord {
  key: string;
  kind: string;
  to: string[];
  scheduledFor: string;
  sentAt?: string;
  messageId?: string;
  skipped?: 'past';
  /** The plan event this notice fulfils. */
  planUid?: string;
}

/** A notice the relay refused for good (bad mailbox): recorded, reported, sent again once corrected. */
export interface DeliveryFailureRecord {
  key: string;
  /** One address per record: a notice to two bad addresses gives two. */
  to: string;
  code: string;
  message: string;
  at: string;
}

export const requestExtensionArgsSchema = z.object({
  reason: z.string().trim().min(1, 'cần ghi rõ lý do (a reason is required)').max(MAX_COMMENT_CHARS),
  proposedDueAt: isoInstant.optional(),
  requestedBy: z.string().max(200).optional(),
});
export type RequestExtensionArgs = z.input<typeof requestExtensionArgsSchema>;

export const requestExemptionArgsSchema = z.object({
  reason: z.string().trim().min(1, 'cần ghi rõ lý do (a reason is required)').max(MAX_COMMENT_CHARS),
  requestedBy: z.string().max(200).optional(),
});
export type RequestExemptionArgs = z.input<typeof requestExemptionArgsSchema>;

export const decideRequestArgsSchema = z.object({
  requestId: z.number().int().min(1),
  grant: z.boolean(),
  /** For a granted extension: the new due (defaults to the unit's proposal). */
  newDueAt: isoInstant.optional(),
  comment: z.string().max(MAX_COMMENT_CHARS).optional(),
  decidedBy: z.string().max(200).optional(),
});
export type DecideRequestArgs = z.input<typeof decideRequestArgsSchema>;

/** The office exempts a unit on its own initiative (e.g. a merged commune). */
export const exemptArgsSchema = z.object({
  reason: z.string().trim().min(1, 'cần ghi rõ lý do miễn (a reason is required)').max(MAX_COMMENT_CHARS),
  decidedBy: z.string().max(200).optional(),
});
export type ExemptArgs = z.input<typeof exemptArgsSchema>;

export interface UnitRequestRecord {
  id: number;
  kind: 'extension' | 'exemption';
  reason: string;
  proposedDueAt?: string;
  requestedBy?: string;
  requestedAt: string;
  status: 'pending' | 'granted' | 'refused';
  decidedAt?: string;
  decidedBy?: string;
  comment?: string;
}

export interface AssignmentState {
  workflowId: string;
  programId: string;
  itemId: string;
  itemTitle: string;
  period?: string;
  unitId: string;
  unitName: string;
  status: AssignmentStatus;
  dueAt: string;
  round: number;
  submissions: SubmissionRecord[];
  reviews: ReviewRecord[];
  extensions: ExtensionRecord[];
  requests: UnitRequestRecord[];
  indicators: IndicatorField[];
  notices: NoticeRecord[];
  deliveryFailures: DeliveryFailureRecord[];
  nextStep?: { key: string; kind: string; at: string };
}

export const submitUpdate = defineUpdate<Receipt, [SubmitArgs]>('submit');
export const reviewUpdate = defineUpdate<{ status: AssignmentStatus; dueAt: string }, [ReviewArgs]>('review');
export const extendUpdate = defineUpdate<{ dueAt: string }, [ExtendArgs]>('extend');
export const requestExtensionUpdate = defineUpdate<UnitRequestRecord, [RequestExtensionArgs]>('requestExtension');
export const requestExemptionUpdate = defineUpdate<UnitRequestRecord, [RequestExemptionArgs]>('requestExemption');
export const decideRequestUpdate = defineUpdate<UnitRequestRecord, [DecideRequestArgs]>('decideRequest');
export const exemptUpdate = defineUpdate<{ status: AssignmentStatus }, [ExemptArgs]>('exempt');
export const statusQuery = defineQuery<AssignmentState>('status');

/** Names for lists: the dashboard reads them from visibility without querying each workflow. */
export function assignmentMemo(input: AssignmentInput): Record<string, string> {
  return { unitName: input.unit.name, itemTitle: input.itemTitle, ...(input.period ? { period: input.period } : {}) };
}

/** What a parent (a report cycle, a campaign, an inspection) needs to know of one assignment. */
export interface AssignmentSummary {
  assignmentId: string;
  unitId: string;
  status: AssignmentStatus;
  dueAt: string;
  round: number;
  receiptNumber?: string;
  submittedAt?: string;
  /** The latest submission came after the due in force at the time. */
  late: boolean;
  indicators: Record<string, number | string>;
  note?: string;
  /** The assignment has ended (accepted, exempted or cancelled): its last word to the parent. */
  closed?: boolean;
  /** The parent's token of the start this summary comes from (AssignmentInput.parent). */
  token?: string;
}

/** A parent's row for one child assignment: the child's latest summary and what the parent knows. */
export interface ChildAssignmentRow extends AssignmentSummary {
  unitName: string;
  /** The child has ended: accepted, exempted, or cancelled. */
  closed: boolean;
  /** Withdrawn by a re-applied program. */
  removed?: boolean;
  /** The start this row follows (AssignmentInput.parent.token); summaries of other runs are ignored. */
  token?: string;
}

/** Sent by an assignment to its parent workflow whenever its summary changes. */
export const assignmentChangedSignal = defineSignal<[AssignmentSummary]>('assignmentChanged');

/**
 * The program moved the due (a re-applied program file): re-arm without a unit request.
 * `steps` are the new round's steps with their plan uids, resolved by the program's activity.
 */
export const rescheduleSignal = defineSignal<[{ dueAt: string; reason: string; steps?: Step[] }]>('reschedule');

export const unitContactsSchema = assignmentInputSchema.shape.unit;
export type UnitContacts = z.infer<typeof unitContactsSchema>;

/** The unit's addresses or head changed (re-applied program, the web): refused notices go again. */
export const contactsChangedSignal = defineSignal<[UnitContacts]>('contactsChanged');
