// The gate in front of every unit route: the token must be genuine (403 otherwise) and
// unexpired (410), and the workflow it names is the only one the request can touch.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { verifyLink, type LinkClaims } from '../../auth/links';
import type { AssignmentState } from '../../workflows/assignment/messages';
import { apiError } from './api/errors';
import type { WebContext } from './context';
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

/** The state behind a link, or the refusal already sent (404 unknown, 503 Temporal down). */
export async function linkedState(req: FastifyRequest, reply: FastifyReply, ctx: WebContext, claims: LinkClaims): Promise<AssignmentState | undefined> {
  const outcome = await ctx.assignments.state(claims.workflowId);
  if (outcome.ok) return outcome.value;
  const { t } = req.dondoc;
  const frame = { ...frameOf(req, ctx), path: '/' };
  if (outcome.kind === 'unavailable') {
    if (isApi(req)) void apiError(reply, 503, 'unavailable', t.errors.unavailableBody);
    else void sendPage(reply, 503, errorPage(frame, t.errors.unavailable, t.errors.unavailableBody));
  } else if (isApi(req)) void apiError(reply, 404, 'not_found', t.errors.notFoundBody);
  else void sendPage(reply, 404, errorPage(frame, t.errors.notFoundWorkflow, t.errors.notFoundBody));
  return undefined;
}
