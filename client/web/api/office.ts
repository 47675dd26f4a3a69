// The office's JSON API: sign-in, programs, dashboard data, one assignment and the
// actions on it. Same data and rules as the pages; session cookie plus x-csrf-token.
import type { UpdateDefinition } from '@temporalio/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { WebContext } from '../context';
import type { Outcome } from '../data/assignments';
import { isSafeValue } from '../data/query';
import { pendingRequests } from '../data/requests';
import { checkSessionCsrf, requireSession } from '../guards';
import { signIn, signOut } from '../signin';
import { officeActions, type OfficeAction } from '../routes/office-actions';
import { dashboardQuerySchema } from '../routes/office';
import { apiError, zodDetails } from './errors';
import { columnJson, matrixJson, rowJson } from './serialize';

const sessionBody = z.object({ username: z.string().trim().toLowerCase().min(1).max(64), password: z.string().min(1).max(1024) });
const pageQuery = z.object({ page: z.string().max(4000).regex(/^[A-Za-z0-9_-]*$/).optional(), size: z.coerce.number().int().min(1).max(500).default(50) });

export function sendOutcome<T>(reply: FastifyReply, outcome: Outcome<T>, ok: (value: T) => unknown): FastifyReply {
  if (outcome.ok) return reply.send(ok(outcome.value));
  if (outcome.kind === 'unavailable') return apiError(reply, 503, 'unavailable', outcome.message);
  if (outcome.kind === 'not-found') return apiError(reply, 404, 'not_found', outcome.message);
  return apiError(reply, 409, 'rejected', outcome.message);
}

function program(req: FastifyRequest<{ Params: { program: string } }>, reply: FastifyReply): string | undefined {
  if (isSafeValue(req.params.program)) return req.params.program;
  void apiError(reply, 404, 'not_found', 'chương trình không hợp lệ (invalid program id)');
  return undefined;
}

export function registerOfficeApi(app: FastifyInstance, ctx: WebContext): void {
  app.post('/api/session', async (req, reply) => {
    const body = sessionBody.safeParse(req.body);
    if (!body.success) return apiError(reply, 400, 'validation', 'thiếu tên đăng nhập hoặc mật khẩu (username and password required)', zodDetails(body.error));
    const result = await signIn(req, reply, ctx, body.data.username, body.data.password);
    if (result.ok) return reply.send({ username: result.session.username, role: result.session.role, csrfToken: result.csrf, expiresAt: new Date(result.session.expiresAt).toISOString() });
    if (result.status === 429) return apiError(reply, 429, 'rate_limited', req.dondoc.t.errors.rateLimitedBody(Math.ceil(result.retryAfterSeconds / 60)));
    return apiError(reply, 401, 'unauthenticated', req.dondoc.t.login.failed);
  });

  app.delete('/api/session', async (req, reply) => {
    const session = requireSession(req, reply, ctx);
    if (!session || !checkSessionCsrf(req, reply, ctx, session)) return reply;
    signOut(req, ctx, session);
    return reply.code(204).send();
  });

  app.get('/api/programs', async (req, reply) => {
    if (!requireSession(req, reply, ctx)) return reply;
    return { programs: await ctx.index.listPrograms() };
  });

  app.get<{ Params: { program: string } }>('/api/programs/:program/summary', async (req, reply) => {
    if (!requireSession(req, reply, ctx)) return reply;
    const id = program(req, reply);
    if (!id) return reply;
    const [counts, columns] = await Promise.all([ctx.dashboard.counts(id), ctx.dashboard.columns(id)]);
    return { programId: id, counts, columns: columns.map(columnJson) };
  });

  app.get<{ Params: { program: string } }>('/api/programs/:program/matrix', async (req, reply) => {
    if (!requireSession(req, reply, ctx)) return reply;
    const id = program(req, reply);
    if (!id) return reply;
    const query = dashboardQuerySchema.safeParse(req.query);
    if (!query.success) return apiError(reply, 400, 'validation', 'tham số không hợp lệ (invalid query)', zodDetails(query.error));
    if (query.data.unit && !isSafeValue(query.data.unit)) return apiError(reply, 400, 'validation', 'mã đơn vị không hợp lệ (invalid unit prefix)');
    const matrix = await ctx.dashboard.matrix(id, { cols: query.data.cols, ...(query.data.unit ? { unitPrefix: query.data.unit } : {}), ...(query.data.page ? { page: query.data.page } : {}) });
    return matrixJson(matrix);
  });

  for (const list of ['overdue', 'review-queue'] as const) {
    app.get<{ Params: { program: string } }>(`/api/programs/:program/${list}`, async (req, reply) => {
      if (!requireSession(req, reply, ctx)) return reply;
      const id = program(req, reply);
      if (!id) return reply;
      const query = pageQuery.safeParse(req.query);
      if (!query.success) return apiError(reply, 400, 'validation', 'tham số không hợp lệ (invalid query)', zodDetails(query.error));
      const page = list === 'overdue' ? await ctx.dashboard.overdue(id, query.data.size, query.data.page) : await ctx.dashboard.reviewQueue(id, query.data.size, query.data.page);
      return { rows: page.rows.map((r) => rowJson(r)), next: page.next ?? null };
    });
  }

  app.get<{ Params: { program: string } }>('/api/programs/:program/requests', async (req, reply) => {
    if (!requireSession(req, reply, ctx)) return reply;
    const id = program(req, reply);
    if (!id) return reply;
    const found = await pendingRequests(ctx.visibility, ctx.assignments, id);
    return { items: found.items.map((i) => ({ assignment: rowJson(i.row), unitName: i.state.unitName, itemTitle: i.state.itemTitle, request: i.request })), scanned: found.scanned, total: found.total };
  });

  app.get<{ Params: { id: string } }>('/api/assignments/:id', async (req, reply) => {
    if (!requireSession(req, reply, ctx)) return reply;
    return sendOutcome(reply, await ctx.assignments.state(req.params.id), (state) => ({ ...state, source: state.source ?? 'live' }));
  });

  for (const [name, action] of Object.entries(officeActions) as [OfficeAction, (typeof officeActions)[OfficeAction]][]) {
    app.post<{ Params: { id: string } }>(`/api/assignments/:id/${name}`, async (req, reply) => {
      const session = requireSession(req, reply, ctx, ['office']);
      if (!session || !checkSessionCsrf(req, reply, ctx, session)) return reply;
      // Who acted is the session, whatever the body says.
      const who = name === 'review' ? { reviewer: session.username } : name === 'extend' ? {} : { decidedBy: session.username };
      const parsed = (action.schema as z.ZodType).safeParse({ ...((req.body ?? {}) as object), ...who });
      if (!parsed.success) return apiError(reply, 400, 'validation', 'dữ liệu không hợp lệ (invalid input)', zodDetails(parsed.error));
      return sendOutcome(reply, await ctx.assignments.update(req.params.id, action.update as UpdateDefinition<unknown, [unknown]>, parsed.data), (value) => value);
    });
  }
}
