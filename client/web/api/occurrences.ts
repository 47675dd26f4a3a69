// The JSON API for program-level workflows: a program's report cycles and tasks, the
// chair's approval queue and the campaigns; one occurrence's state with its report files'
// download addresses; the chair's approval and the office's consolidation. Same data and
// rules as the pages (routes/occurrences.ts): session cookie plus x-csrf-token for writes.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { approveArgsSchema, approveUpdate, consolidateUpdate, type ReportCycleState, type StoredFileRef } from '../../../workflows/report-cycle/messages';
import type { WebContext } from '../context';
import type { Outcome } from '../data/assignments';
import { approverOf, type Opened } from '../data/occurrences';
import { isSafeValue } from '../data/query';
import type { OccurrenceRow } from '../data/visibility';
import { checkSessionCsrf, requireSession } from '../guards';
import { occurrenceFilePath, occurrencePath } from '../paths';
import { apiError, zodDetails } from './errors';
import { sendOutcome } from './office';

const pageQuery = z.object({ page: z.string().max(4000).regex(/^[A-Za-z0-9_-]*$/).optional(), size: z.coerce.number().int().min(1).max(500).default(50) });
const approveBody = z.object({ decision: z.enum(['approve', 'return']), comment: z.string().max(4000).optional() });
type ProgramParams = { Params: { program: string } };
type IdParams = { Params: { id: string } };

const iso = (d: Date | undefined) => d?.toISOString() ?? null;

export function occurrenceRowJson(r: OccurrenceRow, titles: Map<string, string>) {
  return {
    workflowId: r.workflowId,
    workflowType: r.workflowType,
    programId: r.programId,
    itemId: r.itemId,
    itemTitle: titles.get(r.itemId) ?? null,
    period: r.period,
    phase: r.phase ?? null,
    running: r.running,
    startedAt: iso(r.startedAt),
    closedAt: iso(r.closedAt),
    page: occurrencePath(r.workflowId),
  };
}

const fileJson = (workflowId: string, f: StoredFileRef) => ({ ...f, url: occurrenceFilePath(workflowId, f.ref) });

/** The cycle's state, each report file with the address that downloads it. */
export function cycleJson(workflowId: string, state: ReportCycleState) {
  return {
    ...state,
    consolidations: state.consolidations.map((c) => ({ ...c, xlsx: fileJson(workflowId, c.xlsx), html: fileJson(workflowId, c.html) })),
    addenda: state.addenda.map((a) => ({ ...a, xlsx: fileJson(workflowId, a.xlsx) })),
  };
}

function openedJson(o: Opened) {
  const base = { workflowId: o.workflowId, workflowType: o.workflowType, programId: o.programId, running: o.running, kind: o.kind, page: occurrencePath(o.workflowId) };
  return o.kind === 'cycle' ? { ...base, state: cycleJson(o.workflowId, o.state) } : { ...base, state: o.state };
}

function program(req: FastifyRequest<ProgramParams>, reply: FastifyReply): string | undefined {
  if (isSafeValue(req.params.program)) return req.params.program;
  void apiError(reply, 404, 'not_found', 'chương trình không hợp lệ (invalid program id)');
  return undefined;
}

