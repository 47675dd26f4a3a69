// The auth pieces alone: signed links, passwords, sessions, CSRF tokens for unit links,
// accounts from configuration (with the embedded admin's stable hash) and the shared secret.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AccountsError, ADMIN_HASH_FILE, ensureAdminPassword, loadAccounts, parseUsers, type Account } from '../../auth/accounts';
import { csrfToken, verifyCsrf } from '../../auth/csrf';
import { createLinkBuilder, signLink, verifyLink } from '../../auth/links';
import { generatePassword, hashPassword, isPasswordHash, verifyPassword } from '../../auth/passwords';
import { loadSecret, SecretError } from '../../auth/secret';
import { Sessions, sessionKey } from '../../auth/sessions';
import { seal } from '../../auth/sign';

const secret = Buffer.from('unit-test-secret-0123456789abcdefghij');
const other = Buffer.from('another-secret-0123456789abcdefghijkl');
const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'dondoc-auth-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('signed links', () => {
  const claims = { workflowId: 'assign/p/bao-cao/2026-H1/tho-dan', audience: 'unit' as const, expiresAt: 4_000_000_000 };

  it('round-trips, and names exactly one workflow', () => {
    const token = signLink(secret, claims);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(verifyLink(secret, token)).toEqual({ ok: true, claims });
  });

  it('refuses another secret, a changed payload, a changed signature and junk', () => {
    const token = signLink(secret, claims);
    const [body, sig] = token.split('.') as [string, string];
    const forged = `${Buffer.from(JSON.stringify({ w: 'assign/p/bao-cao/2026-H1/khac', a: 'unit', x: 4_000_000_000 })).toString('base64url')}.${sig}`;
    expect(verifyLink(other, token)).toEqual({ ok: false, reason: 'tampered' });
    expect(verifyLink(secret, forged)).toEqual({ ok: false, reason: 'tampered' });
    expect(verifyLink(secret, `${body}.${sig.slice(0, -1)}${sig.endsWith('A') ? 'B' : 'A'}`)).toEqual({ ok: false, reason: 'tampered' });
    for (const junk of ['', 'abc', `${body}.`, `${body}.${sig}.x`, 'a'.repeat(5000)]) expect(verifyLink(secret, junk).ok).toBe(false);
  });

  it('says expired only for a genuine link past its expiry', () => {
    const token = signLink(secret, { ...claims, expiresAt: 1_000 });
    expect(verifyLink(secret, token)).toMatchObject({ ok: false, reason: 'expired' });
    expect(verifyLink(other, token)).toEqual({ ok: false, reason: 'tampered' });
    expect(verifyLink(secret, signLink(secret, claims), 4_000_000_000 * 1000)).toMatchObject({ reason: 'expired' });
  });

  it('does not accept a token signed for another purpose', () => {
    const sessionShaped = seal(secret, 'session', { w: claims.workflowId, a: 'unit', x: claims.expiresAt });
    expect(verifyLink(secret, sessionShaped)).toEqual({ ok: false, reason: 'tampered' });
  });

  it('builds notice links that expire with the due, the same on every retry', () => {
    const links = createLinkBuilder({ secret, publicUrl: 'https://dondoc.example.gov.vn/', validityDays: 30 });
    const due = '2026-06-19T17:00:00+07:00';
    const a = links.unit(claims.workflowId, due);
    expect(a).toBe(links.unit(claims.workflowId, due));
    expect(a.startsWith('https://dondoc.example.gov.vn/u/')).toBe(true);
    const check = verifyLink(secret, a.split('/u/')[1]!, Date.parse(due));
    expect(check).toMatchObject({ ok: true, claims: { workflowId: claims.workflowId, expiresAt: Date.parse(due) / 1000 + 30 * 86_400 } });
    expect(links.office(claims.workflowId)).toBe('https://dondoc.example.gov.vn/office/assignments/assign%2Fp%2Fbao-cao%2F2026-H1%2Ftho-dan');
    expect(() => links.unit('x', 'not a date')).toThrow(/invalid due/);
  });
});

