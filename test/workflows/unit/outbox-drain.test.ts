// The outbox's drain, without a server: what it hands the deliverNotices activity, in which
// order and in how many batches, what it records of the answers, and what goes out again.
// The activity is replaced by a recorder that answers as the real one does (sent, or a
// permanent refusal as data); the real activity against a real SMTP server is exercised by
// the scenario tests (test/workflows/undeliverable.test.ts, campaign.test.ts, ...).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { NoticeRequest } from '../../../contract/notices';
import type { DeliveryFailureRecord, NoticeRecord } from '../../../workflows/assignment/messages';
import type { OccurrenceInput } from '../../../workflows/occurrence/input';
import { baseNotice, occurrenceOutbox } from '../../../workflows/occurrence/notices';
import { Outbox } from '../../../workflows/occurrence/outbox';
import { context, NOW, notice, OFFICE, UNIT, WF, ZONE } from './outbox-fixture';

type Answer = { sent?: { messageId: string }; failed?: { to: string[]; code: string; message: string } };

const delivery = vi.hoisted(() => ({
  batches: [] as NoticeRequest[][],
  /** Addresses the relay refuses permanently. */
  refused: new Set<string>(),
}));

vi.mock('../../../workflows/activity-proxies', () => ({
  deliverNotices: async (batch: NoticeRequest[]): Promise<Answer[]> => {
    delivery.batches.push(structuredClone(batch));
    return batch.map((r) => {
      const failed = [...r.to, ...r.cc].filter((a) => delivery.refused.has(a));
      // The Message-ID is made from the key: the same notice sent again is the same message.
      return failed.length > 0 ? { failed: { to: failed, code: '550', message: '5.1.1 Mailbox unavailable' } } : { sent: { messageId: `<${r.key}@test.example.org>` } };
    });
  },
}));


