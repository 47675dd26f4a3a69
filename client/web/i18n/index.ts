// Which language a request is answered in: `?lang=` (remembered in a cookie), then the
// cookie, then the deployment's default (Vietnamese unless DONDOC_LOCALE says otherwise).
import { en } from './en';
import { vi, type Messages } from './vi';

export type Locale = 'vi' | 'en';
export type { Messages } from './vi';

export const LANG_COOKIE = 'dondoc_lang';

export function messages(locale: Locale): Messages {
  return locale === 'en' ? en : vi;
}

export function isLocale(value: unknown): value is Locale {
  return value === 'vi' || value === 'en';
}

export function pickLocale(query: unknown, cookie: unknown, fallback: Locale): Locale {
  if (isLocale(query)) return query;
  if (isLocale(cookie)) return cookie;
  return fallback;
}
