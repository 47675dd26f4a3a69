// The web editor's apply log (migration 002-editor-applies): who applied a version, when.
// The content itself is in program_versions, by hash.
import type { Kysely } from 'kysely';
import type { RecordsSchema } from './schema';

export interface ProgramAppliesTable {
  id: string;
  program_id: string;
  hash: string;
  applied_by: string;
  applied_at: string;
  source: string;
}

export interface ProgramApply {
  programId: string;
  hash: string;
  appliedBy: string;
  appliedAt: string;
  /** `web` for the editor. */
  source: string;
}




export async function recordProgramApply(records: Kysely<RecordsSchema>, a: ProgramApply): Promise<void> {
  await records
    .insertInto('program_applies')
    .values({ id: `${a.hash}@${a.appliedAt}`, program_id: a.programId, hash: a.hash, applied_by: a.appliedBy, applied_at: a.appliedAt, source: a.source })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

/** Oldest first. */
export async function listProgramApplies(records: Kysely<RecordsSchema>, programId: string): Promise<ProgramApply[]> {
  const rows = await records.selectFrom('program_applies').selectAll().where('program_id', '=', programId).orderBy('applied_at').execute();
  return rows.map((r) => ({ programId: r.program_id, hash: r.hash, appliedBy: r.applied_by, appliedAt: r.applied_at, source: r.source }));
}
