// Reading a unit's multipart upload with hard limits: file size and count, accepted
// extensions, and the CSRF field checked before any file is read. Nothing is written
// here: the request is read whole first, so a sixth file, a wrong type or a bad token
// refuses the request with nothing stored; the caller then stores all files at once
// under the assignment's quota (FileStore.putOwned).
import type { FastifyRequest } from 'fastify';
import type { IncomingFile } from '../../storage/file-store';
import type { UploadRules } from './views/unit-page';

export type UploadProblem = 'too-large' | 'too-many' | 'bad-type' | 'csrf' | 'malformed' | 'quota';

export class UploadError extends Error {
  override name = 'UploadError';
  constructor(
    readonly problem: UploadProblem,
    readonly fileName = '',
  ) {
    super(problem);
  }

  get status(): number {
    return { 'too-large': 413, 'too-many': 413, quota: 413, 'bad-type': 415, csrf: 403, malformed: 400 }[this.problem];
  }
}

export interface Upload {
  fields: Record<string, string>;
  files: IncomingFile[];
}

const MIB = 1024 * 1024;

/** Multipart errors from @fastify/multipart, by code. */
function asUploadError(err: unknown): UploadError | undefined {
  const code = (err as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return new UploadError('too-large');
  if (code === 'FST_FILES_LIMIT') return new UploadError('too-many');
  if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT' || code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') return new UploadError('malformed');
  return undefined;
}

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

export async function readUpload(req: FastifyRequest, rules: UploadRules, csrfOk: (token: string) => boolean, options: { requireCsrf?: boolean } = {}): Promise<Upload> {
  const fields: Record<string, string> = {};
  const files: IncomingFile[] = [];
  let trusted = options.requireCsrf === false;
  try {
    const parts = req.parts({
      limits: { fileSize: Math.floor(rules.maxMb * MIB), files: rules.maxFiles, fields: 200, fieldSize: 256 * 1024, parts: 250 },
    });
    for await (const part of parts) {
      if (part.type === 'field') {
        const value = typeof part.value === 'string' ? part.value : String(part.value);
        if (part.fieldname === '_csrf') trusted = csrfOk(value);
        else fields[part.fieldname] = value;
        continue;
      }
      // The form puts _csrf first; a file before it is a forged or broken request.
      if (!trusted) throw new UploadError('csrf');
      // An empty file input still sends a part with no name.
      if (!part.filename) {
        await part.toBuffer();
        continue;
      }
      if (!rules.extensions.includes(extensionOf(part.filename))) throw new UploadError('bad-type', part.filename);
      files.push({ name: part.filename, contentType: part.mimetype || 'application/octet-stream', data: await part.toBuffer() });
    }
  } catch (err) {
    if (err instanceof UploadError) throw err;
    throw asUploadError(err) ?? err;
  }
  if (!trusted) throw new UploadError('csrf');
  return { fields, files };
}
