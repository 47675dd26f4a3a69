// The notice data the activity and web tests share: a notice of the 2026 six-month report
// to UBND xã Thọ Dân, in Vietnamese, with the fields each test sets itself given.
import type { NoticeData } from '../../contract/notices';

export function thoDanNotice(fields: Pick<NoticeData, 'kind' | 'dueAt'> & Partial<NoticeData>): NoticeData {
  return {
    locale: 'vi',
    programTitle: 'Chương trình công tác năm 2026',
    officeName: 'Phòng Lao động - Thương binh và Xã hội',
    itemTitle: 'Báo cáo sơ kết 6 tháng',
    unitName: 'UBND xã Thọ Dân',
    timeZone: 'Asia/Ho_Chi_Minh',
    ...fields,
  };
}
