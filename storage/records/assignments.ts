// Assignment records: one row per assignment (the latest state, guarded by the version the
// workflow counts), and insert-once child rows keyed by (assignment, position) for every
// submission, review, extension, unit request, decision and settled notice. A retried or
// repeated write inserts nothing new; an older snapshot arriving late changes nothing.
import type { Kysely, Selectable, Transaction } from 'kysely';
import type {
  AssignmentState,
  AssignmentStatus,
  IndicatorField,
  NoticeRecord,
  SubmissionRecord,
  UnitRequestRecord,
} from '../../workflows/assignment/messages';
import { flag, isSet, opt, parseJson } from './json';
import { listDeliveryFailures } from './notices';
import type { RecordsSchema } from './schema';
import type { DeliveryFailure } from './types';

export interface AssignmentSnapshot extends AssignmentState {
  /** Increases with each change the workflow makes; a write never replaces a newer one. */
  version: number;
  /** The workflow has ended (accepted, exempted, cancelled). */
  closed: boolean;
}

/** An assignment as the records database has it: the workflow's last state, and more. */
export interface AssignmentRecord extends AssignmentSnapshot {
  updatedAt: string;
  deliveryFailures: DeliveryFailure[];
}

export interface AssignmentListFilter {
  programId: string;
  unitId?: string;
  status?: AssignmentStatus;
}

export interface AssignmentListRow {
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
  closed: boolean;
  version: number;
  updatedAt: string;
}

type Db = Kysely<RecordsSchema> | Transaction<RecordsSchema>;

export async function writeAssignment(db: Kysely<RecordsSchema>, s: AssignmentSnapshot, now = new Date().toISOString()): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const row = {
      id: s.workflowId,
      program_id: s.programId,
      item_id: s.itemId,
      item_title: s.itemTitle,
      period: s.period ?? null,
      unit_id: s.unitId,
      unit_name: s.unitName,
      status: s.status,
      due_at: s.dueAt,
      round: s.round,
      closed: flag(s.closed),
      version: s.version,
      indicators_json: JSON.stringify(s.indicators),
      next_step_json: s.nextStep ? JSON.stringify(s.nextStep) : null,
      updated_at: now,
    };
    const { id: _id, ...update } = row;
    await tx
      .insertInto('assignments')
      .values(row)
      .onConflict((oc) => oc.column('id').doUpdateSet(update).whereRef('assignments.version', '<', 'excluded.version'))
      .execute();
    await insertChildren(tx, s);
  });
}

