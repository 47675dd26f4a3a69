// Sign-in throttling in memory, per client address and per account: a guesser is slowed
// whether it tries many passwords on one account or one password on many accounts. Memory
// is bounded; a restart forgets, which is acceptable for one office's server.

export interface LimitOptions {
  maxPerAccount: number;
  maxPerIp: number;
  windowMs: number;
  /** Upper bound on tracked keys; the oldest are dropped first. */
  maxKeys: number;
}

export const DEFAULT_LIMITS: LimitOptions = { maxPerAccount: 5, maxPerIp: 20, windowMs: 15 * 60_000, maxKeys: 10_000 };

export type LimitCheck = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();
  private readonly options: LimitOptions;

  constructor(options: Partial<LimitOptions> = {}) {
    this.options = { ...DEFAULT_LIMITS, ...options };
  }

  private recent(key: string, now: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((t) => t > now - this.options.windowMs);
    if (list.length === 0) this.failures.delete(key);
    else this.failures.set(key, list);
    return list;
  }

  check(ip: string, username: string, now = Date.now()): LimitCheck {
    const checks: [string, number][] = [[`ip:${ip}`, this.options.maxPerIp], [`user:${username.toLowerCase()}`, this.options.maxPerAccount]];
    let wait = 0;
    for (const [key, max] of checks) {
      const list = this.recent(key, now);
      if (list.length >= max) wait = Math.max(wait, list[list.length - max]! + this.options.windowMs - now);
    }
    return wait > 0 ? { allowed: false, retryAfterSeconds: Math.ceil(wait / 1000) } : { allowed: true };
  }

  fail(ip: string, username: string, now = Date.now()): void {
    for (const key of [`ip:${ip}`, `user:${username.toLowerCase()}`]) {
      const list = this.recent(key, now);
      list.push(now);
      this.failures.delete(key);
      this.failures.set(key, list);
    }
    while (this.failures.size > this.options.maxKeys) {
      const oldest = this.failures.keys().next().value;
      if (oldest === undefined) break;
      this.failures.delete(oldest);
    }
  }

  /** A successful sign-in clears the account's failures, not the address's. */
  succeed(username: string): void {
    this.failures.delete(`user:${username.toLowerCase()}`);
  }
}
