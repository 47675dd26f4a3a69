// The values a notice's sentences use (Vars) and the facts table under its body, built once
// from the notice's data and its prepared (formatted) values; labels come from the string table.
import type { Fact } from './content';
import { oneLine, type Prepared } from './prepared';
import type { NoticeStrings, Vars } from './strings';
import type { NoticeData } from '../../contract/notices';

const trimmed = (s: string | undefined): string | undefined => (s?.trim() ? s.trim() : undefined);

export function varsOf(d: NoticeData, pr: Prepared): Vars {
  const recipient = trimmed(d.recipientName);
  const recipientTitle = trimmed(d.recipientTitle);
  return {
    program: d.programTitle,
    office: d.officeName,
    unit: d.unitName,
    unitLine: oneLine(d.unitName),
    item: oneLine(d.itemTitle),
    ref: `“${d.itemTitle}”${d.period ? ` (${d.period})` : ''}`,
    period: d.period,
    periodLine: d.period ? oneLine(d.period) : undefined,
    due: pr.due,
    dueDay: pr.dueDay,
    daysLeft: pr.daysLeft,
    overdue: pr.overdue,
    submittedAt: pr.submittedAt,
    receipt: d.receiptNumber,
    previousDue: pr.previousDue,
    requestedDue: pr.requestedDue,
    requestedDueDay: pr.requestedDueDay,
    atVisit: pr.atVisit,
    visitDay: pr.visitDay,
    team: trimmed(d.inspectionTeam),
    window: pr.window,
    windowDays: pr.windowDays,
    attachment: trimmed(d.attachmentName),
    commented: trimmed(d.comment) !== undefined,
    level: d.escalationLevel,
    pending: pr.pendingUnits,
    findings: pr.findings,
    remediations: pr.remediations,
    reviewer: trimmed(d.reviewerName),
    // A head without a name reaches us with the title as the name: say it once.
    recipient: recipient !== undefined && recipient === recipientTitle ? undefined : recipient,
    recipientTitle,
    committee: trimmed(d.committeeName),
    signer: trimmed(d.signerName),
    signerTitle: trimmed(d.signerTitle),
    failedTo: (d.failedTo ?? []).map((a) => a.trim()).filter((a) => a !== ''),
    failedKind: d.failedKind,
    failureCode: trimmed(d.failureCode),
    failureMessage: trimmed(d.failureMessage),
  };
}

export type FactKey =
  | 'receipt' | 'item' | 'period' | 'unit' | 'submitted' | 'previousDue' | 'due' | 'daysLeft' | 'timeliness'
  | 'requestedDue' | 'visit' | 'team' | 'window' | 'attachment' | 'findings' | 'remediations' | 'remediatedOnTime' | 'remediatedLate'
  | 'failedTo' | 'failedKind';

export function factsOf(d: NoticeData, pr: Prepared, v: Vars, s: NoticeStrings): (keys: FactKey[]) => Fact[] {
  const f = s.facts;
  const inspection = d.kind.startsWith('inspection-');
  const done = pr.remediations.filter((r) => r.done !== undefined);
  const dueLabel = (s.dueLabel as Partial<Record<string, string>>)[d.kind] ?? f.due;
  const all: Record<FactKey, Fact | undefined> = {
    receipt: v.receipt ? { label: f.receipt, value: v.receipt } : undefined,
    item: { label: inspection ? f.inspectionItem : f.item, value: d.itemTitle },
    period: d.period ? { label: f.period, value: d.period } : undefined,
    unit: { label: inspection ? f.inspectedUnit : f.unit, value: d.unitName },
    submitted: pr.submittedAt ? { label: f.submitted, value: pr.submittedAt } : undefined,
    previousDue: pr.previousDue ? { label: f.previousDue, value: pr.previousDue } : undefined,
    due: { label: dueLabel, value: pr.due },
    daysLeft: pr.daysLeft ? { label: f.status, value: s.cap(pr.daysLeft), alert: pr.overdue } : undefined,
    timeliness: pr.late === undefined ? undefined : { label: f.status, value: pr.late ? s.status.late : s.status.onTime, alert: pr.late },
    requestedDue: pr.requestedDue ? { label: f.requestedDue, value: s.cap(pr.requestedDue) } : undefined,
    visit: pr.visit ? { label: f.visit, value: s.cap(pr.visit) } : undefined,
    team: v.team ? { label: f.team, value: v.team } : undefined,
    window: pr.window ? { label: f.window, value: s.cap(pr.window) } : undefined,
    attachment: v.attachment ? { label: f.attachment, value: v.attachment } : undefined,
    findings: d.findings ? { label: f.findings, value: String(pr.findings.length) } : undefined,
    remediations: d.remediations ? { label: f.remediations, value: String(pr.remediations.length) } : undefined,
    remediatedOnTime: done.length > 0 ? { label: f.remediatedOnTime, value: String(done.filter((r) => !r.late).length) } : undefined,
    remediatedLate: done.length > 0 ? { label: f.remediatedLate, value: String(done.filter((r) => r.late).length) } : undefined,
    failedTo: v.failedTo.length > 0 ? { label: f.failedTo, value: v.failedTo.join(', '), alert: true } : undefined,
    failedKind: v.failedKind ? { label: f.failedKind, value: s.cap(s.kindNames[v.failedKind]) } : undefined,
  };
  return (keys) => keys.map((k) => all[k]).filter((x): x is Fact => x !== undefined);
}

/** Where the assignments of an occurrence stand; "not submitted" is marked when any unit is missing. */
export function countFacts(d: NoticeData, s: NoticeStrings): Fact[] {
  const c = d.counts;
  if (!c) return [];
  const n = s.counts;
  return [
    { label: n.total, value: n.units(c.total) },
    { label: n.onTime, value: n.units(c.onTime) },
    { label: n.late, value: n.units(c.late) },
    { label: n.missing, value: n.units(c.missing), alert: c.missing > 0 },
    { label: n.exempt, value: n.units(c.exempt) },
    { label: n.returned, value: n.units(c.returned) },
  ];
}
