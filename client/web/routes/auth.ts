// Sign-in and sign-out for the office and the chair: the form, its CSRF token from
// @fastify/csrf-protection, and the throttled sign-in of signin.ts.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { WebContext } from '../context';
import { checkSessionCsrf } from '../guards';
import { frameOf, sendPage } from '../request-state';
import { signIn, signOut } from '../signin';
import { loginPage } from '../views/login-page';

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

export function registerAuthRoutes(app: FastifyInstance, ctx: WebContext): void {
  function showLogin(req: FastifyRequest, reply: FastifyReply, status: number, extra: { error?: string; username?: string; next?: string; message?: string } = {}) {
    // The sign-in form's token comes from @fastify/csrf-protection; its secret sits in the
    // (not yet signed-in) secure session cookie.
    const frame = frameOf(req, ctx);
    return sendPage(reply, status, loginPage({ ...frame, session: undefined }, { csrf: reply.generateCsrf(), next: safeNext(extra.next), ...extra }));
  }

  app.get('/login', async (req, reply) => {
    const query = req.query as { next?: string; out?: string };
    if (req.dondoc.session) return reply.redirect(safeNext(query.next), 303);
    return showLogin(req, reply, 200, { ...(query.next ? { next: query.next } : {}), ...(query.out ? { message: req.dondoc.t.login.signedOut } : {}) });
  });

  app.post('/login', { preHandler: app.csrfProtection }, async (req, reply) => {
    const { t } = req.dondoc;
    const body = loginBody.safeParse(req.body ?? {});
    const input = body.success ? body.data : { username: '', password: '', next: undefined, _csrf: undefined };
    const again = { username: input.username, ...(input.next ? { next: input.next } : {}) };
    const result = await signIn(req, reply, ctx, input.username, input.password);
    if (result.ok) return reply.redirect(safeNext(input.next), 303);
    if (result.status === 429) return showLogin(req, reply, 429, { error: t.errors.rateLimitedBody(Math.ceil(result.retryAfterSeconds / 60)), ...again });
    return showLogin(req, reply, 401, { error: t.login.failed, ...again });
  });

  app.post('/logout', async (req, reply) => {
    const session = req.dondoc.session;
    if (session) {
      if (!checkSessionCsrf(req, reply, ctx, session)) return reply;
      signOut(req, ctx, session);
    }
    return reply.redirect('/login?out=1', 303);
  });
}
