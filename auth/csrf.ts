// CSRF tokens derived from what the form belongs to (a session id, a unit link, a sign-in
// nonce): no server-side store, and a token lifted from one context fails in any other.
import { base64url, mac, safeEqual } from './sign';

export type CsrfScope = 'session' | 'link' | 'login';

export function csrfToken(secret: Buffer, scope: CsrfScope, binding: string): string {
  return base64url(mac(secret, 'csrf', `${scope}:${binding}`));
}

export function verifyCsrf(secret: Buffer, scope: CsrfScope, binding: string, token: unknown): boolean {
  if (typeof token !== 'string' || token.length !== 43) return false;
  return safeEqual(Buffer.from(token, 'base64url'), mac(secret, 'csrf', `${scope}:${binding}`));
}
