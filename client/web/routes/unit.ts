// The unit's pages behind a signed link: view, submit (multipart, with attachments),
// see the receipt, ask for an extension or an exemption, download its own attachments,
// and take the due into a calendar. The workflow id always comes from the token.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { csrfToken, verifyCsrf } from '../../../auth/csrf';
import { unitPath, type LinkClaims } from '../../../auth/links';
import {
  requestExemptionUpdate,
  requestExtensionUpdate,
  submitUpdate,
  type AssignmentState,
} from '../../../workflows/assignment/messages';
import { QuotaExceeded, refOf } from '../../../storage/file-store';
import type { WebContext } from '../context';
import { sendAttachment } from '../downloads';
import { dueCalendar } from '../exports/ics';
import { linkedState, openLink, sendUnavailable, unitState, unitUpdate } from '../link-access';
import { frameOf, sendPage } from '../request-state';
import { exemptionRequest, extensionRequest, submission } from '../submission';
import { readUpload, UploadError } from '../uploads';
import { errorPage } from '../views/error-page';
import { receiptPage } from '../views/receipt-page';
import type { ShownAssignment } from '../data/recorded-assignments';
import { formatDateTime } from '../format';
import type { Messages } from '../i18n';
import { unitPage, type UnitView } from '../views/unit-page';

type TokenParams = { Params: { token: string } };

/** The page's word on where its data comes from (read from the records database, or a record still being written). */
export async function recordsNote(ctx: WebContext, state: ShownAssignment, t: Messages): Promise<string | undefined> {
  const note = await ctx.assignments.note(state);
  return note === 'from-records' ? t.records.fromRecords : note === 'record-pending' ? t.records.recordPending : undefined;
}

/** The office's decision on the submission a receipt is for, in words. */
function decisionOn(state: ShownAssignment, round: number, t: Messages): string | undefined {
  const review = [...state.reviews].reverse().find((r) => r.round === round);
  if (review) return `${review.decision === 'accept' ? t.unit.accepted : t.unit.returned} — ${formatDateTime(review.at, t.lang)}${review.comment ? `: ${review.comment}` : ''}`;
  return state.status === 'exempted' ? t.status.exempt : undefined;
}

