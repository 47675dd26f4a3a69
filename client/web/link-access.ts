// The gate in front of every unit route: the token must be genuine (403 otherwise) and
// unexpired (410), and the workflow it names is the only one the request can touch. Every
// Temporal call behind a link has a deadline: Temporal or the worker gone is a quick 503.
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { verifyLink, type LinkClaims } from '../../auth/links';
import type { UpdateDefinition } from '@temporalio/common';
import type { AssignmentState } from '../../workflows/assignment/messages';
import { apiError } from './api/errors';
import type { WebContext } from './context';
import type { Outcome } from './data/assignments';
import { isUnavailable, TEMPORAL_DEADLINE_MS, withinDeadline } from './deadlines';
import { frameOf, sendPage } from './request-state';
import { errorPage } from './views/error-page';

const isApi = (req: FastifyRequest) => req.url.startsWith('/api/');

export function openLink(req: FastifyRequest, reply: FastifyReply, ctx: WebContext, token: string): LinkClaims | undefined {
  const check = verifyLink(ctx.secret, token);
  if (check.ok) return check.claims;
  const { t } = req.dondoc;
  const frame = { ...frameOf(req, ctx), path: '/' };
  if (check.reason === 'expired') {
    if (isApi(req)) void apiError(reply, 410, 'link_expired', t.errors.linkExpiredBody);
    else void sendPage(reply, 410, errorPage(frame, t.errors.linkExpired, t.errors.linkExpiredBody));
  } else {
    if (isApi(req)) void apiError(reply, 403, 'link_invalid', t.errors.linkTamperedBody);
    else void sendPage(reply, 403, errorPage(frame, t.errors.linkTampered, t.errors.linkTamperedBody));
  }
  return undefined;
}

/** 503 as a page (with a way back) or as the API's error shape. */
export function sendUnavailable(req: FastifyRequest, reply: FastifyReply, ctx: WebContext, back = '/', afterWrite = false): FastifyReply {
  const { t } = req.dondoc;
  // Retry-After: the time a worker restart usually takes; clients that honour it come back then.
  reply.header('Retry-After', '30');
  const body = afterWrite ? `${t.errors.workerDownBody} ${t.errors.maybeRecorded}` : t.errors.workerDownBody;
  if (isApi(req)) return apiError(reply, 503, 'unavailable', body);
  // Unit pages never show the office's navigation, even to someone signed in.
  const frame = req.url.startsWith('/u/') ? { ...frameOf(req, ctx), session: undefined, path: '/' } : frameOf(req, ctx);
  return sendPage(reply, 503, errorPage(frame, t.errors.workerDown, body, back));
}

/** The status query behind a link, with a deadline; a missing worker is "unavailable". */
export function unitState(ctx: WebContext, workflowId: string): Promise<Outcome<AssignmentState>> {
  // ctx.assignments is a DeadlineAssignments (deadlines.ts) unless a test swapped it.
  return withinDeadline(ctx.client, () => ctx.assignments.state(workflowId));
}

/** One update behind a link, with a deadline. A timed-out update may still be applied later. */
export function unitUpdate<Ret, Arg>(ctx: WebContext, workflowId: string, def: UpdateDefinition<Ret, [Arg]>, arg: Arg): Promise<Outcome<Ret>> {
  return withinDeadline(ctx.client, () => ctx.assignments.update(workflowId, def, arg));
}

/** The state behind a link, or the refusal already sent (404 unknown, 503 Temporal or worker down). */
export async function linkedState(req: FastifyRequest, reply: FastifyReply, ctx: WebContext, claims: LinkClaims, back = '/'): Promise<AssignmentState | undefined> {
  const outcome = await unitState(ctx, claims.workflowId);
  if (outcome.ok) return outcome.value;
  const { t } = req.dondoc;
  const frame = { ...frameOf(req, ctx), session: undefined, path: '/' };
  if (outcome.kind === 'unavailable') void sendUnavailable(req, reply, ctx, back);
  else if (isApi(req)) void apiError(reply, 404, 'not_found', t.errors.notFoundBody);
  else void sendPage(reply, 404, errorPage(frame, t.errors.notFoundWorkflow, t.errors.notFoundBody));
  return undefined;
}

export type Presence = 'running' | 'closed' | 'not-found' | 'unavailable';

/**
 * Whether the linked assignment exists and still runs, from the server alone (no worker
 * needed): a link signed for a workflow that was never started, or one of another type,
 * cannot store files.
 */
export async function presence(client: Client, workflowId: string): Promise<Presence> {
  try {
    const description = await client.withDeadline(Date.now() + TEMPORAL_DEADLINE_MS, () => client.workflow.getHandle(workflowId).describe());
    if (description.type !== 'assignmentWorkflow') return 'not-found';
    return description.status.name === 'RUNNING' ? 'running' : 'closed';
  } catch (err) {
    if (err instanceof WorkflowNotFoundError || (err as { code?: unknown }).code === 5) return 'not-found';
    if (isUnavailable(err)) return 'unavailable';
    throw err;
  }
}

/** Sends 404 / 410 / 503 unless the linked assignment is running; true when it is. */
export async function requireRunning(req: FastifyRequest, reply: FastifyReply, ctx: WebContext, claims: LinkClaims, back = '/'): Promise<boolean> {
  const found = await presence(ctx.client, claims.workflowId);
  if (found === 'running') return true;
  const { t } = req.dondoc;
  const frame = { ...frameOf(req, ctx), session: undefined, path: '/' };
  if (found === 'unavailable') void sendUnavailable(req, reply, ctx, back);
  else if (found === 'closed') {
    if (isApi(req)) void apiError(reply, 410, 'closed', t.errors.closedBody);
    else void sendPage(reply, 410, errorPage(frame, t.errors.closed, t.errors.closedBody, back));
  } else if (isApi(req)) void apiError(reply, 404, 'not_found', t.errors.notFoundBody);
  else void sendPage(reply, 404, errorPage(frame, t.errors.notFoundWorkflow, t.errors.notFoundBody));
  return false;
}
