// A draft checked exactly as a program file is: written out as YAML and read back by the
// loader `dondoc validate` uses, so the web can accept nothing a file would not. Errors keep
// their path (to be placed next to the form field they belong to) and are worded in the
// reader's language: the loader writes "tiếng Việt (English)", the page shows one of them.
import { stringify } from 'yaml';
import type { PathSegment } from '../../../program/errors';
import { parseProgram } from '../../../program/parse';
import type { Program } from '../../../program/types';
import type { Locale } from '../i18n';

export interface Issue {
  path: PathSegment[];
  /** As the loader prints it, e.g. `items[2].due.workingDays`. */
  where: string;
  message: string;
}

export type Checked = { ok: true; program: Program; yaml: string; warnings: Issue[] } | { ok: false; yaml: string; errors: Issue[]; warnings: Issue[] };

export function pathSegments(path: string): PathSegment[] {
  if (path === '$') return [];
  return [...path.matchAll(/([A-Za-z_$][\w$-]*)|\[(\d+)\]|\["([^"]*)"\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : (m[1] ?? m[3] ?? '')));
}

export function toYaml(doc: unknown): string {
  return stringify(doc, { lineWidth: 0 });
}

export function checkDraft(doc: unknown, fileName: string, locale: Locale): Checked {
  const yaml = toYaml(doc);
  const parsed = parseProgram({ text: yaml, fileName });
  const issue = (d: { path: string; message: string }): Issue => ({ path: pathSegments(d.path), where: d.path, message: inLanguage(d.message, locale) });
  const warnings = parsed.warnings.map(issue);
  if (!parsed.ok) return { ok: false, yaml, errors: parsed.errors.map(issue), warnings };
  return { ok: true, program: parsed.program, yaml, warnings };
}

const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

/** "không được để trống (must not be empty)" → the part in the reader's language. */
export function inLanguage(message: string, locale: Locale): string {
  const m = /^([\s\S]*\S)\s*\(([^()]*)\)\s*$/.exec(message);
  if (!m || VIETNAMESE.test(m[2]!)) return message;
  return locale === 'en' ? m[2]! : m[1]!;
}

/** Issues under `prefix` (e.g. ['items', 3]), with the path made relative to it. */
export function issuesUnder(issues: Issue[], prefix: PathSegment[]): Issue[] {
  return issues.filter((i) => prefix.every((seg, k) => i.path[k] === seg)).map((i) => ({ ...i, path: i.path.slice(prefix.length) }));
}
