// What the office's findings do to a visit, without a workflow: when they are refused, the
// remediation items they ask for, what the visit becomes, what the unit is told and what the
// office's client is answered.
import { describe, expect, it } from 'vitest';
import { checkFindings, closeRemedied, findingsNotice, findingsResult, remediationItems, settleFindings, writeFindings, type FindingsArgs } from '../../../workflows/inspection/findings';
import type { RemediationState, VisitState } from '../../../workflows/inspection/messages';
import { remediationDue } from '../../../workflows/inspection/visits';
import { iso, ZONE } from '../assignment-fixture';

const OCC = 'kiem-tra-2030/kiem-tra-lien-nganh/2030-q4';
const NOW = Date.parse(iso('2030-10-16T09:00'));
/** The unit's usual due time is 17:00: a day the office writes ends then. */
const dueOf = (written: string) => remediationDue(written, iso('2030-10-31T17:00'), ZONE);

function visit(extra: Partial<VisitState> = {}): VisitState {
  return { unitId: 'tho-dan', unitName: 'UBND xã Thọ Dân', status: 'visited', visitAt: iso('2030-10-15T08:00'), version: 1, remediations: [], ...extra };
}

function args(extra: Partial<FindingsArgs> = {}): FindingsArgs {
  return { unitId: 'tho-dan', findings: ['Chưa lập sổ theo dõi bình đẳng giới.'], remediations: [{ title: 'Lập sổ theo dõi', dueAt: '2030-11-30' }], ...extra };
}

function remediation(n: number, extra: Partial<RemediationState> = {}): RemediationState {
  return {
    assignmentId: `${OCC}/tho-dan/khac-phuc-${n}`,
    unitId: 'tho-dan',
    unitName: 'UBND xã Thọ Dân',
    n,
    title: `Nội dung ${n}`,
    status: 'requested',
    dueAt: iso('2030-11-30T17:00'),
    round: 1,
    late: false,
    closed: false,
    ...extra,
  };
}

describe('checkFindings', () => {
  it('takes the findings of a visited unit, and of a notified one even before the visit', () => {
    expect(() => checkFindings(visit(), args(), dueOf, NOW)).not.toThrow();
    expect(() => checkFindings(visit({ status: 'notified', visitAt: iso('2030-10-20T08:00') }), args(), dueOf, NOW)).not.toThrow();
  });

  it('refuses a unit not in the round, one the program dropped and one it gives no assignment', () => {
    expect(() => checkFindings(undefined, args({ unitId: 'dan-ly' }), dueOf, NOW)).toThrow('đơn vị "dan-ly" không có trong đợt kiểm tra này (unknown unit)');
    expect(() => checkFindings(visit({ status: 'removed' }), args(), dueOf, NOW)).toThrow('(unknown unit)');
    expect(() => checkFindings(visit({ status: 'skipped' }), args(), dueOf, NOW)).toThrow('chương trình không giao việc cho đơn vị "tho-dan" (no assignment for this unit)');
  });

  it('refuses findings recorded twice', () => {
    expect(() => checkFindings(visit({ findings: [] }), args(), dueOf, NOW)).toThrow('đã ghi kết quả kiểm tra của UBND xã Thọ Dân (findings already recorded)');
  });

  it('refuses findings for a unit not yet told of a visit still ahead, not once the visit time has passed', () => {
    const ahead = visit({ status: 'scheduled', visitAt: iso('2030-10-20T08:00') });
    expect(() => checkFindings(ahead, args(), dueOf, NOW)).toThrow('UBND xã Thọ Dân chưa được thông báo lịch kiểm tra (the unit has not been notified of the visit yet)');
    expect(() => checkFindings({ ...ahead, visitAt: iso('2030-10-16T08:00') }, args(), dueOf, NOW)).not.toThrow();
  });

  it('names the first item whose due is not in the future, reading a day as ending at the unit’s due time', () => {
    const items = [
      { title: 'Lập sổ theo dõi', dueAt: '2030-11-30' },
      { title: 'Bổ sung số liệu', dueAt: iso('2030-10-16T09:00') },
    ];
    expect(() => checkFindings(visit(), args({ remediations: items }), dueOf, NOW)).toThrow('hạn khắc phục của nội dung 2 phải ở tương lai (remediations[1].dueAt must be in the future)');
    // The day of the findings itself still runs to 17:00.
    expect(() => checkFindings(visit(), args({ remediations: [{ title: 'Lập sổ', dueAt: '2030-10-16' }] }), dueOf, NOW)).not.toThrow();
  });
});

