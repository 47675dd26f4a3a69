// The program's header and its groups as forms: read from the draft, written back to it.
// Values are taken as typed; the program's schema decides, and its errors come back to the
// field they name.
import { locate, parseYaml } from '../../../program/source';
import { toYaml, type Issue } from './check';

type Body = Record<string, string | string[] | undefined>;
const one = (b: Body, k: string) => {
  const v = b[k];
  return ((Array.isArray(v) ? v[0] : v) ?? '').trim();
};
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

export const HEADER_FIELDS = ['title', 'titleEn', 'year', 'issuer', 'document', 'issued', 'office', 'locale', 'timezone', 'chair.name', 'chair.title', 'chair.email'] as const;
export type HeaderField = (typeof HEADER_FIELDS)[number];
export type HeaderForm = Record<HeaderField, string>;

export function headerToForm(header: unknown): HeaderForm {
  const h = isRecord(header) ? header : {};
  const chair = isRecord(h.chair) ? h.chair : {};
  return Object.fromEntries(HEADER_FIELDS.map((f) => [f, f.startsWith('chair.') ? str(chair[f.slice(6)]) : str(h[f])])) as HeaderForm;
}

export function headerFromBody(b: Body): HeaderForm {
  return Object.fromEntries(HEADER_FIELDS.map((f) => [f, one(b, f)])) as HeaderForm;
}

/** The new header: the form's fields over the old header (its id and upward recipients stay). */
export function applyHeader(old: unknown, form: HeaderForm): Record<string, unknown> {
  const h: Record<string, unknown> = { ...(isRecord(old) ? old : {}) };
  for (const f of HEADER_FIELDS) {
    if (f.startsWith('chair.')) continue;
    const v = form[f];
    if (v === '') delete h[f];
    else h[f] = f === 'year' && /^\d+$/.test(v) ? Number(v) : v;
  }
  h.chair = { name: form['chair.name'], title: form['chair.title'], email: form['chair.email'] };
  return h;
}

/** `program.chair.email` → `chair.email`: the form field an issue of the header belongs to. */
export function headerField(issue: Issue): HeaderField | undefined {
  const [a, b] = issue.path;
  const name = a === 'chair' && typeof b === 'string' ? `chair.${b}` : a === 'chair' ? 'chair.name' : String(a);
  return (HEADER_FIELDS as readonly string[]).includes(name) ? (name as HeaderField) : undefined;
}

export interface GroupRow {
  id: string;
  name: string;
  /** Unit or group ids, "a; b". */
  members: string;
  /** Other keys of the group (nameEn), kept as they were. */
  keep: Record<string, unknown>;
}

export function groupsToRows(groups: unknown): GroupRow[] {
  return (Array.isArray(groups) ? groups : []).filter(isRecord).map((g) => {
    const { id, name, members, ...keep } = g;
    return { id: str(id), name: str(name), members: Array.isArray(members) ? members.map(str).join('; ') : '', keep };
  });
}

export function groupsFromBody(b: Body, old: GroupRow[]): GroupRow[] {
  const rows: GroupRow[] = [];
  for (let i = 0; i < 200; i++) {
    if (b[`g_id_${i}`] === undefined) continue;
    rows.push({ id: one(b, `g_id_${i}`), name: one(b, `g_name_${i}`), members: one(b, `g_members_${i}`), keep: old[i]?.keep ?? {} });
  }
  return rows;
}

/** The rows as the file's groups; a row left empty is a group removed. Also the row each entry came from. */
export function rowsToGroups(rows: GroupRow[]): { groups: Record<string, unknown>[]; rowOf: number[] } {
  const groups: Record<string, unknown>[] = [];
  const rowOf: number[] = [];
  rows.forEach((r, i) => {
    if (r.id === '' && r.name === '' && r.members === '') return;
    const members = r.members.split(/[;,\n]/).map((m) => m.trim()).filter((m) => m !== '');
    groups.push({ ...r.keep, id: r.id, name: r.name, ...(members.length > 0 ? { members } : {}) });
    rowOf.push(i);
  });
  return { groups, rowOf };
}

/**
 * The program-wide settings without fields of their own — upward recipients, defaults (times,
 * reminders, escalation, review) and calendar overrides — as one YAML box on the header page,
 * in the file's words.
 */
export function settingsYaml(doc: Record<string, unknown>): string {
  const header = isRecord(doc.program) ? doc.program : {};
  const out: Record<string, unknown> = {};
  if (header.upward !== undefined) out.upward = header.upward;
  if (doc.defaults !== undefined) out.defaults = doc.defaults;
  if (doc.calendar !== undefined) out.calendar = doc.calendar;
  return Object.keys(out).length > 0 ? toYaml(out) : '';
}

export function applySettings(doc: Record<string, unknown>, text: string): { ok: true; doc: Record<string, unknown> } | { ok: false; problems: { line: number; message: string }[] } {
  let value: Record<string, unknown> = {};
  if (text.trim() !== '') {
    const parsed = parseYaml(text);
    const errors = parsed.problems.filter((p) => p.severity === 'error');
    if (errors.length > 0) return { ok: false, problems: errors.map((p) => ({ line: p.line, message: p.message })) };
    if (!isRecord(parsed.value)) return { ok: false, problems: [{ line: 1, message: 'cần các mục upward, defaults, calendar (expected upward, defaults, calendar)' }] };
    value = parsed.value;
    const unknown = Object.keys(value).filter((k) => !['upward', 'defaults', 'calendar'].includes(k));
    if (unknown.length > 0) return { ok: false, problems: unknown.map((k) => ({ line: locate(parsed, [k], true).line, message: `"${k}" không thuộc phần này; chỉ có upward, defaults, calendar (unknown key)` })) };
  }
  const header: Record<string, unknown> = { ...(isRecord(doc.program) ? doc.program : {}) };
  const next: Record<string, unknown> = { ...doc, program: header };
  if (value.upward === undefined) delete header.upward;
  else header.upward = value.upward;
  for (const k of ['defaults', 'calendar'] as const) {
    if (value[k] === undefined) delete next[k];
    else next[k] = value[k];
  }
  return { ok: true, doc: next };
}

/** Where an issue of the settings sits in their box: `program.upward[1].email` → ['upward', 1, 'email']. */
export function settingsPath(path: (string | number)[]): (string | number)[] | undefined {
  if (path[0] === 'program' && path[1] === 'upward') return path.slice(1);
  if (path[0] === 'defaults' || path[0] === 'calendar') return path;
  return undefined;
}