describe('passwords', () => {
  it('hashes with scrypt, verifies, and refuses the wrong password', async () => {
    const hash = await hashPassword('Mật khẩu đúng 2026');
    expect(isPasswordHash(hash)).toBe(true);
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword('Mật khẩu đúng 2026', hash)).toBe(true);
    expect(await verifyPassword('Mật khẩu sai 2026', hash)).toBe(false);
    expect(await hashPassword('Mật khẩu đúng 2026')).not.toBe(hash);
  });

  it('treats composed and decomposed Vietnamese input alike', async () => {
    const hash = await hashPassword('Đôn đốc', { N: 1024, r: 8, p: 1 });
    expect(await verifyPassword('Đôn đốc'.normalize('NFD'), hash)).toBe(true);
  });

  it('refuses malformed or abusive hashes without computing', async () => {
    expect(await verifyPassword('x', 'plain-text')).toBe(false);
    expect(isPasswordHash(`scrypt$${2 ** 24}$8$1$${'a'.repeat(22)}$${'b'.repeat(43)}`)).toBe(false);
    expect(isPasswordHash(`scrypt$1000$8$1$${'a'.repeat(22)}$${'b'.repeat(43)}`)).toBe(false);
  });

  it('generates readable passwords', () => {
    const p = generatePassword();
    expect(p).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{16}$/);
    expect(generatePassword()).not.toBe(p);
  });
});

describe('sessions', () => {
  const office: Account = { username: 'vanphong', role: 'office', passwordHash: 'scrypt$1024$8$1$aaaaaaaaaaaaaaaaaaaaaa$bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb' };

  it('issues claims that read back until they expire, and only as issued', () => {
    const sessions = new Sessions(secret, [office], 3_600_000);
    const { claims, session } = sessions.issue(office, 1_000_000);
    expect(sessions.read(claims, 1_000_000 + 60_000)).toEqual(session);
    expect(sessions.read(claims, 1_000_000 + 3_600_000)).toBeUndefined();
    expect(sessions.read({ ...claims, r: 'chair' }, 1_000_000)).toBeUndefined();
    expect(sessions.read({ ...claims, u: 'khac' }, 1_000_000)).toBeUndefined();
    // Claims are only ever read from the encrypted cookie, but a fingerprint from another secret fails too.
    expect(new Sessions(other, [office]).read(claims, 1_000_000)).toBeUndefined();
    expect(sessions.read(undefined)).toBeUndefined();
    expect(sessions.read('junk')).toBeUndefined();
  });

  it('ends on sign-out, on a password change and on a role change', () => {
    const sessions = new Sessions(secret, [office]);
    const { claims, session } = sessions.issue(office);
    sessions.revoke(session);
    expect(sessions.read(claims)).toBeUndefined();
    const second = sessions.issue(office).claims;
    expect(new Sessions(secret, [{ ...office, passwordHash: office.passwordHash.replace(/b+$/, 'c'.repeat(43)) }]).read(second)).toBeUndefined();
    expect(new Sessions(secret, [{ ...office, role: 'chair' }]).read(second)).toBeUndefined();
    expect(new Sessions(secret, []).read(second)).toBeUndefined();
  });

  it('derives the same cookie key from the same secret, a different one from another', () => {
    expect(sessionKey(secret)).toEqual(sessionKey(Buffer.from(secret)));
    expect(sessionKey(secret)).toHaveLength(32);
    expect(sessionKey(secret)).not.toEqual(sessionKey(other));
  });
});

describe('CSRF tokens for unit links', () => {
  it('are bound to their link', () => {
    const token = csrfToken(secret, 'link', 'abc');
    expect(verifyCsrf(secret, 'link', 'abc', token)).toBe(true);
    expect(verifyCsrf(secret, 'link', 'abd', token)).toBe(false);
    expect(verifyCsrf(other, 'link', 'abc', token)).toBe(false);
    expect(verifyCsrf(secret, 'link', 'abc', undefined)).toBe(false);
    expect(verifyCsrf(secret, 'link', 'abc', ['x'])).toBe(false);
  });
});

