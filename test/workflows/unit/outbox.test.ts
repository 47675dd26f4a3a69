// The outbox's record of notices, exercised without a workflow: what is queued, skipped,
// sent by another activity, refused, and queued again once an address is corrected. Sending
// a queued batch runs the deliverNotices activity, which needs a workflow context; the
// scenario tests cover it (test/workflows/undeliverable.test.ts, assignment.test.ts).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { NoticeRequest } from '../../../contract/notices';
import type { DeliveryFailureRecord, NoticeRecord } from '../../../workflows/assignment/messages';
import { Outbox } from '../../../workflows/occurrence/outbox';
import { NOW, notice, OFFICE, UNIT, WF, ZONE } from './outbox-fixture';


let notices: NoticeRecord[];
let failures: DeliveryFailureRecord[];
let told: { failed: NoticeRequest; failure: { to: string[]; code: string; message: string } }[];
let outbox: Outbox;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(NOW));
  notices = [];
  failures = [];
  told = [];
  // The office's notice is left out (undefined): queuing it would need the send activity.
  outbox = new Outbox({ notices, failures, timeZone: () => ZONE, failureNotice: (failed, failure) => void told.push({ failed, failure }) });
});
afterEach(() => {
  vi.useRealTimers();
});

const refusal = { failed: { to: [UNIT], code: '550', message: '5.1.1 Mailbox unavailable' } };

describe('Outbox', () => {
  it('records a queued notice at its planned instant in the program’s zone, with its plan event', () => {
    outbox.push(notice('r1/reminder-1', 'reminder', [UNIT], { planUid: 'plan-uid-1' }), Date.parse('2030-06-11T01:00:00Z'));
    expect(notices).toEqual([{ key: `${WF}/r1/reminder-1`, kind: 'reminder', to: [UNIT], scheduledFor: '2030-06-11T08:00:00+07:00', planUid: 'plan-uid-1' }]);
    expect(outbox.pending).toBe(1);
    expect(outbox.sent(`${WF}/r1/reminder-1`)).toBe(true);
  });

  it('records a notice caused by a message (a receipt) for the moment it was decided', () => {
    outbox.push(notice('r1/receipt', 'receipt'));
    expect(notices[0]?.scheduledFor).toBe(NOW);
  });

  it('records a notice whose moment had passed as skipped, addressed to nobody, and does not count it as sent', () => {
    outbox.skip(`${WF}/r1/reminder-1`, 'reminder', Date.parse('2030-06-11T01:00:00Z'), 'plan-uid-1');
    expect(notices).toEqual([{ key: `${WF}/r1/reminder-1`, kind: 'reminder', to: [], scheduledFor: '2030-06-11T08:00:00+07:00', skipped: 'past', planUid: 'plan-uid-1' }]);
    expect(outbox.sent(`${WF}/r1/reminder-1`)).toBe(false);
    expect(outbox.pending).toBe(0);
  });

  it('drops what is queued when cleared, keeping it on record', () => {
    outbox.push(notice('r1/reminder-1', 'reminder'));
    outbox.clear();
    expect(outbox.pending).toBe(0);
    expect(notices.map((n) => n.key)).toEqual([`${WF}/r1/reminder-1`]);
  });

  it('records a notice another activity sends with its Message-ID and time, and hands it over with the time it was issued', async () => {
    const send = vi.fn(async (_issued: NoticeRequest) => ({ messageId: `<${WF}/forwarded@test.example.org>` }));
    await outbox.sendVia(notice('forwarded', 'forwarded', [OFFICE]), send);
    expect(send.mock.calls[0]?.[0].issuedAt).toBe(NOW);
    expect(notices).toEqual([{ key: `${WF}/forwarded`, kind: 'forwarded', to: [OFFICE], scheduledFor: NOW, sentAt: NOW, messageId: `<${WF}/forwarded@test.example.org>` }]);
  });

  it('records a refusal once per refused address, with the relay’s answer, and reports it to the office', async () => {
    const second = 'chutich@tho-dan.example.org';
    await outbox.sendVia(notice('request', 'request', [UNIT, second]), async () => ({ failed: { to: [UNIT, second], code: '550', message: '5.1.1 Mailbox unavailable' } }));
    expect(failures).toEqual([
      { key: `${WF}/request`, to: UNIT, code: '550', message: '5.1.1 Mailbox unavailable', at: NOW },
      { key: `${WF}/request`, to: second, code: '550', message: '5.1.1 Mailbox unavailable', at: NOW },
    ]);
    expect(told).toHaveLength(1);
    expect(told[0]?.failed.key).toBe(`${WF}/request`);
    expect(told[0]?.failure).toEqual({ to: [UNIT, second], code: '550', message: '5.1.1 Mailbox unavailable' });
    expect(notices[0]?.sentAt).toBeUndefined();
  });

  it('tells the office of a refusing address only once, however many notices it refuses', async () => {
    await outbox.sendVia(notice('request', 'request'), async () => refusal);
    await outbox.sendVia(notice('r1/reminder-1', 'reminder'), async () => refusal);
    expect(failures.map((f) => f.key)).toEqual([`${WF}/request`, `${WF}/r1/reminder-1`]);
    expect(told.map((t) => t.failed.key)).toEqual([`${WF}/request`]);
  });

  it('keeps a refused notice to the office about a refusal on record, without reporting it by mail', async () => {
    await outbox.sendVia(notice('request/delivery-failed', 'delivery-failed', [OFFICE]), async () => ({ failed: { to: [OFFICE], code: '550', message: 'no such user' } }));
    expect(failures.map((f) => f.to)).toEqual([OFFICE]);
    expect(told).toEqual([]);
  });

  it('queues a refused notice again once its address is corrected, not while it is unchanged', async () => {
    await outbox.sendVia(notice('request', 'request'), async () => refusal);
    const unchanged = vi.fn((request: NoticeRequest) => request);
    outbox.retryUndelivered(unchanged);
    expect(unchanged.mock.calls[0]?.[0].key).toBe(`${WF}/request`);
    expect(outbox.pending).toBe(0);
    outbox.retryUndelivered((request) => ({ ...request, to: ['vanphong.moi@tho-dan.example.org'] }));
    expect(outbox.pending).toBe(1);
    // Sent once: a second correction finds nothing left to send again.
    outbox.retryUndelivered((request) => ({ ...request, to: ['khac@tho-dan.example.org'] }));
    expect(outbox.pending).toBe(1);
  });
});
