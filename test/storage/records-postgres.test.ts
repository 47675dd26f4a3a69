// The records database on PostgreSQL. Runs only when DONDOC_TEST_PG_URL names a database
// it may empty (CI does not need PostgreSQL); see README "Records and retention":
//   DONDOC_TEST_PG_URL=postgres://user:pass@127.0.0.1:5432/dondoc_records_test npx vitest run test/storage/records-postgres.test.ts
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackup } from '../../storage/backup/backup';
import { restoreBackup } from '../../storage/backup/restore';
import { openRecords, RecordsLedger, type Records } from '../../storage/records';
import { TABLES } from '../../storage/records/tables';
import { sendOnce } from '../../storage/sent-ledger';
import { accepted, base, cycle } from './records-fixtures';

const url = process.env.DONDOC_TEST_PG_URL;

describe.runIf(url !== undefined && url !== '')('records database on PostgreSQL (runs when DONDOC_TEST_PG_URL is set)', () => {
  let a: Records;
  let b: Records;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dondoc-pg-test-'));
    // A fresh schema every run: the migrations are part of what is tested.
    const pg = new Client({ connectionString: url });
    await pg.connect();
    await pg.query(`drop table if exists ${[...TABLES, 'dondoc_migrations', 'dondoc_migrations_lock'].join(', ')} cascade`);
    await pg.end();
    [a, b] = await Promise.all([openRecords({ url, dataDir: dir }), openRecords({ url, dataDir: dir })]);
  });

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('migrates a fresh database once, even with two hosts opening it at the same time', async () => {
    const rows = await a.db.selectFrom('dondoc_migrations' as never).select('name' as never).execute();
    expect(rows).toEqual([{ name: '001-initial' }, { name: '002-editor-applies' }, { name: '003-occurrence-rows' }]);
  });

  it('shares the notice ledger between two hosts: one send for a key tried on both at once', async () => {
    let sends = 0;
    const send = async () => {
      sends++;
      return { messageId: '<pg@x>', sentAt: '2026-01-01T00:00:00.000Z' };
    };
    await sendOnce(new RecordsLedger(a), 'wf/pg/request', send, { workflowId: 'wf/pg', kind: 'request', to: ['a@x.vn'], cc: [], subject: 'Yêu cầu' });
    await sendOnce(new RecordsLedger(b), 'wf/pg/request', send);
    expect(sends).toBe(1);
    await Promise.all([
      a.recordNotice({ key: 'k', workflowId: 'wf/pg', kind: 'x', to: [], cc: [], subject: 's', messageId: '<1@x>', sentAt: '2026-01-01T00:00:01Z' }),
      b.recordNotice({ key: 'k', workflowId: 'wf/pg', kind: 'x', to: [], cc: [], subject: 's', messageId: '<2@x>', sentAt: '2026-01-01T00:00:02Z' }),
    ]);
    expect(await a.listNotices('wf/pg')).toHaveLength(2);
  });

  it('keeps program versions and delivery failures once', async () => {
    const v = { programId: 'p', hash: 'h', title: 'Chương trình', year: 2026, content: 'id: p\n', appliedAt: '2026-01-01T00:00:00Z' };
    await a.putProgramVersion(v);
    await b.putProgramVersion(v);
    expect(await b.listProgramVersions('p')).toEqual([v]);
    const f = { key: 'wf/pg/request', workflowId: 'wf/pg', to: 'a@x.vn', code: '550', message: 'no such user', at: '2026-01-01T00:00:00Z' };
    await a.recordDeliveryFailure(f);
    await b.recordDeliveryFailure(f);
    expect(await a.listDeliveryFailures('wf/pg')).toEqual([f]);
  });

  it('writes assignment and occurrence records idempotently, an older version changing nothing', async () => {
    await Promise.all([a.writeAssignment(base), b.writeAssignment(base)]);
    await a.writeAssignment(accepted);
    await b.writeAssignment(accepted);
    await a.writeAssignment({ ...base, version: 2 });
    const { updatedAt: _u, deliveryFailures, ...read } = (await b.getAssignment(base.workflowId))!;
    expect(read).toEqual(accepted);
    expect(deliveryFailures).toEqual([]);
    expect((await a.listAssignments({ programId: base.programId, status: 'accepted' })).map((r) => r.workflowId)).toEqual([base.workflowId]);
    await a.writeOccurrence(cycle);
    await b.writeOccurrence(cycle);
    const { updatedAt: _o, ...occurrence } = (await b.getOccurrence(cycle.occurrenceId))!;
    expect(occurrence).toEqual(cycle);
  });

  it('backs up (logical dump) and restores across dialects: PostgreSQL → SQLite → PostgreSQL', async () => {
    const archive = join(dir, 'pg.dondoc-backup');
    const made = await createBackup({ records: a, dataDir: dir, file: archive });
    expect(made.records).toBe('logical-json');
    const sqliteDir = join(dir, 'sqlite');
    await restoreBackup({ file: archive, dataDir: sqliteDir });
    const sqlite = await openRecords({ dataDir: sqliteDir });
    const expected = await a.getAssignment(base.workflowId);
    try {
      expect(await sqlite.getAssignment(base.workflowId)).toEqual(expected);
      const back = join(dir, 'sqlite.dondoc-backup');
      expect((await createBackup({ records: sqlite, dataDir: sqliteDir, file: back })).records).toBe('sqlite-file');
      await expect(restoreBackup({ file: back, dataDir: join(dir, 'pg-target'), url })).rejects.toThrow(/--force/);
      const result = await restoreBackup({ file: back, dataDir: join(dir, 'pg-target'), url, force: true });
      expect(result.rows).toBeGreaterThan(10);
    } finally {
      await sqlite.close();
    }
    expect(await b.getAssignment(base.workflowId)).toEqual(expected);
    expect(await b.findNotice('wf/pg/request')).toEqual({ messageId: '<pg@x>', sentAt: '2026-01-01T00:00:00.000Z' });
  });
});
