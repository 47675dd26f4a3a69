// Every data table, parents before children, for logical dumps and loads (backups of a
// PostgreSQL database, restoring one dialect's backup into the other).
import type { Kysely } from 'kysely';
import type { RecordsSchema } from './schema';

export const TABLES = [
  'program_versions',
  'sent_notices',
  'delivery_failures',
  'assignments',
  'submissions',
  'reviews',
  'extensions',
  'unit_requests',
  'unit_decisions',
  'assignment_notices',
  'occurrences',
  'occurrence_rows',
  'consolidations',
  'approvals',
  'addenda',
  'program_applies',
] as const satisfies readonly (keyof RecordsSchema)[];

export type TableName = (typeof TABLES)[number];
export type TableRows = Partial<Record<TableName, Record<string, unknown>[]>>;

/** The applied migrations' names, oldest first. */
export async function appliedMigrations(db: Kysely<RecordsSchema>): Promise<string[]> {
  const rows = await (db as unknown as Kysely<{ dondoc_migrations: { name: string } }>).selectFrom('dondoc_migrations').select('name').orderBy('name').execute();
  return rows.map((r) => r.name);
}

/**
 * All rows of every table, read in one transaction. On PostgreSQL the transaction is
 * REPEATABLE READ, so the dump is one consistent snapshot while workers keep writing.
 */
export async function dumpTables(db: Kysely<RecordsSchema>, postgres: boolean): Promise<TableRows> {
  const tx = postgres ? db.transaction().setIsolationLevel('repeatable read') : db.transaction();
  return tx.execute(async (t) => {
    const out: TableRows = {};
    for (const table of TABLES) {
      out[table] = (await t.selectFrom(table).selectAll().execute()) as Record<string, unknown>[];
    }
    return out;
  });
}

export async function countRows(db: Kysely<RecordsSchema>): Promise<number> {
  let total = 0;
  for (const table of TABLES) {
    const row = await db.selectFrom(table).select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
    total += Number(row.n);
  }
  return total;
}

/** Inserts the rows into empty tables (or, with `replace`, after emptying them), in one transaction. */
export async function loadTables(db: Kysely<RecordsSchema>, rows: TableRows, replace: boolean): Promise<number> {
  return db.transaction().execute(async (t) => {
    if (replace) {
      for (const table of [...TABLES].reverse()) await t.deleteFrom(table).execute();
    }
    let n = 0;
    for (const table of TABLES) {
      const list = rows[table] ?? [];
      for (let i = 0; i < list.length; i += 200) {
        const batch = list.slice(i, i + 200);
        await t.insertInto(table).values(batch as never).execute();
        n += batch.length;
      }
    }
    return n;
  });
}
