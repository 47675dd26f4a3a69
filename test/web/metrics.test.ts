// The web server's /metrics: latency by route pattern (never the token in the URL), refused
// unit links by reason, upload sizes; served to loopback without a token, or to a bearer.
import multipart from '@fastify/multipart';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { registerMetrics } from '../../client/web/metrics';

let app: FastifyInstance | undefined;
afterEach(async () => app?.close());

function build(token?: string): FastifyInstance {
  app = Fastify();
  registerMetrics(app, token ? { DONDOC_METRICS_TOKEN: token } : {});
  void app.register(multipart);
  app.get<{ Params: { token: string } }>('/u/:token', async (req, reply) => reply.code(req.params.token === 'old' ? 410 : 403).send('refused'));
  app.post('/u/:token/submit', async (req) => {
    for await (const part of req.parts()) if (part.type === 'file') await part.toBuffer();
    return { ok: true };
  });
  return app;
}

function upload(bytes: number): { payload: Buffer; headers: Record<string, string> } {
  const boundary = 'dondocboundary';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bao-cao.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
    Buffer.alloc(bytes, 1),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(payload.length) } };
}

describe('web /metrics', () => {
  it('counts refused links by reason and times requests by route pattern, without the token', async () => {
    const server = build();
    await server.inject({ url: '/u/forged-token-abc' });
    await server.inject({ url: '/u/old' });
    await server.inject({ url: '/u/another-forged' });
    await server.inject({ method: 'POST', url: '/u/tok/submit', ...upload(150_000) });
    const text = (await server.inject({ url: '/metrics', remoteAddress: '127.0.0.1' })).body;
    expect(text).toMatch(/dondoc_web_link_refusals_total\{reason="invalid"\} 2/);
    expect(text).toMatch(/dondoc_web_link_refusals_total\{reason="expired"\} 1/);
    expect(text).toMatch(/dondoc_web_request_duration_seconds_count\{method="GET",route="\/u\/:token",status="403"\} 2/);
    expect(text).toMatch(/dondoc_web_upload_bytes_bucket\{le="500000",outcome="accepted"\} 1/);
    expect(text).toMatch(/dondoc_web_upload_bytes_bucket\{le="100000",outcome="accepted"\} 0/);
    expect(text).not.toContain('forged-token');
  });

  it('answers only local, unproxied requests without a token, and only the bearer with one', async () => {
    const open = build();
    expect((await open.inject({ url: '/metrics', remoteAddress: '10.0.0.5' })).statusCode).toBe(404);
    expect((await open.inject({ url: '/metrics', remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': '203.0.113.9' } })).statusCode).toBe(404);
    await open.close();
    const guarded = build('metrics-token-0123456789');
    expect((await guarded.inject({ url: '/metrics', remoteAddress: '127.0.0.1' })).statusCode).toBe(404);
    const ok = await guarded.inject({ url: '/metrics', remoteAddress: '10.0.0.5', headers: { authorization: 'Bearer metrics-token-0123456789' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['content-type']).toContain('text/plain');
  });
});
