// Read-side queries for the web: a program's assignment rows with their latest receipt
// numbers (the dashboard, exports and unit pages merge them with Temporal's live rows),
// the records' own progress for a set of ids (to tell a write still being retried), and
// the delivery failures not yet resolved by a later delivery of the same notice.
import type { Kysely } from 'kysely';
import type { AssignmentStatus } from '../../workflows/assignment/messages';
import { isSet, opt, parseJson } from './json';
import type { RecordsSchema } from './schema';

export interface RecordedRow {
  workflowId: string;
  programId: string;
  itemId: string;
  itemTitle: string;
  period: string;
  unitId: string;
  unitName: string;
  status: AssignmentStatus;
  dueAt: string;
  closed: boolean;
  /** The latest submission's receipt number, when there was one. */
  receiptNumber?: string;
  /** The latest submission came after the due. */
  late?: boolean;
}

export interface RecordedProgress {
  status: AssignmentStatus;
  closed: boolean;
  submissions: number;
  reviews: number;
}

export interface UndeliverableRow {
  workflowId: string;
  programId: string;
  unitId: string;
  unitName: string;
  itemId: string;
  itemTitle: string;
  period: string;
  /** The notice's key (its Message-ID before the domain). */
  key: string;
  to: string;
  code: string;
  message: string;
  at: string;
}

// IN lists are cut in batches: SQLite allows 32,766 bound values, PostgreSQL 65,535.
const BATCH = 500;

async function inBatches<T, R>(items: T[], run: (batch: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += BATCH) out.push(...(await run(items.slice(i, i + BATCH))));
  return out;
}

/** The latest submission of each assignment of a program: its receipt number and lateness. */
async function latestReceipts(db: Kysely<RecordsSchema>, programId: string, unitId?: string): Promise<Map<string, { receiptNumber: string; late: boolean }>> {
  let q = db
    .selectFrom('submissions')
    .innerJoin('assignments', 'assignments.id', 'submissions.assignment_id')
    .select(['submissions.assignment_id as id', 'submissions.seq as seq', 'submissions.receipt_number as receipt', 'submissions.late as late'])
    .where('assignments.program_id', '=', programId);
  if (unitId !== undefined) q = q.where('assignments.unit_id', '=', unitId);
  const rows = await q.orderBy('submissions.assignment_id').orderBy('submissions.seq').execute();
  const latest = new Map<string, { receiptNumber: string; late: boolean }>();
  // Ordered by seq: the last one written for an id is its latest submission.
  for (const r of rows) latest.set(r.id, { receiptNumber: r.receipt, late: isSet(r.late) });
  return latest;
}

/** Every assignment the records database has for a program (optionally one unit), with receipts. */
export async function listRecordedRows(db: Kysely<RecordsSchema>, programId: string, unitId?: string): Promise<RecordedRow[]> {
  let q = db.selectFrom('assignments').selectAll().where('program_id', '=', programId);
  if (unitId !== undefined) q = q.where('unit_id', '=', unitId);
  const [rows, receipts] = await Promise.all([q.orderBy('id').execute(), latestReceipts(db, programId, unitId)]);
  return rows.map((a) => {
    const receipt = receipts.get(a.id);
    return {
      workflowId: a.id,
      programId: a.program_id,
      itemId: a.item_id,
      itemTitle: a.item_title,
      period: a.period ?? '',
      unitId: a.unit_id,
      unitName: a.unit_name,
      status: a.status as AssignmentStatus,
      dueAt: a.due_at,
      closed: isSet(a.closed),
      ...opt('receiptNumber', receipt?.receiptNumber),
      ...opt('late', receipt?.late),
    };
  });
}

/** How far the records database has followed each of these assignments (absent: nothing written yet). */
export async function recordedProgress(db: Kysely<RecordsSchema>, ids: string[]): Promise<Map<string, RecordedProgress>> {
  const unique = [...new Set(ids)];
  const out = new Map<string, RecordedProgress>();
  if (unique.length === 0) return out;
  const [rows, subs, revs] = await Promise.all([
    inBatches(unique, (batch) => db.selectFrom('assignments').select(['id', 'status', 'closed']).where('id', 'in', batch).execute()),
    inBatches(unique, (batch) =>
      db.selectFrom('submissions').select(['assignment_id as id', (eb) => eb.fn.countAll<number | string>().as('n')]).where('assignment_id', 'in', batch).groupBy('assignment_id').execute(),
    ),
    inBatches(unique, (batch) =>
      db.selectFrom('reviews').select(['assignment_id as id', (eb) => eb.fn.countAll<number | string>().as('n')]).where('assignment_id', 'in', batch).groupBy('assignment_id').execute(),
    ),
  ]);
  const count = (list: { id: string; n: number | string }[]) => new Map(list.map((r) => [r.id, Number(r.n)]));
  const subCount = count(subs);
  const revCount = count(revs);
  for (const r of rows) out.set(r.id, { status: r.status as AssignmentStatus, closed: isSet(r.closed), submissions: subCount.get(r.id) ?? 0, reviews: revCount.get(r.id) ?? 0 });
  return out;
}

