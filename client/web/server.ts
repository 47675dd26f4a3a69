// dondoc's web server. For now: the status page and a JSON health endpoint; the unit
// pages and the office dashboard are added here as routes.
import type { Client } from '@temporalio/client';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Env } from '../../config/env';
import { DUE, ITEM, STATUS, UNIT } from '../../workflows/search-attributes';
import type { AssignmentStatus } from '../../workflows/assignment/messages';
import { checkHealth } from './health';
import { statusPage, type AssignmentRow } from './views/status-page';

const LIST_LIMIT = 200;

async function recentAssignments(client: Client): Promise<AssignmentRow[]> {
  const rows: AssignmentRow[] = [];
  try {
    for await (const wf of client.workflow.list({ query: `WorkflowType = 'assignmentWorkflow' AND ExecutionStatus = 'Running'` })) {
      const sa = wf.typedSearchAttributes;
      rows.push({
        workflowId: wf.workflowId,
        unit: sa.get(UNIT) ?? '',
        item: sa.get(ITEM) ?? '',
        status: sa.get(STATUS) as AssignmentStatus | undefined,
        due: sa.get(DUE),
      });
      if (rows.length >= LIST_LIMIT) break;
    }
  } catch {
    // Visibility down: the health table already says Temporal is unreachable.
  }
  return rows.sort((a, b) => (a.due?.getTime() ?? 0) - (b.due?.getTime() ?? 0));
}

export function createWebServer(client: Client, env: Env): FastifyInstance {
  const app = Fastify({ logger: false });
  app.get('/', async (_req, reply) => {
    const [health, assignments] = await Promise.all([checkHealth(client, env), recentAssignments(client)]);
    reply.type('text/html; charset=utf-8');
    return statusPage({ health, assignments, temporalUiUrl: env.TEMPORAL_UI_URL, inboxUrl: env.MAIL_INBOX_URL, namespace: env.TEMPORAL_NAMESPACE });
  });
  app.get('/api/health', async (_req, reply) => {
    const health = await checkHealth(client, env);
    const ok = health.temporal.ok && health.worker.ok && health.smtp.ok;
    return reply.code(ok ? 200 : 503).send({ ok, ...health });
  });
  return app;
}
