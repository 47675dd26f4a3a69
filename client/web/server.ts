// dondoc's web server: the public status page, the units' pages behind signed links, the
// office's and the chair's pages behind sign-in, exports and the JSON API. Server-rendered
// HTML, no client script; every answer gets the security headers and, when large, compression.
import cookie from '@fastify/cookie';
import csrfProtection from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import secureSession from '@fastify/secure-session';
import type { Client } from '@temporalio/client';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { sessionKey } from '../../auth/sessions';
import type { Env } from '../../config/env';
import { apiError } from './api/errors';
import { registerOccurrenceApi } from './api/occurrences';
import { registerOfficeApi } from './api/office';
import { openApiDocument } from './api/openapi';
import { registerUnitApi } from './api/unit';
import { registerCompression } from './compress';
import { registerMetrics } from './metrics';
import { createContext, type WebContext, type WebOptions } from './context';
import { BadQueryValue } from './data/query';
import { isUnavailable, registerDefaultDeadline } from './deadlines';
import { sendUnavailable } from './link-access';
import { BadPageToken } from './page-tokens';
import { frameOf, registerRequestState, SESSION_COOKIE, sendPage } from './request-state';
import { createSigninLimits } from './signin-limits';
import { registerAuthRoutes } from './routes/auth';
import { registerExportRoutes } from './routes/exports';
import { registerOfficeRoutes } from './routes/office';
import { registerOfficeActions } from './routes/office-actions';
import { registerOccurrenceRoutes } from './routes/occurrences';
import { registerStatusRoutes } from './routes/status';
import { registerUnitRoutes } from './routes/unit';
import { registerSecurityHeaders } from './security';
import { errorPage } from './views/error-page';

export type { WebOptions } from './context';

const isApi = (req: FastifyRequest) => req.url.startsWith('/api/');

/** Where a failure happened, for the log: the route pattern, never the URL (it may hold a link token). */
function where(req: FastifyRequest): string {
  return `${req.method} ${req.routeOptions.url ?? '(no route)'}`;
}

function registerErrorHandlers(app: FastifyInstance, ctx: WebContext): void {
  app.setNotFoundHandler((req, reply) => {
    const t = req.dondoc?.t;
    if (isApi(req) || !t) return apiError(reply, 404, 'not_found', 'không tìm thấy (not found)');
    return sendPage(reply, 404, errorPage(frameOf(req, ctx), t.errors.notFound, t.errors.notFoundBody, '/'));
  });

  app.setErrorHandler((err: Error & { statusCode?: number; code?: string | number }, req: FastifyRequest, reply: FastifyReply) => {
    const t = req.dondoc?.t;
    const grpc = typeof err.code === 'number' ? err.code : undefined;
    const csrf = err.code === 'FST_CSRF_INVALID_TOKEN' || err.code === 'FST_CSRF_MISSING_SECRET';
    // Bad input that reached visibility (a forged page token, an odd id): the client's fault.
    // Temporal or the worker not answering in time (a deadline, no poller): a 503, never a 500.
    const status = err instanceof BadQueryValue || grpc === 3 ? 400 : isUnavailable(err) ? 503 : err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status >= 500 && status !== 503) console.error(`dondoc web: ${where(req)}: ${err.name}: ${(err.message ?? '').split('\n')[0]}${causeCodes(err)}`);
    if (status === 503 && t) return sendUnavailable(req, reply, ctx, '/', req.method !== 'GET' && req.method !== 'HEAD');
    if (isApi(req) || !t) {
      const code = status === 503 ? 'unavailable' : csrf ? 'csrf' : status === 413 ? 'too_large' : status === 415 ? 'unsupported_type' : status >= 500 ? 'internal' : 'validation';
      const message = status >= 500 ? (status === 503 ? 'Temporal unavailable' : 'lỗi hệ thống (internal error)') : csrf && t ? t.errors.csrfBody : (err.message ?? 'bad request').split('\n')[0]!;
      return apiError(reply, status, code, message);
    }
    const [title, body] =
      err instanceof BadPageToken ? [t.errors.badPage, t.errors.badPageBody]
      : csrf ? [t.errors.csrf, t.errors.csrfBody]
      : status === 413 ? [t.errors.tooLarge, t.errors.tooLargeBody(ctx.rules.maxMb)]
      : status >= 500 ? [t.errors.server, t.errors.serverBody]
      : [t.errors.title, err instanceof BadQueryValue ? err.message : t.errors.notFoundBody];
    return sendPage(reply, status, errorPage(frameOf(req, ctx), title, body, '/'));
  });
}

