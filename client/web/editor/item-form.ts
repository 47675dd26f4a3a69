// One item of the program as a form a clerk fills in, and back. The form covers what most
// items say (titles, assignees, period or dates, due rule, request, reminders, escalation,
// indicators, evidence, consolidation); everything else of the item — windows, rounds,
// review, a reminder at its own time — stays in an "advanced" YAML box, in the file's own
// words. A value the form cannot show exactly is put in that box rather than changed.
import type { ANCHORS} from '../../../program/schema';
import { AUDIENCES, ITEM_KINDS, PERIODS } from '../../../program/schema';
import { locate, parseYaml } from '../../../program/source';
import { toYaml } from './check';

export type ItemKindName = (typeof ITEM_KINDS)[number];
export type Anchor = (typeof ANCHORS)[number];

export interface DateFields {
  /** '' = not set (the schema's default applies), 'date' = a fixed date, 'offset' = N days after/before a point. */
  mode: '' | 'date' | 'offset';
  date: string;
  n: string;
  unit: 'workingDays' | 'days';
  dir: 'after' | 'before';
  anchor: string;
  time: string;
}

export interface IndicatorRow {
  id: string;
  label: string;
  type: string;
  measure: string;
  choices: string;
  required: boolean;
}

export interface EscalationRow {
  n: string;
  unit: 'workingDays' | 'days';
  to: string;
}

export interface ItemForm {
  kind: ItemKindName;
  id: string;
  title: string;
  short: string;
  assignees: string[];
  period: string[];
  start: string;
  end: string;
  due: DateFields;
  request: DateFields;
  /** Working days before the due, "3; 1". */
  reminders: string;
  escalation: EscalationRow[];
  indicators: IndicatorRow[];
  evidence: boolean;
  consolidate: boolean;
  approver: string;
  advanced: string;
}

/** Keys the form edits; `kind`, `id`, `title`, `short` are always on it. */
export const FORM_KEYS = ['assignees', 'period', 'start', 'end', 'due', 'request', 'reminders', 'escalation', 'indicators', 'evidence', 'consolidation'] as const;
export type FormKey = (typeof FORM_KEYS)[number] | 'id' | 'title' | 'short' | 'kind';

/** Which of the form's keys an item kind uses. */
export const KIND_KEYS: Record<ItemKindName, readonly string[]> = {
  report: ['assignees', 'period', 'due', 'request', 'reminders', 'escalation', 'indicators', 'evidence', 'consolidation'],
  task: ['assignees', 'start', 'due', 'request', 'reminders', 'escalation', 'indicators', 'evidence', 'consolidation'],
  campaign: ['assignees', 'start', 'end', 'due', 'request', 'reminders', 'escalation', 'indicators', 'evidence', 'consolidation'],
  inspection: ['due', 'reminders', 'escalation', 'indicators', 'evidence'],
};

export const EXTRA_ROWS = 2;
const emptyDate = (): DateFields => ({ mode: '', date: '', n: '', unit: 'workingDays', dir: 'after', anchor: '', time: '' });
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

function dateToFields(v: unknown): DateFields | undefined {
  if (v === undefined) return emptyDate();
  if (typeof v === 'string') return { ...emptyDate(), mode: 'date', date: v };
  if (!isRecord(v)) return undefined;
  const keys = Object.keys(v);
  if (typeof v.date === 'string' && keys.every((k) => k === 'date' || k === 'time')) return { ...emptyDate(), mode: 'date', date: v.date, time: str(v.time) };
  const unit = typeof v.workingDays === 'number' ? 'workingDays' : typeof v.days === 'number' ? 'days' : undefined;
  if (!unit || 'date' in v || ('workingDays' in v && 'days' in v) || ('after' in v && 'before' in v)) return undefined;
  const dir = typeof v.before === 'string' ? 'before' : 'after';
  return { mode: 'offset', date: '', n: str(v[unit]), unit, dir, anchor: str(v[dir]), time: str(v.time) };
}

