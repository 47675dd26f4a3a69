// The pure parts of a campaign: when its milestones are and how a re-applied program moves
// them, which assignments are plans and which results, the units the launch goes to, and what
// the chair's summary counts.
import { describe, expect, it } from 'vitest';
import type { ChildAssignmentRow } from '../../../workflows/assignment/messages';
import { countPlans, countResults } from '../../../workflows/campaign/counts';
import type { CampaignMilestone } from '../../../workflows/campaign/messages';
import { plannedTimes, syncMilestones, windowOf } from '../../../workflows/campaign/milestones';
import { isPlan, planAssignments, resultsInput, unitsOf } from '../../../workflows/campaign/units';
import type { OccurrenceInput } from '../../../workflows/occurrence/input';
import type { ReportCycleState } from '../../../workflows/report-cycle/messages';
import { assignmentInput, commune, iso, ZONE } from '../assignment-fixture';

const OCC = 'vstbpn-test-2030/thang-hanh-dong/2030-campaign';
const NOW = Date.parse('2030-11-01T01:00:00Z');

function results(unit: string, name: string, dueAt = iso('2030-12-20T17:00')) {
  return { id: `${OCC}/${unit}`, input: assignmentInput({ unit: commune(unit, name), dueAt, indicators: [{ id: 'so-hoat-dong', label: 'Số hoạt động', type: 'number' }] }) };
}
function plan(unit: string, name: string) {
  return { id: `${OCC}/${unit}/ke-hoach`, input: assignmentInput({ unit: commune(unit, name), dueAt: iso('2030-11-08T17:00'), indicators: [{ id: 'so-hoat-dong', label: 'Số hoạt động', type: 'number' }] }) };
}

function campaign(over: Partial<OccurrenceInput> = {}): OccurrenceInput {
  return {
    occurrenceId: OCC,
    programId: 'vstbpn-test-2030',
    programTitle: 'Chương trình công tác năm 2030',
    itemId: 'thang-hanh-dong',
    itemTitle: 'Tháng hành động vì bình đẳng giới',
    kind: 'campaign',
    periodKey: '2030-campaign',
    periodLabel: 'Năm 2030',
    timeZone: ZONE,
    locale: 'vi',
    office: { id: 'ldtbxh', name: 'Phòng LĐ-TB&XH', emails: ['ldtbxh@trieuson.example.org'] },
    chair: { name: 'Lê Quang Trung', email: 'truongban@trieuson.example.org' },
    assignments: [plan('tho-dan', 'Thọ Dân'), results('tho-dan', 'Thọ Dân'), results('dan-ly', 'Dân Lý')],
    campaign: { start: '2030-11-15', end: '2030-12-15', launchAt: iso('2030-11-15T08:00'), checkInAt: iso('2030-11-29T08:00'), endAt: iso('2030-12-15T17:00') },
    ...over,
  };
}

describe('plannedTimes', () => {
  it('takes the plan’s launch, check-in and end', () => {
    expect(plannedTimes(campaign(), NOW)).toEqual({ launch: iso('2030-11-15T08:00'), 'check-in': iso('2030-11-29T08:00'), end: iso('2030-12-15T17:00') });
  });

  it('ends at close of business on the last day, in the program’s zone, when the plan gives no end instant; leaves out milestones it does not time', () => {
    const times = plannedTimes(campaign({ campaign: { start: '2030-11-15', end: '2030-12-15' } }), NOW);
    expect(times).toEqual({ end: expect.any(String) });
    expect(Date.parse(times.end!)).toBe(Date.parse('2030-12-15T17:00:00+07:00'));
  });

  it('ends now (results asked at once) for an occurrence without a campaign', () => {
    const { campaign: _none, ...bare } = campaign();
    expect(plannedTimes(bare, NOW)).toEqual({ end: '2030-11-01T08:00:00+07:00' });
  });
});

describe('syncMilestones', () => {
  const times = plannedTimes(campaign(), NOW);

  it('arms every planned milestone, in time order, written in the program’s zone', () => {
    const milestones: CampaignMilestone[] = [];
    expect(syncMilestones(milestones, { end: '2030-12-15T10:00:00Z', launch: '2030-11-15T01:00:00Z' }, ZONE)).toEqual(['launch', 'end']);
    expect(milestones).toEqual([
      { kind: 'launch', at: '2030-11-15T08:00:00+07:00', status: 'pending' },
      { kind: 'end', at: '2030-12-15T17:00:00+07:00', status: 'pending' },
    ]);
  });

  it('moves a pending milestone and re-arms only it; the same instant written another way is no move', () => {
    const milestones: CampaignMilestone[] = [];
    syncMilestones(milestones, times, ZONE);
    expect(syncMilestones(milestones, { ...times, launch: '2030-11-15T01:00:00Z', 'check-in': iso('2030-12-02T08:00') }, ZONE)).toEqual(['check-in']);
    expect(milestones.map((m) => [m.kind, m.at])).toEqual([
      ['launch', iso('2030-11-15T08:00')],
      ['check-in', iso('2030-12-02T08:00')],
      ['end', iso('2030-12-15T17:00')],
    ]);
  });

  it('keeps fired and skipped milestones as history, and drops a pending one the program no longer plans', () => {
    const milestones: CampaignMilestone[] = [];
    syncMilestones(milestones, times, ZONE);
    Object.assign(milestones[0]!, { status: 'done', firedAt: iso('2030-11-15T08:00') });
    expect(syncMilestones(milestones, { launch: iso('2030-11-20T08:00'), end: iso('2030-12-18T17:00') }, ZONE)).toEqual(['end']);
    expect(milestones.map((m) => [m.kind, m.at, m.status])).toEqual([
      ['launch', iso('2030-11-15T08:00'), 'done'],
      ['end', iso('2030-12-18T17:00'), 'pending'],
    ]);
  });

  it('puts a milestone moved before another back in time order', () => {
    const milestones: CampaignMilestone[] = [];
    syncMilestones(milestones, times, ZONE);
    syncMilestones(milestones, { ...times, 'check-in': iso('2030-11-10T08:00') }, ZONE);
    expect(milestones.map((m) => m.kind)).toEqual(['check-in', 'launch', 'end']);
  });
});

