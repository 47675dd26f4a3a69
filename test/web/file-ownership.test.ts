// The file store's record of which assignment uploaded what: the quota over all of an
// upload, shared content between assignments, and releases that never delete what someone
// else still holds or what dondoc wrote itself.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileStore, QuotaExceeded, refOf } from '../../storage/file-store';

const dirs: string[] = [];
const store = () => {
  const dir = mkdtempSync(join(tmpdir(), 'dondoc-files-'));
  dirs.push(dir);
  return new FileStore(dir);
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const file = (name: string, text: string) => ({ name, contentType: 'application/pdf', data: Buffer.from(text) });

describe('upload ownership', () => {
  it('stores all files of an upload or none, against the owner quota', async () => {
    const s = store();
    await s.putOwned('assign/a', [file('mot.pdf', 'x'.repeat(60))], 100);
    await expect(s.putOwned('assign/a', [file('hai.pdf', 'y'.repeat(30)), file('ba.pdf', 'z'.repeat(30))], 100)).rejects.toBeInstanceOf(QuotaExceeded);
    expect(await s.exists(refOf('hai.pdf', Buffer.from('y'.repeat(30))))).toBe(false);
    expect(await s.usage('assign/a')).toBe(60);
    // The same file again is not counted twice; another owner has its own quota.
    await s.putOwned('assign/a', [file('mot.pdf', 'x'.repeat(60))], 100);
    expect(await s.usage('assign/a')).toBe(60);
    await s.putOwned('assign/b', [file('hai.pdf', 'y'.repeat(90))], 100);
    expect(await s.usage('assign/b')).toBe(90);
  });

  it('releases only pending holds, and deletes bytes only when nobody holds them and a unit uploaded them', async () => {
    const s = store();
    const shared = file('mau-bieu.pdf', 'cung mot mau bieu');
    const [a] = await s.putOwned('assign/a', [shared], 1000);
    await s.putOwned('assign/b', [shared], 1000);
    // A lets go: B still holds the same bytes.
    expect(await s.release('assign/a', [a!.ref])).toEqual([]);
    expect(await s.exists(a!.ref)).toBe(true);
    expect(await s.ownedFile('assign/a', a!.ref)).toBeUndefined();
    expect(await s.ownedFile('assign/b', a!.ref)).toMatchObject({ state: 'pending' });
    // Submitted files stay even when a later submission naming them is refused.
    await s.markSubmitted('assign/b', [a!.ref]);
    expect(await s.release('assign/b', [a!.ref])).toEqual([]);
    expect(await s.exists(a!.ref)).toBe(true);

    const [own] = await s.putOwned('assign/c', [file('rieng.pdf', 'chi cua C')], 1000);
    expect(await s.release('assign/c', [own!.ref])).toEqual([own!.ref]);
    expect(await s.exists(own!.ref)).toBe(false);
    expect(await s.describe(own!.ref)).toBeUndefined();
    expect(await s.usage('assign/c')).toBe(0);

    // A report dondoc wrote (no owner) is never deleted by a unit's release of the same bytes.
    const report = await s.put('bao-cao.html', 'text/html', Buffer.from('<p>tong hop</p>'));
    await s.putOwned('assign/d', [{ name: 'bao-cao.html', contentType: 'text/html', data: Buffer.from('<p>tong hop</p>') }], 1000);
    expect(await s.release('assign/d', [report.ref])).toEqual([]);
    expect(await s.exists(report.ref)).toBe(true);
  });

  it("does not let one owner release another's hold, or a malformed ref reach the disk", async () => {
    const s = store();
    const [b] = await s.putOwned('assign/b', [file('b.pdf', 'cua B')], 1000);
    expect(await s.release('assign/a', [b!.ref])).toEqual([]);
    expect(await s.exists(b!.ref)).toBe(true);
    expect(await s.ownedFile('assign/a', '../../etc/passwd')).toBeUndefined();
    expect(await s.hasOwners(b!.ref)).toBe(true);
  });
});
