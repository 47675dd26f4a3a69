// What importing a units file would do to a running program, before anything changes: the
// candidate program (the running one with its units replaced by the file's) checked exactly as
// a program file is — written out as YAML and parsed by the same loader `dondoc validate` uses —
// and, when it is valid, the difference against the running version: units added, removed or
// changed, and the assignments each occurrence gains or loses, with the mails that will go.
import { stringify } from 'yaml';
import { compilePlan } from '../../../program/plan';
import { parseProgram } from '../../../program/parse';
import type { Program } from '../../../program/types';
import type { ProgramState } from '../../../workflows/program/messages';
import { columnForPath, columnLabel, unitEntry, type UnitRow } from './units-file';

export interface FieldError {
  /** Row in the uploaded file, when the error is about one unit. */
  row?: number;
  column?: string;
  message: string;
}

export interface OccurrenceChange {
  occurrenceId: string;
  itemTitle: string;
  periodLabel: string;
  /** started: mails go now; scheduled: when it starts; missed/removed: nothing. */
  status: string;
  added: { unitId: string; unitName: string; emails: string[] }[];
  removed: { unitId: string; unitName: string; emails: string[] }[];
}

export interface UnitsPreview {
  program: Program;
  yaml: string;
  added: string[];
  removed: string[];
  changed: string[];
  occurrences: OccurrenceChange[];
  warnings: string[];
}

export type PreviewResult = { ok: true; preview: UnitsPreview } | { ok: false; errors: FieldError[] };

function pathSegments(path: string): (string | number)[] {
  return [...path.matchAll(/([A-Za-z_$][\w$-]*)|\[(\d+)\]|\["([^"]*)"\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : (m[1] ?? m[3] ?? '')));
}

export function previewUnits(current: Program, rows: UnitRow[], state: ProgramState | undefined, fileName: string): PreviewResult {
  const candidate = { ...current, units: rows.map(unitEntry) };
  const yaml = stringify(candidate, { lineWidth: 0 });
  const parsed = parseProgram({ text: yaml, fileName });
  if (!parsed.ok) {
    return {
      ok: false,
      errors: parsed.errors.map((d): FieldError => {
        const segs = pathSegments(d.path);
        if (segs[0] === 'units' && typeof segs[1] === 'number') {
          const row = rows[segs[1]]?.row;
          const column = columnForPath(segs.slice(2));
          return { ...(row !== undefined ? { row } : {}), ...(column ? { column: columnLabel(column) } : {}), message: d.message };
        }
        return { message: `${d.path}: ${d.message}` };
      }),
    };
  }
  const next = parsed.program;
  const before = new Map(current.units.map((u) => [u.id, u]));
  const after = new Map(next.units.map((u) => [u.id, u]));
  const added = [...after.keys()].filter((id) => !before.has(id));
  const removed = [...before.keys()].filter((id) => !after.has(id));
  const changed = [...after.keys()].filter((id) => before.has(id) && JSON.stringify(before.get(id)) !== JSON.stringify(after.get(id)));

  const oldPlan = compilePlan(current);
  const newPlan = compilePlan(next);
  const status = new Map(state?.occurrences.map((o) => [o.id, o.status]) ?? []);
  const items = new Map(next.items.map((i) => [i.id, i]));
  const byOccurrence = (plan: typeof oldPlan) => {
    const m = new Map<string, Set<string>>();
    for (const a of plan.assignments) (m.get(a.occurrenceId) ?? m.set(a.occurrenceId, new Set()).get(a.occurrenceId)!).add(a.unitId);
    return m;
  };
  const oldUnits = byOccurrence(oldPlan);
  const newUnits = byOccurrence(newPlan);
  const who = (id: string) => {
    const u = after.get(id) ?? before.get(id);
    return { unitId: id, unitName: u?.name ?? id, emails: u?.emails ?? [] };
  };
  const occurrences: OccurrenceChange[] = [];
  for (const occ of newPlan.occurrences) {
    const was = oldUnits.get(occ.id) ?? new Set<string>();
    const now = newUnits.get(occ.id) ?? new Set<string>();
    const plus = [...now].filter((u) => !was.has(u));
    const minus = [...was].filter((u) => !now.has(u));
    if (plus.length === 0 && minus.length === 0) continue;
    const item = items.get(occ.itemId);
    occurrences.push({
      occurrenceId: occ.id,
      itemTitle: item?.title ?? occ.itemId,
      periodLabel: occ.label[next.program.locale],
      status: status.get(occ.id) ?? 'scheduled',
      added: plus.map(who),
      removed: minus.map(who),
    });
  }
  return { ok: true, preview: { program: next, yaml, added, removed, changed, occurrences, warnings: parsed.warnings.map((w) => `${w.path}: ${w.message}`) } };
}
