// The campaign's milestones — launch, check-in, end — as the plan times them, and how a
// re-applied program moves them. Pure: the clock is passed in.
import { DateTime } from 'luxon';
import type { OccurrenceInput } from '../occurrence/input';
import { toLocalIso } from '../occurrence/time';
import type { CampaignMilestone } from './messages';

export type MilestoneKind = CampaignMilestone['kind'];

/** A campaign without planned milestone times (never from the plan compiler) ends at close of business. */
const FALLBACK_END_TIME = '17:00';

/** The campaign's window as notices and the status show it. */
export function windowOf(input: OccurrenceInput): { start: string; end: string } | undefined {
  const c = input.campaign;
  return c ? { start: c.start, end: c.end } : input.window;
}

/** The instants the plan gives each milestone; the end is always there (now, without a campaign). */
export function plannedTimes(from: OccurrenceInput, now: number): Partial<Record<MilestoneKind, string>> {
  const c = from.campaign;
  if (!c) return { end: toLocalIso(now, from.timeZone) };
  const end = c.endAt ?? DateTime.fromISO(`${c.end}T${FALLBACK_END_TIME}`, { zone: from.timeZone }).toISO()!;
  return {
    ...(c.launchAt !== undefined ? { launch: c.launchAt } : {}),
    ...(c.checkInAt !== undefined ? { 'check-in': c.checkInAt } : {}),
    end,
  };
}

/**
 * Brings the milestones in line with the planned times: pending ones follow the program (added,
 * moved, or dropped when no longer planned); fired or skipped ones are history. Returns the
 * milestones whose time was set now, in order, so the caller records when each was armed.
 */
export function syncMilestones(milestones: CampaignMilestone[], times: Partial<Record<MilestoneKind, string>>, timeZone: string): MilestoneKind[] {
  const armed: MilestoneKind[] = [];
  for (const kind of ['launch', 'check-in', 'end'] as const) {
    const at = times[kind];
    const existing = milestones.find((m) => m.kind === kind);
    if (at === undefined) {
      if (existing?.status === 'pending') milestones.splice(milestones.indexOf(existing), 1);
      continue;
    }
    const local = toLocalIso(Date.parse(at), timeZone);
    if (!existing) {
      milestones.push({ kind, at: local, status: 'pending' });
      armed.push(kind);
    } else if (existing.status === 'pending' && Date.parse(existing.at) !== Date.parse(local)) {
      existing.at = local;
      armed.push(kind);
    }
  }
  milestones.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return armed;
}
