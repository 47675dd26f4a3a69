import type { Locale } from './format';

/**
 * What a notice says, before it is laid out. The copy builds one of these per locale and
 * both the text and the HTML part are rendered from it, so they can never say different things.
 */
export interface NoticeContent {
  locale: Locale;
  subject: string;
  /** Short line shown at the top, before the greeting. */
  heading: string;
  /** Who signs the banner: the office, or the system for notices to the office itself. */
  sender: string;
  greeting: string;
  body: Block[];
  facts: Fact[];
  action?: { label: string; url: string; fallback: string };
  closing: string[];
  footer: string[];
}

export type Block =
  | { kind: 'paragraph'; text: string }
  /**
   * One entry per line: units (escalations, consolidation); numbered when entries are
   * referred to by number (inspection findings, remediation items).
   */
  | { kind: 'list'; items: string[]; ordered?: boolean }
  /** Words a person wrote (return comment, extension reason), quoted as written. */
  | { kind: 'quote'; label: string; text: string };

export interface Fact {
  label: string;
  value: string;
  /** Overdue and similar: shown in bold red in HTML, the same words in text. */
  alert?: boolean;
}