function fieldsToDate(f: DateFields): unknown {
  if (f.mode === 'date') return f.time ? { date: f.date, time: f.time } : f.date;
  if (f.mode === 'offset') {
    const n = /^-?\d+$/.test(f.n.trim()) ? Number(f.n.trim()) : f.n.trim();
    return { [f.unit]: n, ...(f.anchor ? { [f.dir]: f.anchor } : {}), ...(f.time ? { time: f.time } : {}) };
  }
  return undefined;
}

const list = (s: string) => s.split(/[;,\n]/).map((x) => x.trim()).filter((x) => x !== '');

/** The item's fields on the form, and the rest of it as YAML for the advanced box. */
export function itemToForm(item: Record<string, unknown>, kind: ItemKindName): ItemForm {
  const rest: Record<string, unknown> = { ...item };
  for (const k of ['kind', 'id', 'title', 'short']) delete rest[k];
  const form: ItemForm = {
    kind,
    id: str(item.id),
    title: str(item.title),
    short: str(item.short),
    assignees: [],
    period: [],
    start: '',
    end: '',
    due: emptyDate(),
    request: emptyDate(),
    reminders: '',
    escalation: [],
    indicators: [],
    evidence: false,
    consolidate: false,
    approver: 'chair',
    advanced: '',
  };
  const uses = new Set(KIND_KEYS[kind]);
  const take = (key: string, ok: boolean) => {
    if (ok) delete rest[key];
  };
  if (uses.has('assignees')) {
    const a = item.assignees;
    take('assignees', (a === undefined || (Array.isArray(a) && a.every((x) => typeof x === 'string'))) && ((form.assignees = (a as string[] | undefined) ?? []), true));
  }
  if (uses.has('period')) {
    const p = item.period;
    const arr = p === undefined ? [] : Array.isArray(p) ? p : [p];
    take('period', arr.every((x) => typeof x === 'string') && ((form.period = arr as string[]), true));
  }
  for (const key of ['start', 'end'] as const) {
    if (uses.has(key) && (item[key] === undefined || typeof item[key] === 'string')) {
      form[key] = str(item[key]);
      delete rest[key];
    }
  }
  for (const key of ['due', 'request'] as const) {
    const f = dateToFields(item[key]);
    if (uses.has(key) && f) {
      form[key] = f;
      delete rest[key];
    }
  }
  const rem = item.reminders;
  if (rem === undefined || (Array.isArray(rem) && rem.every((r) => isRecord(r) && typeof r.workingDays === 'number' && Object.keys(r).length === 1))) {
    form.reminders = ((rem as { workingDays: number }[] | undefined) ?? []).map((r) => r.workingDays).join('; ');
    delete rest.reminders;
  }
  const esc = item.escalation;
  if (esc === undefined || (Array.isArray(esc) && esc.every((e) => isRecord(e) && !('time' in e) && typeof e.to === 'string' && (typeof e.workingDays === 'number') !== (typeof e.days === 'number')))) {
    form.escalation = ((esc as Record<string, unknown>[] | undefined) ?? []).map((e) => ({ n: str(e.workingDays ?? e.days), unit: typeof e.workingDays === 'number' ? 'workingDays' : 'days', to: str(e.to) }));
    delete rest.escalation;
  }
  const ind = item.indicators;
  const plainIndicator = (i: unknown) => isRecord(i) && Object.keys(i).every((k) => ['id', 'label', 'type', 'measure', 'choices', 'required'].includes(k));
  if (ind === undefined || (Array.isArray(ind) && ind.every(plainIndicator))) {
    form.indicators = ((ind as Record<string, unknown>[] | undefined) ?? []).map((i) => ({
      id: str(i.id),
      label: str(i.label),
      type: str(i.type) || 'number',
      measure: str(i.measure),
      choices: Array.isArray(i.choices) ? i.choices.map(str).join('; ') : '',
      required: i.required !== false,
    }));
    delete rest.indicators;
  }
  if (item.evidence === undefined || typeof item.evidence === 'boolean') {
    form.evidence = item.evidence === true;
    delete rest.evidence;
  }
  if (uses.has('consolidation')) {
    const c = item.consolidation;
    if (c === undefined || isRecord(c)) {
      form.consolidate = c !== undefined;
      if (isRecord(c)) {
        form.approver = str(c.approver) || 'chair';
        // The rest of the consolidation (its own dates, recipients) stays as written.
        const { approver: _a, ...other } = c;
        if (Object.keys(other).length > 0) rest.consolidation = other;
        else delete rest.consolidation;
      }
    }
  }
  form.advanced = Object.keys(rest).length > 0 ? toYaml(rest) : '';
  return form;
}

