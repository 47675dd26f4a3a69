// Compresses text answers (pages, JSON, CSV) for slow mobile connections, with node:zlib:
// brotli when the browser takes it, else gzip. Small answers are sent as they are.
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';

const MIN_BYTES = 1024;
const COMPRESSIBLE = /^(text\/|application\/json|application\/xml|image\/svg\+xml)/;

export function registerCompression(app: FastifyInstance): void {
  app.addHook('onSend', async (req, reply, payload) => {
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    const type = String(reply.getHeader('Content-Type') ?? '');
    if (!COMPRESSIBLE.test(type) || reply.hasHeader('Content-Encoding')) return payload;
    const body = typeof payload === 'string' ? Buffer.from(payload, 'utf8') : payload;
    if (body.length < MIN_BYTES) return payload;
    reply.header('Vary', 'Accept-Encoding');
    const accepted = String(req.headers['accept-encoding'] ?? '');
    if (/\bbr\b/.test(accepted)) {
      reply.header('Content-Encoding', 'br');
      reply.removeHeader('Content-Length');
      // Quality 5: most of brotli's gain at a few milliseconds for a large page.
      return brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } });
    }
    if (/\bgzip\b/.test(accepted)) {
      reply.header('Content-Encoding', 'gzip');
      reply.removeHeader('Content-Length');
      return gzipSync(body, { level: 6 });
    }
    return payload;
  });
}
