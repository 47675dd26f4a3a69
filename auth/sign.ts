// HMAC-SHA256 signing shared by links, sessions and CSRF tokens. Every signature is bound
// to a purpose string, so a token minted for one use (a session) can never be replayed as
// another (a unit link) even though one secret signs them all.
import { createHmac, timingSafeEqual } from 'node:crypto';

export type Purpose = 'link' | 'session' | 'csrf';

export function base64url(data: Buffer | string): string {
  return Buffer.from(data).toString('base64url');
}

export function mac(secret: Buffer, purpose: string, data: string): Buffer {
  return createHmac('sha256', secret).update(purpose).update('\0').update(data).digest();
}

/** Constant-time equality that also tolerates different lengths (which it reports as unequal). */
export function safeEqual(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** `<base64url JSON>.<base64url HMAC>`: readable claims, unforgeable without the secret. */
export function seal(secret: Buffer, purpose: Purpose, claims: object): string {
  const body = base64url(JSON.stringify(claims));
  return `${body}.${base64url(mac(secret, purpose, body))}`;
}

export type Unsealed = { ok: true; claims: unknown } | { ok: false; reason: 'malformed' | 'tampered' };

export function unseal(secret: Buffer, purpose: Purpose, token: string): Unsealed {
  // Upper bound well above any real token: refuses junk before hashing it.
  if (token.length > 2048 || !/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/.test(token)) return { ok: false, reason: 'malformed' };
  const [body = '', signature = ''] = token.split('.');
  if (!safeEqual(Buffer.from(signature, 'base64url'), mac(secret, purpose, body))) return { ok: false, reason: 'tampered' };
  try {
    return { ok: true, claims: JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as unknown };
  } catch {
    // A valid signature over invalid JSON means a bug on our side, not an attack.
    return { ok: false, reason: 'malformed' };
  }
}