/**
 * An empty form for a new item. An inspection's rounds have no fields of their own: the
 * advanced box starts with the shape to fill in (the check names its line until it is).
 */
export function newItemForm(kind: ItemKindName): ItemForm {
  const form = itemToForm({ kind }, kind);
  if (kind === 'inspection') form.advanced = 'rounds:\n  - id: dot-1\n    title: Đợt 1\n    visits:\n      - { unit: ma-don-vi, date: YYYY-MM-DD }\n';
  return form;
}

export interface AdvancedProblem {
  line: number;
  message: string;
}

/** The item a submitted form describes, or the advanced box's YAML errors. */
export function formToItem(form: ItemForm): { ok: true; item: Record<string, unknown>; advancedKeys: string[] } | { ok: false; problems: AdvancedProblem[] } {
  let advanced: Record<string, unknown> = {};
  if (form.advanced.trim() !== '') {
    const parsed = parseYaml(form.advanced);
    const errors = parsed.problems.filter((p) => p.severity === 'error');
    if (errors.length > 0) return { ok: false, problems: errors.map((p) => ({ line: p.line, message: p.message })) };
    if (!isRecord(parsed.value)) return { ok: false, problems: [{ line: 1, message: 'phần nâng cao phải là các cặp "khóa: giá trị" (expected "key: value" lines)' }] };
    advanced = parsed.value;
  }
  const uses = new Set(KIND_KEYS[form.kind]);
  const item: Record<string, unknown> = { id: form.id.trim(), kind: form.kind, title: form.title.trim() };
  if (form.short.trim()) item.short = form.short.trim();
  if (uses.has('assignees')) item.assignees = form.assignees;
  if (uses.has('period') && form.period.length > 0) item.period = form.period.length === 1 ? form.period[0] : form.period;
  if (uses.has('start') && form.start) item.start = form.start;
  if (uses.has('end') && form.end) item.end = form.end;
  for (const key of ['request', 'due'] as const) {
    const v = fieldsToDate(form[key]);
    if (v !== undefined) item[key] = v;
  }
  const rem = list(form.reminders);
  if (rem.length > 0) item.reminders = rem.map((r) => ({ workingDays: /^-?\d+$/.test(r) ? Number(r) : r }));
  const esc = form.escalation.filter((e) => e.n.trim() !== '' || e.to !== '');
  if (esc.length > 0) item.escalation = esc.map((e) => ({ [e.unit]: /^-?\d+$/.test(e.n.trim()) ? Number(e.n.trim()) : e.n.trim(), to: e.to }));
  const ind = form.indicators.filter((i) => i.id.trim() !== '' || i.label.trim() !== '');
  if (ind.length > 0) {
    item.indicators = ind.map((i) => ({
      id: i.id.trim(),
      label: i.label.trim(),
      type: i.type || 'number',
      ...(i.measure.trim() ? { measure: i.measure.trim() } : {}),
      ...(i.type === 'choice' ? { choices: list(i.choices) } : {}),
      ...(i.required ? {} : { required: false }),
    }));
  }
  if (form.evidence) item.evidence = true;
  if (uses.has('consolidation') && form.consolidate) {
    const extra = isRecord(advanced.consolidation) ? advanced.consolidation : {};
    item.consolidation = { ...extra, approver: form.approver || 'chair' };
  }
  const { consolidation: _c, ...others } = advanced;
  // The advanced box speaks last: a key written there is what the clerk meant.
  Object.assign(item, others);
  if (!uses.has('consolidation') || !form.consolidate) {
    if (advanced.consolidation !== undefined) item.consolidation = advanced.consolidation;
  }
  return { ok: true, item, advancedKeys: Object.keys(advanced) };
}

