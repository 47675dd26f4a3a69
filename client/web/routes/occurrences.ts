// The office's and the chair's pages for program-level workflows: the report cycles and
// tasks of a program, the chair's approval queue, the campaigns' progress, one occurrence
// (cycle or campaign), its report files, and the two actions: the chair approves or
// returns (approveUpdate), the office consolidates now or again (consolidateUpdate).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Session } from '../../../auth/sessions';
import { approveArgsSchema, approveUpdate, consolidateUpdate } from '../../../workflows/report-cycle/messages';
import type { WebContext } from '../context';
import { approverOf, reportFiles, type Opened, type OpenedCycle } from '../data/occurrences';
import type { Outcome } from '../data/assignments';
import { isSafeValue } from '../data/query';
import { sendReportFile } from '../downloads';
import { checkSessionCsrf, forbidden, requireSession } from '../guards';
import { occurrencePath } from '../paths';
import { frameOf, sendPage } from '../request-state';
import { errorPage } from '../views/error-page';
import { approvalsPage, campaignPage, campaignsPage, cyclePage, occurrencesPage, type CycleView } from '../views/occurrence-pages';
import { notFound } from './office';

const LIST_PAGE = 50;
const pageQuerySchema = z.object({ page: z.string().max(4000).regex(/^[A-Za-z0-9_-]*$/).optional() });
type ProgramParams = { Params: { program: string } };
type IdParams = { Params: { id: string } };

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/** The chair's form → approveUpdate's argument; who decided is the session, never the form. */
export function approvalArgs(form: Record<string, unknown>, session: Session) {
  const comment = text(form.comment);
  return { decision: form.decision, ...(comment ? { comment } : {}), by: session.displayName };
}

export function temporalUrlOf(ctx: WebContext, workflowId: string): string {
  return `${ctx.env.TEMPORAL_UI_URL}/namespaces/${encodeURIComponent(ctx.env.TEMPORAL_NAMESPACE)}/workflows/${encodeURIComponent(workflowId)}`;
}

/**
 * An occurrence from Temporal, or — once Temporal has forgotten a closed report cycle — its
 * record: the consolidations (with their workbooks), approvals and forward as they were.
 */
async function openOccurrence(ctx: WebContext, id: string): Promise<Outcome<Opened> & { fromRecords?: boolean }> {
  const live = await ctx.occurrences.open(id);
  if (live.ok || live.kind !== 'not-found' || !ctx.recorded) return live;
  const record = await ctx.recorded.records.getOccurrence(id);
  if (!record) return live;
  const { version: _v, closed: _c, updatedAt: _u, ...state } = record;
  // The program is the one its assignments belong to (the occurrence row does not name it).
  const first = state.rows[0];
  const programId = first ? ((await ctx.recorded.records.getAssignment(first.assignmentId))?.programId ?? '') : '';
  return { ok: true, fromRecords: true, value: { workflowId: id, workflowType: 'reportCycleWorkflow', programId, running: false, kind: 'cycle', state } };
}

