// Office and chair accounts come from configuration (DONDOC_USERS, hashed passwords);
// without it, one `admin` account whose password is generated once and kept under
// DATA_DIR, so a fresh `npm start` can be signed into and the password survives restarts.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generatePassword, hashPassword, isPasswordHash, verifyPassword } from './passwords';

export type Role = 'office' | 'chair';
export const ROLES: readonly Role[] = ['office', 'chair'];

export interface Account {
  username: string;
  role: Role;
  passwordHash: string;
  displayName?: string;
}

export const ADMIN_USERNAME = 'admin';
export const ADMIN_PASSWORD_FILE = 'admin-password';
/** The embedded admin's scrypt hash, kept so it is the same at every start (sessions are bound to it). */
export const ADMIN_HASH_FILE = 'admin-password.hash';

export class AccountsError extends Error {
  override name = 'AccountsError';
}

const USERNAME = /^[a-z0-9][a-z0-9._-]{0,63}$/;

/**
 * `username:role:hash[:display name]`, entries separated by `;` or new lines. The hash is
 * what `npx tsx auth/hash-password.ts` prints. Errors name the entry, never the hash.
 */
export function parseUsers(spec: string): Account[] {
  const accounts: Account[] = [];
  const entries = spec.split(/[;\n]/).map((e) => e.trim()).filter((e) => e !== '');
  entries.forEach((entry, i) => {
    const [username = '', role = '', hash = '', ...rest] = entry.split(':');
    const where = `DONDOC_USERS mục ${i + 1} (entry ${i + 1}${USERNAME.test(username) ? `, ${username}` : ''})`;
    if (!USERNAME.test(username)) throw new AccountsError(`${where}: tên đăng nhập không hợp lệ (username: a-z, 0-9, . _ -)`);
    if (!ROLES.includes(role as Role)) throw new AccountsError(`${where}: vai trò phải là office hoặc chair (role)`);
    if (!isPasswordHash(hash)) throw new AccountsError(`${where}: mật khẩu phải ở dạng băm scrypt$… (password hash expected)`);
    if (accounts.some((a) => a.username === username)) throw new AccountsError(`${where}: trùng tên đăng nhập (duplicate username)`);
    const displayName = rest.join(':').trim();
    accounts.push({ username, role: role as Role, passwordHash: hash, ...(displayName ? { displayName } : {}) });
  });
  if (accounts.length === 0) throw new AccountsError('DONDOC_USERS không có tài khoản nào (no account)');
  return accounts;
}

/** The embedded default's password: read from DATA_DIR, or generated and written there once. */
export function ensureAdminPassword(dataDir: string): { password: string; created: boolean; path: string } {
  const dir = resolve(dataDir);
  const path = join(dir, ADMIN_PASSWORD_FILE);
  mkdirSync(dir, { recursive: true });
  const password = generatePassword();
  try {
    writeFileSync(path, `${password}\n`, { flag: 'wx', mode: 0o600 });
    return { password, created: true, path };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  const existing = readFileSync(path, 'utf8').trim();
  if (existing.length < 8) throw new AccountsError(`${path}: mật khẩu quản trị quá ngắn (delete the file to regenerate)`);
  return { password: existing, created: false, path };
}

export interface AccountsConfig {
  DONDOC_USERS?: string | undefined;
  DONDOC_ADMIN_PASSWORD?: string | undefined;
  DATA_DIR: string;
}

/**
 * The embedded admin's hash: the one written under DATA_DIR if it still matches the
 * password, else a new one written there. Hashing afresh at each start gave a new salt,
 * a new hash and therefore ended every session at each restart of the web server.
 */
export async function stableAdminHash(dataDir: string, password: string): Promise<string> {
  const path = join(resolve(dataDir), ADMIN_HASH_FILE);
  try {
    const stored = readFileSync(path, 'utf8').trim();
    if (isPasswordHash(stored) && (await verifyPassword(password, stored))) return stored;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  // Absent, unreadable as a hash, or the password changed (DONDOC_ADMIN_PASSWORD): a new one.
  const hash = await hashPassword(password);
  mkdirSync(resolve(dataDir), { recursive: true });
  writeFileSync(path, `${hash}\n`, { mode: 0o600 });
  return hash;
}

export async function loadAccounts(config: AccountsConfig): Promise<Account[]> {
  if (config.DONDOC_USERS !== undefined) return parseUsers(config.DONDOC_USERS);
  const password = config.DONDOC_ADMIN_PASSWORD ?? ensureAdminPassword(config.DATA_DIR).password;
  return [{ username: ADMIN_USERNAME, role: 'office', passwordHash: await stableAdminHash(config.DATA_DIR, password), displayName: 'Quản trị' }];
}
