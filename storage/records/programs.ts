// Applied program versions: each distinct file content once, by its hash.
import type { Kysely } from 'kysely';
import type { RecordsSchema } from './schema';
import type { ProgramVersion } from './types';

type Row = RecordsSchema['program_versions'];

function fromRow(row: Row): ProgramVersion {
  return {
    programId: row.program_id,
    hash: row.hash,
    title: row.title,
    year: Number(row.year),
    content: row.content,
    ...(row.file_name !== null ? { fileName: row.file_name } : {}),
    ...(row.applied_by !== null ? { appliedBy: row.applied_by } : {}),
    appliedAt: row.applied_at,
  };
}

export async function putProgramVersion(db: Kysely<RecordsSchema>, v: ProgramVersion): Promise<void> {
  await db
    .insertInto('program_versions')
    .values({
      hash: v.hash,
      program_id: v.programId,
      title: v.title,
      year: v.year,
      content: v.content,
      file_name: v.fileName ?? null,
      applied_by: v.appliedBy ?? null,
      applied_at: v.appliedAt,
    })
    .onConflict((oc) => oc.column('hash').doNothing())
    .execute();
}

export async function getProgramVersion(db: Kysely<RecordsSchema>, hash: string): Promise<ProgramVersion | undefined> {
  const row = await db.selectFrom('program_versions').selectAll().where('hash', '=', hash).executeTakeFirst();
  return row ? fromRow(row) : undefined;
}

/** Oldest first: the order in which the office applied them. */
export async function listProgramVersions(db: Kysely<RecordsSchema>, programId: string): Promise<ProgramVersion[]> {
  const rows = await db.selectFrom('program_versions').selectAll().where('program_id', '=', programId).orderBy('applied_at').orderBy('hash').execute();
  return rows.map(fromRow);
}
