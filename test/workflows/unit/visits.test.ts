// What the close-out notice of an inspection round says, and remediation dues as offices
// write them ("hạn 30/11" ends at the unit's usual due time that day).
import { describe, expect, it } from 'vitest';
import type { RemediationState, VisitState } from '../../../workflows/inspection/messages';
import { closeOut, remediationDue } from '../../../workflows/inspection/visits';

const ZONE = 'Asia/Ho_Chi_Minh';

function remediation(unitId: string, n: number, title: string, extra: Partial<RemediationState> = {}): RemediationState {
  return {
    assignmentId: `kiem-tra-2030/${unitId}/khac-phuc-${n}`,
    unitId,
    unitName: unitId,
    n,
    title,
    status: 'requested',
    dueAt: '2030-11-30T17:00:00+07:00',
    round: 1,
    late: false,
    closed: false,
    ...extra,
  };
}

function visit(unitId: string, unitName: string, extra: Partial<VisitState> = {}): VisitState {
  return { unitId, unitName, status: 'closed', visitAt: '2030-10-15T08:00:00+07:00', version: 1, remediations: [], ...extra };
}

describe('closeOut', () => {
  it('reports one closed visit as written: its findings, its items and when each was done', () => {
    const closed = visit('tho-dan', 'UBND xã Thọ Dân', {
      findings: ['Chưa lập sổ theo dõi bình đẳng giới.'],
      remediations: [
        remediation('tho-dan', 1, 'Lập sổ theo dõi', { status: 'accepted', submittedAt: '2030-11-20T09:00:00+07:00', closed: true }),
        remediation('tho-dan', 2, 'Bổ sung số liệu'),
      ],
    });
    expect(closeOut([closed])).toEqual({
      units: ['UBND xã Thọ Dân'],
      findings: ['Chưa lập sổ theo dõi bình đẳng giới.'],
      remediations: [
        { title: 'Lập sổ theo dõi', dueAt: '2030-11-30T17:00:00+07:00', doneAt: '2030-11-20T09:00:00+07:00' },
        { title: 'Bổ sung số liệu', dueAt: '2030-11-30T17:00:00+07:00' },
      ],
      exempted: [],
    });
  });

  it('names the unit before each finding and item when several visits closed', () => {
    const out = closeOut([
      visit('tho-dan', 'UBND xã Thọ Dân', { findings: ['Thiếu sổ theo dõi.'], remediations: [remediation('tho-dan', 1, 'Lập sổ theo dõi')] }),
      visit('dan-ly', 'UBND xã Dân Lý', { findings: ['Báo cáo chậm.'] }),
    ]);
    expect(out.units).toEqual(['UBND xã Thọ Dân', 'UBND xã Dân Lý']);
    expect(out.findings).toEqual(['UBND xã Thọ Dân: Thiếu sổ theo dõi.', 'UBND xã Dân Lý: Báo cáo chậm.']);
    expect(out.remediations.map((r) => r.title)).toEqual(['UBND xã Thọ Dân: Lập sổ theo dõi']);
  });

  it('leaves out visits not closed yet, skipped or removed', () => {
    const out = closeOut([
      visit('tho-dan', 'UBND xã Thọ Dân', { findings: ['Đạt yêu cầu.'] }),
      visit('dan-ly', 'UBND xã Dân Lý', { status: 'remediating', findings: ['Thiếu sổ.'], remediations: [remediation('dan-ly', 1, 'Lập sổ')] }),
      visit('hop-thanh', 'UBND xã Hợp Thành', { status: 'skipped' }),
      visit('minh-son', 'UBND xã Minh Sơn', { status: 'removed' }),
    ]);
    // Only one visit closed: its finding is written without the unit's name.
    expect(out).toEqual({ units: ['UBND xã Thọ Dân'], findings: ['Đạt yêu cầu.'], remediations: [], exempted: [] });
  });

  it('says nothing when no visit has closed', () => {
    expect(closeOut([visit('tho-dan', 'UBND xã Thọ Dân', { status: 'visited' })])).toEqual({ units: [], findings: [], remediations: [], exempted: [] });
  });

  it('drops items a re-applied program withdrew, and names exempted items with their unit', () => {
    const out = closeOut([
      visit('tho-dan', 'UBND xã Thọ Dân', {
        remediations: [
          remediation('tho-dan', 1, 'Lập sổ theo dõi', { removed: true }),
          remediation('tho-dan', 2, 'Bổ sung số liệu', { status: 'exempted', closed: true }),
        ],
      }),
    ]);
    expect(out.remediations).toEqual([{ title: 'Bổ sung số liệu', dueAt: '2030-11-30T17:00:00+07:00' }]);
    expect(out.exempted).toEqual(['UBND xã Thọ Dân: Bổ sung số liệu']);
  });

  it('gives no done date to an item submitted but not yet accepted', () => {
    const out = closeOut([visit('tho-dan', 'UBND xã Thọ Dân', { remediations: [remediation('tho-dan', 1, 'Lập sổ', { status: 'submitted', submittedAt: '2030-11-20T09:00:00+07:00' })] })]);
    expect(out.remediations).toEqual([{ title: 'Lập sổ', dueAt: '2030-11-30T17:00:00+07:00' }]);
  });
});

describe('remediationDue', () => {
  it('ends a due written as a day at the unit’s usual due time that day', () => {
    expect(remediationDue('2030-11-30', '2030-11-20T17:00:00+07:00', ZONE)).toBe('2030-11-30T17:00:00+07:00');
    expect(remediationDue('2030-11-30', '2030-11-20T16:30:00+07:00', ZONE)).toBe('2030-11-30T16:30:00+07:00');
  });

  it('reads the unit’s due time in the program’s zone, whatever offset it was written with', () => {
    expect(remediationDue('2030-11-30', '2030-11-20T10:00:00Z', ZONE)).toBe('2030-11-30T17:00:00+07:00');
  });

  it('keeps a due written as an instant, written back in the program’s zone', () => {
    expect(remediationDue('2030-11-30T03:00:00Z', '2030-11-20T17:00:00+07:00', ZONE)).toBe('2030-11-30T10:00:00+07:00');
    expect(remediationDue('2030-11-30T11:00:00+07:00', '2030-11-20T17:00:00+07:00', ZONE)).toBe('2030-11-30T11:00:00+07:00');
  });
});
