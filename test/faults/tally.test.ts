// The fault suite's counting, checked on its own (the suite itself runs with
// `npm run test:faults`): what a correct run must deliver, and how duplicates, losses and
// bounces are counted from what the sink received.
import { describe, expect, it } from 'vitest';
import { assignmentId, BOUNCING_UNIT, expectedNotices, MINUTE, OCC, PLAN, UNITS } from '../faults/fixture';
import { tally } from '../faults/tally';

const t0 = Date.parse('2026-12-02T01:00:00Z');
const id = assignmentId;

describe('expected notices', () => {
  it('follows who submitted when and who was accepted', () => {
    const submitted = new Map<string, number>([
      ...PLAN.early.map((u) => [u, t0 + PLAN.earlyAt] as [string, number]),
      ...PLAN.late.map((u) => [u, t0 + PLAN.lateAt] as [string, number]),
    ]);
    const e = expectedNotices(t0, submitted, new Set(PLAN.accepted));
    const early = PLAN.early[0]!;
    const late = PLAN.late[0]!;
    const silent = UNITS[10]!;
    expect(e.deliverable.has(`${id(early)}/request`)).toBe(true);
    expect(e.deliverable.has(`${id(early)}/r1/reminder-1`)).toBe(false);
    expect(e.deliverable.has(`${id(early)}/r1/accepted`)).toBe(true);
    expect(e.deliverable.has(`${id(late)}/r1/reminder-1`)).toBe(true);
    expect(e.deliverable.has(`${id(late)}/r1/reminder-2`)).toBe(false);
    expect(e.deliverable.has(`${id(late)}/r1/escalation-1`)).toBe(false);
    expect([1, 2].every((n) => e.deliverable.has(`${id(silent)}/r1/reminder-${n}`))).toBe(true);
    expect(e.deliverable.has(`${id(silent)}/r1/escalation-1`)).toBe(true);
    // The bouncing unit's own mail bounces; its escalation goes to the office.
    expect([...e.bouncing].sort()).toEqual([`${id(BOUNCING_UNIT)}/r1/reminder-1`, `${id(BOUNCING_UNIT)}/r1/reminder-2`, `${id(BOUNCING_UNIT)}/request`]);
    expect(e.deliverable.has(`${id(BOUNCING_UNIT)}/r1/escalation-1`)).toBe(true);
    expect(e.deliverable.has(`${OCC}/forwarded`)).toBe(true);
    // 21 requests, 17 first and 15 second reminders, 16 escalations, 6×2 receipt+submitted,
    // 2 accepted, consolidation + forward.
    expect(e.deliverable.size).toBe(21 + 17 + 15 + 16 + 12 + 2 + 2);
    expect(e.ambiguous.size).toBe(0);
  });

  it('leaves a step within seconds of a submission undecided', () => {
    const reminder1 = t0 + PLAN.due - PLAN.reminders[0]! * MINUTE;
    const e = expectedNotices(t0, new Map([[UNITS[0]!, reminder1 + 2_000]]), new Set());
    expect(e.ambiguous).toEqual(new Set([`${id(UNITS[0]!)}/r1/reminder-1`]));
  });
});

describe('tally', () => {
  const e = expectedNotices(t0, new Map(), new Set());
  const all = [...e.deliverable].map((key) => ({ key, messageId: `<${key}@x>` }));

  it('counts a clean run as clean', () => {
    const t = tally(e, all, [`${id(BOUNCING_UNIT)}/request`]);
    expect(t).toMatchObject({ expected: e.deliverable.size, delivered: e.deliverable.size, duplicates: 0, lost: [], unexpected: [], bouncesNotListed: [], undeliverable: 1 });
  });

  it('counts duplicates by Message-ID, losses, unexpected mail and unlisted bounces', () => {
    const [first, second] = all;
    const messages = [...all.slice(1), first!, first!, second!, { key: 'other/notice', messageId: '<other@x>' }];
    const t = tally(e, messages.slice(0, -1).concat(messages.at(-1)!), []);
    expect(t.duplicates).toBe(2);
    expect(t.lost).toEqual([]);
    const lost = tally(e, all.slice(1), []);
    expect(lost.lost).toEqual([first!.key]);
    expect(lost.delivered).toBe(e.deliverable.size - 1);
    expect(t.unexpected).toEqual(['other/notice']);
    expect(t.bouncesNotListed).toEqual([`${id(BOUNCING_UNIT)}/request`]);
    expect(t.undeliverable).toBe(0);
  });
});
