// Assignment and occurrence records: the same write twice is one set of rows, an older
// snapshot never replaces a newer one, and what is read back is the state as written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssignmentSnapshot, OccurrenceSnapshot } from '../../storage/records';
import { createTestRecords, type TestRecords } from '../support/records';

let t: TestRecords;
beforeAll(async () => {
  t = await createTestRecords();
});
afterAll(async () => {
  await t.cleanup();
});

const base: AssignmentSnapshot = {
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

const accepted: AssignmentSnapshot = {
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

async function count(table: 'submissions' | 'reviews' | 'assignment_notices' | 'unit_requests' | 'unit_decisions' | 'assignments'): Promise<number> {
  const row = await t.records.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('assignment records', () => {
  it('writes once when the same snapshot is written twice (a retried activity)', async () => {
    await t.records.writeAssignment(base);
    await t.records.writeAssignment(base);
    expect(await count('assignments')).toBe(1);
    expect(await count('assignment_notices')).toBe(1);
    expect(await t.records.getAssignment(base.workflowId)).toMatchObject({ status: 'requested', version: 1, closed: false, nextStep: base.nextStep });
  });

  it('reads back the final state as the workflow had it, with every child row once', async () => {
    await t.records.writeAssignment(accepted);
    await t.records.writeAssignment(accepted);
    const { updatedAt, deliveryFailures, ...read } = (await t.records.getAssignment(base.workflowId))!;
    expect(read).toEqual(accepted);
    expect(deliveryFailures).toEqual([]);
    expect(Date.parse(updatedAt)).not.toBeNaN();
    expect([await count('submissions'), await count('reviews'), await count('assignment_notices'), await count('unit_requests'), await count('unit_decisions')]).toEqual([2, 2, 3, 2, 1]);
  });

  it('ignores an older snapshot that arrives late, but keeps rows it alone carried', async () => {
    await t.records.writeAssignment({ ...base, version: 3, status: 'overdue' });
    const read = await t.records.getAssignment(base.workflowId);
    expect(read?.status).toBe('accepted');
    expect(read?.version).toBe(7);
    expect(read?.submissions.map((s) => s.receiptNumber)).toEqual(['BN-2026-0001', 'BN-2026-0002']);
  });

  it('includes delivery failures recorded for the assignment', async () => {
    const failure = { key: `${base.workflowId}/r1/reminder-0`, workflowId: base.workflowId, to: 'xa-a@example.vn', code: '550', message: 'mailbox unavailable', at: '2026-06-15T01:00:00Z' };
    await t.records.recordDeliveryFailure(failure);
    expect((await t.records.getAssignment(base.workflowId))?.deliveryFailures).toEqual([failure]);
  });

  it('lists assignments of a program by unit and status', async () => {
    await t.records.writeAssignment({ ...base, workflowId: 'other', unitId: 'ubnd-xa-b', unitName: 'UBND xã B', notices: [], version: 1 });
    const all = await t.records.listAssignments({ programId: 'vstbpn-2026' });
    expect(all.map((a) => [a.workflowId, a.status, a.closed])).toEqual([
      [base.workflowId, 'accepted', true],
      ['other', 'requested', false],
    ]);
    expect((await t.records.listAssignments({ programId: 'vstbpn-2026', unitId: 'ubnd-xa-b' })).map((a) => a.workflowId)).toEqual(['other']);
    expect((await t.records.listAssignments({ programId: 'vstbpn-2026', status: 'accepted' })).map((a) => a.workflowId)).toEqual([base.workflowId]);
    expect(await t.records.listAssignments({ programId: 'none' })).toEqual([]);
  });

  it('returns nothing for an assignment it never saw', async () => {
    expect(await t.records.getAssignment('missing')).toBeUndefined();
  });
});

describe('occurrence records', () => {
  const file = (name: string) => ({ ref: `files/${name}`, name, size: 100, contentType: 'application/octet-stream' });
  const counts = { total: 2, onTime: 1, late: 1, missing: 0, exempt: 0, returned: 0 };
  const cycle: OccurrenceSnapshot = {
    occurrenceId: 'vstbpn-2026/bao-cao-6-thang/2026-H1',
    itemTitle: 'Báo cáo sơ kết 6 tháng',
    periodLabel: '6 tháng đầu năm 2026',
    phase: 'closed',
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

  it('writes a report cycle once and reads it back as written; an older version changes nothing', async () => {
    await t.records.writeOccurrence(cycle);
    await t.records.writeOccurrence(cycle);
    await t.records.writeOccurrence({ ...cycle, phase: 'collecting', version: 2, closed: false });
    const { updatedAt: _u, ...read } = (await t.records.getOccurrence(cycle.occurrenceId))!;
    expect(read).toEqual(cycle);
    const n = await t.records.db.selectFrom('consolidations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(2);
    expect(await t.records.getOccurrence('missing')).toBeUndefined();
  });
});
