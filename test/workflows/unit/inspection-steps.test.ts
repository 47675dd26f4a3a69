// The timeline of an inspection round, without a workflow: the steps of each visit (notice,
// reminder, the visit), which comes next, how the plan's dates are written onto a visit, when
// a re-applied program really moves one, and the phase the round is in.
import { describe, expect, it } from 'vitest';
import type { VisitState } from '../../../workflows/inspection/messages';
import { isOpenVisit, isSettledVisit, nextStep, phaseOf, sameDates, scheduleVisit, stepsOf, versionSuffix } from '../../../workflows/inspection/steps';
import { iso, ZONE } from '../assignment-fixture';
import { visit } from './visit-fixture';

const ARMED = Date.parse(iso('2030-10-01T09:00'));
const shape = (steps: { key: string; kind: string; at: number }[]) => steps.map((s) => [s.key, s.kind, s.at]);

describe('stepsOf', () => {
  it('gives a visit its notice, reminder and the visit itself, at the plan’s instants', () => {
    expect(shape(stepsOf(visit('tho-dan'), ARMED))).toEqual([
      ['tho-dan/notice', 'notice', Date.parse(iso('2030-10-08T08:00'))],
      ['tho-dan/reminder', 'reminder', Date.parse(iso('2030-10-14T08:00'))],
      ['tho-dan/visit', 'visit', Date.parse(iso('2030-10-15T08:00'))],
    ]);
  });

  it('sends an untimed notice when the visit was armed, and has no reminder when the plan leaves it out', () => {
    const { noticeAt: _n, reminderAt: _r, ...untimed } = visit('tho-dan');
    expect(shape(stepsOf(untimed, ARMED))).toEqual([
      ['tho-dan/notice', 'notice', ARMED],
      ['tho-dan/visit', 'visit', Date.parse(iso('2030-10-15T08:00'))],
    ]);
  });

  it('keys the steps of a moved or re-added visit with its version, so nothing sent before is resent', () => {
    expect(stepsOf(visit('tho-dan', { version: 2 }), ARMED).map((s) => s.key)).toEqual(['tho-dan/notice-2', 'tho-dan/reminder-2', 'tho-dan/visit-2']);
    expect(versionSuffix(visit('tho-dan'))).toBe('');
  });

  it('times nothing once the findings are recorded, or for a visit that is closed, skipped or removed', () => {
    expect(stepsOf(visit('tho-dan', { status: 'visited', findings: [] }), ARMED)).toEqual([]);
    for (const status of ['remediating', 'closed', 'skipped', 'removed'] as const) expect(stepsOf(visit('tho-dan', { status }), ARMED)).toEqual([]);
    expect(stepsOf(visit('tho-dan', { status: 'notified' }), ARMED)).toHaveLength(3);
  });
});

describe('nextStep', () => {
  const visits = [visit('tho-dan'), visit('dan-ly', { noticeAt: iso('2030-10-07T08:00'), reminderAt: iso('2030-10-13T08:00'), visitAt: iso('2030-10-14T08:00') })];
  const armed = () => ARMED;

  it('is the earliest step of any visit not yet handled', () => {
    expect(nextStep(visits, new Set(), armed)?.key).toBe('dan-ly/notice');
    expect(nextStep(visits, new Set(['dan-ly/notice']), armed)?.key).toBe('tho-dan/notice');
    expect(nextStep(visits, new Set(['dan-ly/notice', 'tho-dan/notice']), armed)?.key).toBe('dan-ly/reminder');
  });

  it('takes the first visit on a tie, and nothing once every step is handled', () => {
    const twins = [visit('tho-dan'), visit('dan-ly')];
    expect(nextStep(twins, new Set(), armed)?.key).toBe('tho-dan/notice');
    const all = new Set(twins.flatMap((v) => stepsOf(v, ARMED).map((s) => s.key)));
    expect(nextStep(twins, all, armed)).toBeUndefined();
  });

  it('reads each visit’s own armed instant for an untimed notice', () => {
    const { noticeAt: _n, ...untimed } = visit('tho-dan');
    const later = Date.parse(iso('2030-10-09T10:00'));
    expect(nextStep([untimed, visit('dan-ly')], new Set(['dan-ly/notice']), (unitId) => (unitId === 'tho-dan' ? later : ARMED))?.at).toBe(later);
  });
});

describe('scheduleVisit', () => {
  it('writes the plan’s instants in the program’s zone and drops what the plan no longer times', () => {
    const v = visit('tho-dan', { findingsDueAt: iso('2030-10-20T17:00') });
    scheduleVisit(v, { unitId: 'tho-dan', visitAt: '2030-10-22T01:00:00Z', noticeAt: '2030-10-15T01:00:00Z' }, ZONE);
    expect(v).toMatchObject({ visitAt: '2030-10-22T08:00:00+07:00', noticeAt: '2030-10-15T08:00:00+07:00' });
    expect(v.reminderAt).toBeUndefined();
    expect(v.findingsDueAt).toBeUndefined();
    expect('reminderAt' in v).toBe(false);
  });
});

describe('sameDates', () => {
  const planned = { unitId: 'tho-dan', noticeAt: iso('2030-10-08T08:00'), reminderAt: iso('2030-10-14T08:00'), visitAt: iso('2030-10-15T08:00') };

  it('holds for the same instants written in another zone; the reminder follows the notice and is not compared', () => {
    expect(sameDates(visit('tho-dan'), { ...planned, visitAt: '2030-10-15T01:00:00Z', reminderAt: iso('2030-10-13T08:00') })).toBe(true);
  });

  it('fails when the visit, the notice or the findings due moves, appears or disappears', () => {
    expect(sameDates(visit('tho-dan'), { ...planned, visitAt: iso('2030-10-16T08:00') })).toBe(false);
    expect(sameDates(visit('tho-dan'), { unitId: 'tho-dan', visitAt: planned.visitAt })).toBe(false);
    expect(sameDates(visit('tho-dan'), { ...planned, findingsDueAt: iso('2030-10-20T17:00') })).toBe(false);
  });
});

describe('phaseOf', () => {
  it('is scheduled until a unit is told, visiting after, remediating once every live visit has findings', () => {
    expect(phaseOf([visit('a'), visit('b')], true)).toBe('scheduled');
    expect(phaseOf([visit('a', { status: 'notified' }), visit('b')], true)).toBe('visiting');
    expect(phaseOf([visit('a', { status: 'remediating', findings: ['x'] }), visit('b', { status: 'visited' })], true)).toBe('visiting');
    expect(phaseOf([visit('a', { status: 'remediating', findings: ['x'] }), visit('b', { status: 'skipped' })], true)).toBe('remediating');
  });

  it('is closed once every visit is settled and the other assignments closed, not before', () => {
    const settled = [visit('a', { status: 'closed', findings: [] }), visit('b', { status: 'removed' }), visit('c', { status: 'skipped' })];
    expect(settled.every(isSettledVisit)).toBe(true);
    expect(phaseOf(settled, true)).toBe('closed');
    expect(phaseOf(settled, false)).toBe('remediating');
  });

  it('counts only scheduled, notified and visited visits as open', () => {
    expect(['scheduled', 'notified', 'visited', 'remediating', 'closed', 'skipped', 'removed'].filter((status) => isOpenVisit(visit('a', { status } as Partial<VisitState>)))).toEqual(['scheduled', 'notified', 'visited']);
  });
});
