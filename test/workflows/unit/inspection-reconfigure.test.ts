// What a re-applied program does to the visits of an inspection round, without a workflow:
// which visits are added, added back, moved (under new keys or not) and called off, in the
// order Inspection carries the changes out.
import { describe, expect, it } from 'vitest';
import type { VisitState } from '../../../workflows/inspection/messages';
import { expectsVisit, visitChanges, type ReconfigureContext, type VisitChange } from '../../../workflows/inspection/reconfigure';
import type { PlannedVisit } from '../../../workflows/inspection/steps';
import { iso } from '../assignment-fixture';
import { visit } from './visit-fixture';

const NOW = Date.parse(iso('2030-10-09T09:00'));

/** The plan as it stands for `v`, or moved by `days`. */
function planned(v: VisitState, days = 0): PlannedVisit {
  const shift = (at: string) => new Date(Date.parse(at) + days * 86_400_000).toISOString();
  return { unitId: v.unitId, visitAt: shift(v.visitAt), ...(v.noticeAt ? { noticeAt: shift(v.noticeAt) } : {}), ...(v.reminderAt ? { reminderAt: shift(v.reminderAt) } : {}) };
}

function context(over: Partial<ReconfigureContext> = {}): ReconfigureContext {
  return { now: NOW, unitName: (unitId) => `UBND xã ${unitId}`, fired: () => false, ...over };
}

/** A change as kind and unit, to read the order at a glance. */
const brief = (changes: VisitChange[]) => changes.map((c) => [c.kind, c.kind === 'add' ? c.planned.unitId : c.visit.unitId]);

describe('visitChanges', () => {
  it('changes nothing when the program plans the visits as they stand', () => {
    const visits = [visit('tho-dan'), visit('dan-ly', { status: 'notified' })];
    expect(visitChanges(visits, visits.map((v) => planned(v)), context())).toEqual([]);
  });

  it('adds a newly planned visit, in the plan’s order, before calling off those no longer planned', () => {
    const kept = visit('tho-dan');
    const dropped = visit('dan-ly');
    const fresh = { unitId: 'hop-thanh', visitAt: iso('2030-10-20T08:00') };
    const changes = visitChanges([dropped, kept], [fresh, planned(kept)], context());
    expect(brief(changes)).toEqual([
      ['add', 'hop-thanh'],
      ['call-off', 'dan-ly'],
    ]);
    expect(changes[0]).toEqual({ kind: 'add', planned: fresh });
  });

  it('adds back a removed or skipped visit whose unit is assigned again, under its name; not without an assignment', () => {
    const removed = visit('tho-dan', { status: 'removed' });
    const skipped = visit('dan-ly', { status: 'skipped', unitName: 'dan-ly' });
    const changes = visitChanges([removed, skipped], [planned(removed), planned(skipped)], context({ unitName: (id) => (id === 'dan-ly' ? 'UBND xã Dân Lý' : `UBND xã ${id}`) }));
    expect(changes).toEqual([
      { kind: 'add-back', visit: removed, planned: planned(removed), unitName: 'UBND xã tho-dan' },
      { kind: 'add-back', visit: skipped, planned: planned(skipped), unitName: 'UBND xã Dân Lý' },
    ]);
    expect(visitChanges([removed], [planned(removed)], context({ unitName: () => undefined }))).toEqual([]);
  });

  it('moves a visit still ahead whose dates changed, under new keys only when a step has fired', () => {
    const notified = visit('tho-dan', { status: 'notified' });
    const untold = visit('dan-ly', { noticeAt: iso('2030-10-10T08:00') });
    const changes = visitChanges([notified, untold], [planned(notified, 2), planned(untold, 2)], context({ fired: (v) => v.unitId === 'tho-dan' }));
    expect(changes).toEqual([
      { kind: 'move', visit: notified, planned: planned(notified, 2), newKeys: true },
      { kind: 'move', visit: untold, planned: planned(untold, 2), newKeys: false },
    ]);
  });

  it('leaves the dates of a visit that has happened or has findings: they are history', () => {
    const past = visit('tho-dan', { status: 'visited', visitAt: iso('2030-10-08T08:00') });
    const inspected = visit('dan-ly', { status: 'notified', findings: [] });
    const closed = visit('hop-thanh', { status: 'closed', findings: [] });
    expect(visitChanges([past, inspected, closed], [planned(past, 3), planned(inspected, 3), planned(closed, 3)], context())).toEqual([]);
  });

  it('calls off an open visit no longer planned, telling the unit only if it was told of the visit', () => {
    const notified = visit('tho-dan', { status: 'notified' });
    const scheduled = visit('dan-ly');
    const passed = visit('hop-thanh', { status: 'notified', visitAt: iso('2030-10-09T08:00') });
    expect(visitChanges([notified, scheduled, passed], [], context())).toEqual([
      { kind: 'call-off', visit: notified, tellUnit: true },
      { kind: 'call-off', visit: scheduled, tellUnit: false },
      { kind: 'call-off', visit: passed, tellUnit: false },
    ]);
  });

  it('does not call off a visit already settled or with findings recorded', () => {
    const visits = [visit('tho-dan', { status: 'remediating', findings: ['x'] }), visit('dan-ly', { status: 'visited', findings: [] }), visit('hop-thanh', { status: 'removed' })];
    expect(visitChanges(visits, [], context())).toEqual([]);
  });

  it('takes the last plan of a unit planned twice, in the place of its first', () => {
    const v = visit('tho-dan');
    const changes = visitChanges([v], [planned(v, 1), { unitId: 'dan-ly', visitAt: iso('2030-10-20T08:00') }, planned(v, 2)], context());
    expect(brief(changes)).toEqual([
      ['move', 'tho-dan'],
      ['add', 'dan-ly'],
    ]);
    expect(changes[0]).toMatchObject({ planned: planned(v, 2) });
  });
});

describe('expectsVisit', () => {
  it('holds for a unit told of a visit still ahead, without findings', () => {
    expect(expectsVisit(visit('tho-dan', { status: 'notified' }), NOW)).toBe(true);
    expect(expectsVisit(visit('tho-dan'), NOW)).toBe(false);
    expect(expectsVisit(visit('tho-dan', { status: 'notified', findings: [] }), NOW)).toBe(false);
    expect(expectsVisit(visit('tho-dan', { status: 'notified', visitAt: iso('2030-10-09T09:00') }), NOW)).toBe(false);
  });
});
