// Signed, expiring links that let a unit act on one assignment without an account. The
// token carries the workflow id, the audience and the expiry; the web server trusts
// nothing else from the URL, so a link can only ever reach the assignment it names.
import { z } from 'zod';
import { seal, unseal } from './sign';

export type LinkAudience = 'unit';

export interface LinkClaims {
  workflowId: string;
  audience: LinkAudience;
  /** Epoch seconds. */
  expiresAt: number;
}

const claimsSchema = z.object({ w: z.string().min(1).max(500), a: z.literal('unit'), x: z.number().int().positive() });

export type LinkCheck =
  | { ok: true; claims: LinkClaims }
  | { ok: false; reason: 'malformed' | 'tampered' }
  | { ok: false; reason: 'expired'; claims: LinkClaims };

export function signLink(secret: Buffer, claims: LinkClaims): string {
  return seal(secret, 'link', { w: claims.workflowId, a: claims.audience, x: claims.expiresAt });
}

export function verifyLink(secret: Buffer, token: string, now = Date.now()): LinkCheck {
  const opened = unseal(secret, 'link', token);
  if (!opened.ok) return opened;
  const parsed = claimsSchema.safeParse(opened.claims);
  if (!parsed.success) return { ok: false, reason: 'malformed' };
  const claims: LinkClaims = { workflowId: parsed.data.w, audience: parsed.data.a, expiresAt: parsed.data.x };
  // Only a genuine link is told it expired: a forged one learns nothing about validity.
  if (claims.expiresAt * 1000 <= now) return { ok: false, reason: 'expired', claims };
  return { ok: true, claims };
}

export const DEFAULT_LINK_VALIDITY_DAYS = 60;
const DAY = 86_400_000;

/** What the notify activity needs: absolute URLs for the unit's page and the office's page. */
export interface NoticeLinks {
  unit(workflowId: string, dueAt: string): string;
  office(workflowId: string): string;
}

export function unitPath(token: string): string {
  return `/u/${token}`;
}

export function officeAssignmentPath(workflowId: string): string {
  return `/office/assignments/${encodeURIComponent(workflowId)}`;
}

/**
 * Expiry follows the due (plus a margin for late work and follow-up), not the clock, so a
 * retried notice renders the very same link and therefore the very same message.
 */
export function createLinkBuilder(options: { secret: Buffer; publicUrl: string; validityDays?: number }): NoticeLinks {
  const base = options.publicUrl.replace(/\/+$/, '');
  const validity = (options.validityDays ?? DEFAULT_LINK_VALIDITY_DAYS) * DAY;
  return {
    unit(workflowId, dueAt) {
      const due = Date.parse(dueAt);
      if (Number.isNaN(due)) throw new Error(`invalid due ${dueAt} for link of ${workflowId}`);
      const token = signLink(options.secret, { workflowId, audience: 'unit', expiresAt: Math.floor((due + validity) / 1000) });
      return `${base}${unitPath(token)}`;
    },
    office(workflowId) {
      return `${base}${officeAssignmentPath(workflowId)}`;
    },
  };
}