describe('remediationItems', () => {
  it('numbers the items from 1 in the office’s order, each an assignment of its own with its due in the program’s zone', () => {
    const items = remediationItems(OCC, 'tho-dan', [{ title: 'Lập sổ theo dõi', dueAt: '2030-11-30' }, { title: 'Bổ sung số liệu', dueAt: '2030-12-05T03:00:00Z' }], dueOf);
    expect(items).toEqual([
      { n: 1, assignmentId: `${OCC}/tho-dan/khac-phuc-1`, title: 'Lập sổ theo dõi', dueAt: '2030-11-30T17:00:00+07:00' },
      { n: 2, assignmentId: `${OCC}/tho-dan/khac-phuc-2`, title: 'Bổ sung số liệu', dueAt: '2030-12-05T10:00:00+07:00' },
    ]);
  });

  it('asks nothing when the findings need no remedy', () => {
    expect(remediationItems(OCC, 'tho-dan', [], dueOf)).toEqual([]);
  });
});

describe('writeFindings and settleFindings', () => {
  it('writes the findings with who inspected and who recorded them, and leaves out what was not given', () => {
    const v = visit();
    writeFindings(v, args({ team: 'Đoàn kiểm tra liên ngành', recordedBy: 'Trần Thị Bình' }), iso('2030-10-16T09:00'));
    expect(v).toMatchObject({ findings: ['Chưa lập sổ theo dõi bình đẳng giới.'], findingsRecordedAt: iso('2030-10-16T09:00'), team: 'Đoàn kiểm tra liên ngành', recordedBy: 'Trần Thị Bình' });
    const bare = visit();
    writeFindings(bare, args(), iso('2030-10-16T09:00'));
    expect('team' in bare || 'recordedBy' in bare).toBe(false);
  });

  it('keeps a visit with items to remedy open, and closes one with none at once', () => {
    const remediating = visit({ remediations: [remediation(1)] });
    settleFindings(remediating, iso('2030-10-16T09:00'));
    expect(remediating.status).toBe('remediating');
    expect(remediating.closedAt).toBeUndefined();
    const clean = visit();
    settleFindings(clean, iso('2030-10-16T09:00'));
    expect(clean).toMatchObject({ status: 'closed', closedAt: iso('2030-10-16T09:00') });
  });
});

describe('findingsNotice', () => {
  it('lists the items and gives the last of their dues as the notice’s due', () => {
    const v = visit({ findings: ['Thiếu sổ.'], remediations: [remediation(1, { dueAt: iso('2030-12-05T17:00') }), remediation(2, { dueAt: iso('2030-11-30T17:00') })] });
    expect(findingsNotice(v, ZONE)).toEqual({
      findings: ['Thiếu sổ.'],
      remediations: [
        { title: 'Nội dung 1', dueAt: iso('2030-12-05T17:00') },
        { title: 'Nội dung 2', dueAt: iso('2030-11-30T17:00') },
      ],
      dueAt: '2030-12-05T17:00:00+07:00',
    });
  });

  it('gives the visit itself as the due when nothing is to be remedied', () => {
    expect(findingsNotice(visit({ findings: ['Đạt yêu cầu.'], visitAt: '2030-10-15T01:00:00Z' }), ZONE)).toEqual({ findings: ['Đạt yêu cầu.'], remediations: [], dueAt: '2030-10-15T08:00:00+07:00' });
  });
});

describe('findingsResult', () => {
  it('answers the visit’s status and one assignment per item, in order', () => {
    expect(findingsResult(visit({ status: 'remediating', remediations: [remediation(1), remediation(2)] }))).toEqual({
      unitId: 'tho-dan',
      status: 'remediating',
      remediations: [
        { assignmentId: `${OCC}/tho-dan/khac-phuc-1`, title: 'Nội dung 1', dueAt: iso('2030-11-30T17:00') },
        { assignmentId: `${OCC}/tho-dan/khac-phuc-2`, title: 'Nội dung 2', dueAt: iso('2030-11-30T17:00') },
      ],
    });
  });
});

describe('closeRemedied', () => {
  it('closes a remediating visit once every item has ended, and no other', () => {
    const done = visit({ status: 'remediating', findings: [], remediations: [remediation(1, { status: 'accepted', closed: true }), remediation(2, { status: 'exempted', closed: true })] });
    const open = visit({ unitId: 'dan-ly', status: 'remediating', findings: [], remediations: [remediation(1, { status: 'accepted', closed: true }), remediation(2)] });
    const visited = visit({ unitId: 'hop-thanh' });
    closeRemedied([done, open, visited], iso('2030-12-01T09:00'));
    expect([done, open, visited].map((v) => [v.status, v.closedAt])).toEqual([
      ['closed', iso('2030-12-01T09:00')],
      ['remediating', undefined],
      ['visited', undefined],
    ]);
  });
});
