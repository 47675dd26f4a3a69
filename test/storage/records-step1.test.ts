// The records database's first duties: program versions by hash, the notice ledger shared
// by two "hosts" (two Records instances on one file), and delivery failures once each.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openExistingRecords, openRecords, RecordsLedger, sqlitePath, type Records } from '../../storage/records';
import { sendOnce } from '../../storage/sent-ledger';

let dir: string;
let a: Records;
let b: Records;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dondoc-records-test-'));
  a = await openRecords({ dataDir: dir });
  b = await openRecords({ dataDir: dir });
});

afterAll(async () => {
  await a.close();
  await b.close();
  await rm(dir, { recursive: true, force: true });
});

describe('records database (SQLite)', () => {
  it('creates the schema on a fresh file, in WAL mode, and records the migration once', () => {
    const raw = new SqliteDatabase(sqlitePath(dir), { readonly: true });
    try {
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
      const tables = raw.prepare("select name from sqlite_master where type = 'table' order by name").pluck().all();
      expect(tables).toEqual(expect.arrayContaining(['assignments', 'sent_notices', 'delivery_failures', 'program_versions', 'submissions', 'consolidations']));
      expect(raw.prepare('select name from dondoc_migrations').pluck().all()).toEqual(['001-initial', '002-editor-applies', '003-occurrence-rows']);
    } finally {
      raw.close();
    }
  });

  it('keeps each program version once by hash, and lists them in the order applied', async () => {
    const v1 = { programId: 'p', hash: 'h1', title: 'Chương trình 2026', year: 2026, content: 'id: p\n', fileName: 'p.yaml', appliedAt: '2026-01-05T08:00:00+07:00' };
    await a.putProgramVersion(v1);
    await a.putProgramVersion({ ...v1, title: 'changed' });
    await b.putProgramVersion({ programId: 'p', hash: 'h2', title: 'Chương trình 2026 (sửa)', year: 2026, content: 'id: p\n# v2\n', appliedBy: 'office', appliedAt: '2026-03-01T08:00:00+07:00' });
    expect(await b.getProgramVersion('h1')).toEqual(v1);
    expect(await a.getProgramVersion('nope')).toBeUndefined();
    expect((await a.listProgramVersions('p')).map((v) => [v.hash, v.title, v.appliedBy])).toEqual([
      ['h1', 'Chương trình 2026', undefined],
      ['h2', 'Chương trình 2026 (sửa)', 'office'],
    ]);
  });

  it('shares the notice ledger between two hosts: the second host finds the key and does not send', async () => {
    let sends = 0;
    const send = () => {
      sends++;
      return Promise.resolve({ messageId: `<m${sends}@x>`, sentAt: `2026-01-0${sends}T00:00:00.000Z` });
    };
    const details = { workflowId: 'wf/1', kind: 'reminder', to: ['a@x.vn'], cc: ['c@x.vn'], subject: 'Nhắc hạn' };
    const first = await sendOnce(new RecordsLedger(a), 'wf/1/r1/reminder-0', send, details);
    const second = await sendOnce(new RecordsLedger(b), 'wf/1/r1/reminder-0', send, details);
    expect(sends).toBe(1);
    expect(second).toEqual(first);
    expect(await b.listNotices('wf/1')).toEqual([{ key: 'wf/1/r1/reminder-0', ...details, ...first }]);
  });

  it('keeps the first record of a key when two hosts record it concurrently', async () => {
    await Promise.all([
      a.recordNotice({ key: 'k2', workflowId: 'wf/2', kind: 'request', to: [], cc: [], subject: 's', messageId: '<a@x>', sentAt: '2026-01-01T00:00:00Z' }),
      b.recordNotice({ key: 'k2', workflowId: 'wf/2', kind: 'request', to: [], cc: [], subject: 's', messageId: '<b@x>', sentAt: '2026-01-01T00:00:01Z' }),
    ]);
    const found = await a.findNotice('k2');
    expect(['<a@x>', '<b@x>']).toContain(found?.messageId);
    expect(await a.listNotices('wf/2')).toHaveLength(1);
  });

  it('records a delivery failure once per key and recipient', async () => {
    const failure = { key: 'wf/3/request', workflowId: 'wf/3', to: 'bad@x.vn', code: '550', message: 'mailbox unavailable', at: '2026-01-02T03:04:05Z' };
    await a.recordDeliveryFailure(failure);
    await b.recordDeliveryFailure({ ...failure, at: '2026-01-02T03:10:00Z' });
    await a.recordDeliveryFailure({ ...failure, to: 'other@x.vn' });
    const listed = await b.listDeliveryFailures('wf/3');
    expect(listed).toEqual([failure, { ...failure, to: 'other@x.vn' }]);
  });

  it('lets a reader open the records only where they exist: no empty database is created', async () => {
    const empty = join(dir, 'empty');
    expect(await openExistingRecords({ dataDir: empty })).toBeUndefined();
    await expect(readdir(empty)).rejects.toThrow(/ENOENT/);
    const existing = await openExistingRecords({ dataDir: dir });
    expect(await existing?.getProgramVersion('h1')).toMatchObject({ title: 'Chương trình 2026' });
    await existing?.close();
  });

  it('refuses a records URL that is not PostgreSQL, naming the variable', async () => {
    await expect(openRecords({ url: 'mysql://x', dataDir: dir })).rejects.toThrow(/DONDOC_RECORDS_URL/);
  });
});
