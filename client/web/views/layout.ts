// The page frame: language, skip link, header (sign-out for the office), the inlined
// stylesheet. Every page goes through here, so every page gets the same escaping.
import type { Session } from '../../../auth/sessions';
import { html, raw, type SafeHtml } from '../html';
import type { Messages } from '../i18n';
import { STYLE } from './style';

export interface Frame {
  t: Messages;
  /** Path of the current page, for the language switch. */
  path: string;
  session?: Session | undefined;
  csrf?: string | undefined;
}

function withLang(path: string, lang: string): string {
  const [base = '/', query = ''] = path.split('?');
  const params = new URLSearchParams(query);
  params.set('lang', lang);
  return `${base}?${params.toString()}`;
}

export function layout(frame: Frame, title: string, body: SafeHtml): string {
  const { t, session } = frame;
  const signedIn = session
    ? html`<a href="/office">${t.nav.programs}</a>
        <span>${t.nav.signedInAs(session.displayName, t.roles[session.role])}</span>
        <form method="post" action="/logout"><input type="hidden" name="_csrf" value="${frame.csrf ?? ''}"><button type="submit">${t.nav.signOut}</button></form>`
    : '';
  const doc = html`<html lang="${t.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="no-referrer"><title>${title} — dondoc</title><style>${raw(STYLE)}</style></head><body>
<a class="skip" href="#main">${t.skip}</a>
<header><nav class="bar" aria-label="dondoc"><a class="brand" href="${session ? '/office' : '/'}">dondoc</a>${signedIn}<a href="${withLang(frame.path, t.switchTo.lang)}" hreflang="${t.switchTo.lang}" lang="${t.switchTo.lang}">${t.switchTo.label}</a></nav></header>
<main id="main" tabindex="-1">${body}</main>
<footer>${t.app}</footer>
</body></html>`;
  return `<!doctype html>${doc.value}`;
}
