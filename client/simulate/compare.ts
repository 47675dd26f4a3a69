// The oracle: what the plan says will be sent against what a silent simulation sent. Every
// mail-sending plan event in the range must be fulfilled by mail carrying its uid, at its
// instant; nothing else of a plan kind may be sent. The report names each uid, plan vs sent.
import type { Plan, PlannedEvent } from '../../program/plan-types';
import { FANS_OUT, MAIL_SENDING_KINDS, sendsMail } from './mail-kinds';
import type { SimNotice } from './notices';

export interface Mismatch {
  problem: 'missing' | 'moved' | 'duplicate' | 'extra';
  /** The plan uid, or the key of a notice of a plan kind that names none. */
  uid: string;
  kind: string;
  planAt?: string;
  sentAt: string[];
}

export interface Comparison {
  expected: number;
  matched: number;
  mismatches: Mismatch[];
}

/**
 * Occurrences whose every event lies within [startMs, endMs). A simulation over part of the
 * year applies the program at its first instant: an occurrence already under way then starts
 * late (its request goes out at once, past reminders are skipped), and one that ends after
 * the range is cut short. Only whole occurrences can be held to the plan.
 */
export function occurrencesInside(plan: Plan, startMs: number, endMs: number): Set<string> {
  const outside = new Set<string>();
  for (const e of plan.events) {
    const t = Date.parse(e.at);
    if (t < startMs || t >= endMs) outside.add(e.occurrenceId);
  }
  return new Set(plan.occurrences.map((o) => o.id).filter((id) => !outside.has(id)));
}

/** Plan events that must be mailed: the mail-sending events of the occurrences inside the range. */
export function expectedEvents(plan: Plan, inside: ReadonlySet<string>): PlannedEvent[] {
  return plan.events.filter((e) => sendsMail(e) && inside.has(e.occurrenceId));
}

/**
 * The simulation's server clock moves only by skipping (clock-shim.ts): a workflow issues a
 * notice at the very instant its timer fires, whatever the machine's load. So "at its planned
 * instant" is exact, to the millisecond; a notice a second late is a real difference.
 */
const sentAtPlanned = (sentAt: string, planAt: string) => Date.parse(sentAt) === Date.parse(planAt);

export function compareWithPlan(plan: Plan, all: readonly SimNotice[], startMs: number, endMs: number): Comparison {
  const inside = occurrencesInside(plan, startMs, endMs);
  const expected = expectedEvents(plan, inside);
  const byUid = new Map(plan.events.map((e) => [e.uid, e]));
  // Notices of occurrences cut by the range are not judged; a uid the plan lacks always is.
  const notices = all.filter((n) => {
    const occ = (n.planUid ? byUid.get(n.planUid)?.occurrenceId : undefined) ?? n.occurrenceId ?? n.key.split('/').slice(0, 3).join('/');
    return inside.has(occ) || (n.planUid !== undefined && !byUid.has(n.planUid));
  });
  const sentByUid = new Map<string, SimNotice[]>();
  const mismatches: Mismatch[] = [];
  for (const n of notices) {
    if (n.planUid) sentByUid.set(n.planUid, [...(sentByUid.get(n.planUid) ?? []), n]);
    else if (MAIL_SENDING_KINDS.has(n.kind as PlannedEvent['kind'])) {
      // A reminder or escalation that fulfils no plan event: the plan does not show it.
      mismatches.push({ problem: 'extra', uid: n.key || n.messageId, kind: n.kind, sentAt: [n.at] });
    }
  }
  let matched = 0;
  const wanted = new Set<string>();
  for (const e of expected) {
    wanted.add(e.uid);
    const sent = sentByUid.get(e.uid) ?? [];
    const at = sent.map((n) => n.at);
    if (sent.length === 0) mismatches.push({ problem: 'missing', uid: e.uid, kind: e.kind, planAt: e.at, sentAt: [] });
    else if (sent.some((n) => !sentAtPlanned(n.at, e.at))) mismatches.push({ problem: 'moved', uid: e.uid, kind: e.kind, planAt: e.at, sentAt: at });
    else if (sent.length > 1 && !FANS_OUT(e)) mismatches.push({ problem: 'duplicate', uid: e.uid, kind: e.kind, planAt: e.at, sentAt: at });
    else matched++;
  }
  for (const [uid, sent] of sentByUid) {
    if (wanted.has(uid)) continue;
    const e = byUid.get(uid);
    mismatches.push({ problem: 'extra', uid, kind: e?.kind ?? sent[0]?.kind ?? '?', ...(e ? { planAt: e.at } : {}), sentAt: sent.map((n) => n.at) });
  }
  mismatches.sort((a, b) => (a.planAt ?? a.sentAt[0] ?? '').localeCompare(b.planAt ?? b.sentAt[0] ?? '') || a.uid.localeCompare(b.uid));
  return { expected: expected.length, matched, mismatches };
}

const NOTES: Record<Mismatch['problem'], string> = {
  missing: 'planned, not sent',
  moved: 'sent at another instant',
  duplicate: 'sent more than once',
  extra: 'sent, not in the plan (or outside the range)',
};

/**
 * A readable account: counts per problem and kind, then for each group its first few uids
 * (plan vs sent), so one kind of difference does not hide the others.
 */
export function describeComparison(name: string, c: Comparison, perGroup = 6): string {
  if (c.mismatches.length === 0) return `${name}: all ${c.expected} mail-sending plan events sent at their planned instant, nothing else`;
  const groups = new Map<string, Mismatch[]>();
  for (const m of c.mismatches) {
    const key = `${m.problem} ${m.kind}`;
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  const lines = [`${name}: ${c.matched}/${c.expected} plan events sent as planned; ${c.mismatches.length} differences (${[...groups].map(([k, list]) => `${list.length} ${k}`).join(', ')})`];
  for (const [key, list] of groups) {
    lines.push(`  ${key} (${list.length}): ${NOTES[list[0]!.problem]}`);
    for (const m of list.slice(0, perGroup)) lines.push(`    ${m.problem.padEnd(9)} ${m.uid}  plan ${m.planAt ?? '-'}  sent ${m.sentAt.join(', ') || '-'}`);
    if (list.length > perGroup) lines.push(`    … and ${list.length - perGroup} more`);
  }
  return lines.join('\n');
}