/**
 * Refusals of a program's open assignments that no later delivery of the same notice has
 * made good. A notice sent again to a corrected address is recorded in the ledger under
 * `<key>#resend-<n>`; a refusal is resolved once a delivery of its key (first or resent),
 * no earlier than the refusal, went to recipients that no longer include the refused address.
 */
export async function listUndeliverable(db: Kysely<RecordsSchema>, programId: string): Promise<UndeliverableRow[]> {
  const failures = await db
    .selectFrom('delivery_failures as f')
    .innerJoin('assignments as a', 'a.id', 'f.workflow_id')
    .select(['f.key', 'f.to_addr', 'f.workflow_id', 'f.code', 'f.message', 'f.at', 'a.program_id', 'a.unit_id', 'a.unit_name', 'a.item_id', 'a.item_title', 'a.period', 'a.closed'])
    .where('a.program_id', '=', programId)
    .orderBy('f.at')
    .orderBy('f.key')
    .execute();
  const open = failures.filter((f) => !isSet(f.closed));
  if (open.length === 0) return [];
  const workflows = [...new Set(open.map((f) => f.workflow_id))];
  const sent = await inBatches(workflows, (batch) => db.selectFrom('sent_notices').select(['key', 'to_json', 'cc_json', 'sent_at']).where('workflow_id', 'in', batch).execute());
  const deliveries = new Map<string, { to: string[]; at: number }[]>();
  for (const s of sent) {
    const base = s.key.replace(/#resend-\d+$/, '');
    const list = deliveries.get(base) ?? [];
    list.push({ to: [...parseJson<string[]>(s.to_json), ...parseJson<string[]>(s.cc_json)].map((a) => a.toLowerCase()), at: Date.parse(s.sent_at) });
    deliveries.set(base, list);
  }
  return open
    .filter((f) => !(deliveries.get(f.key) ?? []).some((d) => d.at >= Date.parse(f.at) && !d.to.includes(f.to_addr.toLowerCase())))
    .map((f) => ({
      workflowId: f.workflow_id,
      programId: f.program_id,
      unitId: f.unit_id,
      unitName: f.unit_name,
      itemId: f.item_id,
      itemTitle: f.item_title,
      period: f.period ?? '',
      key: f.key,
      to: f.to_addr,
      code: f.code,
      message: f.message,
      at: f.at,
    }));
}

export interface RecordedOccurrenceRow {
  id: string;
  itemTitle: string;
  periodLabel: string;
  phase: string;
  closed: boolean;
  updatedAt: string;
}

/**
 * A program's report cycles and tasks as the records database has them. Occurrence ids are
 * `<program>/<item>/<period>` (program/plan.ts), so the program's are one range of ids: no
 * pattern to escape, and the primary key serves it.
 */
export async function listRecordedOccurrences(db: Kysely<RecordsSchema>, programId: string): Promise<RecordedOccurrenceRow[]> {
  // '0' is the character after '/': every id that starts with `<program>/` sorts in between.
  const rows = await db.selectFrom('occurrences').select(['id', 'item_title', 'period_label', 'phase', 'closed', 'updated_at']).where('id', '>=', `${programId}/`).where('id', '<', `${programId}0`).orderBy('id').execute();
  return rows.map((o) => ({ id: o.id, itemTitle: o.item_title, periodLabel: o.period_label, phase: o.phase, closed: isSet(o.closed), updatedAt: o.updated_at }));
}

/** Every program the records database has assignments of (a program Temporal forgot is still one). */
export async function listRecordedPrograms(db: Kysely<RecordsSchema>): Promise<string[]> {
  const rows = await db.selectFrom('assignments').select('program_id').distinct().orderBy('program_id').execute();
  return rows.map((r) => r.program_id);
}