/** The gRPC codes down an error's cause chain, for the one log line of an unexpected failure. */
function causeCodes(err: unknown): string {
  const codes: string[] = [];
  for (let e = (err as { cause?: unknown }).cause, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, details } = e as { code?: unknown; details?: unknown };
    if (code !== undefined) codes.push(`${String(code)}${typeof details === 'string' ? ` ${details.slice(0, 120)}` : ''}`);
  }
  return codes.length > 0 ? ` (causes: ${codes.join('; ')})` : '';
}

export function createWebServer(client: Client, env: Env, options: WebOptions): FastifyInstance {
  const base = createContext(client, env, options);
  // No request logging: URLs of unit pages carry their link token.
  // Unit link tokens are path segments of ~200 characters; the router's default cap is 100.
  const app = Fastify({ logger: false, trustProxy: env.WEB_TRUST_PROXY, bodyLimit: 1024 * 1024, routerOptions: { maxParamLength: 2048 } });
  registerMetrics(app, env);
  void app.register(cookie);
  // Signed-in sessions: an encrypted cookie whose key comes from the stable secret, so a
  // restart keeps everyone signed in. Its own expiry matches the session's.
  void app.register(secureSession, {
    key: sessionKey(options.secret),
    cookieName: SESSION_COOKIE,
    expiry: env.DONDOC_SESSION_HOURS * 3600,
    cookie: { path: '/', httpOnly: true, sameSite: 'lax', secure: base.secureCookies },
  });
  // CSRF for signed-in forms and the sign-in form: the secret lives in that session.
  void app.register(csrfProtection, { sessionPlugin: '@fastify/secure-session' });
  // No route is limited by default; sign-in uses its own limiters (signin-limits.ts).
  void app.register(rateLimit, { global: false, cache: 10_000 });
  void app.register(formbody, { bodyLimit: 1024 * 1024 });
  void app.register(multipart, { limits: { fileSize: Math.floor(env.DONDOC_UPLOAD_MAX_MB * 1024 * 1024), files: env.DONDOC_UPLOAD_MAX_FILES } });

  void app.register(async (scope) => {
    const ctx: WebContext = { ...base, signin: createSigninLimits(scope) };
    registerDefaultDeadline(scope, client);
    registerRequestState(scope, ctx);
    registerSecurityHeaders(scope);
    registerCompression(scope);
    // JSON only for API writes: a cross-site form cannot send it, which keeps the API out of CSRF's reach.
    scope.addHook('preHandler', async (req, reply) => {
      if (!isApi(req) || req.method === 'GET' || req.method === 'HEAD' || req.isMultipart()) return;
      if (req.method === 'DELETE' && !req.headers['content-type']) return;
      if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return apiError(reply, 415, 'unsupported_type', 'cần application/json (application/json expected)');
      }
    });
    registerErrorHandlers(scope, ctx);
    registerStatusRoutes(scope, ctx);
    registerAuthRoutes(scope, ctx);
    registerUnitRoutes(scope, ctx);
    registerOfficeRoutes(scope, ctx);
    registerOfficeActions(scope, ctx);
    registerOccurrenceRoutes(scope, ctx);
    registerExportRoutes(scope, ctx);
    registerOfficeApi(scope, ctx);
    registerOccurrenceApi(scope, ctx);
    registerUnitApi(scope, ctx);
    scope.get('/api/openapi.json', async (_req, reply) => reply.header('Cache-Control', 'public, max-age=300').send(openApiDocument));
  });
  return app;
}
