// A records database per test: a fresh SQLite file in a temporary directory, removed on
// close. `DONDOC_TEST_PG_URL` is not used here: PostgreSQL tests open it themselves.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openRecords, type Records } from '../../storage/records';

export interface TestRecords {
  records: Records;
  dataDir: string;
  /** Closes the database and removes its directory. */
  cleanup(): Promise<void>;
}

export async function createTestRecords(dataDir?: string): Promise<TestRecords> {
  const dir = dataDir ?? (await mkdtemp(join(tmpdir(), 'dondoc-records-')));
  const records = await openRecords({ dataDir: dir });
  return {
    records,
    dataDir: dir,
    cleanup: async () => {
      await records.close();
      if (dataDir === undefined) await rm(dir, { recursive: true, force: true });
    },
  };
}