async function insertChildren(tx: Db, s: AssignmentSnapshot): Promise<void> {
  const id = s.workflowId;
  if (s.submissions.length > 0) {
    await tx
      .insertInto('submissions')
      .values(s.submissions.map((sub, i) => submissionRow(id, i + 1, sub)))
      // Also covers a receipt number already recorded: it is unique across assignments.
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  if (s.reviews.length > 0) {
    await tx
      .insertInto('reviews')
      .values(
        s.reviews.map((r, i) => ({
          assignment_id: id,
          seq: i + 1,
          round: r.round,
          decision: r.decision,
          comment: r.comment ?? null,
          reviewer: r.reviewer ?? null,
          at: r.at,
          new_due_at: r.newDueAt ?? null,
        })),
      )
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  if (s.extensions.length > 0) {
    await tx
      .insertInto('extensions')
      .values(s.extensions.map((e, i) => ({ assignment_id: id, seq: i + 1, from_due: e.from, to_due: e.to, reason: e.reason, at: e.at })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  if (s.requests.length > 0) {
    await tx
      .insertInto('unit_requests')
      .values(
        s.requests.map((r) => ({
          assignment_id: id,
          seq: r.id,
          kind: r.kind,
          reason: r.reason,
          proposed_due_at: r.proposedDueAt ?? null,
          requested_by: r.requestedBy ?? null,
          requested_at: r.requestedAt,
        })),
      )
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  const decided = s.requests.filter((r) => r.status !== 'pending');
  if (decided.length > 0) {
    await tx
      .insertInto('unit_decisions')
      .values(
        decided.map((r) => ({
          assignment_id: id,
          seq: r.id,
          status: r.status,
          decided_at: r.decidedAt ?? null,
          decided_by: r.decidedBy ?? null,
          comment: r.comment ?? null,
        })),
      )
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  // A notice becomes a record once settled (sent, or skipped as past); a pending one is
  // written by a later snapshot, when it has its Message-ID.
  const settled = s.notices.map((n, i) => ({ n, seq: i + 1 })).filter(({ n }) => n.sentAt !== undefined || n.skipped !== undefined);
  if (settled.length > 0) {
    await tx
      .insertInto('assignment_notices')
      .values(
        settled.map(({ n, seq }) => ({
          assignment_id: id,
          seq,
          key: n.key,
          kind: n.kind,
          to_json: JSON.stringify(n.to),
          scheduled_for: n.scheduledFor,
          sent_at: n.sentAt ?? null,
          message_id: n.messageId ?? null,
          skipped: n.skipped ?? null,
        })),
      )
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

function submissionRow(assignmentId: string, seq: number, s: SubmissionRecord) {
  return {
    assignment_id: assignmentId,
    seq,
    receipt_number: s.receiptNumber,
    round: s.round,
    received_at: s.receivedAt,
    late: flag(s.late),
    content: s.content,
    submitted_by: s.submittedBy ?? null,
    attachments_json: JSON.stringify(s.attachments),
    indicators_json: JSON.stringify(s.indicators),
  };
}

export async function getAssignment(db: Kysely<RecordsSchema>, id: string): Promise<AssignmentRecord | undefined> {
  const a = await db.selectFrom('assignments').selectAll().where('id', '=', id).executeTakeFirst();
  if (!a) return undefined;
  const [submissions, reviews, extensions, requests, decisions, notices, deliveryFailures] = await Promise.all([
    db.selectFrom('submissions').selectAll().where('assignment_id', '=', id).orderBy('seq').execute(),
    db.selectFrom('reviews').selectAll().where('assignment_id', '=', id).orderBy('seq').execute(),
    db.selectFrom('extensions').selectAll().where('assignment_id', '=', id).orderBy('seq').execute(),
    db.selectFrom('unit_requests').selectAll().where('assignment_id', '=', id).orderBy('seq').execute(),
    db.selectFrom('unit_decisions').selectAll().where('assignment_id', '=', id).orderBy('seq').execute(),
    db.selectFrom('assignment_notices').selectAll().where('assignment_id', '=', id).orderBy('seq').execute(),
    listDeliveryFailures(db, id),
  ]);
  const decisionOf = new Map(decisions.map((d) => [Number(d.seq), d]));
  return {
    ...headerOf(a),
    submissions: submissions.map(
      (s): SubmissionRecord => ({
        receiptNumber: s.receipt_number,
        receivedAt: s.received_at,
        late: isSet(s.late),
        round: Number(s.round),
        content: s.content,
        ...opt('submittedBy', s.submitted_by),
        attachments: parseJson(s.attachments_json),
        indicators: parseJson(s.indicators_json),
      }),
    ),
    reviews: reviews.map((r) => ({
      round: Number(r.round),
      decision: r.decision as 'accept' | 'return',
      ...opt('comment', r.comment),
      ...opt('reviewer', r.reviewer),
      at: r.at,
      ...opt('newDueAt', r.new_due_at),
    })),
    extensions: extensions.map((e) => ({ from: e.from_due, to: e.to_due, reason: e.reason, at: e.at })),
    requests: requests.map((r): UnitRequestRecord => {
      const d = decisionOf.get(Number(r.seq));
      return {
        id: Number(r.seq),
        kind: r.kind as UnitRequestRecord['kind'],
        reason: r.reason,
        ...opt('proposedDueAt', r.proposed_due_at),
        ...opt('requestedBy', r.requested_by),
        requestedAt: r.requested_at,
        status: (d?.status ?? 'pending') as UnitRequestRecord['status'],
        ...opt('decidedAt', d?.decided_at),
        ...opt('decidedBy', d?.decided_by),
        ...opt('comment', d?.comment),
      };
    }),
    indicators: parseJson<IndicatorField[]>(a.indicators_json),
    notices: notices.map(
      (n): NoticeRecord => ({
        key: n.key,
        kind: n.kind,
        to: parseJson(n.to_json),
        scheduledFor: n.scheduled_for,
        ...opt('sentAt', n.sent_at),
        ...opt('messageId', n.message_id),
        ...opt('skipped', n.skipped as 'past' | null),
      }),
    ),
    ...opt('nextStep', a.next_step_json === null ? null : parseJson<NonNullable<AssignmentState['nextStep']>>(a.next_step_json)),
    version: Number(a.version),
    closed: isSet(a.closed),
    updatedAt: a.updated_at,
    deliveryFailures,
  };
}

export async function listAssignments(db: Kysely<RecordsSchema>, filter: AssignmentListFilter): Promise<AssignmentListRow[]> {
  let q = db.selectFrom('assignments').selectAll().where('program_id', '=', filter.programId);
  if (filter.unitId !== undefined) q = q.where('unit_id', '=', filter.unitId);
  if (filter.status !== undefined) q = q.where('status', '=', filter.status);
  const rows = await q.orderBy('item_id').orderBy('due_at').orderBy('unit_id').orderBy('id').execute();
  return rows.map((a) => ({
    ...headerOf(a),
    closed: isSet(a.closed),
    version: Number(a.version),
    updatedAt: a.updated_at,
  }));
}

/** What every reading of an assignment row starts with: who, what, where it stands. */
function headerOf(a: Selectable<RecordsSchema['assignments']>) {
  return {
    workflowId: a.id,
    programId: a.program_id,
    itemId: a.item_id,
    itemTitle: a.item_title,
    ...opt('period', a.period),
    unitId: a.unit_id,
    unitName: a.unit_name,
    status: a.status as AssignmentStatus,
    dueAt: a.due_at,
    round: Number(a.round),
  };
}
