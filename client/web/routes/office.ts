// The office's and the chair's pages: programs, the program dashboard, the overdue list,
// the review queue, pending requests, one unit's assignments, and one assignment.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Session } from '../../../auth/sessions';
import type { WebContext } from '../context';
import { pendingRequests } from '../data/requests';
import { isSafeValue } from '../data/query';
import { sendAttachment } from '../downloads';
import { requireSession } from '../guards';
import { frameOf, sendPage } from '../request-state';
import { assignmentPage, type AssignmentView } from '../views/assignment-page';
import { dashboardPage } from '../views/dashboard';
import { errorPage } from '../views/error-page';
import { listPage, requestsPage, unitHistoryPage } from '../views/office-lists';
import { programsListPage } from '../views/programs-page';
import { ProgramCatalog } from '../data/program-catalog';
import { namesFor } from '../data/names';
import { programCharts } from '../data/program-charts';
import { registerEditorRoutes } from './program-editor';
import { programPath } from '../paths';
import type { SafeHtml } from '../html';
import { recordsNote } from './unit';
import { undeliverableSection } from '../views/undeliverable';

const DASHBOARD_OVERDUE = 20;
const LIST_PAGE = 50;

const listOf = z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.string().max(420)).max(300));
export const dashboardQuerySchema = z.object({
  cols: listOf,
  unit: z.string().trim().max(100).optional(),
  page: z.string().max(4000).regex(/^[A-Za-z0-9_-]*$/).optional(),
});
const pageQuerySchema = z.object({ page: z.string().max(4000).regex(/^[A-Za-z0-9_-]*$/).optional() });

type ProgramParams = { Params: { program: string } };

export function notFound(req: FastifyRequest, reply: FastifyReply, ctx: WebContext): FastifyReply {
  const { t } = req.dondoc;
  return sendPage(reply, 404, errorPage(frameOf(req, ctx), t.errors.notFound, t.errors.notFoundBody));
}

export async function showAssignment(req: FastifyRequest, reply: FastifyReply, ctx: WebContext, session: Session, workflowId: string, status: number, extra: Partial<AssignmentView> = {}): Promise<FastifyReply> {
  const { t } = req.dondoc;
  const outcome = await ctx.assignments.state(workflowId);
  if (!outcome.ok) {
    if (outcome.kind === 'unavailable') return sendPage(reply, 503, errorPage(frameOf(req, ctx), t.errors.unavailable, t.errors.unavailableBody));
    return sendPage(reply, 404, errorPage(frameOf(req, ctx), t.errors.notFoundWorkflow, t.errors.notFoundBody));
  }
  const frame = frameOf(req, ctx);
  const fromRecords = outcome.value.source === 'records';
  const note = await recordsNote(ctx, outcome.value, t);
  // Temporal no longer has a forgotten assignment: no link to its (deleted) history, no actions.
  const temporalUrl = fromRecords ? undefined : `${ctx.env.TEMPORAL_UI_URL}/namespaces/${encodeURIComponent(ctx.env.TEMPORAL_NAMESPACE)}/workflows/${encodeURIComponent(workflowId)}`;
  return sendPage(
    reply,
    status,
    assignmentPage(frame, { state: outcome.value, canAct: session.role === 'office' && !fromRecords, csrf: frame.csrf ?? '', ...(temporalUrl ? { temporalUrl } : {}), ...(note ? { note } : {}), ...extra }),
  );
}

