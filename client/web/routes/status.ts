// The public status page and the health endpoint used by `npm start` and probes.
import type { FastifyInstance } from 'fastify';
import type { WebContext } from '../context';
import { checkHealth } from '../health';
import { frameOf, sendPage } from '../request-state';
import { statusPage } from '../views/status-page';

export function registerStatusRoutes(app: FastifyInstance, ctx: WebContext): void {
  app.get('/', async (req, reply) => {
    const health = await checkHealth(ctx.client, ctx.env);
    return sendPage(reply, 200, statusPage(frameOf(req, ctx), { health, temporalUiUrl: ctx.env.TEMPORAL_UI_URL, inboxUrl: ctx.env.MAIL_INBOX_URL }));
  });
  app.get('/api/health', async (_req, reply) => {
    const health = await checkHealth(ctx.client, ctx.env);
    const ok = health.temporal.ok && health.worker.ok && health.smtp.ok;
    return reply.code(ok ? 200 : 503).send({ ok, ...health });
  });
}
