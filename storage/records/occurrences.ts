// Occurrence (report cycle) records: the latest state guarded by version, and insert-once
// rows for every consolidation (with its file references and counts), approval and addendum.
// The unit rows are the occurrence's own (occurrence-rows.ts: written as they change), so a
// closed cycle reads back as it was; cycles started before 0.4 kept them as JSON here.
import type { Kysely } from 'kysely';
import type { ConsolidationRecord, CyclePhase, CycleRow, ReportCycleState, StoredFileRef } from '../../workflows/report-cycle/messages';
import { flag, isSet, opt, parseJson } from './json';
import { listDeliveryFailures, listNotices } from './notices';
import { orderedOccurrenceRows } from './occurrence-rows';
import type { RecordsSchema } from './schema';

export interface OccurrenceSnapshot extends Omit<ReportCycleState, 'rows'> {
  /**
   * The unit rows, from cycles started before 0.4; later cycles write them to
   * occurrence_rows themselves (only those that changed) and send none here.
   */
  rows?: CycleRow[];
  version: number;
  closed: boolean;
}

export interface OccurrenceRecord extends OccurrenceSnapshot {
  rows: CycleRow[];
  updatedAt: string;
}

export async function writeOccurrence(db: Kysely<RecordsSchema>, s: OccurrenceSnapshot, now = new Date().toISOString()): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const row = {
      id: s.occurrenceId,
      item_title: s.itemTitle,
      period_label: s.periodLabel,
      phase: s.phase,
      approver: s.approver ?? null,
      closed: flag(s.closed),
      version: s.version,
      rows_json: JSON.stringify(s.rows ?? []),
      forwarded_json: s.forwarded ? JSON.stringify(s.forwarded) : null,
      updated_at: now,
    };
    const { id: _id, ...update } = row;
    await tx
      .insertInto('occurrences')
      .values(row)
      .onConflict((oc) => oc.column('id').doUpdateSet(update).whereRef('occurrences.version', '<', 'excluded.version'))
      .execute();
    const id = s.occurrenceId;
    if (s.consolidations.length > 0) {
      await tx
        .insertInto('consolidations')
        .values(
          s.consolidations.map((c) => ({
            occurrence_id: id,
            version: c.version,
            at: c.at,
            xlsx_json: JSON.stringify(c.xlsx),
            html_json: JSON.stringify(c.html),
            counts_json: JSON.stringify(c.counts),
            sums_json: JSON.stringify(c.sums),
          })),
        )
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
    if (s.approvals.length > 0) {
      await tx
        .insertInto('approvals')
        .values(s.approvals.map((a, i) => ({ occurrence_id: id, seq: i + 1, at: a.at, decision: a.decision, comment: a.comment ?? null, by_name: a.by ?? null })))
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
    if (s.addenda.length > 0) {
      await tx
        .insertInto('addenda')
        .values(s.addenda.map((a) => ({ occurrence_id: id, version: a.version, at: a.at, units_json: JSON.stringify(a.units), xlsx_json: JSON.stringify(a.xlsx) })))
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
  });
}

export async function getOccurrence(db: Kysely<RecordsSchema>, id: string): Promise<OccurrenceRecord | undefined> {
  const o = await db.selectFrom('occurrences').selectAll().where('id', '=', id).executeTakeFirst();
  if (!o) return undefined;
  const [consolidations, approvals, addenda, sent, failures, rows] = await Promise.all([
    db.selectFrom('consolidations').selectAll().where('occurrence_id', '=', id).orderBy('version').execute(),
    db.selectFrom('approvals').selectAll().where('occurrence_id', '=', id).orderBy('seq').execute(),
    db.selectFrom('addenda').selectAll().where('occurrence_id', '=', id).orderBy('version').execute(),
    listNotices(db, id),
    listDeliveryFailures(db, id),
    orderedOccurrenceRows(db, id),
  ]);
  return {
    occurrenceId: o.id,
    itemTitle: o.item_title,
    periodLabel: o.period_label,
    phase: o.phase as CyclePhase,
    ...opt('approver', o.approver as 'chair' | 'office' | null),
    // The rows the cycle wrote itself, or (cycles started before 0.4) the table in its snapshot.
    rows: rows.length > 0 ? rows : parseJson<CycleRow[]>(o.rows_json),
    consolidations: consolidations.map(
      (c): ConsolidationRecord => ({
        version: Number(c.version),
        at: c.at,
        xlsx: parseJson(c.xlsx_json),
        html: parseJson(c.html_json),
        counts: parseJson(c.counts_json),
        sums: parseJson(c.sums_json),
      }),
    ),
    approvals: approvals.map((a) => ({ at: a.at, decision: a.decision as 'approve' | 'return', ...opt('comment', a.comment), ...opt('by', a.by_name) })),
    ...opt('forwarded', o.forwarded_json === null ? null : parseJson<NonNullable<ReportCycleState['forwarded']>>(o.forwarded_json)),
    addenda: addenda.map((a) => ({ version: Number(a.version), at: a.at, units: parseJson<string[]>(a.units_json), xlsx: parseJson<StoredFileRef>(a.xlsx_json) })),
    // The cycle's own notices as the ledger has them (the workflow's list is not kept twice).
    notices: sent.map((n) => ({ key: n.key, kind: n.kind, to: n.to, scheduledFor: n.sentAt, sentAt: n.sentAt, messageId: n.messageId })),
    deliveryFailures: failures.map(({ workflowId: _w, ...f }) => f),
    version: Number(o.version),
    closed: isSet(o.closed),
    updatedAt: o.updated_at,
  };
}