export function registerOfficeRoutes(app: FastifyInstance, ctx: WebContext): void {
  const catalog = new ProgramCatalog(ctx.client, ctx.visibility);
  registerEditorRoutes(app, ctx, catalog);

  app.get('/office', async (req, reply) => {
    if (!requireSession(req, reply, ctx)) return reply;
    const [programs, live, recorded] = await Promise.all([catalog.programs(), ctx.index.listPrograms(), ctx.recorded ? ctx.recorded.programs() : Promise.resolve([])]);
    const known = new Set(programs.map((p) => p.programId));
    // Programs whose workflows Temporal has forgotten are still listed from their records.
    const fromAssignments = [...new Set([...live, ...recorded])].sort((a, b) => a.localeCompare(b, 'vi'));
    return sendPage(reply, 200, programsListPage(frameOf(req, ctx), programs, fromAssignments.filter((id) => !known.has(id))));
  });

  app.get<ProgramParams>('/office/programs/:program', async (req, reply) => {
    if (!requireSession(req, reply, ctx)) return reply;
    const programId = req.params.program;
    const query = dashboardQuerySchema.safeParse(req.query);
    if (!isSafeValue(programId) || !query.success) return notFound(req, reply, ctx);
    const unitPrefix = query.data.unit && isSafeValue(query.data.unit) ? query.data.unit : undefined;
    const matrixRequest = { cols: query.data.cols, ...(unitPrefix ? { unitPrefix } : {}), ...(query.data.page ? { page: query.data.page } : {}) };
    const session = req.dondoc.session;
    const [counts, allColumns, matrix, overdue, panels, model, undeliverable] = await Promise.all([
      ctx.dashboard.counts(programId),
      ctx.dashboard.columns(programId),
      ctx.dashboard.matrix(programId, matrixRequest),
      ctx.dashboard.overdue(programId, DASHBOARD_OVERDUE),
      Promise.all(ctx.panels.map((p) => p.render(programId, req.dondoc.locale))),
      catalog.model(programId).catch(() => undefined),
      // The office's list of refused mail; the chair's dashboard does not correct addresses.
      ctx.recorded && session?.role === 'office' ? ctx.recorded.undeliverable(programId) : Promise.resolve(undefined),
    ]);
    const names = namesFor(model, req.dondoc.locale);
    const charts = await programCharts(ctx.dashboard, programId, counts.total, model);
    return sendPage(
      reply,
      200,
      dashboardPage(frameOf(req, ctx), {
        programId,
        counts,
        allColumns,
        matrix,
        overdue: overdue.rows,
        overdueMore: overdue.next !== undefined,
        unitPrefix,
        cols: query.data.cols,
        panels: panels.filter((p): p is SafeHtml => p !== undefined),
        hasPanels: ctx.panels.length > 0,
        names,
        ...(undeliverable ? { undeliverable: undeliverableSection(programId, undeliverable, req.dondoc.t, names, model !== undefined) } : {}),
        ...(model ? { title: req.dondoc.locale === 'en' && model.program.program.titleEn ? model.program.program.titleEn : model.program.program.title } : {}),
        charts,
        hasModel: model !== undefined,
      }),
    );
  });

  for (const kind of ['overdue', 'review'] as const) {
    app.get<ProgramParams>(`/office/programs/:program/${kind}`, async (req, reply) => {
      if (!requireSession(req, reply, ctx)) return reply;
      const programId = req.params.program;
      const query = pageQuerySchema.safeParse(req.query);
      if (!isSafeValue(programId) || !query.success) return notFound(req, reply, ctx);
      const { t } = req.dondoc;
      const page = kind === 'overdue' ? await ctx.dashboard.overdue(programId, LIST_PAGE, query.data.page) : await ctx.dashboard.reviewQueue(programId, LIST_PAGE, query.data.page);
      return sendPage(
        reply,
        200,
        listPage(frameOf(req, ctx), {
          programId,
          title: kind === 'overdue' ? t.office.overdue : t.office.reviewQueue,
          empty: kind === 'overdue' ? t.office.noOverdue : t.office.noReview,
          rows: page.rows,
          next: page.next,
          path: `${programPath(programId)}/${kind}`,
        }),
      );
    });
  }

  app.get<ProgramParams>('/office/programs/:program/requests', async (req, reply) => {
    if (!requireSession(req, reply, ctx)) return reply;
    const programId = req.params.program;
    if (!isSafeValue(programId)) return notFound(req, reply, ctx);
    const found = await pendingRequests(ctx.visibility, ctx.assignments, programId);
    return sendPage(
      reply,
      200,
      requestsPage(frameOf(req, ctx), {
        programId,
        scanned: found.scanned,
        total: found.total,
        items: found.items.map((i) => ({ row: i.row, request: i.request, unitName: i.state.unitName, itemTitle: i.state.itemTitle })),
      }),
    );
  });

  app.get<{ Params: { program: string; unit: string } }>('/office/programs/:program/units/:unit', async (req, reply) => {
    if (!requireSession(req, reply, ctx)) return reply;
    const { program, unit } = req.params;
    if (!isSafeValue(program) || !isSafeValue(unit)) return notFound(req, reply, ctx);
    const page = await ctx.dashboard.unitAssignments(program, unit);
    return sendPage(reply, 200, unitHistoryPage(frameOf(req, ctx), { programId: program, unitId: unit, rows: page.rows }));
  });

  app.get<{ Params: { id: string }; Querystring: { done?: string } }>('/office/assignments/:id', async (req, reply) => {
    const session = requireSession(req, reply, ctx);
    if (!session) return reply;
    const done = req.query.done;
    const messages = req.dondoc.t.office.done;
    const message = done === 'reviewed' || done === 'extended' || done === 'decided' || done === 'exempted' ? messages[done] : undefined;
    return showAssignment(req, reply, ctx, session, req.params.id, 200, message ? { message } : {});
  });

  app.get<{ Params: { id: string; ref: string } }>('/office/assignments/:id/files/:ref', async (req, reply) => {
    if (!requireSession(req, reply, ctx)) return reply;
    const outcome = await ctx.assignments.state(req.params.id);
    const file = outcome.ok ? outcome.value.submissions.flatMap((s) => s.attachments).find((a) => a.ref === req.params.ref) : undefined;
    if (!file) return notFound(req, reply, ctx);
    return sendAttachment(reply, ctx.store, file);
  });
}
