// Names people read for workflow states, in Vietnamese and English.
import type { AssignmentStatus } from '../workflows/assignment/messages';

export const statusLabels: Record<'vi' | 'en', Record<AssignmentStatus, string>> = {
  vi: {
    requested: 'Đã yêu cầu',
    submitted: 'Đã nộp, chờ duyệt',
    returned: 'Trả lại để bổ sung',
    overdue: 'Quá hạn',
    escalated: 'Quá hạn, đã báo cáo cấp trên',
    accepted: 'Đã chấp nhận',
    exempted: 'Được miễn',
  },
  en: {
    requested: 'Requested',
    submitted: 'Submitted, awaiting review',
    returned: 'Returned for revision',
    overdue: 'Overdue',
    escalated: 'Overdue, escalated',
    accepted: 'Accepted',
    exempted: 'Exempted',
  },
};
