// Sign-in and sign-out for the office and the chair. The sign-in form's CSRF token is
// bound to a nonce cookie (there is no session yet); failures are rate-limited per client
// address and per account, and an unknown account costs the same scrypt time as a known one.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { csrfToken, verifyCsrf } from '../../../auth/csrf';
import { hashPassword, verifyPassword } from '../../../auth/passwords';
import type { WebContext } from '../context';
import { checkSessionCsrf } from '../guards';
import { frameOf, SESSION_COOKIE, sendPage } from '../request-state';
import { errorPage } from '../views/error-page';
import { loginPage } from '../views/login-page';

const LOGIN_COOKIE = 'dondoc_login';

const loginBody = z.object({
  username: z.string().trim().toLowerCase().max(64).default(''),
  password: z.string().max(1024).default(''),
  next: z.string().max(2000).optional(),
  _csrf: z.string().optional(),
});

/** Only paths inside the office area: a crafted `next` cannot send people to another site. */
export function safeNext(next: string | undefined): string {
  return next && /^\/(office|api)(\/|$|\?)/.test(next) && !next.startsWith('//') ? next : '/office';
}

// Compared against when the account does not exist, so timing does not reveal which exist.
const dummyHash = hashPassword(randomBytes(12).toString('base64url'));

export function registerAuthRoutes(app: FastifyInstance, ctx: WebContext): void {
  const cookieBase = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: ctx.secureCookies };

  function showLogin(req: FastifyRequest, reply: FastifyReply, status: number, extra: { error?: string; username?: string; next?: string; message?: string } = {}) {
    const nonce = randomBytes(16).toString('base64url');
    reply.setCookie(LOGIN_COOKIE, nonce, { ...cookieBase, path: '/login', maxAge: 3600 });
    const frame = frameOf(req, ctx);
    return sendPage(reply, status, loginPage({ ...frame, session: undefined }, { csrf: csrfToken(ctx.secret, 'login', nonce), next: safeNext(extra.next), ...extra }));
  }

  app.get('/login', async (req, reply) => {
    const query = req.query as { next?: string; out?: string };
    if (req.dondoc.session) return reply.redirect(safeNext(query.next), 303);
    return showLogin(req, reply, 200, { ...(query.next ? { next: query.next } : {}), ...(query.out ? { message: req.dondoc.t.login.signedOut } : {}) });
  });

  app.post('/login', async (req, reply) => {
    const { t } = req.dondoc;
    const body = loginBody.safeParse(req.body ?? {});
    const input = body.success ? body.data : { username: '', password: '', next: undefined, _csrf: undefined };
    const nonce = req.cookies[LOGIN_COOKIE];
    if (!nonce || !verifyCsrf(ctx.secret, 'login', nonce, input._csrf)) {
      return sendPage(reply, 403, errorPage(frameOf(req, ctx), t.errors.csrf, t.errors.csrfBody, '/login'));
    }
    const ip = req.ip;
    const limit = ctx.limiter.check(ip, input.username);
    if (!limit.allowed) {
      reply.header('Retry-After', String(limit.retryAfterSeconds));
      return showLogin(req, reply, 429, { error: t.errors.rateLimitedBody(Math.ceil(limit.retryAfterSeconds / 60)), username: input.username, ...(input.next ? { next: input.next } : {}) });
    }
    const account = ctx.sessions.account(input.username);
    const ok = await verifyPassword(input.password, account?.passwordHash ?? (await dummyHash));
    if (!account || !ok) {
      ctx.limiter.fail(ip, input.username);
      return showLogin(req, reply, 401, { error: t.login.failed, username: input.username, ...(input.next ? { next: input.next } : {}) });
    }
    ctx.limiter.succeed(input.username);
    const { cookie } = ctx.sessions.issue(account);
    reply.setCookie(SESSION_COOKIE, cookie, { ...cookieBase, maxAge: ctx.sessions.ttlSeconds });
    reply.clearCookie(LOGIN_COOKIE, { ...cookieBase, path: '/login' });
    return reply.redirect(safeNext(input.next), 303);
  });

  app.post('/logout', async (req, reply) => {
    const session = req.dondoc.session;
    if (session) {
      if (!checkSessionCsrf(req, reply, ctx, session)) return reply;
      ctx.sessions.revoke(session);
    }
    reply.clearCookie(SESSION_COOKIE, cookieBase);
    return reply.redirect('/login?out=1', 303);
  });
}
