// The unit's JSON API behind the same signed link as its page: read the assignment,
// upload attachments (multipart, same limits), submit with their refs, ask for an
// extension or exemption. The token is the credential: it names the only workflow reachable.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  requestExemptionArgsSchema,
  requestExemptionUpdate,
  requestExtensionArgsSchema,
  requestExtensionUpdate,
  submitArgsSchema,
  submitUpdate,
} from '../../../workflows/assignment/messages';
import { QuotaExceeded, type StoredFile } from '../../../storage/file-store';
import type { WebContext } from '../context';
import { linkedState, openLink, requireRunning, sendUnavailable, unitUpdate } from '../link-access';
import { readUpload, UploadError } from '../uploads';
import { apiError, zodDetails } from './errors';
import { sendOutcome } from './office';
import { unitStateJson } from './serialize';

type TokenParams = { Params: { token: string } };

const submitBody = z.object({
  content: z.string(),
  submittedBy: z.string().max(200).optional(),
  indicators: z.record(z.string(), z.union([z.number(), z.string()])).optional(),
  /** Refs returned by POST /api/unit/{token}/files. */
  attachments: z.array(z.string().max(500)).max(20).optional(),
});

export function registerUnitApi(app: FastifyInstance, ctx: WebContext): void {
  const claimsOf = (req: FastifyRequest<TokenParams>, reply: Parameters<typeof openLink>[1]) => openLink(req, reply, ctx, req.params.token);

  app.get<TokenParams>('/api/unit/:token', async (req, reply) => {
    const claims = claimsOf(req, reply);
    if (!claims) return reply;
    const state = await linkedState(req, reply, ctx, claims);
    if (!state) return reply;
    return unitStateJson(state);
  });

  app.post<TokenParams>('/api/unit/:token/files', async (req, reply) => {
    const claims = claimsOf(req, reply);
    if (!claims) return reply;
    if (!req.isMultipart()) return apiError(reply, 415, 'unsupported_type', 'cần multipart/form-data (multipart/form-data expected)');
    // A genuine link to a workflow that does not exist (or no longer runs) stores nothing.
    if (!(await requireRunning(req, reply, ctx, claims))) return reply;
    const { t } = req.dondoc;
    try {
      // No CSRF field here: the link in the path is the credential, and it is not ambient.
      const upload = await readUpload(req, ctx.rules, () => true, { requireCsrf: false });
      const files = await ctx.store.putOwned(claims.workflowId, upload.files, ctx.quotaBytes);
      return reply.code(201).send({ files });
    } catch (err) {
      if (err instanceof QuotaExceeded) {
        return apiError(reply, 413, 'quota', t.errors.quotaBody(ctx.env.DONDOC_UPLOAD_QUOTA_MB, (err.usedBytes / 1024 / 1024).toFixed(1)), [
          { path: 'files', message: `used ${err.usedBytes} + incoming ${err.incomingBytes} > quota ${err.quotaBytes} bytes` },
        ]);
      }
      if (!(err instanceof UploadError)) throw err;
      if (err.problem === 'too-large') return apiError(reply, 413, 'too_large', t.errors.tooLargeBody(ctx.rules.maxMb));
      if (err.problem === 'too-many') return apiError(reply, 413, 'too_large', t.errors.tooManyBody(ctx.rules.maxFiles));
      if (err.problem === 'bad-type') return apiError(reply, 415, 'unsupported_type', t.errors.badTypeBody(err.fileName, ctx.rules.extensions.join(', ')));
      return apiError(reply, 400, 'validation', t.errors.serverBody);
    }
  });

  app.post<TokenParams>('/api/unit/:token/submit', async (req, reply) => {
    const claims = claimsOf(req, reply);
    if (!claims) return reply;
    const body = submitBody.safeParse(req.body);
    if (!body.success) return apiError(reply, 400, 'validation', 'dữ liệu không hợp lệ (invalid input)', zodDetails(body.error));
    // Only refs uploaded through this same link; the stored metadata, not the client's,
    // describes each file. Another assignment's ref is "unknown", exactly like a made-up one.
    const files: StoredFile[] = [];
    for (const ref of body.data.attachments ?? []) {
      const owned = await ctx.store.ownedFile(claims.workflowId, ref);
      const file = owned && (await ctx.store.describe(ref));
      if (!file) return apiError(reply, 400, 'validation', `không tìm thấy tệp (unknown attachment): ${ref.slice(0, 80)}`, [{ path: 'attachments', message: 'unknown ref' }]);
      files.push(file);
    }
    const refs = files.map((f) => f.ref);
    const args = submitArgsSchema.safeParse({
      content: body.data.content,
      ...(body.data.submittedBy ? { submittedBy: body.data.submittedBy } : {}),
      indicators: body.data.indicators ?? {},
      attachments: files.map((f) => ({ name: f.name, ref: f.ref, size: f.size, contentType: f.contentType })),
    });
    if (!args.success) {
      await ctx.store.release(claims.workflowId, refs);
      return apiError(reply, 400, 'validation', 'dữ liệu không hợp lệ (invalid input)', zodDetails(args.error));
    }
    const outcome = await unitUpdate(ctx, claims.workflowId, submitUpdate, args.data);
    if (outcome.ok) await ctx.store.markSubmitted(claims.workflowId, refs);
    // Refused (or the workflow is gone): its pending files go. A timed-out update may still
    // be applied, so its files stay.
    else if (outcome.kind !== 'unavailable') await ctx.store.release(claims.workflowId, refs);
    else return sendUnavailable(req, reply, ctx, '/', true);
    return sendOutcome(reply, outcome, (receipt) => receipt);
  });

  app.post<TokenParams>('/api/unit/:token/extension', async (req, reply) => {
    const claims = claimsOf(req, reply);
    if (!claims) return reply;
    const args = requestExtensionArgsSchema.safeParse(req.body);
    if (!args.success) return apiError(reply, 400, 'validation', 'dữ liệu không hợp lệ (invalid input)', zodDetails(args.error));
    const outcome = await unitUpdate(ctx, claims.workflowId, requestExtensionUpdate, args.data);
    if (!outcome.ok && outcome.kind === 'unavailable') return sendUnavailable(req, reply, ctx, '/', true);
    return sendOutcome(reply, outcome, (r) => r);
  });

  app.post<TokenParams>('/api/unit/:token/exemption', async (req, reply) => {
    const claims = claimsOf(req, reply);
    if (!claims) return reply;
    const args = requestExemptionArgsSchema.safeParse(req.body);
    if (!args.success) return apiError(reply, 400, 'validation', 'dữ liệu không hợp lệ (invalid input)', zodDetails(args.error));
    const outcome = await unitUpdate(ctx, claims.workflowId, requestExemptionUpdate, args.data);
    if (!outcome.ok && outcome.kind === 'unavailable') return sendUnavailable(req, reply, ctx, '/', true);
    return sendOutcome(reply, outcome, (r) => r);
  });
}
