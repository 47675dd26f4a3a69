// Stateless sessions in a signed cookie: nothing to store, so the web server can restart or
// run twice without logging anyone out. The cookie is bound to the account's password
// hash, so changing a password in configuration ends that account's sessions; sign-out is
// remembered in memory until the cookie would have expired anyway.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Account, Role } from './accounts';
import { base64url, mac, seal, unseal } from './sign';

export interface Session {
  username: string;
  role: Role;
  displayName: string;
  /** Random per sign-in; CSRF tokens are bound to it. */
  id: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

const claimsSchema = z.object({ u: z.string(), r: z.enum(['office', 'chair']), n: z.string().min(16), x: z.number().int(), f: z.string() });

export const DEFAULT_SESSION_HOURS = 8;

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

  issue(account: Account, now = Date.now()): { cookie: string; session: Session } {
    const id = randomBytes(16).toString('base64url');
    const expiresAt = now + this.ttlMs;
    const cookie = seal(this.secret, 'session', { u: account.username, r: account.role, n: id, x: Math.floor(expiresAt / 1000), f: this.fingerprint(account) });
    return { cookie, session: { username: account.username, role: account.role, displayName: account.displayName ?? account.username, id, expiresAt } };
  }

  read(cookie: string | undefined, now = Date.now()): Session | undefined {
    if (!cookie) return undefined;
    const opened = unseal(this.secret, 'session', cookie);
    if (!opened.ok) return undefined;
    const parsed = claimsSchema.safeParse(opened.claims);
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
