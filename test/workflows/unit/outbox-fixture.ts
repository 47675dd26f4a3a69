// The notices both outbox tests queue: one unit's assignment of the 6-month report.
import type { NoticeRequest } from '../../../contract/notices';
import { baseNotice } from '../../../workflows/occurrence/notices';

export const ZONE = 'Asia/Ho_Chi_Minh';
export const NOW = '2030-06-12T10:00:00+07:00';
export const WF = 'vstbpn-test-2030/bao-cao-6-thang/2030-H1/tho-dan';
export const UNIT = 'vanphong@tho-dan.example.org';
export const OFFICE = 'ldtbxh@trieuson.example.org';

export const context = { locale: 'vi' as const, programTitle: 'Chương trình công tác năm 2030', officeName: 'Phòng LĐ-TB&XH', itemTitle: 'Báo cáo sơ kết 6 tháng', timeZone: ZONE };

export function notice(step: string, kind: NoticeRequest['data']['kind'], to = [UNIT], extra: Partial<NoticeRequest> = {}): NoticeRequest {
  return { key: `${WF}/${step}`, to, cc: [], data: baseNotice(context, kind, 'UBND xã Thọ Dân', '2030-06-14T17:00:00+07:00'), ...extra };
}