let notices: NoticeRecord[];
let failures: DeliveryFailureRecord[];
let outbox: Outbox;
const keysOf = (batch: NoticeRequest[] | undefined) => (batch ?? []).map((r) => r.key);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(NOW));
  delivery.batches.length = 0;
  delivery.refused.clear();
  notices = [];
  failures = [];
  outbox = new Outbox({
    notices,
    failures,
    timeZone: () => ZONE,
    failureNotice: (failed, failure) => ({ ...notice(`${failed.key.slice(WF.length + 1)}/delivery-failed`, 'delivery-failed', [OFFICE]), data: { ...failed.data, kind: 'delivery-failed', failedTo: failure.to } }),
  });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('Outbox.drain', () => {
  it('calls no activity when nothing is queued', async () => {
    await outbox.drain();
    expect(delivery.batches).toEqual([]);
  });

  it('sends what was decided together as one batch, in the order it was decided, each with the time it was issued', async () => {
    outbox.push(notice('r1/receipt', 'receipt'));
    outbox.push(notice('submitted', 'submitted', [OFFICE]));
    vi.setSystemTime(new Date('2030-06-12T10:05:00+07:00'));
    outbox.push(notice('r1/accepted', 'accepted'));
    await outbox.drain();
    expect(delivery.batches.map(keysOf)).toEqual([[`${WF}/r1/receipt`, `${WF}/submitted`, `${WF}/r1/accepted`]]);
    expect(delivery.batches[0]!.map((r) => r.issuedAt)).toEqual([NOW, NOW, '2030-06-12T10:05:00+07:00']);
    expect(outbox.pending).toBe(0);
  });

  it('records each sent notice under its own key with its Message-ID and the time it went', async () => {
    outbox.push(notice('r1/receipt', 'receipt'));
    outbox.push(notice('submitted', 'submitted', [OFFICE]));
    vi.setSystemTime(new Date('2030-06-12T10:01:00+07:00'));
    await outbox.drain();
    expect(notices.map((n) => [n.key, n.sentAt, n.messageId])).toEqual([
      [`${WF}/r1/receipt`, '2030-06-12T10:01:00+07:00', `<${WF}/r1/receipt@test.example.org>`],
      [`${WF}/submitted`, '2030-06-12T10:01:00+07:00', `<${WF}/submitted@test.example.org>`],
    ]);
  });

  it('sends nothing for a skipped notice and leaves its record skipped when the same step is later sent', async () => {
    outbox.skip(`${WF}/r1/reminder-1`, 'reminder', Date.parse('2030-06-11T01:00:00Z'));
    await outbox.drain();
    expect(delivery.batches).toEqual([]);
    // A moved due re-arms the step: the new notice is recorded apart from the skipped one.
    outbox.push(notice('r1/reminder-1', 'reminder'));
    await outbox.drain();
    expect(delivery.batches.map(keysOf)).toEqual([[`${WF}/r1/reminder-1`]]);
    expect(notices.map((n) => [n.skipped, n.sentAt])).toEqual([
      ['past', undefined],
      [undefined, NOW],
    ]);
  });

  it('sends the office’s notice of a refusal in a batch of its own, after the refused one, and records the refusal', async () => {
    delivery.refused.add(UNIT);
    outbox.push(notice('request', 'request'));
    outbox.push(notice('submitted', 'submitted', [OFFICE]));
    await outbox.drain();
    expect(delivery.batches.map(keysOf)).toEqual([[`${WF}/request`, `${WF}/submitted`], [`${WF}/request/delivery-failed`]]);
    expect(delivery.batches[1]![0]!.to).toEqual([OFFICE]);
    expect(failures).toEqual([{ key: `${WF}/request`, to: UNIT, code: '550', message: '5.1.1 Mailbox unavailable', at: NOW }]);
    expect(notices.find((n) => n.key === `${WF}/request`)?.sentAt).toBeUndefined();
    expect(notices.find((n) => n.key === `${WF}/request/delivery-failed`)?.messageId).toBe(`<${WF}/request/delivery-failed@test.example.org>`);
  });

  it('stops when the office’s own address refuses: its notice of the refusal is not reported again', async () => {
    delivery.refused.add(UNIT);
    delivery.refused.add(OFFICE);
    outbox.push(notice('request', 'request'));
    await outbox.drain();
    expect(delivery.batches.map(keysOf)).toEqual([[`${WF}/request`], [`${WF}/request/delivery-failed`]]);
    expect(failures.map((f) => [f.key, f.to])).toEqual([
      [`${WF}/request`, UNIT],
      [`${WF}/request/delivery-failed`, OFFICE],
    ]);
  });

  it('sends a refused notice again under the same key once its address is corrected, numbered as a resend, and records it sent', async () => {
    delivery.refused.add(UNIT);
    outbox.push(notice('request', 'request'));
    outbox.push(notice('r1/reminder-1', 'reminder'));
    await outbox.drain();
    const corrected = 'vanphong.moi@tho-dan.example.org';
    outbox.retryUndelivered((r) => ({ ...r, to: [corrected] }));
    await outbox.drain();
    // Both refused notices, in the order they were refused; the office was told only once.
    expect(delivery.batches.map(keysOf)).toEqual([
      [`${WF}/request`, `${WF}/r1/reminder-1`],
      [`${WF}/request/delivery-failed`],
      [`${WF}/request`, `${WF}/r1/reminder-1`],
    ]);
    expect(delivery.batches[2]!.map((r) => [r.to, r.resend])).toEqual([
      [[corrected], 1],
      [[corrected], 2],
    ]);
    expect(notices.filter((n) => !n.key.endsWith('/delivery-failed')).map((n) => n.messageId)).toEqual([
      `<${WF}/request@test.example.org>`,
      `<${WF}/r1/reminder-1@test.example.org>`,
    ]);
    // Nothing is left to send again.
    outbox.retryUndelivered((r) => ({ ...r, to: ['khac@tho-dan.example.org'] }));
    expect(outbox.pending).toBe(0);
  });

  it('tells the office of an address corrected to another that refuses too, under a key of its own', async () => {
    delivery.refused.add(UNIT);
    outbox.push(notice('request', 'request'));
    await outbox.drain();
    const wrong = 'sai@tho-dan.example.org';
    delivery.refused.add(wrong);
    outbox.retryUndelivered((r) => ({ ...r, to: [wrong] }));
    await outbox.drain();
    // The same key would be found in the sent ledger and never reach the office.
    expect(delivery.batches.map(keysOf)).toEqual([[`${WF}/request`], [`${WF}/request/delivery-failed`], [`${WF}/request`], [`${WF}/request/delivery-failed-1`]]);
    expect(delivery.batches[3]![0]!.data.failedTo).toEqual([wrong]);
    expect(failures.map((f) => f.to)).toEqual([UNIT, wrong]);
  });

  it('sends a notice another activity sent and a queued one in order: the sent one first, then the queue', async () => {
    outbox.push(notice('consolidation-1', 'consolidated', [OFFICE]));
    const sent: string[] = [];
    await outbox.sendVia(notice('forwarded', 'forwarded', ['bvstbpn@thanhhoa.example.org']), async (issued) => {
      sent.push(issued.key);
      return { messageId: `<${issued.key}@test.example.org>` };
    });
    expect(sent).toEqual([`${WF}/forwarded`]);
    expect(delivery.batches.map(keysOf)).toEqual([[`${WF}/consolidation-1`]]);
    expect(notices.map((n) => [n.key, n.messageId])).toEqual([
      [`${WF}/consolidation-1`, `<${WF}/consolidation-1@test.example.org>`],
      [`${WF}/forwarded`, `<${WF}/forwarded@test.example.org>`],
    ]);
  });
});

describe('an occurrence’s outbox', () => {
  const input = {
    locale: 'vi',
    programTitle: 'Chương trình công tác năm 2030',
    office: { id: 'ldtbxh', name: 'Phòng LĐ-TB&XH', emails: [OFFICE] },
    itemTitle: 'Kiểm tra công tác bình đẳng giới',
    periodLabel: 'Năm 2030',
    timeZone: ZONE,
  } as OccurrenceInput;

  it('reports a refused address to the office with what could not be delivered, and records both in the state', async () => {
    const state = { notices: [] as NoticeRecord[], deliveryFailures: [] as DeliveryFailureRecord[] };
    const occurrence = occurrenceOutbox(state, () => input);
    delivery.refused.add(UNIT);
    occurrence.push({ key: `${WF}/notice`, to: [UNIT], cc: [], data: baseNotice({ ...context, officeName: 'Phòng LĐ-TB&XH' }, 'inspection-notice', 'UBND xã Thọ Dân', '2030-06-20T08:00:00+07:00') });
    await occurrence.drain();
    const told = delivery.batches[1]![0]!;
    expect(told).toMatchObject({
      key: `${WF}/notice/delivery-failed`,
      to: [OFFICE],
      data: { kind: 'delivery-failed', unitName: 'UBND xã Thọ Dân', failedTo: [UNIT], failureCode: '550', failedKind: 'inspection-notice', itemTitle: 'Kiểm tra công tác bình đẳng giới' },
    });
    expect(state.deliveryFailures.map((f) => f.to)).toEqual([UNIT]);
    expect(state.notices.map((n) => [n.key, n.sentAt !== undefined])).toEqual([
      [`${WF}/notice`, false],
      [`${WF}/notice/delivery-failed`, true],
    ]);
  });
});
