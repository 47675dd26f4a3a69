// Snapshots shared by the records tests (SQLite and PostgreSQL): an assignment as it was
// first requested, the same one accepted after a return, and a closed report cycle.
import type { AssignmentSnapshot, OccurrenceSnapshot } from '../../storage/records';

export const base: AssignmentSnapshot = {
  workflowId: 'vstbpn-2026/bao-cao-6-thang/2026-H1/ubnd-xa-a',
  programId: 'vstbpn-2026',
  itemId: 'bao-cao-6-thang',
  itemTitle: 'Báo cáo sơ kết 6 tháng',
  period: '6 tháng đầu năm 2026',
  unitId: 'ubnd-xa-a',
  unitName: 'UBND xã A',
  status: 'requested',
  dueAt: '2026-06-20T17:00:00+07:00',
  round: 1,
  deliveryFailures: [],
  submissions: [],
  reviews: [],
  extensions: [],
  requests: [],
  indicators: [{ id: 'nu-can-bo', label: 'Cán bộ nữ', type: 'number', required: true, unit: 'người' }],
  notices: [
    { key: 'a/request', kind: 'request', to: ['xa-a@example.vn'], scheduledFor: '2026-06-01T08:00:00+07:00', sentAt: '2026-06-01T01:00:01.000Z', messageId: '<r@x>' },
  ],
  nextStep: { key: 'r1/reminder-0', kind: 'reminder', at: '2026-06-15T08:00:00+07:00' },
  version: 1,
  closed: false,
};

export const accepted: AssignmentSnapshot = {
  ...base,
  status: 'accepted',
  round: 2,
  submissions: [
    { round: 1, receiptNumber: 'BN-2026-0001', receivedAt: '2026-06-10T09:00:00+07:00', late: false, content: 'Báo cáo lần 1', attachments: [], indicators: { 'nu-can-bo': 10 } },
    {
      round: 2,
      receiptNumber: 'BN-2026-0002',
      receivedAt: '2026-06-22T09:00:00+07:00',
      late: true,
      content: 'Báo cáo bổ sung',
      submittedBy: 'Nguyễn Thị B',
      attachments: [{ name: 'bc.pdf', ref: 'files/ab/cd', size: 1234, contentType: 'application/pdf' }],
      indicators: { 'nu-can-bo': 12 },
    },
  ],
  reviews: [
    { round: 1, decision: 'return', comment: 'Thiếu số liệu', reviewer: 'VP', at: '2026-06-12T10:00:00+07:00', newDueAt: '2026-06-25T17:00:00+07:00' },
    { round: 2, decision: 'accept', at: '2026-06-23T10:00:00+07:00' },
  ],
  extensions: [{ from: '2026-06-20T17:00:00+07:00', to: '2026-06-25T17:00:00+07:00', reason: 'Trả lại để bổ sung', at: '2026-06-12T10:00:00+07:00' }],
  requests: [
    { id: 1, kind: 'extension', reason: 'Mưa lũ', requestedAt: '2026-06-11T08:00:00+07:00', status: 'refused', decidedAt: '2026-06-11T15:00:00+07:00', comment: 'Không' },
    { id: 2, kind: 'exemption', reason: 'Sáp nhập', requestedBy: 'Chủ tịch xã', requestedAt: '2026-06-21T08:00:00+07:00', status: 'pending' },
  ],
  notices: [
    ...base.notices,
    { key: 'a/r1/reminder-0', kind: 'reminder', to: [], scheduledFor: '2026-05-30T08:00:00+07:00', skipped: 'past' },
    { key: 'a/receipt-1', kind: 'receipt', to: ['xa-a@example.vn'], scheduledFor: '2026-06-10T09:00:00+07:00', sentAt: '2026-06-10T02:00:01.000Z', messageId: '<b@x>' },
  ],
  version: 7,
  closed: true,
};
// exactOptionalPropertyTypes: a snapshot without a next step has no such key at all.
delete accepted.nextStep;

const file = (name: string) => ({ ref: `files/${name}`, name, size: 100, contentType: 'application/octet-stream' });
const counts = { total: 2, onTime: 1, late: 1, missing: 0, exempt: 0, returned: 0 };
export const cycle: OccurrenceSnapshot = {
  occurrenceId: 'vstbpn-2026/bao-cao-6-thang/2026-H1',
  itemTitle: 'Báo cáo sơ kết 6 tháng',
  periodLabel: '6 tháng đầu năm 2026',
  phase: 'closed',
  notices: [],
  deliveryFailures: [],
  approver: 'chair',
  rows: [
    { assignmentId: 'x/a', unitId: 'a', unitName: 'UBND xã A', status: 'accepted', dueAt: '2026-06-20T17:00:00+07:00', round: 1, late: false, indicators: { n: 1 }, closed: true, receiptNumber: 'BN-1' },
  ],
  consolidations: [
    { version: 1, at: '2026-06-21T08:00:00+07:00', xlsx: file('th-1.xlsx'), html: file('th-1.html'), counts, sums: { n: 1 } },
    { version: 2, at: '2026-06-22T08:00:00+07:00', xlsx: file('th-2.xlsx'), html: file('th-2.html'), counts, sums: { n: 3 } },
  ],
  approvals: [
    { at: '2026-06-21T10:00:00+07:00', decision: 'return', comment: 'Sửa', by: 'Trưởng ban' },
    { at: '2026-06-22T10:00:00+07:00', decision: 'approve' },
  ],
  forwarded: { at: '2026-06-22T11:00:00+07:00', to: ['ubnd@example.vn'], messageId: '<f@x>' },
  addenda: [{ version: 1, at: '2026-06-25T08:00:00+07:00', units: ['UBND xã B'], xlsx: file('pl-1.xlsx') }],
  version: 5,
  closed: true,
};

