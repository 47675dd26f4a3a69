// The web's read-side queries on the records database: a program's rows with their latest
// receipt numbers, the records' progress per assignment, and undeliverable mail — a refusal
// stays listed until a delivery of the same notice went to recipients without the refused
// address (a partial delivery to the others does not count), and leaves once the notice was
// resent to a corrected address. On SQLite always, and on PostgreSQL when
// DONDOC_TEST_PG_URL names a database it may empty.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRecords, type Records } from '../../storage/records';
import { listRecordedRows, listUndeliverable, recordedProgress } from '../../storage/records/readers';
import { TABLES } from '../../storage/records/tables';
import { createTestRecords } from '../support/records';
import { accepted, base } from './records-fixtures';

const pgUrl = process.env.DONDOC_TEST_PG_URL || undefined;

const dialects: [string, () => Promise<{ records: Records; cleanup: () => Promise<void> }>][] = [
  ['SQLite', () => createTestRecords()],
  ...(pgUrl
    ? [
        [
          'PostgreSQL',
          async () => {
            const pg = new Client({ connectionString: pgUrl });
            await pg.connect();
            await pg.query(`drop table if exists ${[...TABLES, 'dondoc_migrations', 'dondoc_migrations_lock'].join(', ')} cascade`);
            await pg.end();
            const dir = await mkdtemp(join(tmpdir(), 'dondoc-readers-pg-'));
            const records = await openRecords({ url: pgUrl, dataDir: dir });
            return { records, cleanup: async () => { await records.close(); await rm(dir, { recursive: true, force: true }); } };
          },
        ] as [string, () => Promise<{ records: Records; cleanup: () => Promise<void> }>],
      ]
    : []),
];

describe.each(dialects)('records readers (%s)', (_name, open) => {
  let records: Records;
  let cleanup: () => Promise<void>;
  const B = { ...base, workflowId: 'vstbpn-2026/bao-cao-6-thang/2026-H1/ubnd-xa-b', unitId: 'ubnd-xa-b', unitName: 'UBND xã B' };
  const other = { ...base, workflowId: 'khac-2026/x/2026/ubnd-xa-a', programId: 'khac-2026' };

  beforeAll(async () => {
    ({ records, cleanup } = await open());
    await records.writeAssignment({ ...accepted, version: 5, closed: true });
    await records.writeAssignment(B);
    await records.writeAssignment(other);
  });
  afterAll(async () => cleanup?.());

  it('lists a program’s assignments with the latest receipt number, one unit when asked', async () => {
    const rows = await listRecordedRows(records.db, 'vstbpn-2026');
    expect(rows.map((r) => [r.unitName, r.status, r.closed, r.receiptNumber ?? null, r.late ?? null])).toEqual([
      ['UBND xã A', 'accepted', true, 'BN-2026-0002', true],
      ['UBND xã B', 'requested', false, null, null],
    ]);
    expect((await listRecordedRows(records.db, 'vstbpn-2026', 'ubnd-xa-b')).map((r) => r.workflowId)).toEqual([B.workflowId]);
  });

  it('tells how far the records followed each assignment', async () => {
    const progress = await recordedProgress(records.db, [accepted.workflowId, B.workflowId, 'unknown/id']);
    expect(progress.get(accepted.workflowId)).toEqual({ status: 'accepted', closed: true, submissions: 2, reviews: 2 });
    expect(progress.get(B.workflowId)).toEqual({ status: 'requested', closed: false, submissions: 0, reviews: 0 });
    expect(progress.has('unknown/id')).toBe(false);
  });

  it('lists refusals until the notice reached a corrected address', async () => {
    const key = `${B.workflowId}/request`;
    // Two recipients, one refused: the notice went to the other (a partial delivery).
    await records.recordNotice({ key, workflowId: B.workflowId, kind: 'request', to: ['sai@xa-b.example.vn', 'dung@xa-b.example.vn'], cc: [], subject: 's', messageId: '<m@x>', sentAt: '2026-06-01T01:00:00.200Z' });
    await records.recordDeliveryFailure({ key, workflowId: B.workflowId, to: 'sai@xa-b.example.vn', code: '550', message: 'User unknown', at: '2026-06-01T01:00:00.100Z' });
    // A refusal on a closed assignment is history, not work for the office.
    await records.recordDeliveryFailure({ key: `${accepted.workflowId}/r1/reminder-0`, workflowId: accepted.workflowId, to: 'x@a.example.vn', code: '550', message: 'no', at: '2026-06-01T01:00:00Z' });
    // Another program's refusal is not this program's.
    await records.recordDeliveryFailure({ key: `${other.workflowId}/request`, workflowId: other.workflowId, to: 'y@a.example.vn', code: '550', message: 'no', at: '2026-06-01T01:00:00Z' });

    const listed = await listUndeliverable(records.db, 'vstbpn-2026');
    expect(listed).toEqual([
      {
        workflowId: B.workflowId,
        programId: 'vstbpn-2026',
        unitId: 'ubnd-xa-b',
        unitName: 'UBND xã B',
        itemId: 'bao-cao-6-thang',
        itemTitle: 'Báo cáo sơ kết 6 tháng',
        period: '6 tháng đầu năm 2026',
        key,
        to: 'sai@xa-b.example.vn',
        code: '550',
        message: 'User unknown',
        at: '2026-06-01T01:00:00.100Z',
      },
    ]);

    // Resent (same Message-ID, its own ledger row) to the corrected address: resolved.
    await records.recordNotice({ key: `${key}#resend-1`, workflowId: B.workflowId, kind: 'request', to: ['moi@xa-b.example.vn', 'dung@xa-b.example.vn'], cc: [], subject: 's', messageId: '<m@x>', sentAt: '2026-06-02T01:00:00Z' });
    expect(await listUndeliverable(records.db, 'vstbpn-2026')).toEqual([]);
  });
});
