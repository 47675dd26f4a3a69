// deliverNotices given the assignment's record (MockActivityEnvironment, a real SMTP sink, a
// real records database): it delivers, applies the results to the snapshot as the workflow's
// outbox does, and writes the record. A failing write fails the activity; its retry sends
// nothing twice (the sent ledger) and writes the record once; a late retry of an older
// version changes nothing. And the one function both sides apply the results with.
import { MockActivityEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../../activities';
import type { BatchDelivery, DeliveryResult } from '../../activities/notify/send-notice';
import { applyDeliveryResults } from '../../contract/deliveries';
import type { NoticeRequest } from '../../contract/notices';
import type { MailSink } from '../../dev/mail-sink/sink';
import type { AssignmentSnapshot, Records } from '../../storage/records';
import type { DeliveryFailureRecord, NoticeRecord } from '../../workflows/assignment/messages';
import { startTestMail } from '../support/mail';
import { thoDanNotice } from '../support/notice-data';
import { createTestRecords, type TestRecords } from '../support/records';

let sink: MailSink;
let store: TestRecords;
let activities: ReturnType<typeof createActivities>;
/** Writes fail while this is above zero (the database restarting), each failure counted down. */
let failWrites = 0;

beforeAll(async () => {
  store = await createTestRecords();
  const flaky = new Proxy(store.records, {
    get(target, prop, receiver) {
      if (prop !== 'writeAssignment') return Reflect.get(target, prop, receiver) as unknown;
      return async (snapshot: AssignmentSnapshot) => {
        if (failWrites > 0) {
          failWrites--;
          throw new Error('database restarting (test)');
        }
        return target.writeAssignment(snapshot);
      };
    },
  }) as Records;
  const mail = await startTestMail({ records: store.records });
  sink = mail.sink;
  activities = createActivities({ ...mail.deps, records: flaky });
});
afterAll(async () => {
  await sink?.close();
  await store?.cleanup();
});

const ID = 'vstbpn-2026/bao-cao-6-thang/2026-H1/tho-dan';

const request = (step: string, to = ['vanphong@tho-dan.example.org']): NoticeRequest => ({
  key: `${ID}/${step}`,
  to,
  cc: [],
  data: thoDanNotice({ kind: 'request', dueAt: '2026-06-19T17:00:00+07:00' }),
});

function snapshot(version: number, status: AssignmentSnapshot['status'], notices: NoticeRecord[]): AssignmentSnapshot {
  return {
    workflowId: ID,
    programId: 'vstbpn-2026',
    itemId: 'bao-cao-6-thang',
    itemTitle: 'Báo cáo sơ kết 6 tháng',
    period: '2026-H1',
    unitId: 'tho-dan',
    unitName: 'UBND xã Thọ Dân',
    status,
    dueAt: '2026-06-19T17:00:00+07:00',
    round: 1,
    submissions: [],
    reviews: [],
    extensions: [],
    requests: [],
    indicators: [],
    notices,
    deliveryFailures: [],
    version,
    closed: false,
  };
}

const listed = (step: string): NoticeRecord => ({ key: `${ID}/${step}`, kind: 'request', to: ['vanphong@tho-dan.example.org'], scheduledFor: '2026-06-01T08:00:00+07:00' });

describe('deliverNotices with the assignment record', () => {
  it('writes the record with the Message-ID; a failed write is retried without a second message', async () => {
    const env = new MockActivityEnvironment();
    const batch = { notices: [request('request')], record: { snapshot: snapshot(1, 'requested', [listed('request')]), timeZone: 'Asia/Ho_Chi_Minh' } };
    failWrites = 1;
    await expect(env.run(activities.deliverNotices, structuredClone(batch))).rejects.toThrow('database restarting');
    // Delivered before the write failed: the message is out, the record not yet.
    await sink.waitFor((m) => m.headers['x-dondoc-key'] === `${ID}/request`);
    expect(await store.records.getAssignment(ID)).toBeUndefined();

    // Temporal retries the activity with the same input.
    const retried = (await env.run(activities.deliverNotices, structuredClone(batch))) as BatchDelivery;
    expect(sink.messages().filter((m) => m.headers['x-dondoc-key'] === `${ID}/request`)).toHaveLength(1);
    expect(retried.results.map((r) => r.sent?.messageId)).toEqual([`<${ID}/request@test.example.org>`]);
    // In the program's zone, as the workflow writes times.
    expect(retried.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?\+07:00$/);

    const record = (await store.records.getAssignment(ID))!;
    expect(record.version).toBe(1);
    // Exactly what the workflow's outbox makes of the same results at the same time.
    const expected = structuredClone(batch.record.snapshot);
    applyDeliveryResults({ notices: expected.notices, failures: expected.deliveryFailures }, batch.notices, retried.results, retried.at);
    expect(record.notices).toEqual(expected.notices);
    expect(record.notices[0]).toMatchObject({ sentAt: retried.at, messageId: `<${ID}/request@test.example.org>` });
  });

  it('a late retry of an older version changes nothing of a newer record', async () => {
    const env = new MockActivityEnvironment();
    await store.records.writeAssignment({ ...snapshot(5, 'submitted', []), notices: (await store.records.getAssignment(ID))!.notices });
    const late = { notices: [request('request')], record: { snapshot: snapshot(1, 'requested', [listed('request')]), timeZone: 'Asia/Ho_Chi_Minh' } };
    await env.run(activities.deliverNotices, late);
    const record = (await store.records.getAssignment(ID))!;
    expect(record).toMatchObject({ version: 5, status: 'submitted' });
    expect(record.notices).toHaveLength(1);
    expect(sink.messages().filter((m) => m.headers['x-dondoc-key'] === `${ID}/request`)).toHaveLength(1);
  });

  it('a retry still reports the refused address of a notice the first attempt sent to the others', async () => {
    const step = 'r1/submitted';
    // The notices listed before keep their places (records rows are keyed by position).
    const before = (await store.records.getAssignment(ID))!.notices;
    const batch = {
      notices: [request(step, ['vanphong@tho-dan.example.org', 'hongmat@tho-dan.example.org'])],
      record: { snapshot: snapshot(6, 'submitted', [...before, listed(step)]), timeZone: 'Asia/Ho_Chi_Minh' },
    };
    sink.setRejected(['hongmat@tho-dan.example.org']);
    failWrites = 1;
    try {
      await expect(new MockActivityEnvironment().run(activities.deliverNotices, structuredClone(batch))).rejects.toThrow('database restarting');
      const retried = (await new MockActivityEnvironment({ attempt: 2 }).run(activities.deliverNotices, structuredClone(batch))) as BatchDelivery;
      expect(sink.messages().filter((m) => m.headers['x-dondoc-key'] === `${ID}/${step}`)).toHaveLength(1);
      expect(retried.results[0]).toMatchObject({ sent: { messageId: `<${ID}/${step}@test.example.org>` }, failed: { to: ['hongmat@tho-dan.example.org'] } });
      expect((await store.records.getAssignment(ID))!.notices.map((n) => n.key)).toContain(`${ID}/${step}`);
    } finally {
      sink.setRejected([]);
    }
  });

  it('still takes the plain array of 0.4 executions and returns their results alone', async () => {
    const env = new MockActivityEnvironment();
    const results = (await env.run(activities.deliverNotices, [request('r1/receipt')])) as DeliveryResult[];
    expect(Array.isArray(results)).toBe(true);
    expect(results.map((r) => r.sent?.messageId)).toEqual([`<${ID}/r1/receipt@test.example.org>`]);
  });
});

describe('applyDeliveryResults (the outbox and the activity both use it)', () => {
  it('settles sent notices, lists each refused address, and returns the refusals in batch order', () => {
    const notices: NoticeRecord[] = [
      { key: 'a/request', kind: 'request', to: ['x@a.vn'], scheduledFor: 't0', sentAt: 't0', messageId: '<old>' },
      { key: 'a/reminder', kind: 'reminder', to: [], scheduledFor: 't0', skipped: 'past' },
      { key: 'a/request', kind: 'request', to: ['x@a.vn'], scheduledFor: 't1' },
      { key: 'a/receipt', kind: 'receipt', to: ['bad@a.vn', 'worse@a.vn'], scheduledFor: 't1' },
    ];
    const failures: DeliveryFailureRecord[] = [];
    const refusals = applyDeliveryResults(
      { notices, failures },
      [{ key: 'a/request' }, { key: 'a/receipt' }],
      [
        { key: 'a/request', sent: { messageId: '<a/request@x>' } },
        { key: 'a/receipt', failed: { to: ['bad@a.vn', 'worse@a.vn'], code: '550', message: 'no such mailbox' } },
      ],
      '2026-06-01T08:00:05+07:00',
    );
    // The first unsettled entry of the key: the sent one and the skipped one are left alone.
    expect(notices[0]).toMatchObject({ sentAt: 't0', messageId: '<old>' });
    expect(notices[1]).not.toHaveProperty('sentAt');
    expect(notices[2]).toMatchObject({ sentAt: '2026-06-01T08:00:05+07:00', messageId: '<a/request@x>' });
    expect(notices[3]).not.toHaveProperty('sentAt');
    expect(failures).toEqual([
      { key: 'a/receipt', to: 'bad@a.vn', code: '550', message: 'no such mailbox', at: '2026-06-01T08:00:05+07:00' },
      { key: 'a/receipt', to: 'worse@a.vn', code: '550', message: 'no such mailbox', at: '2026-06-01T08:00:05+07:00' },
    ]);
    expect(refusals).toEqual([{ index: 1, failure: { to: ['bad@a.vn', 'worse@a.vn'], code: '550', message: 'no such mailbox' } }]);
  });
});
