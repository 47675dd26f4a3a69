// Assignment and occurrence records: the same write twice is one set of rows, an older
// snapshot never replaces a newer one, and what is read back is the state as written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRecords, type TestRecords } from '../support/records';
import { accepted, base, cycle } from './records-fixtures';

let t: TestRecords;
beforeAll(async () => {
  t = await createTestRecords();
});
afterAll(async () => {
  await t.cleanup();
});

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
    const { deliveryFailures: _none, ...written } = accepted;
    expect(read).toEqual(written);
    // Refusals come from their own table (written by the delivery activity), not the snapshot.
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
