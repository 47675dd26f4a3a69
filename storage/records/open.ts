// Opens the records database: an SQLite file under DATA_DIR by default (WAL, so readers
// such as the CLI do not block the worker's writes), PostgreSQL when a postgres:// URL is
// configured. Migrations run at open, before anything reads or writes.
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type Dialect } from 'kysely';
import { Pool } from 'pg';
import { migrationProvider } from './migrations';
import { Records } from './records';
import type { RecordsSchema } from './schema';

export interface OpenRecordsOptions {
  /** postgres://… or postgresql://…; absent: the embedded SQLite file. */
  url?: string | undefined;
  /** DATA_DIR: holds records.sqlite when no URL is given. */
  dataDir: string;
}

export const SQLITE_FILE = 'records.sqlite';

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/** The SQLite file a data directory's records live in. */
export function sqlitePath(dataDir: string): string {
  return join(resolve(dataDir), SQLITE_FILE);
}

function sqliteDialect(file: string): { dialect: Dialect; sqlite: SqliteDatabase.Database } {
  mkdirSync(join(file, '..'), { recursive: true });
  const sqlite = new SqliteDatabase(file);
  sqlite.pragma('journal_mode = WAL');
  // Two processes on one file (a worker and the CLI, two workers on one host) wait for
  // each other's short write transactions instead of failing with SQLITE_BUSY.
  sqlite.pragma('busy_timeout = 10000');
  sqlite.pragma('synchronous = NORMAL');
  return { dialect: new SqliteDialect({ database: sqlite }), sqlite };
}

export async function openRecords(options: OpenRecordsOptions): Promise<Records> {
  let dialect: Dialect;
  let sqlite: SqliteDatabase.Database | undefined;
  let where: string;
  if (options.url !== undefined && options.url !== '') {
    if (!isPostgresUrl(options.url)) {
      throw new Error(`DONDOC_RECORDS_URL: cần một URL postgres://… (expected a postgres:// URL)`);
    }
    dialect = new PostgresDialect({ pool: new Pool({ connectionString: options.url, max: 5 }) });
    where = 'postgresql';
  } else {
    const file = sqlitePath(options.dataDir);
    ({ dialect, sqlite } = sqliteDialect(file));
    where = file;
  }
  const db = new Kysely<RecordsSchema>({ dialect });
  try {
    await (sqlite ? migrateSqlite(db) : migrate(db));
  } catch (err) {
    await db.destroy();
    throw err;
  }
  return new Records(db, { kind: sqlite ? 'sqlite' : 'postgresql', where, ...(sqlite ? { sqlite } : {}) });
}

/**
 * For readers (the CLI): the configured database, or undefined when it is the embedded
 * file and that file does not exist yet: a reader must not create an empty database in
 * whatever directory it was started from.
 */
export async function openExistingRecords(options: OpenRecordsOptions): Promise<Records | undefined> {
  const url = options.url ?? '';
  if (url === '' && !existsSync(sqlitePath(options.dataDir))) return undefined;
  return openRecords(options);
}

async function migrate(db: Kysely<RecordsSchema>): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider, migrationTableName: 'dondoc_migrations', migrationLockTableName: 'dondoc_migrations_lock' });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? '?';
    throw new Error(`cơ sở dữ liệu lưu trữ: lỗi khi nâng cấp lược đồ ở bước ${failed} (records database migration failed): ${(error as Error).message}`, { cause: error });
  }
}

/**
 * SQLite has no migration lock (kysely's adapter relies on one connection), and the worker
 * and the web open a fresh file at the same moment under `npm start`: the loser of that race
 * fails ("table … already exists", or SQLITE_BUSY on its stale snapshot). Measured: with four
 * processes opening a fresh file together, two failed. A new attempt starts a new
 * transaction, sees what the winner committed, and has nothing left to do.
 */
async function migrateSqlite(db: Kysely<RecordsSchema>, attempts = 6): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await migrate(db);
    } catch (err) {
      if (attempt >= attempts) throw err;
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
}
