// What applying a draft would do, in the words `dondoc apply --dry-run` prints (the program
// workflow's own dry run, so it is the exact change), with the mails it implies: requests
// that go out at once or on their date, and the notices of cancellation. A program that is
// not running yet has no workflow to ask; its change is worked out here by the workflow's
// rule (an occurrence whose every due is past is skipped), without starting anything.
import { compilePlan } from '../../../program/plan';
import type { Plan, Program } from '../../../program/types';
import type { ApplyResult } from '../../../workflows/program/messages';

export interface MailGroup {
  occurrenceId: string;
  itemTitle: string;
  periodLabel: string;
  kind: 'request' | 'cancel';
  /** ISO instant, or undefined: at once, when applied. */
  at?: string;
  units: { id: string; name: string; emails: string[] }[];
}

/** A program's first apply, as the program workflow would judge it. */
export function firstApplyResult(plan: Plan, now = Date.now()): ApplyResult {
  const lastDue = new Map<string, number>();
  for (const a of plan.assignments) lastDue.set(a.occurrenceId, Math.max(lastDue.get(a.occurrenceId) ?? 0, Date.parse(a.due.at)));
  const result: ApplyResult = { unchanged: false, added: [], removed: [], changed: [], missed: [], cancelled: [] };
  for (const o of plan.occurrences) ((lastDue.get(o.id) ?? 0) < now ? result.missed : result.added).push(o.id);
  return result;
}

export function mailsOf(result: ApplyResult, next: Program, before: Program | undefined, now = Date.now()): MailGroup[] {
  const nextPlan = compilePlan(next);
  const oldPlan = before ? compilePlan(before) : undefined;
  const unitsNext = new Map(next.units.map((u) => [u.id, u]));
  const unitsOld = new Map((before?.units ?? []).map((u) => [u.id, u]));
  const who = (id: string) => {
    const u = unitsNext.get(id) ?? unitsOld.get(id);
    return { id, name: u?.name ?? id, emails: u?.emails ?? [] };
  };
  const titleOf = (program: Program, itemId: string) => program.items.find((i) => i.id === itemId)?.title ?? itemId;
  const groups = new Map<string, MailGroup>();
  const add = (program: Program, plan: Plan, occurrenceId: string, kind: MailGroup['kind'], at: string | undefined, unitId: string) => {
    const occ = plan.occurrences.find((o) => o.id === occurrenceId);
    if (!occ) return;
    const when = at !== undefined && Date.parse(at) > now ? at : undefined;
    const key = `${occurrenceId}|${kind}|${when ?? ''}`;
    const g = groups.get(key) ?? { occurrenceId, itemTitle: titleOf(program, occ.itemId), periodLabel: occ.label[program.program.locale], kind, ...(when ? { at: when } : {}), units: [] };
    if (!g.units.some((u) => u.id === unitId)) g.units.push(who(unitId));
    groups.set(key, g);
  };
  const requests = (plan: Plan, occurrenceId: string) => plan.events.filter((e) => e.occurrenceId === occurrenceId && e.kind === 'request' && e.unitId !== undefined);
  for (const id of result.added) for (const e of requests(nextPlan, id)) add(next, nextPlan, id, 'request', e.at, e.unitId!);
  if (before && oldPlan) {
    for (const c of result.changed) {
      const was = new Set(oldPlan.assignments.filter((a) => a.occurrenceId === c.id).map((a) => a.unitId));
      const now_ = new Set(nextPlan.assignments.filter((a) => a.occurrenceId === c.id).map((a) => a.unitId));
      for (const e of requests(nextPlan, c.id)) if (!was.has(e.unitId!)) add(next, nextPlan, c.id, 'request', undefined, e.unitId!);
      for (const u of was) if (!now_.has(u)) add(before, oldPlan, c.id, 'cancel', undefined, u);
    }
    for (const id of result.cancelled) for (const a of oldPlan.assignments.filter((x) => x.occurrenceId === id)) add(before, oldPlan, id, 'cancel', undefined, a.unitId);
  }
  return [...groups.values()].sort((a, b) => (a.at === undefined ? 0 : Date.parse(a.at)) - (b.at === undefined ? 0 : Date.parse(b.at)) || a.itemTitle.localeCompare(b.itemTitle, 'vi'));
}