export function registerOccurrenceRoutes(app: FastifyInstance, ctx: WebContext): void {
  function unavailable(req: FastifyRequest, reply: FastifyReply, backTo?: string): FastifyReply {
    const { t } = req.dondoc;
    return sendPage(reply, 503, errorPage(frameOf(req, ctx), t.errors.unavailable, t.errors.unavailableBody, backTo));
  }

  async function showOccurrence(req: FastifyRequest, reply: FastifyReply, session: Session, id: string, status: number, extra: Partial<CycleView> = {}): Promise<FastifyReply> {
    const { t } = req.dondoc;
    const outcome = await openOccurrence(ctx, id);
    if (!outcome.ok) {
      if (outcome.kind === 'unavailable') return unavailable(req, reply);
      return sendPage(reply, 404, errorPage(frameOf(req, ctx), t.errors.notFoundWorkflow, t.errors.notFoundBody));
    }
    const frame = frameOf(req, ctx);
    const opened = outcome.value;
    if (outcome.fromRecords && opened.kind === 'cycle') {
      // Closed and forgotten by Temporal: read only, no link to a history that is gone.
      return sendPage(reply, status, cyclePage(frame, { opened, act: { role: session.role, csrf: frame.csrf ?? '' }, ...extra, message: [t.records.fromRecords, extra.message].filter(Boolean).join(' ') }));
    }
    const temporalUrl = temporalUrlOf(ctx, id);
    if (opened.kind === 'campaign') {
      const resultsId = opened.state.results?.workflowId;
      const phases = resultsId && isSafeValue(resultsId) && isSafeValue(opened.programId) ? await ctx.occurrences.phases(opened.programId, [resultsId]) : new Map<string, string | undefined>();
      return sendPage(reply, status, campaignPage(frame, { opened, resultsPhase: resultsId ? phases.get(resultsId) : undefined, temporalUrl }));
    }
    return sendPage(reply, status, cyclePage(frame, { opened, act: { role: session.role, csrf: frame.csrf ?? '' }, temporalUrl, ...extra }));
  }

  /** The cycle the action is for, or the refusal already sent. */
  async function cycleFor(req: FastifyRequest, reply: FastifyReply, id: string): Promise<OpenedCycle | undefined> {
    const outcome = await ctx.occurrences.open(id);
    if (outcome.ok && outcome.value.kind === 'cycle') return outcome.value;
    if (!outcome.ok && outcome.kind === 'unavailable') void unavailable(req, reply, occurrencePath(id));
    else void notFound(req, reply, ctx);
    return undefined;
  }

  app.get<ProgramParams>('/office/programs/:program/occurrences', async (req, reply) => {
    if (!requireSession(req, reply, ctx)) return reply;
    const programId = req.params.program;
    const query = pageQuerySchema.safeParse(req.query);
    if (!isSafeValue(programId) || !query.success) return notFound(req, reply, ctx);
    const [page, titles] = await Promise.all([ctx.occurrences.list(programId, LIST_PAGE, query.data.page), ctx.occurrences.itemTitles(programId)]);
    return sendPage(reply, 200, occurrencesPage(frameOf(req, ctx), { programId, rows: page.rows, titles, next: page.next }));
  });

  app.get<ProgramParams>('/office/programs/:program/approvals', async (req, reply) => {
    const session = requireSession(req, reply, ctx);
    if (!session) return reply;
    const programId = req.params.program;
    if (!isSafeValue(programId)) return notFound(req, reply, ctx);
    const frame = frameOf(req, ctx);
    const [queue, titles] = await Promise.all([ctx.occurrences.approvalQueue(programId), ctx.occurrences.itemTitles(programId)]);
    return sendPage(reply, 200, approvalsPage(frame, { programId, items: queue.items, total: queue.total, titles, act: { role: session.role, csrf: frame.csrf ?? '' } }));
  });

  app.get<ProgramParams>('/office/programs/:program/campaigns', async (req, reply) => {
    if (!requireSession(req, reply, ctx)) return reply;
    const programId = req.params.program;
    if (!isSafeValue(programId)) return notFound(req, reply, ctx);
    const [found, titles] = await Promise.all([ctx.occurrences.campaigns(programId), ctx.occurrences.itemTitles(programId)]);
    return sendPage(reply, 200, campaignsPage(frameOf(req, ctx), { programId, items: found.items, total: found.total, titles, resultPhases: found.resultPhases }));
  });

  app.get<IdParams & { Querystring: { done?: string } }>('/office/occurrences/:id', async (req, reply) => {
    const session = requireSession(req, reply, ctx);
    if (!session) return reply;
    const done = req.query.done;
    const messages = req.dondoc.t.occ.done;
    const message = done === 'approved' || done === 'returned' || done === 'consolidated' ? messages[done] : undefined;
    return showOccurrence(req, reply, session, req.params.id, 200, message ? { message } : {});
  });

  app.get<{ Params: { id: string; ref: string } }>('/office/occurrences/:id/files/:ref', async (req, reply) => {
    if (!requireSession(req, reply, ctx, ['office', 'chair'])) return reply;
    const outcome = await openOccurrence(ctx, req.params.id);
    if (!outcome.ok && outcome.kind === 'unavailable') return unavailable(req, reply);
    // Only a file this cycle's own state names: any other ref, however real, is "not found".
    const file = outcome.ok && outcome.value.kind === 'cycle' ? reportFiles(outcome.value.state).find((f) => f.ref === req.params.ref) : undefined;
    if (!file) return notFound(req, reply, ctx);
    return sendReportFile(reply, ctx.store, file);
  });

  app.post<IdParams>('/office/occurrences/:id/approve', async (req, reply) => {
    const session = requireSession(req, reply, ctx, ['office', 'chair']);
    if (!session || !checkSessionCsrf(req, reply, ctx, session)) return reply;
    const { id } = req.params;
    const cycle = await cycleFor(req, reply, id);
    if (!cycle) return reply;
    // The program names the approver: the chair by default, the office for some items.
    if (session.role !== approverOf(cycle.state)) return forbidden(req, reply, ctx);
    const parsed = approveArgsSchema.safeParse(approvalArgs((req.body ?? {}) as Record<string, unknown>, session));
    if (!parsed.success) return showOccurrence(req, reply, session, id, 422, { errors: parsed.error.issues.map((i) => i.message) });
    const outcome = await ctx.occurrences.update(id, approveUpdate, parsed.data);
    if (!outcome.ok) {
      if (outcome.kind === 'unavailable') return unavailable(req, reply, occurrencePath(id));
      return showOccurrence(req, reply, session, id, outcome.kind === 'not-found' ? 404 : 409, { errors: [outcome.message] });
    }
    return reply.redirect(`${occurrencePath(id)}?done=${parsed.data.decision === 'approve' ? 'approved' : 'returned'}`, 303);
  });

  app.post<IdParams>('/office/occurrences/:id/consolidate', async (req, reply) => {
    const session = requireSession(req, reply, ctx, ['office']);
    if (!session || !checkSessionCsrf(req, reply, ctx, session)) return reply;
    const { id } = req.params;
    const cycle = await cycleFor(req, reply, id);
    if (!cycle) return reply;
    const outcome = await ctx.occurrences.update(id, consolidateUpdate, { by: session.displayName });
    if (!outcome.ok) {
      if (outcome.kind === 'unavailable') return unavailable(req, reply, occurrencePath(id));
      return showOccurrence(req, reply, session, id, outcome.kind === 'not-found' ? 404 : 409, { errors: [outcome.message] });
    }
    return reply.redirect(`${occurrencePath(id)}?done=consolidated`, 303);
  });
}
