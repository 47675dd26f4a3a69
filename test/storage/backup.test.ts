// `dondoc backup` and `dondoc restore`, run as a user runs them: a round trip of the
// records database and the file store into a fresh data directory, a refusal to overwrite,
// --force moving the old data aside, and a damaged archive changing nothing.
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat, truncate, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileStore } from '../../storage/file-store';
import { openRecords, type AssignmentSnapshot, type Records } from '../../storage/records';
import { runCli } from '../support/cli';

let root: string;
let source: string;
let records: Records;
let archive: string;
const env = (dataDir: string) => ({ DATA_DIR: dataDir, DONDOC_RECORDS_URL: '' });

const snapshot: AssignmentSnapshot = {
  workflowId: 'p/i/2026/u',
  programId: 'p',
  itemId: 'i',
  itemTitle: 'Báo cáo',
  unitId: 'u',
  unitName: 'UBND xã Ư',
  deliveryFailures: [],
  status: 'accepted',
  dueAt: '2026-06-20T17:00:00+07:00',
  round: 1,
  submissions: [{ round: 1, receiptNumber: 'BN-1', receivedAt: '2026-06-10T09:00:00+07:00', late: false, content: 'Nội dung', attachments: [], indicators: {} }],
  reviews: [{ round: 1, decision: 'accept', at: '2026-06-11T09:00:00+07:00' }],
  extensions: [],
  requests: [],
  indicators: [],
  notices: [],
  version: 3,
  closed: true,
};

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'dondoc-backup-test-'));
  source = join(root, 'source');
  archive = join(root, 'one.dondoc-backup');
  // The database stays open while the backup runs, as a worker's would.
  records = await openRecords({ dataDir: source });
  await records.writeAssignment(snapshot);
  await records.recordNotice({ key: 'k', workflowId: 'p/i/2026/u', kind: 'request', to: ['a@x.vn'], cc: [], subject: 'Yêu cầu', messageId: '<k@x>', sentAt: '2026-06-01T00:00:00Z' });
  const store = new FileStore(join(source, 'files'));
  await store.put('Báo cáo tổng hợp.xlsx', 'application/vnd.ms-excel', Buffer.from('xlsx bytes'));
  await store.put('big.bin', 'application/octet-stream', Buffer.alloc(3 * 1024 * 1024, 7));
});

afterAll(async () => {
  await records.close();
  await rm(root, { recursive: true, force: true });
});

async function tree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) out[join(e.parentPath, e.name).slice(dir.length)] = (await readFile(join(e.parentPath, e.name))).toString('base64');
  }
  return out;
}

describe('dondoc backup / restore', () => {
  it('backs up while the database is open and restores into an empty data directory', async () => {
    const backup = await runCli(['backup', archive], env(source));
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toContain('4 tệp');

    const target = join(root, 'target');
    const restore = await runCli(['restore', archive], env(target));
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    const restored = await openRecords({ dataDir: target });
    try {
      expect(await restored.getAssignment(snapshot.workflowId)).toEqual(await records.getAssignment(snapshot.workflowId));
      expect(await restored.findNotice('k')).toEqual({ messageId: '<k@x>', sentAt: '2026-06-01T00:00:00Z' });
    } finally {
      await restored.close();
    }
    expect(await tree(join(target, 'files'))).toEqual(await tree(join(source, 'files')));
    expect((await readdir(target)).filter((n) => n.startsWith('.restore-'))).toEqual([]);
  });

  it('does not overwrite an existing archive', async () => {
    const again = await runCli(['backup', archive], env(source));
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('đã tồn tại');
  });

  it('refuses to restore over existing data without --force; with it, moves the old data aside', async () => {
    const target = join(root, 'busy');
    const existing = await openRecords({ dataDir: target });
    await existing.putProgramVersion({ programId: 'old', hash: 'old', title: 'Cũ', year: 2020, content: 'x', appliedAt: '2020-01-01T00:00:00Z' });
    await existing.close();
    const before = await stat(join(target, 'records.sqlite'));

    const refused = await runCli(['restore', archive], env(target));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--force');
    expect((await stat(join(target, 'records.sqlite'))).mtimeMs).toBe(before.mtimeMs);

    const forced = await runCli(['restore', archive, '--force'], env(target));
    expect(forced.code).toBe(0);
    const aside = (await readdir(target)).find((n) => n.startsWith('.before-restore-'))!;
    expect(forced.stdout).toContain(aside);
    const old = await openRecords({ dataDir: join(target, aside) });
    const now = await openRecords({ dataDir: target });
    try {
      expect((await old.getProgramVersion('old'))?.title).toBe('Cũ');
      expect(await now.getProgramVersion('old')).toBeUndefined();
      expect((await now.getAssignment(snapshot.workflowId))?.status).toBe('accepted');
    } finally {
      await old.close();
      await now.close();
    }
  });

  it('rejects a truncated archive and changes nothing', async () => {
    const damaged = join(root, 'damaged.dondoc-backup');
    await copyFile(archive, damaged);
    await truncate(damaged, Math.floor((await stat(damaged)).size / 2));
    const target = join(root, 'untouched');
    const result = await runCli(['restore', damaged], env(target));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/tệp sao lưu|archive/);
    expect(existsSync(join(target, 'records.sqlite'))).toBe(false);
    expect(existsSync(join(target, 'files'))).toBe(false);
    expect(await readdir(target)).toEqual([]);
  });
});