export function registerOccurrenceApi(app: FastifyInstance, ctx: WebContext): void {
  /** A cycle, or the refusal (404 for anything else, 503 when Temporal is down) already sent. */
  async function cycle(reply: FastifyReply, id: string): Promise<Extract<Opened, { kind: 'cycle' }> | undefined> {
    const outcome: Outcome<Opened> = await ctx.occurrences.open(id);
    if (outcome.ok && outcome.value.kind === 'cycle') return outcome.value;
    if (!outcome.ok && outcome.kind === 'unavailable') void apiError(reply, 503, 'unavailable', outcome.message);
    else void apiError(reply, 404, 'not_found', 'không tìm thấy kỳ báo cáo (no such report cycle)');
    return undefined;
  }

  app.get<ProgramParams>('/api/programs/:program/occurrences', async (req, reply) => {
    if (!requireSession(req, reply, ctx)) return reply;
    const id = program(req, reply);
    if (!id) return reply;
    const query = pageQuery.safeParse(req.query);
    if (!query.success) return apiError(reply, 400, 'validation', 'tham số không hợp lệ (invalid query)', zodDetails(query.error));
    const [page, titles] = await Promise.all([ctx.occurrences.list(id, query.data.size, query.data.page), ctx.occurrences.itemTitles(id)]);
    return { rows: page.rows.map((r) => occurrenceRowJson(r, titles)), next: page.next ?? null };
  });

  app.get<ProgramParams>('/api/programs/:program/approvals', async (req, reply) => {
    if (!requireSession(req, reply, ctx)) return reply;
    const id = program(req, reply);
    if (!id) return reply;
    const [queue, titles] = await Promise.all([ctx.occurrences.approvalQueue(id), ctx.occurrences.itemTitles(id)]);
    return {
      items: queue.items.map(({ row, state }) => {
        const latest = state?.consolidations.at(-1);
        return {
          occurrence: occurrenceRowJson(row, titles),
          itemTitle: state?.itemTitle ?? null,
          periodLabel: state?.periodLabel ?? null,
          phase: state?.phase ?? row.phase ?? null,
          consolidation: latest ? { ...latest, xlsx: fileJson(row.workflowId, latest.xlsx), html: fileJson(row.workflowId, latest.html) } : null,
        };
      }),
      total: queue.total,
    };
  });

  app.get<ProgramParams>('/api/programs/:program/campaigns', async (req, reply) => {
    if (!requireSession(req, reply, ctx)) return reply;
    const id = program(req, reply);
    if (!id) return reply;
    const [found, titles] = await Promise.all([ctx.occurrences.campaigns(id), ctx.occurrences.itemTitles(id)]);
    return {
      items: found.items.map(({ row, state }) => ({
        occurrence: occurrenceRowJson(row, titles),
        state: state ?? null,
        results: state?.results ? { workflowId: state.results.workflowId, phase: found.resultPhases.get(state.results.workflowId) ?? state.results.phase ?? null, page: occurrencePath(state.results.workflowId) } : null,
      })),
      total: found.total,
    };
  });

  app.get<IdParams>('/api/occurrences/:id', async (req, reply) => {
    if (!requireSession(req, reply, ctx)) return reply;
    return sendOutcome(reply, await ctx.occurrences.open(req.params.id), openedJson);
  });

  app.post<IdParams>('/api/occurrences/:id/approve', async (req, reply) => {
    const session = requireSession(req, reply, ctx, ['office', 'chair']);
    if (!session || !checkSessionCsrf(req, reply, ctx, session)) return reply;
    const body = approveBody.safeParse(req.body ?? {});
    if (!body.success) return apiError(reply, 400, 'validation', 'dữ liệu không hợp lệ (invalid input)', zodDetails(body.error));
    // Who decided is the session, whatever the body says.
    const args = approveArgsSchema.safeParse({ ...body.data, by: session.displayName });
    if (!args.success) return apiError(reply, 400, 'validation', 'dữ liệu không hợp lệ (invalid input)', zodDetails(args.error));
    const opened = await cycle(reply, req.params.id);
    if (!opened) return reply;
    // The program names the approver: the chair by default, the office for some items.
    if (session.role !== approverOf(opened.state)) return apiError(reply, 403, 'forbidden', req.dondoc.t.errors.forbiddenBody);
    return sendOutcome(reply, await ctx.occurrences.update(req.params.id, approveUpdate, args.data), (value) => value);
  });

  app.post<IdParams>('/api/occurrences/:id/consolidate', async (req, reply) => {
    const session = requireSession(req, reply, ctx, ['office']);
    if (!session || !checkSessionCsrf(req, reply, ctx, session)) return reply;
    if (!(await cycle(reply, req.params.id))) return reply;
    return sendOutcome(reply, await ctx.occurrences.update(req.params.id, consolidateUpdate, { by: session.displayName }), (value) => value);
  });
}
