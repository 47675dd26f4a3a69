// The report cycle the fault suite runs: 22 communes, minute-scale offsets, one commune's
// mailbox bouncing, and the notices a correct run must deliver, computed from the schedule
// and from what the suite did (who submitted when, who was accepted), never from what the
// workflows say they sent.
import type { AssignmentInput } from '../../workflows/assignment/messages';
import type { OccurrenceInput } from '../../workflows/occurrence/input';

export const MINUTE = 60_000;
export const OCC = 'faults/bao-cao-nhanh/2026-M12';
export const UNITS = Array.from({ length: 22 }, (_, i) => `xa-${String(i + 1).padStart(2, '0')}`);
export const BOUNCING_UNIT = 'xa-13';
export const OFFICE_EMAIL = 'ldtbxh@faults.example.org';
export const UPWARD_EMAIL = 'ubnd-huyen@faults.example.org';
export const emailOf = (unit: string) => `${unit}@faults.example.org`;
export const assignmentId = (unit: string) => `${OCC}/${unit}`;

/** Offsets from the start of the cycle (t0). */
export const PLAN = {
  due: 5 * MINUTE,
  /** Reminders 4 and 2 minutes before the due. */
  reminders: [4, 2],
  /** One escalation to the office a minute after the due. */
  escalationAfter: 1,
  consolidation: 6.5 * MINUTE,
  /** Submitted before the first reminder; the first two of them accepted. */
  early: UNITS.slice(0, 4),
  accepted: UNITS.slice(0, 2),
  earlyAt: 0.3 * MINUTE,
  acceptAt: 0.6 * MINUTE,
  /**
   * Submitted after the first reminder's time, before the second's. (Not later: a reminder
   * whose time comes while the one before it is still being retried through the SMTP outage
   * goes out only once that one is through, and by then a unit that submitted meanwhile is
   * rightly not reminded. Whether it "should" have been depends on seconds, not on dondoc.)
   */
  late: UNITS.slice(4, 6),
  lateAt: 2 * MINUTE,
} as const;

/** An assignment before its first round is resolved (see `firstRound`). */
export type Unscheduled = Omit<AssignmentInput, 'steps'>;
export type FirstRound = (input: Unscheduled) => AssignmentInput;

/**
 * Workflows that receive their first round already resolved (the lead's follow-up change,
 * `client/first-round.ts`) get it from there; before that change an assignment computes its
 * own schedule and takes the input as it is. Loaded by path so this suite runs on both.
 */
export async function firstRound(): Promise<FirstRound> {
  const path = '../../client/first-round';
  try {
    const mod = (await import(path)) as { withFirstRound?: FirstRound };
    if (mod.withFirstRound) return mod.withFirstRound;
  } catch {
    // not there: the workflows schedule themselves
  }
  return (input) => input as AssignmentInput;
}

export function occurrence(t0: number, resolve: FirstRound): OccurrenceInput {
  const dueAt = new Date(t0 + PLAN.due).toISOString();
  const base = {
    programId: 'faults',
    programTitle: 'Chương trình kiểm thử sự cố',
    itemId: 'bao-cao-nhanh',
    itemTitle: 'Báo cáo nhanh',
    timeZone: 'Asia/Ho_Chi_Minh',
    locale: 'vi' as const,
  };
  const assignment = (unit: string): AssignmentInput => resolve({
    ...base,
    period: 'Tháng 12/2026',
    unit: { id: unit, name: `UBND xã ${unit}`, emails: [emailOf(unit)] },
    office: { name: 'Phòng LĐ-TB&XH', emails: [OFFICE_EMAIL] },
    dueAt,
    reminders: PLAN.reminders.map((amount) => ({ amount, unit: 'minutes' as const })),
    escalations: [{ amount: PLAN.escalationAfter, unit: 'minutes', audience: 'office' }],
  });
  return {
    ...base,
    occurrenceId: OCC,
    kind: 'report',
    periodKey: '2026-M12',
    periodLabel: 'Tháng 12/2026',
    office: { id: 'ldtbxh', name: 'Phòng LĐ-TB&XH', emails: [OFFICE_EMAIL] },
    chair: { name: 'Lê Quang Trung', title: 'Trưởng ban', email: 'truongban@faults.example.org' },
    assignments: UNITS.map((u) => ({ id: assignmentId(u), input: assignment(u) })),
    consolidation: {
      dueAt: new Date(t0 + PLAN.consolidation).toISOString(),
      approver: 'office',
      upward: [{ id: 'ubnd', name: 'UBND huyện', email: UPWARD_EMAIL }],
    },
  };
}

export interface Expected {
  /** Notice keys that must arrive exactly once. */
  deliverable: Set<string>;
  /** Keys addressed only to the bouncing mailbox: they must be listed as undeliverable. */
  bouncing: Set<string>;
  /** Keys whose step fell within a few seconds of a submission: either outcome is right. */
  ambiguous: Set<string>;
}

/**
 * `submittedAt`: when each submitting unit's receipt says it was received (epoch ms);
 * `accepted`: units the office accepted.
 */
export function expectedNotices(t0: number, submittedAt: ReadonlyMap<string, number>, accepted: ReadonlySet<string>): Expected {
  const deliverable = new Set<string>();
  const bouncing = new Set<string>();
  const ambiguous = new Set<string>();
  const unitOnly = (unit: string, key: string) => (unit === BOUNCING_UNIT ? bouncing : deliverable).add(key);
  const due = t0 + PLAN.due;
  for (const unit of UNITS) {
    const id = assignmentId(unit);
    const sent = submittedAt.get(unit);
    // A step fires only while the unit still owes its report.
    const stepFires = (at: number, key: string, add: () => void) => {
      if (sent !== undefined && Math.abs(sent - at) < 5_000) ambiguous.add(key);
      else if (sent === undefined || sent > at) add();
    };
    unitOnly(unit, `${id}/request`);
    PLAN.reminders.forEach((minutes, i) => {
      const key = `${id}/r1/reminder-${i + 1}`;
      stepFires(due - minutes * MINUTE, key, () => unitOnly(unit, key));
    });
    // Escalations go to the office: the bouncing unit's is delivered too.
    const escalation = `${id}/r1/escalation-1`;
    stepFires(due + PLAN.escalationAfter * MINUTE, escalation, () => deliverable.add(escalation));
    if (sent !== undefined) {
      unitOnly(unit, `${id}/r1/receipt`);
      deliverable.add(`${id}/r1/submitted`);
    }
    // Accepted notices go to the unit with the office in copy: delivered to the office.
    if (accepted.has(unit)) deliverable.add(`${id}/r1/accepted`);
  }
  deliverable.add(`${OCC}/consolidation-1`);
  deliverable.add(`${OCC}/forwarded`);
  return { deliverable, bouncing, ambiguous };
}
