// Notices of an assignment's life, rendered as { subject, text, html }. Pure: no clock, no
// I/O, so a retried send renders the very same message it rendered the first time.
import { contentEn } from './copy-en';
import { contentVi } from './copy-vi';
import type { Locale } from './format';
import { renderHtml } from './html';
import { prepare } from './prepared';
import { renderText } from './text';

export type { Locale } from './format';

export type NoticeKind = 'request' | 'reminder' | 'receipt' | 'submitted' | 'returned' | 'accepted' | 'escalation' | 'extended';

export const NOTICE_KINDS: readonly NoticeKind[] = ['request', 'reminder', 'receipt', 'submitted', 'returned', 'accepted', 'escalation', 'extended'];

export interface NoticeData {
  kind: NoticeKind;
  locale: Locale;
  programTitle: string;
  /** The standing office. */
  officeName: string;
  itemTitle: string;
  period?: string;
  /** The unit asked. */
  unitName: string;
  /** Person addressed (unit head, chair) when not the unit itself. */
  recipientName?: string;
  /** ISO instant with offset. */
  dueAt: string;
  /** IANA zone the dates are written in. */
  timeZone: string;
  /** Negative when overdue. */
  workingDaysLeft?: number;
  receiptNumber?: string;
  submittedAt?: string;
  /** The office's comment on a return or acceptance, or the reason for an extension. */
  comment?: string;
  previousDueAt?: string;
  /** 1-based. */
  escalationLevel?: number;
  escalationAudience?: 'unit-head' | 'office' | 'chair';
  /**
   * Units to name in an escalation to the office or the chair, when one notice covers
   * several; defaults to `unitName` alone.
   */
  pendingUnits?: string[];
  /** Signed link to the unit's page; only http(s) links are shown. */
  link?: string;
}

export interface RenderedNotice {
  subject: string;
  text: string;
  html: string;
}

/** Throws when `dueAt`, `submittedAt`, `previousDueAt` or `timeZone` cannot be read. */
export function renderNotice(data: NoticeData): RenderedNotice {
  const prepared = prepare(data);
  const content = data.locale === 'en' ? contentEn(data, prepared) : contentVi(data, prepared);
  return { subject: content.subject, text: renderText(content), html: renderHtml(content) };
}
