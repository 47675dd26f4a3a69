// An occurrence's unit rows: written by the occurrence (the rows changed since its last
// write, a page at a time), read back by its next run after a continue-as-new, by the
// consolidation and by the web once the execution is gone.
import type { Kysely } from 'kysely';
import type { CycleRow } from '../../workflows/report-cycle/messages';
import { parseJson } from './json';
import type { RecordsSchema } from './schema';

export interface OccurrenceRowsWrite {
  occurrenceId: string;
  /** Increases with each write of this occurrence, across its runs and executions. */
  seq: number;
  /**
   * The first write of an execution: rows of an earlier execution of the same occurrence
   * (removed from the program and added back) are dropped first.
   */
  fresh?: boolean;
  rows: { position: number; row: CycleRow }[];
}

export async function writeOccurrenceRows(db: Kysely<RecordsSchema>, w: OccurrenceRowsWrite, now = new Date().toISOString()): Promise<void> {
  if (w.fresh) await db.deleteFrom('occurrence_rows').where('occurrence_id', '=', w.occurrenceId).where('seq', '<', w.seq).execute();
  if (w.rows.length === 0) return;
  await db
    .insertInto('occurrence_rows')
    .values(w.rows.map((r) => ({ occurrence_id: w.occurrenceId, assignment_id: r.row.assignmentId, position: r.position, seq: w.seq, row_json: JSON.stringify(r.row), updated_at: now })))
    .onConflict((oc) =>
      oc
        .columns(['occurrence_id', 'assignment_id'])
        .doUpdateSet((eb) => ({ position: eb.ref('excluded.position'), seq: eb.ref('excluded.seq'), row_json: eb.ref('excluded.row_json'), updated_at: eb.ref('excluded.updated_at') }))
        .whereRef('occurrence_rows.seq', '<', 'excluded.seq'),
    )
    .execute();
}

/**
 * The one ordered read of an occurrence's rows, for every reader: one row per assignment (the
 * table's key; a write keeps only the newest), in table order: the position the cycle gave,
 * then the assignment id as a tie-break, so the order is total and the same on SQLite and
 * PostgreSQL, and pages never overlap. `page` reads a slice of that order.
 */
export async function orderedOccurrenceRows(db: Kysely<RecordsSchema>, occurrenceId: string, page?: { offset: number; limit: number }): Promise<CycleRow[]> {
  const ordered = db.selectFrom('occurrence_rows').select('row_json').where('occurrence_id', '=', occurrenceId).orderBy('position').orderBy('assignment_id');
  const rows = await (page ? ordered.offset(page.offset).limit(page.limit) : ordered).execute();
  return rows.map((r) => parseJson<CycleRow>(r.row_json));
}

/** A page of the occurrence's rows in table order, and how many it has. */
export async function readOccurrenceRows(db: Kysely<RecordsSchema>, occurrenceId: string, offset: number, limit: number): Promise<{ rows: CycleRow[]; total: number }> {
  const [rows, count] = await Promise.all([
    orderedOccurrenceRows(db, occurrenceId, { offset, limit }),
    db.selectFrom('occurrence_rows').select((eb) => eb.fn.countAll<number | string | bigint>().as('n')).where('occurrence_id', '=', occurrenceId).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Every row of the occurrence not withdrawn by the program (what a consolidation lists). */
export async function liveOccurrenceRows(db: Kysely<RecordsSchema>, occurrenceId: string): Promise<CycleRow[]> {
  return (await orderedOccurrenceRows(db, occurrenceId)).filter((r) => !r.removed);
}