/** Where in the advanced box a path of the item sits (1-based line), if it is written there. */
export function advancedLine(advanced: string, path: (string | number)[]): number | undefined {
  if (advanced.trim() === '') return undefined;
  const parsed = parseYaml(advanced);
  return parsed.problems.some((p) => p.severity === 'error') ? undefined : locate(parsed, path).line;
}

type Body = Record<string, string | string[] | undefined>;
const one = (b: Body, k: string) => {
  const v = b[k];
  return (Array.isArray(v) ? v[0] : v) ?? '';
};
const many = (b: Body, k: string) => {
  const v = b[k];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
};

function dateFromBody(b: Body, prefix: string): DateFields {
  const mode = one(b, `${prefix}_mode`);
  return {
    mode: mode === 'date' || mode === 'offset' ? mode : '',
    date: one(b, `${prefix}_date`).trim(),
    n: one(b, `${prefix}_n`).trim(),
    unit: one(b, `${prefix}_unit`) === 'days' ? 'days' : 'workingDays',
    dir: one(b, `${prefix}_dir`) === 'before' ? 'before' : 'after',
    anchor: one(b, `${prefix}_anchor`),
    time: one(b, `${prefix}_time`).trim(),
  };
}

/** The submitted form (urlencoded body) read into an ItemForm; the schema judges the values. */
export function formFromBody(b: Body, kind: ItemKindName): ItemForm {
  const rows = (prefix: string) => {
    const out: number[] = [];
    for (let i = 0; i < 100; i++) if (b[`${prefix}_${i}`] !== undefined) out.push(i);
    return out;
  };
  return {
    kind,
    id: one(b, 'id').trim(),
    title: one(b, 'title'),
    short: one(b, 'short'),
    assignees: many(b, 'assignees'),
    period: many(b, 'period').filter((p) => (PERIODS as readonly string[]).includes(p)),
    start: one(b, 'start').trim(),
    end: one(b, 'end').trim(),
    due: dateFromBody(b, 'due'),
    request: dateFromBody(b, 'request'),
    reminders: one(b, 'reminders'),
    escalation: rows('esc_n').map((i) => ({ n: one(b, `esc_n_${i}`), unit: one(b, `esc_unit_${i}`) === 'days' ? 'days' : 'workingDays', to: (AUDIENCES as readonly string[]).includes(one(b, `esc_to_${i}`)) ? one(b, `esc_to_${i}`) : '' })),
    indicators: rows('ind_id').map((i) => ({
      id: one(b, `ind_id_${i}`),
      label: one(b, `ind_label_${i}`),
      type: one(b, `ind_type_${i}`) || 'number',
      measure: one(b, `ind_measure_${i}`),
      choices: one(b, `ind_choices_${i}`),
      required: one(b, `ind_required_${i}`) === 'on',
    })),
    evidence: one(b, 'evidence') === 'on',
    consolidate: one(b, 'consolidate') === 'on',
    approver: one(b, 'approver') === 'office' ? 'office' : 'chair',
    advanced: one(b, 'advanced'),
  };
}

export const isItemKind = (k: unknown): k is ItemKindName => typeof k === 'string' && (ITEM_KINDS as readonly string[]).includes(k);
