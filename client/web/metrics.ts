// The web server's Prometheus metrics at GET /metrics: request latency by route pattern
// (never the URL: unit links carry their token), refused unit links by reason, and the
// size of uploads. Hooks on the root instance see every route without touching them.
// /metrics answers a bearer token (DONDOC_METRICS_TOKEN) or, without one, only local
// requests that did not come through a proxy.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Env } from '../../config/env';

export interface WebMetrics {
  registry: Registry;
  requestDuration: Histogram<'method' | 'route' | 'status'>;
  linkRefusals: Counter<'reason'>;
  uploadBytes: Histogram<'outcome'>;
}

export function createWebMetrics(): WebMetrics {
  // A registry of its own: several servers in one process (the tests) do not collide.
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'dondoc_web_' });
  return {
    registry,
    requestDuration: new Histogram({
      name: 'dondoc_web_request_duration_seconds',
      help: 'Time to answer a request, by method, route pattern and status code',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    linkRefusals: new Counter({
      name: 'dondoc_web_link_refusals_total',
      help: 'Unit links refused: invalid (tampered or for another workflow, 403) or expired (410)',
      labelNames: ['reason'],
      registers: [registry],
    }),
    uploadBytes: new Histogram({
      name: 'dondoc_web_upload_bytes',
      help: 'Size of multipart upload requests (the files and the form), by outcome',
      labelNames: ['outcome'],
      buckets: [10e3, 100e3, 500e3, 1e6, 2e6, 5e6, 10e6, 20e6, 50e6, 100e6],
      registers: [registry],
    }),
  };
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function allowed(req: FastifyRequest, token: string | undefined): boolean {
  if (token) {
    const given = Buffer.from(String(req.headers.authorization ?? ''));
    const wanted = Buffer.from(`Bearer ${token}`);
    return given.length === wanted.length && timingSafeEqual(given, wanted);
  }
  return LOOPBACK.has(req.socket.remoteAddress ?? '') && req.headers['x-forwarded-for'] === undefined;
}

/** Adds the hooks and the /metrics route to the root instance; returns the metrics for tests. */
export function registerMetrics(app: FastifyInstance, env: Pick<Env, 'DONDOC_METRICS_TOKEN'>, metrics = createWebMetrics()): WebMetrics {
  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? '(no route)';
    if (route === '/metrics') return;
    const status = reply.statusCode;
    metrics.requestDuration.observe({ method: req.method, route, status: String(status) }, reply.elapsedTime / 1000);
    if (route.includes(':token') && (status === 403 || status === 410)) metrics.linkRefusals.inc({ reason: status === 410 ? 'expired' : 'invalid' });
    if (typeof req.isMultipart === 'function' && req.isMultipart()) {
      const size = Number(req.headers['content-length']);
      if (Number.isFinite(size)) metrics.uploadBytes.observe({ outcome: status < 400 ? 'accepted' : status === 413 ? 'too_large' : 'refused' }, size);
    }
  });
  app.get('/metrics', async (req, reply) => {
    if (!allowed(req, env.DONDOC_METRICS_TOKEN)) return reply.code(404).send({ error: { code: 'not_found', message: 'không tìm thấy (not found)' } });
    return reply.header('Content-Type', metrics.registry.contentType).header('Cache-Control', 'no-store').send(await metrics.registry.metrics());
  });
  return metrics;
}
