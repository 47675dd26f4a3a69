// Access checks for office routes: a session (else the sign-in page, or 401 for the API),
// the right role, and a CSRF token (@fastify/csrf-protection) on every state-changing request.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '../../auth/accounts';
import type { Session } from '../../auth/sessions';
import type { WebContext } from './context';
import { apiError } from './api/errors';
import { frameOf, sendPage } from './request-state';
import { errorPage } from './views/error-page';

const isApi = (req: FastifyRequest) => req.url.startsWith('/api/');

/** Sends the refusal and returns undefined when the request may not go on. */
export function requireSession(req: FastifyRequest, reply: FastifyReply, ctx: WebContext, roles?: Role[]): Session | undefined {
  const session = req.dondoc.session;
  if (!session) {
    if (isApi(req)) void apiError(reply, 401, 'unauthenticated', 'cần đăng nhập (sign in first)');
    else void reply.redirect(`/login?next=${encodeURIComponent(req.url)}`, 303);
    return undefined;
  }
  if (roles && !roles.includes(session.role)) {
    void forbidden(req, reply, ctx);
    return undefined;
  }
  return session;
}

/** 403 as a page or as the API's error shape. */
export function forbidden(req: FastifyRequest, reply: FastifyReply, ctx: WebContext): FastifyReply {
  const { t } = req.dondoc;
  if (isApi(req)) void apiError(reply, 403, 'forbidden', t.errors.forbiddenBody);
  else void sendPage(reply, 403, errorPage(frameOf(req, ctx), t.errors.forbidden, t.errors.forbiddenBody));
  return reply;
}

/**
 * Forms send `_csrf`; API clients send the `x-csrf-token` header (from POST /api/session).
 * Checked by @fastify/csrf-protection against the secret in the secure session; a failure
 * is answered by the error handler (403, the CSRF page or the API's `csrf` error).
 */
export function checkSessionCsrf(req: FastifyRequest, reply: FastifyReply, _ctx: WebContext, _session: Session): boolean {
  let passed = false;
  // The plugin's check is synchronous: it calls `done` at once or sends the 403 error.
  req.server.csrfProtection(req, reply, () => {
    passed = true;
  });
  return passed;
}
