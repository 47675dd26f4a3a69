// `dondoc backup`: the records database and the file store in one archive. The database
// is copied first, as one consistent snapshot (SQLite's online backup API; on PostgreSQL a
// REPEATABLE READ read of every table); the file store after it. Store files are content-
// addressed and written by rename, never changed, so every file the snapshot refers to is
// already complete on disk when it is copied; files added meanwhile are harmless extras.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Records } from '../records';
import { appliedMigrations, dumpTables } from '../records/tables';
import { ArchiveWriter } from './archive';

export interface BackupResult {
  file: string;
  records: 'sqlite-file' | 'logical-json';
  files: number;
}

/** Regular files under `root`, as paths relative to it, sorted; temporary files skipped. */
async function listFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  async function walk(dir: string, rel: string): Promise<void> {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw err;
    }
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) await walk(join(dir, e.name), r);
      else if (e.isFile() && !e.name.endsWith('.tmp')) out.push(r);
    }
  }
  await walk(root, '');
  return out;
}

export async function createBackup(options: { records: Records; dataDir: string; file: string; now?: Date }): Promise<BackupResult> {
  const { records, dataDir, file } = options;
  const kind = records.info.sqlite ? 'sqlite-file' : 'logical-json';
  const migrations = await appliedMigrations(records.db);
  const writer = await ArchiveWriter.create(file, { kind: 'manifest', createdAt: (options.now ?? new Date()).toISOString(), records: kind, migrations });
  let ok = false;
  const scratch = await mkdtemp(join(tmpdir(), 'dondoc-backup-'));
  try {
    if (records.info.sqlite) {
      const copy = join(scratch, 'records.sqlite');
      await records.info.sqlite.backup(copy);
      await writer.addFile('records.sqlite', copy);
    } else {
      const tables = await dumpTables(records.db, true);
      await writer.addBuffer('records.json', Buffer.from(JSON.stringify({ migrations, tables })));
    }
    const filesRoot = join(dataDir, 'files');
    for (const rel of await listFiles(filesRoot)) await writer.addFile(`files/${rel}`, join(filesRoot, rel));
    const files = await writer.finish();
    ok = true;
    return { file, records: kind, files };
  } finally {
    await rm(scratch, { recursive: true, force: true });
    // A failed backup leaves no half archive that could later be mistaken for a good one.
    if (!ok) await writer.finish().catch(() => undefined).then(() => rm(file, { force: true }));
  }
}