export function registerUnitRoutes(app: FastifyInstance, ctx: WebContext): void {
  const frame = (req: FastifyRequest) => ({ ...frameOf(req, ctx), session: undefined });

  function show(req: FastifyRequest, reply: FastifyReply, status: number, token: string, state: AssignmentState, extra: Partial<UnitView> = {}) {
    const readOnly = (state as ShownAssignment).source === 'records';
    const view: UnitView = { state, base: unitPath(token), csrf: csrfToken(ctx.secret, 'link', token), rules: ctx.rules, ...(readOnly ? { readOnly } : {}), ...extra };
    return sendPage(reply, status, unitPage(frame(req), view));
  }

  function sendUploadProblem(req: FastifyRequest, reply: FastifyReply, err: UploadError, back: string, usedBytes = 0) {
    const { t } = req.dondoc;
    const [title, body] =
      err.problem === 'too-large' ? [t.errors.tooLarge, t.errors.tooLargeBody(ctx.rules.maxMb)]
      : err.problem === 'too-many' ? [t.errors.tooMany, t.errors.tooManyBody(ctx.rules.maxFiles)]
      : err.problem === 'quota' ? [t.errors.quota, t.errors.quotaBody(ctx.env.DONDOC_UPLOAD_QUOTA_MB, (usedBytes / 1024 / 1024).toFixed(1))]
      : err.problem === 'bad-type' ? [t.errors.badType, t.errors.badTypeBody(err.fileName, ctx.rules.extensions.join(', '))]
      : err.problem === 'csrf' ? [t.errors.csrf, t.errors.csrfBody]
      : [t.errors.title, t.errors.serverBody];
    return sendPage(reply, err.status, errorPage({ ...frame(req), path: '/' }, title, body, back));
  }

  async function open(req: FastifyRequest<TokenParams>, reply: FastifyReply): Promise<{ claims: LinkClaims; state: AssignmentState } | undefined> {
    const claims = openLink(req, reply, ctx, req.params.token);
    if (!claims) return undefined;
    const state = await linkedState(req, reply, ctx, claims, unitPath(req.params.token));
    return state ? { claims, state } : undefined;
  }

  app.get<TokenParams & { Querystring: { done?: string } }>('/u/:token', async (req, reply) => {
    const opened = await open(req, reply);
    if (!opened) return reply;
    const done = req.query.done === 'extension' || req.query.done === 'exemption' ? req.dondoc.t.unit.requestSent : undefined;
    const note = await recordsNote(ctx, opened.state, req.dondoc.t);
    return show(req, reply, 200, req.params.token, opened.state, { ...(done ? { message: done } : {}), ...(note ? { note } : {}) });
  });

  app.post<TokenParams>('/u/:token/submit', async (req, reply) => {
    const { token } = req.params;
    const back = unitPath(token);
    const claims = openLink(req, reply, ctx, token);
    if (!claims) return reply;
    let upload;
    try {
      // Read whole and checked (count, size, types, CSRF) before anything is stored.
      upload = await readUpload(req, ctx.rules, (value) => verifyCsrf(ctx.secret, 'link', token, value));
    } catch (err) {
      if (!(err instanceof UploadError)) throw err;
      return sendUploadProblem(req, reply, err, back);
    }
    const state = await linkedState(req, reply, ctx, claims, back);
    if (!state) return reply;
    const values = { content: upload.fields.content ?? '', submittedBy: upload.fields.submittedBy ?? '', indicators: Object.fromEntries(Object.entries(upload.fields).filter(([k]) => k.startsWith('ind.')).map(([k, v]) => [k.slice(4), v])) };
    // Checked with the refs the files would get, so a form refused here stores nothing.
    const described = upload.files.map((f) => ({ ref: refOf(f.name, f.data), name: f.name, size: f.data.length, contentType: f.contentType }));
    const args = submission(upload.fields, state.indicators, described);
    if (!args.ok) return show(req, reply, 422, token, state, { errors: args.errors, errorsFor: 'submit', values });
    let stored;
    try {
      stored = await ctx.store.putOwned(claims.workflowId, upload.files, ctx.quotaBytes);
    } catch (err) {
      if (!(err instanceof QuotaExceeded)) throw err;
      return sendUploadProblem(req, reply, new UploadError('quota'), back, err.usedBytes);
    }
    const refs = stored.map((f) => f.ref);
    const outcome = await unitUpdate(ctx, claims.workflowId, submitUpdate, args.value);
    if (!outcome.ok) {
      // A timed-out update may still reach the workflow: its files stay (pending, in the quota).
      if (outcome.kind === 'unavailable') return sendUnavailable(req, reply, ctx, back, true);
      await ctx.store.release(claims.workflowId, refs);
      const fresh = await unitState(ctx, claims.workflowId);
      return show(req, reply, 409, token, fresh.ok ? fresh.value : state, { errors: [outcome.message], errorsFor: 'submit', values });
    }
    await ctx.store.markSubmitted(claims.workflowId, refs);
    // Post/redirect/get: reloading the receipt never submits twice.
    return reply.redirect(`${unitPath(token)}/receipt`, 303);
  });

  app.get<TokenParams>('/u/:token/receipt', async (req, reply) => {
    const opened = await open(req, reply);
    if (!opened) return reply;
    const last = opened.state.submissions.at(-1);
    if (!last) return reply.redirect(unitPath(req.params.token), 303);
    const { t } = req.dondoc;
    const decision = decisionOn(opened.state, last.round, t);
    const note = await recordsNote(ctx, opened.state, t);
    return sendPage(
      reply,
      200,
      receiptPage(frame(req), {
        itemTitle: opened.state.itemTitle,
        unitName: opened.state.unitName,
        submission: last,
        base: unitPath(req.params.token),
        ...(decision ? { decision } : {}),
        ...(note ? { note } : {}),
      }),
    );
  });

  for (const kind of ['extension', 'exemption'] as const) {
    app.post<TokenParams>(`/u/:token/${kind}`, async (req, reply) => {
      const { t } = req.dondoc;
      const { token } = req.params;
      const claims = openLink(req, reply, ctx, token);
      if (!claims) return reply;
      const form = (req.body ?? {}) as Record<string, unknown>;
      if (!verifyCsrf(ctx.secret, 'link', token, form._csrf)) return sendPage(reply, 403, errorPage(frame(req), t.errors.csrf, t.errors.csrfBody, unitPath(token)));
      const state = await linkedState(req, reply, ctx, claims, unitPath(token));
      if (!state) return reply;
      const values = { reason: typeof form.reason === 'string' ? form.reason : '', submittedBy: typeof form.requestedBy === 'string' ? form.requestedBy : '' };
      const args = kind === 'extension' ? extensionRequest(form) : exemptionRequest(form);
      if (!args.ok) return show(req, reply, 422, token, state, { errors: args.errors, errorsFor: kind, values });
      const outcome =
        kind === 'extension'
          ? await unitUpdate(ctx, claims.workflowId, requestExtensionUpdate, args.value)
          : await unitUpdate(ctx, claims.workflowId, requestExemptionUpdate, args.value);
      if (!outcome.ok) {
        if (outcome.kind === 'unavailable') return sendUnavailable(req, reply, ctx, unitPath(token), true);
        return show(req, reply, 409, token, state, { errors: [outcome.message], errorsFor: kind, values });
      }
      return reply.redirect(`${unitPath(token)}?done=${kind}`, 303);
    });
  }

  app.get<{ Params: { token: string; ref: string } }>('/u/:token/files/:ref', async (req, reply) => {
    const opened = await open(req as FastifyRequest<TokenParams>, reply);
    if (!opened) return reply;
    // Only files of this assignment's own submissions (a ref from elsewhere is "not found"),
    // and of those uploaded through a link, only the ones uploaded through this link. Files
    // stored before ownership was recorded, or by the CLI, have no holder and stay reachable.
    const named = opened.state.submissions.flatMap((s) => s.attachments).find((a) => a.ref === req.params.ref);
    const file = named && ((await ctx.store.ownedFile(opened.claims.workflowId, named.ref)) || !(await ctx.store.hasOwners(named.ref))) ? named : undefined;
    const { t } = req.dondoc;
    if (!file) return sendPage(reply, 404, errorPage(frame(req), t.errors.notFound, t.errors.notFoundBody, unitPath(req.params.token)));
    return sendAttachment(reply, ctx.store, file);
  });

  app.get<TokenParams>('/u/:token/calendar.ics', async (req, reply) => {
    const opened = await open(req, reply);
    if (!opened) return reply;
    const { state } = opened;
    const { t } = req.dondoc;
    const title = `${t.unit.due}: ${state.itemTitle}${state.period ? ` (${state.period})` : ''}`;
    const body = dueCalendar(state.itemTitle, [
      { uid: state.workflowId, title, description: `${state.unitName}\n${ctx.env.PUBLIC_URL}${unitPath(req.params.token)}`, due: new Date(state.dueAt) },
    ]);
    return reply.type('text/calendar; charset=utf-8').header('Content-Disposition', 'attachment; filename="han-nop.ics"').send(body);
  });
}