describe('windowOf', () => {
  it('is the campaign’s days, or the occurrence’s window without a campaign', () => {
    expect(windowOf(campaign())).toEqual({ start: '2030-11-15', end: '2030-12-15' });
    const { campaign: _none, ...bare } = campaign();
    expect(windowOf({ ...bare, window: { start: '2030-01-01', end: '2030-12-31' } })).toEqual({ start: '2030-01-01', end: '2030-12-31' });
    expect(windowOf(bare)).toBeUndefined();
  });
});

describe('plans and results', () => {
  it('tells a plan by its id', () => {
    expect(isPlan(`${OCC}/tho-dan/ke-hoach`)).toBe(true);
    expect(isPlan(`${OCC}/tho-dan`)).toBe(false);
  });

  it('asks plans without the results’ figures', () => {
    const { assignments } = planAssignments(campaign());
    expect(assignments.map((a) => a.id)).toEqual([`${OCC}/tho-dan/ke-hoach`]);
    expect(assignments[0]!.input.indicators).toEqual([]);
  });

  it('gives the results cycle the occurrence without its plans, under its own id, consolidated as the campaign’s', () => {
    const input = resultsInput(campaign(), `${OCC}/ket-qua`);
    expect(input.occurrenceId).toBe(`${OCC}/ket-qua`);
    expect(input.planOccurrenceId).toBe(OCC);
    expect(input.assignments.map((a) => a.id)).toEqual([`${OCC}/tho-dan`, `${OCC}/dan-ly`]);
    expect(input.assignments[0]!.input.indicators).toHaveLength(1);
  });

  it('names each unit once with its results due, and a unit with a plan only (results dropped) too', () => {
    const input = campaign({ assignments: [plan('tho-dan', 'Thọ Dân'), plan('hop-thanh', 'Hợp Thành'), results('tho-dan', 'Thọ Dân'), results('dan-ly', 'Dân Lý')] });
    expect(unitsOf(input).map((u) => [u.id, u.name, u.dueAt])).toEqual([
      ['tho-dan', 'UBND xã Thọ Dân', iso('2030-12-20T17:00')],
      ['dan-ly', 'UBND xã Dân Lý', iso('2030-12-20T17:00')],
      ['hop-thanh', 'UBND xã Hợp Thành', iso('2030-11-08T17:00')],
    ]);
    expect(unitsOf(input)[0]!.emails).toEqual(['vanphong@tho-dan.example.org']);
  });
});

function row(unitId: string, extra: Partial<ChildAssignmentRow> = {}): ChildAssignmentRow {
  return { assignmentId: `${OCC}/${unitId}`, unitId, unitName: unitId, status: 'requested', dueAt: iso('2030-11-08T17:00'), round: 1, late: false, closed: false, indicators: {}, ...extra };
}

describe('countPlans', () => {
  it('counts plans received (on time, late), missing and exempted', () => {
    const rows = [
      row('a', { status: 'accepted', receiptNumber: 'KH-1', closed: true }),
      row('b', { status: 'submitted', receiptNumber: 'KH-2', late: true }),
      row('c', { status: 'overdue' }),
      row('d', { status: 'exempted', closed: true }),
      // Exempted after sending one: the plan was received.
      row('e', { status: 'exempted', receiptNumber: 'KH-3', closed: true }),
    ];
    expect(countPlans(rows)).toEqual({ total: 5, received: 3, onTime: 2, late: 1, missing: 1, exempt: 1 });
  });

  it('counts nothing when no plan was asked', () => {
    expect(countPlans([])).toEqual({ total: 0, received: 0, onTime: 0, late: 0, missing: 0, exempt: 0 });
  });
});

describe('countResults', () => {
  it('counts the results cycle’s rows by status, leaving out units the program withdrew', () => {
    const cycle = {
      rows: [
        row('a', { status: 'accepted', receiptNumber: 'BC-1' }),
        row('b', { status: 'accepted', receiptNumber: 'BC-2', late: true }),
        row('c', { status: 'returned', receiptNumber: 'BC-3' }),
        row('d', { status: 'exempted' }),
        row('e', { status: 'overdue' }),
        row('f', { status: 'requested', removed: true }),
      ],
    } as ReportCycleState;
    expect(countResults(cycle)).toEqual({ total: 5, onTime: 1, late: 1, missing: 1, exempt: 1, returned: 1 });
  });
});
