// One sign-in for the form (/login) and the API (POST /api/session): throttled by
// signin-limits.ts, an unknown account costs the same scrypt time as a known one, and a
// success starts a fresh secure session (new CSRF secret) that outlives web restarts.
import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { hashPassword, verifyPassword } from '../../auth/passwords';
import type { Session } from '../../auth/sessions';
import type { WebContext } from './context';
import { SESSION_CLAIMS } from './request-state';
import { pause } from './signin-limits';

export type SigninResult = { ok: true; session: Session; csrf: string } | { ok: false; status: 401 } | { ok: false; status: 429; retryAfterSeconds: number };

// Compared against when the account does not exist, so timing does not reveal which exist.
const dummyHash = hashPassword(randomBytes(12).toString('base64url'));

export async function signIn(req: FastifyRequest, reply: FastifyReply, ctx: WebContext, username: string, password: string): Promise<SigninResult> {
  const limit = await ctx.signin.check(req, username);
  if (!limit.allowed) {
    reply.header('Retry-After', String(limit.retryAfterSeconds));
    return { ok: false, status: 429, retryAfterSeconds: limit.retryAfterSeconds };
  }
  // Slowed, never refused: the same wait for the right and the wrong password.
  if (limit.delayMs > 0) await pause(limit.delayMs);
  const account = ctx.sessions.account(username);
  const ok = await verifyPassword(password, account?.passwordHash ?? (await dummyHash));
  if (!account || !ok) {
    await ctx.signin.fail(req, username);
    return { ok: false, status: 401 };
  }
  const { claims, session } = ctx.sessions.issue(account);
  req.session.set(SESSION_CLAIMS, claims);
  // A new sign-in gets a new CSRF secret: a token seen before it (on the sign-in form) is worthless after.
  req.session.set('_csrf', undefined);
  req.session.options({ maxAge: ctx.sessions.ttlSeconds });
  req.dondoc.session = session;
  const csrf = reply.generateCsrf();
  req.dondoc.csrf = csrf;
  return { ok: true, session, csrf };
}

export function signOut(req: FastifyRequest, ctx: WebContext, session: Session): void {
  ctx.sessions.revoke(session);
  req.session.delete();
}
