// What an assignment's input says beyond itself: the follow-up rules later rounds are computed
// from (defaults filled in as the workflow's own check fills them), and the names the
// dashboard lists it by without querying it.
import { describe, expect, it } from 'vitest';
import { assignmentMemo, followUpSpecOf, type AssignmentInput } from '../../../workflows/assignment/messages';
import { assignmentInput } from '../assignment-fixture';

/** An input as a caller may write it, with every defaulted field left out. */
function bare(): AssignmentInput {
  const { timeZone: _z, reminders: _r, escalations: _e, calendar: _c, period: _p, ...rest } = assignmentInput();
  return rest;
}

describe('followUpSpecOf', () => {
  it('carries the zone, reminders and escalations later rounds are computed from', () => {
    const input = assignmentInput({ timeZone: 'Asia/Bangkok' });
    expect(followUpSpecOf(input)).toEqual({ timeZone: 'Asia/Bangkok', reminders: input.reminders, escalations: input.escalations });
  });

  it('falls back to Vietnam time and no reminders or escalations, as the input check does', () => {
    expect(followUpSpecOf(bare())).toEqual({ timeZone: 'Asia/Ho_Chi_Minh', reminders: [], escalations: [] });
  });

  it('carries the program’s changes to the calendar (days off, working Saturdays)', () => {
    const calendar = { daysOff: [{ date: '2030-06-10', name: 'Nghỉ bù' }], workingDays: ['2030-06-15'] };
    expect(followUpSpecOf(assignmentInput({ calendar })).calendar).toEqual(calendar);
    expect('calendar' in followUpSpecOf(assignmentInput())).toBe(false);
  });
});

describe('assignmentMemo', () => {
  it('names the unit, the item and the period for the dashboard’s lists', () => {
    expect(assignmentMemo(assignmentInput())).toEqual({ unitName: 'UBND xã Thọ Dân', itemTitle: 'Báo cáo sơ kết 6 tháng', period: '6 tháng đầu năm 2030' });
  });

  it('leaves the period out when the item has none', () => {
    expect(assignmentMemo(bare())).toEqual({ unitName: 'UBND xã Thọ Dân', itemTitle: 'Báo cáo sơ kết 6 tháng' });
  });
});
