// Per-request facts every route needs: the language (and remembering a `?lang=` choice),
// the signed-in session if any, and the page frame built from them.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Session, SessionClaims } from '../../auth/sessions';
import type { WebContext } from './context';
import { LANG_COOKIE, messages, pickLocale, type Locale, type Messages } from './i18n';
import type { Frame } from './views/layout';

export const SESSION_COOKIE = 'dondoc_session';
/** The key of the sign-in claims inside the secure session (the CSRF plugin keeps `_csrf` beside it). */
export const SESSION_CLAIMS = 'dondoc';

export interface RequestState {
  locale: Locale;
  t: Messages;
  session: Session | undefined;
  /** For a signed-in request: a token from @fastify/csrf-protection for the page's forms. */
  csrf: string | undefined;
}

declare module '@fastify/secure-session' {
  interface SessionData {
    [SESSION_CLAIMS]: SessionClaims;
    /** @fastify/csrf-protection's secret. */
    _csrf: string;
  }
}

declare module 'fastify' {
  interface FastifyRequest {
    dondoc: RequestState;
  }
}

export function registerRequestState(app: FastifyInstance, ctx: WebContext): void {
  app.decorateRequest('dondoc', undefined as unknown as RequestState);
  app.addHook('onRequest', async (req, reply) => {
    const query = req.query as Record<string, unknown> | undefined;
    const locale = pickLocale(query?.lang, req.cookies[LANG_COOKIE], ctx.env.DONDOC_LOCALE);
    if (query?.lang === locale && req.cookies[LANG_COOKIE] !== locale) {
      reply.setCookie(LANG_COOKIE, locale, { path: '/', maxAge: 365 * 86_400, sameSite: 'lax', httpOnly: true, secure: ctx.secureCookies });
    }
    const session = ctx.sessions.read(req.session.get(SESSION_CLAIMS));
    req.dondoc = { locale, t: messages(locale), session, csrf: session ? reply.generateCsrf() : undefined };
  });
}

/** The path without `lang`, so the switch link does not pile up parameters. */
function currentPath(req: FastifyRequest): string {
  const url = new URL(req.url, 'http://x');
  url.searchParams.delete('lang');
  return `${url.pathname}${url.search}`;
}

export function frameOf(req: FastifyRequest, _ctx: WebContext): Frame {
  const { t, session, csrf } = req.dondoc;
  return { t, path: currentPath(req), session, ...(session && csrf ? { csrf } : {}) };
}

export function sendPage(reply: FastifyReply, status: number, page: string): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').send(page);
}
