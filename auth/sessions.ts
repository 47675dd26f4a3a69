// What a sign-in puts in the session and how it is read back. The cookie itself is
// @fastify/secure-session's (encrypted and authenticated with libsodium); its key is
// derived from the one stable secret, so a web restart, or a second web process, reads the
// same cookies. The claims are bound to the account's password hash, so changing a
// password in configuration ends that account's sessions; sign-out is remembered in
// memory until the cookie would have expired anyway.
import { hkdfSync, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Account, Role } from './accounts';
import { base64url, mac } from './sign';

export interface Session {
  username: string;
  role: Role;
  displayName: string;
  /** Random per sign-in; sign-out revokes it. */
  id: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

/** Stored under one key of the secure session, beside the CSRF plugin's secret. */
export type SessionClaims = z.infer<typeof claimsSchema>;
const claimsSchema = z.object({ u: z.string(), r: z.enum(['office', 'chair']), n: z.string().min(16), x: z.number().int(), f: z.string() });

export const DEFAULT_SESSION_HOURS = 8;

/** The 32-byte secure-session key, derived (HKDF-SHA256) from the shared secret: stable across restarts. */
export function sessionKey(secret: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'dondoc', 'secure-session cookie key v1', 32));
}

export class Sessions {
  private readonly accounts: Map<string, Account>;
  private readonly revoked = new Map<string, number>();

  constructor(
    private readonly secret: Buffer,
    accounts: Account[],
    private readonly ttlMs = DEFAULT_SESSION_HOURS * 3_600_000,
  ) {
    this.accounts = new Map(accounts.map((a) => [a.username, a]));
  }

  get ttlSeconds(): number {
    return Math.floor(this.ttlMs / 1000);
  }

  account(username: string): Account | undefined {
    return this.accounts.get(username);
  }

  private fingerprint(account: Account): string {
    return base64url(mac(this.secret, 'session-password', account.passwordHash).subarray(0, 12));
  }

  issue(account: Account, now = Date.now()): { claims: SessionClaims; session: Session } {
    const id = randomBytes(16).toString('base64url');
    const expiresAt = now + this.ttlMs;
    const claims: SessionClaims = { u: account.username, r: account.role, n: id, x: Math.floor(expiresAt / 1000), f: this.fingerprint(account) };
    return { claims, session: { username: account.username, role: account.role, displayName: account.displayName ?? account.username, id, expiresAt } };
  }

  read(stored: unknown, now = Date.now()): Session | undefined {
    if (stored === undefined || stored === null) return undefined;
    const parsed = claimsSchema.safeParse(stored);
    if (!parsed.success) return undefined;
    const { u, r, n, x, f } = parsed.data;
    const expiresAt = x * 1000;
    if (expiresAt <= now || this.revoked.has(n)) return undefined;
    const account = this.accounts.get(u);
    if (!account || account.role !== r || f !== this.fingerprint(account)) return undefined;
    return { username: u, role: r, displayName: account.displayName ?? u, id: n, expiresAt };
  }

  revoke(session: Session, now = Date.now()): void {
    this.revoked.set(session.id, session.expiresAt);
    for (const [id, until] of this.revoked) if (until <= now) this.revoked.delete(id);
  }
}
