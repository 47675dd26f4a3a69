// `dondoc restore`: puts an archive written by `dondoc backup` back. The archive is
// extracted and checked completely (every checksum, the end line) in a staging folder
// inside DATA_DIR before anything is touched; a bad archive changes nothing. Existing data
// is never deleted: without `force` a non-empty target is refused, with it the old
// database file and file store are moved aside into DATA_DIR/.before-restore-<time>/.
// An archive from either dialect restores into either (rows are copied table by table
// when the dialects differ).
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { migrationProvider } from '../records/migrations';
import { openRecords, SQLITE_FILE, sqlitePath, type Records } from '../records';
import { countRows, dumpTables, loadTables, type TableRows } from '../records/tables';
import { ArchiveError, extractArchive } from './archive';

export interface RestoreOptions {
  file: string;
  dataDir: string;
  /** The configured PostgreSQL records database; absent: DATA_DIR/records.sqlite. */
  url?: string | undefined;
  /** Replace existing data (moved aside, not deleted). */
  force?: boolean;
  now?: Date;
}

export interface RestoreResult {
  rows: number;
  files: number;
  /** Where the data that was there before now is, if any. */
  movedAside?: string;
}

export class RestoreRefused extends Error {
  override name = 'RestoreRefused';
}

async function nonEmptyDir(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).length > 0;
  } catch {
    return false;
  }
}

export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
  const dataDir = resolve(options.dataDir);
  const postgres = options.url !== undefined && options.url !== '';
  const force = options.force === true;
  const filesDir = join(dataDir, 'files');
  await mkdir(dataDir, { recursive: true });

  let target: Records | undefined;
  try {
    if (postgres) {
      target = await openRecords({ url: options.url, dataDir });
      if (!force && (await countRows(target.db)) > 0) {
        throw new RestoreRefused('cơ sở dữ liệu lưu trữ PostgreSQL đã có dữ liệu; dùng --force để thay thế (the records database is not empty; use --force)');
      }
    } else if (!force && existsSync(sqlitePath(dataDir))) {
      throw new RestoreRefused(`${sqlitePath(dataDir)} đã tồn tại; dừng worker và dùng --force để thay thế (exists; stop the worker and use --force)`);
    }
    if (!force && (await nonEmptyDir(filesDir))) {
      throw new RestoreRefused(`${filesDir} đã có tệp; dùng --force để thay thế (the file store is not empty; use --force)`);
    }

    const staging = await mkdtemp(join(dataDir, '.restore-'));
    try {
      let extracted;
      try {
        extracted = await extractArchive(options.file, staging);
      } catch (err) {
        if (err instanceof ArchiveError) throw err;
        throw new ArchiveError(`${options.file}: không đọc được tệp sao lưu (cannot read the archive): ${(err as Error).message}`);
      }
      const known = new Set(Object.keys(await migrationProvider.getMigrations()));
      const unknown = extracted.manifest.migrations.filter((m) => !known.has(m));
      if (unknown.length > 0) {
        throw new ArchiveError(`${options.file}: bản sao lưu từ phiên bản dondoc mới hơn (made by a newer dondoc: migrations ${unknown.join(', ')})`);
      }
      const files = extracted.paths.filter((p) => p.startsWith('files/')).length;

      // The archive's rows, as a database in the staging folder (SQLite) or as JSON.
      let rows: TableRows | undefined;
      if (extracted.paths.includes('records.json')) {
        rows = (JSON.parse(await readFile(join(staging, 'records.json'), 'utf8')) as { tables: TableRows }).tables;
      }
      // Opening the staged SQLite file also brings an older archive's schema up to date.
      const staged = await openRecords({ dataDir: staging });
      let count: number;
      try {
        if (rows) count = await loadTables(staged.db, rows, false);
        else count = await countRows(staged.db);
        if (postgres) await loadTables(target!.db, await dumpTables(staged.db, false), force);
      } finally {
        await staged.close();
      }

      const stamp = (options.now ?? new Date()).toISOString().replace(/[:.]/g, '-');
      const aside = join(dataDir, `.before-restore-${stamp}`);
      let movedAside = false;
      const moveAside = async (name: string) => {
        if (!existsSync(join(dataDir, name))) return;
        await mkdir(aside, { recursive: true });
        await rename(join(dataDir, name), join(aside, name));
        movedAside = true;
      };
      if (!postgres) {
        for (const suffix of ['', '-wal', '-shm']) await moveAside(`${SQLITE_FILE}${suffix}`);
        await rename(join(staging, SQLITE_FILE), sqlitePath(dataDir));
      }
      await moveAside('files');
      if (existsSync(join(staging, 'files'))) await rename(join(staging, 'files'), filesDir);
      return { rows: count, files, ...(movedAside ? { movedAside: aside } : {}) };
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
  } finally {
    await target?.close();
  }
}
