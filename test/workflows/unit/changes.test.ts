// What the office is told a re-applied program changes in an occurrence already running:
// units added and removed by name, dues moved (grouped, with how many units), the
// consolidation due moved — dates in the program's zone, as offices write them.
import { describe, expect, it } from 'vitest';
import { describeChanges } from '../../../activities/plan/changes';
import type { OccurrenceInput } from '../../../workflows/occurrence/input';
import { assignmentInput, commune, iso } from '../assignment-fixture';

const OCC = 'vstbpn-test-2030/bao-cao-6-thang/2030-H1';

function assignment(id: string, name: string, dueAt = iso('2030-06-14T17:00')) {
  return { id: `${OCC}/${id}`, input: assignmentInput({ unit: commune(id, name), dueAt }) };
}

function occurrence(assignments: OccurrenceInput['assignments'], consolidationDue?: string): OccurrenceInput {
  return {
    occurrenceId: OCC,
    programId: 'vstbpn-test-2030',
    programTitle: 'Chương trình công tác năm 2030',
    itemId: 'bao-cao-6-thang',
    itemTitle: 'Báo cáo sơ kết 6 tháng',
    kind: 'report',
    periodKey: '2030-H1',
    periodLabel: '6 tháng đầu năm 2030',
    timeZone: 'Asia/Ho_Chi_Minh',
    locale: 'vi',
    office: { id: 'ldtbxh', name: 'Phòng LĐ-TB&XH', emails: ['ldtbxh@trieuson.example.org'] },
    chair: { name: 'Lê Quang Trung', email: 'truongban@trieuson.example.org' },
    assignments,
    ...(consolidationDue ? { consolidation: { dueAt: consolidationDue, approver: 'chair' as const, upward: [] } } : {}),
  };
}

const THO_DAN = assignment('tho-dan', 'Thọ Dân');
const DAN_LY = assignment('dan-ly', 'Dân Lý');
const HOP_THANH = assignment('hop-thanh', 'Hợp Thành');

describe('describeChanges', () => {
  it('says nothing when nothing changed', () => {
    expect(describeChanges(occurrence([THO_DAN, DAN_LY]), occurrence([THO_DAN, DAN_LY]))).toEqual([]);
  });

  it('names the units added and the units removed', () => {
    const before = occurrence([THO_DAN, DAN_LY]);
    const after = occurrence([THO_DAN, HOP_THANH, assignment('minh-son', 'Minh Sơn')]);
    expect(describeChanges(before, after)).toEqual(['thêm đơn vị: UBND xã Hợp Thành, UBND xã Minh Sơn', 'bỏ đơn vị: UBND xã Dân Lý']);
  });

  it('groups units whose due moved the same way, with how many they are', () => {
    const before = occurrence([THO_DAN, DAN_LY, HOP_THANH]);
    const after = occurrence([assignment('tho-dan', 'Thọ Dân', iso('2030-06-21T17:00')), assignment('dan-ly', 'Dân Lý', iso('2030-06-21T17:00')), assignment('hop-thanh', 'Hợp Thành', iso('2030-06-17T08:00'))]);
    expect(describeChanges(before, after)).toEqual(['hạn 14/06/2030 17:00 → 21/06/2030 17:00 (2 đơn vị)', 'hạn 14/06/2030 17:00 → 17/06/2030 08:00 (1 đơn vị)']);
  });

  it('writes the dates in the program’s zone and does not count the same instant written another way as a move', () => {
    const before = occurrence([THO_DAN]);
    expect(describeChanges(before, occurrence([assignment('tho-dan', 'Thọ Dân', '2030-06-14T10:00:00Z')]))).toEqual([]);
    expect(describeChanges(before, occurrence([assignment('tho-dan', 'Thọ Dân', '2030-06-15T01:30:00Z')]))).toEqual(['hạn 14/06/2030 17:00 → 15/06/2030 08:30 (1 đơn vị)']);
  });

  it('tells of a moved consolidation due', () => {
    const before = occurrence([THO_DAN], iso('2030-06-20T17:00'));
    const after = occurrence([THO_DAN], iso('2030-06-25T17:00'));
    expect(describeChanges(before, after)).toEqual(['hạn tổng hợp 20/06/2030 17:00 → 25/06/2030 17:00']);
  });

  it('lists additions, removals, moved dues, then the consolidation, in that order', () => {
    const before = occurrence([THO_DAN, DAN_LY], iso('2030-06-20T17:00'));
    const after = occurrence([assignment('tho-dan', 'Thọ Dân', iso('2030-06-21T17:00')), HOP_THANH], iso('2030-06-25T17:00'));
    expect(describeChanges(before, after)).toEqual([
      'thêm đơn vị: UBND xã Hợp Thành',
      'bỏ đơn vị: UBND xã Dân Lý',
      'hạn 14/06/2030 17:00 → 21/06/2030 17:00 (1 đơn vị)',
      'hạn tổng hợp 20/06/2030 17:00 → 25/06/2030 17:00',
    ]);
  });
});
