// The JSON API's one error shape: { error: { code, message, details? } }, with a stable
// machine-readable code and a message people can read (Vietnamese, English in brackets).
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';

export type ApiErrorCode =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'csrf'
  | 'not_found'
  | 'link_invalid'
  | 'link_expired'
  | 'rejected'
  | 'rate_limited'
  | 'too_large'
  | 'quota'
  | 'closed'
  | 'unsupported_type'
  | 'unavailable'
  | 'internal';

export interface ApiErrorBody {
  error: { code: ApiErrorCode; message: string; details?: { path: string; message: string }[] };
}

export function apiError(reply: FastifyReply, status: number, code: ApiErrorCode, message: string, details?: ApiErrorBody['error']['details']): FastifyReply {
  const body: ApiErrorBody = { error: { code, message, ...(details && details.length > 0 ? { details } : {}) } };
  return reply.code(status).type('application/json; charset=utf-8').send(body);
}

export function zodDetails(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}
