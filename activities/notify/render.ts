// Renders a notice as { subject, text, html }. Pure: no clock, no I/O, so a retried send
// renders the very same message it rendered the first time.
import { composeNotice } from './compose';
import { renderHtml } from './html';
import { prepare } from './prepared';
import type { NoticeStrings } from './strings';
import { en } from './strings-en';
import { vi } from './strings-vi';
import type { Locale, NoticeData, ReasonCode, RenderedNotice } from '../../contract/notices';
import { renderText } from './text';

const STRINGS: Record<Locale, NoticeStrings> = { vi, en };

/** Throws, naming the field, when a date (`dueAt`, `visitAt`, a remediation's `dueAt`…) or `timeZone` cannot be read. */
export function renderNotice(data: NoticeData): RenderedNotice {
  const content = composeNotice(data, prepare(data), STRINGS[data.locale]);
  return { subject: content.subject, text: renderText(content), html: renderHtml(content) };
}

/** A reason as a unit reads it: a workflow's code in the program's language; words a person wrote, as written. */
export function reasonText(reason: string, locale: Locale): string {
  const reasons: Record<string, string | undefined> = STRINGS[locale].reasons;
  return Object.hasOwn(reasons, reason) ? reasons[reason as ReasonCode]! : reason;
}
