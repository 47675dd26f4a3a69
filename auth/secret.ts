// The one secret that signs unit links, sessions and CSRF tokens. The worker (links in
// emails) and the web server (checking them) must share it: it comes from DONDOC_SECRET,
// or else from a file under DATA_DIR that the first process to need it creates.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const SECRET_FILE = 'secret';
export const MIN_SECRET_LENGTH = 32;

export class SecretError extends Error {
  override name = 'SecretError';
}

function readSecretFile(path: string): Buffer {
  const text = readFileSync(path, 'utf8').trim();
  if (text.length < MIN_SECRET_LENGTH) throw new SecretError(`${path}: khoá bí mật quá ngắn (secret too short; delete the file to regenerate)`);
  return Buffer.from(text, 'utf8');
}

/** Reads DATA_DIR/secret, creating it (mode 0600) when absent; safe if two processes race. */
export function ensureSecretFile(dataDir: string): string {
  const path = join(resolve(dataDir), SECRET_FILE);
  mkdirSync(resolve(dataDir), { recursive: true });
  try {
    writeFileSync(path, `${randomBytes(32).toString('base64url')}\n`, { flag: 'wx', mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  return path;
}

export function loadSecret(env: { DONDOC_SECRET?: string | undefined; DATA_DIR: string }): Buffer {
  if (env.DONDOC_SECRET !== undefined) {
    if (env.DONDOC_SECRET.length < MIN_SECRET_LENGTH) throw new SecretError(`DONDOC_SECRET phải dài ít nhất ${MIN_SECRET_LENGTH} ký tự (too short)`);
    return Buffer.from(env.DONDOC_SECRET, 'utf8');
  }
  return readSecretFile(ensureSecretFile(env.DATA_DIR));
}
