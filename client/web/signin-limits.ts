// Throttling sign-in with @fastify/rate-limit, counting failures only ({ increment: false }
// to look, a second call to count). Three counters, so that nobody can lock anybody else out:
//   address + account  5 failures / 15 min → 429 for that address on that account only;
//   address            30 failures / 15 min → 429 for that address (spraying many accounts);
//   account, anywhere  never blocks: after 5 failures each attempt waits longer (≤ 2 s),
//                      the right password included, from any address.
// A stranger failing for `admin` from elsewhere therefore slows the office down by at most
// two seconds, and cannot stop it signing in. Counters live in memory (LRU, bounded).
import type { FastifyInstance, FastifyRequest } from 'fastify';

export interface SigninLimitOptions {
  perAddressAccount: number;
  perAddress: number;
  windowMs: number;
  /** Failures on an account (from anywhere) before attempts start to wait. */
  slowAfter: number;
  maxDelayMs: number;
}

export const DEFAULT_SIGNIN_LIMITS: SigninLimitOptions = { perAddressAccount: 5, perAddress: 30, windowMs: 15 * 60_000, slowAfter: 5, maxDelayMs: 2_000 };

export type SigninCheck = { allowed: true; delayMs: number } | { allowed: false; retryAfterSeconds: number };

export interface SigninLimits {
  /** Before checking a password: refused, or allowed after `delayMs`. Counts nothing. */
  check(req: FastifyRequest, account: string): Promise<SigninCheck>;
  /** A failed attempt: counted on all three. */
  fail(req: FastifyRequest, account: string): Promise<void>;
}

type Limiter = ReturnType<FastifyInstance['createRateLimit']>;

export function createSigninLimits(app: FastifyInstance, options: Partial<SigninLimitOptions> = {}): SigninLimits {
  const o = { ...DEFAULT_SIGNIN_LIMITS, ...options };
  // The account a request is about, for the key generators (the plugin hands them the request only).
  const accountOf = new WeakMap<FastifyRequest, string>();
  const account = (req: FastifyRequest) => accountOf.get(req) ?? '';
  const pair = app.createRateLimit({ max: o.perAddressAccount, timeWindow: o.windowMs, keyGenerator: (req) => `signin:pair:${req.ip}|${account(req)}` });
  const address = app.createRateLimit({ max: o.perAddress, timeWindow: o.windowMs, keyGenerator: (req) => `signin:ip:${req.ip}` });
  // `max` only bounds the arithmetic below: this counter never refuses anything.
  const anywhere = app.createRateLimit({ max: 1_000_000, timeWindow: o.windowMs, keyGenerator: (req) => `signin:account:${account(req)}` });

  const count = async (limiter: Limiter, req: FastifyRequest, increment: boolean) => {
    const r = await limiter(req, { increment });
    return r.isAllowed ? { failures: 0, ttlSeconds: 0 } : { failures: r.max - r.remaining, ttlSeconds: r.ttlInSeconds };
  };

  return {
    async check(req, name) {
      accountOf.set(req, name.toLowerCase());
      for (const [limiter, max] of [[pair, o.perAddressAccount], [address, o.perAddress]] as const) {
        const { failures, ttlSeconds } = await count(limiter, req, false);
        if (failures >= max) return { allowed: false, retryAfterSeconds: Math.max(1, ttlSeconds) };
      }
      const { failures } = await count(anywhere, req, false);
      const over = failures - o.slowAfter;
      return { allowed: true, delayMs: over < 0 ? 0 : Math.min(o.maxDelayMs, 125 * 2 ** over) };
    },
    async fail(req, name) {
      accountOf.set(req, name.toLowerCase());
      for (const limiter of [pair, address, anywhere]) await count(limiter, req, true);
    },
  };
}

export const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
