// Sends a stored attachment as a download. Only types that browsers render harmlessly keep
// their type; everything else is application/octet-stream, and all are attachments, so an
// uploaded HTML or SVG file can never run as a page of this site.
import type { FastifyReply } from 'fastify';
import type { FileStore } from '../../storage/file-store';

const SAFE_TYPES = new Set(['application/pdf', 'image/png', 'image/jpeg', 'text/plain', 'text/csv']);

function contentDisposition(name: string): string {
  const ascii = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

// Reports dondoc wrote itself (the consolidated workbook and its HTML page): their own type,
// still as attachments and under the sandboxing policy, since the page quotes units' text.
const REPORT_TYPES = new Map([
  ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  ['html', 'text/html; charset=utf-8'],
]);

/** A report file named in a workflow's state; the caller has checked the ref belongs to it. */
export async function sendReportFile(reply: FastifyReply, store: FileStore, file: { ref: string; name: string }): Promise<FastifyReply> {
  const data = await store.read(file.ref);
  const extension = /\.([a-z]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? '';
  return reply
    .code(200)
    .header('Content-Type', REPORT_TYPES.get(extension) ?? 'application/octet-stream')
    .header('Content-Disposition', contentDisposition(file.name))
    .header('Content-Security-Policy', "default-src 'none'; sandbox")
    .send(data);
}

export async function sendAttachment(reply: FastifyReply, store: FileStore, file: { ref: string; name: string; contentType?: string | undefined }): Promise<FastifyReply> {
  const data = await store.read(file.ref);
  const type = file.contentType && SAFE_TYPES.has(file.contentType) ? file.contentType : 'application/octet-stream';
  return reply
    .code(200)
    .header('Content-Type', type)
    .header('Content-Disposition', contentDisposition(file.name))
    .header('Content-Security-Policy', "default-src 'none'; sandbox")
    .send(data);
}
