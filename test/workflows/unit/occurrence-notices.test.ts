// The facts every notice carries, whichever workflow sends it: the program, the office, the
// item and period, the unit it is about, the due, the language and the zone dates are written in.
import { describe, expect, it } from 'vitest';
import { baseNotice, occurrenceNotice, type NoticeContext } from '../../../workflows/occurrence/notices';
import type { OccurrenceInput } from '../../../workflows/occurrence/input';

const context: NoticeContext = {
  locale: 'vi',
  programTitle: 'Chương trình công tác năm 2030',
  officeName: 'Phòng LĐ-TB&XH',
  itemTitle: 'Báo cáo sơ kết 6 tháng',
  period: '6 tháng đầu năm 2030',
  timeZone: 'Asia/Ho_Chi_Minh',
};

describe('baseNotice', () => {
  it('carries the program, office, item, period, language and zone, with the unit and due it is about', () => {
    expect(baseNotice(context, 'reminder', 'UBND xã Thọ Dân', '2030-06-14T17:00:00+07:00')).toEqual({
      kind: 'reminder',
      locale: 'vi',
      programTitle: 'Chương trình công tác năm 2030',
      officeName: 'Phòng LĐ-TB&XH',
      itemTitle: 'Báo cáo sơ kết 6 tháng',
      period: '6 tháng đầu năm 2030',
      timeZone: 'Asia/Ho_Chi_Minh',
      unitName: 'UBND xã Thọ Dân',
      dueAt: '2030-06-14T17:00:00+07:00',
    });
  });

  it('has no period at all when the item has none (not an empty or undefined one)', () => {
    const notice = baseNotice({ ...context, period: undefined }, 'request', 'UBND xã Thọ Dân', '2030-06-14T17:00:00+07:00');
    expect('period' in notice).toBe(false);
  });
});

describe('occurrenceNotice', () => {
  it('takes the facts from the occurrence: its office’s name, its period label, its language and zone', () => {
    const input: OccurrenceInput = {
      occurrenceId: 'vstbpn-test-2030/kiem-tra/2030',
      programId: 'vstbpn-test-2030',
      programTitle: 'Chương trình công tác năm 2030',
      itemId: 'kiem-tra',
      itemTitle: 'Kiểm tra công tác bình đẳng giới',
      kind: 'inspection',
      periodKey: '2030',
      periodLabel: 'năm 2030',
      timeZone: 'Asia/Ho_Chi_Minh',
      locale: 'en',
      office: { id: 'ldtbxh', name: 'Phòng LĐ-TB&XH', emails: ['ldtbxh@trieuson.example.org'] },
      chair: { name: 'Lê Quang Trung', email: 'truongban@trieuson.example.org' },
      assignments: [],
    };
    expect(occurrenceNotice(input, 'inspection-notice', 'UBND xã Dân Lý', '2030-10-15T08:00:00+07:00')).toEqual({
      kind: 'inspection-notice',
      locale: 'en',
      programTitle: 'Chương trình công tác năm 2030',
      officeName: 'Phòng LĐ-TB&XH',
      itemTitle: 'Kiểm tra công tác bình đẳng giới',
      period: 'năm 2030',
      timeZone: 'Asia/Ho_Chi_Minh',
      unitName: 'UBND xã Dân Lý',
      dueAt: '2030-10-15T08:00:00+07:00',
    });
  });
});