describe('accounts and the secret', () => {
  it('reads DONDOC_USERS and explains mistakes without echoing hashes', async () => {
    const hash = await hashPassword('mat-khau-1', { N: 1024, r: 8, p: 1 });
    expect(parseUsers(`vanphong:office:${hash}:Văn phòng Ban; truongban:chair:${hash}`)).toEqual([
      { username: 'vanphong', role: 'office', passwordHash: hash, displayName: 'Văn phòng Ban' },
      { username: 'truongban', role: 'chair', passwordHash: hash },
    ]);
    expect(() => parseUsers(`vanphong:admin:${hash}`)).toThrow(/vai trò/);
    expect(() => parseUsers('vanphong:office:plaintext')).toThrow(AccountsError);
    expect(() => parseUsers('vanphong:office:plaintext')).not.toThrow(/plaintext/);
    expect(() => parseUsers(`a:office:${hash};a:chair:${hash}`)).toThrow(/trùng/);
    expect(() => parseUsers(' ; ')).toThrow(/không có tài khoản/);
  });

  it('generates the embedded admin password once and keeps it', async () => {
    const dir = tempDir();
    const first = ensureAdminPassword(dir);
    expect(first.created).toBe(true);
    expect(statSync(first.path).mode & 0o777).toBe(0o600);
    const again = ensureAdminPassword(dir);
    expect(again).toMatchObject({ created: false, password: first.password });
    const [admin] = await loadAccounts({ DATA_DIR: dir });
    expect(admin).toMatchObject({ username: 'admin', role: 'office' });
    expect(await verifyPassword(first.password, admin!.passwordHash)).toBe(true);
    const [fromEnv] = await loadAccounts({ DATA_DIR: dir, DONDOC_ADMIN_PASSWORD: 'cau-hinh-rieng' });
    expect(await verifyPassword('cau-hinh-rieng', fromEnv!.passwordHash)).toBe(true);
  });

  it("keeps the embedded admin's hash from one start to the next, and renews it when the password changes", async () => {
    // Was: a new salt at every start, hence a new hash, hence every session ended by a restart.
    const dir = tempDir();
    const [first] = await loadAccounts({ DATA_DIR: dir });
    const [second] = await loadAccounts({ DATA_DIR: dir });
    expect(second!.passwordHash).toBe(first!.passwordHash);
    expect(statSync(join(dir, ADMIN_HASH_FILE)).mode & 0o777).toBe(0o600);
    const [viaEnv] = await loadAccounts({ DATA_DIR: dir, DONDOC_ADMIN_PASSWORD: 'mat-khau-moi-2026' });
    expect(viaEnv!.passwordHash).not.toBe(first!.passwordHash);
    expect(await verifyPassword('mat-khau-moi-2026', viaEnv!.passwordHash)).toBe(true);
    const [viaEnvAgain] = await loadAccounts({ DATA_DIR: dir, DONDOC_ADMIN_PASSWORD: 'mat-khau-moi-2026' });
    expect(viaEnvAgain!.passwordHash).toBe(viaEnv!.passwordHash);
  });

  it('shares one secret through DATA_DIR, or takes DONDOC_SECRET', () => {
    const dir = tempDir();
    const a = loadSecret({ DATA_DIR: dir });
    expect(loadSecret({ DATA_DIR: dir })).toEqual(a);
    expect(statSync(join(dir, 'secret')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, 'secret'), 'utf8').trim().length).toBeGreaterThanOrEqual(32);
    expect(loadSecret({ DATA_DIR: dir, DONDOC_SECRET: 'x'.repeat(40) })).toEqual(Buffer.from('x'.repeat(40)));
    expect(() => loadSecret({ DATA_DIR: dir, DONDOC_SECRET: 'short' })).toThrow(SecretError);
  });
});
