// CSRF tokens for the units' forms, bound to the link they belong to. Signed-in forms use
// @fastify/csrf-protection (its secret in the session); a unit has no session and no
// ambient credential (the link in the path is the credential), so a token derived from the
// link is enough, needs no cookie, and one lifted from another link fails here.
import { base64url, mac, safeEqual } from './sign';

export type CsrfScope = 'link';

export function csrfToken(secret: Buffer, scope: CsrfScope, binding: string): string {
  return base64url(mac(secret, 'csrf', `${scope}:${binding}`));
}

export function verifyCsrf(secret: Buffer, scope: CsrfScope, binding: string, token: unknown): boolean {
  if (typeof token !== 'string' || token.length !== 43) return false;
  return safeEqual(Buffer.from(token, 'base64url'), mac(secret, 'csrf', `${scope}:${binding}`));
}
