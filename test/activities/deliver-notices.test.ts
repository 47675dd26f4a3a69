// The notify activity alone (MockActivityEnvironment): it renders, sends a batch to a real
// SMTP sink with stable Message-IDs, turns permanent refusals into data and retries outages.
import { MockActivityEnvironment } from '@temporalio/testing';
import { ApplicationFailure } from '@temporalio/common';
import type { Transporter } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities, type ActivityDeps } from '../../activities';
import type { MailSink } from '../../dev/mail-sink/sink';
import type { DeliveryResult } from '../../activities/notify/send-notice';
import type { NoticeRequest } from '../../contract/notices';
import { startTestMail } from '../support/mail';
import { thoDanNotice } from '../support/notice-data';

let sink: MailSink;
let activities: ReturnType<typeof createActivities>;
let mailDeps: ActivityDeps;

beforeAll(async () => {
  const mail = await startTestMail();
  sink = mail.sink;
  mailDeps = mail.deps;
  activities = createActivities(mail.deps);
});
afterAll(async () => sink?.close());

const request = (key: string, overrides: Partial<NoticeRequest> = {}): NoticeRequest => ({
  key,
  to: ['vanphong@tho-dan.example.org'],
  cc: ['ldtbxh@trieuson.example.org'],
  data: thoDanNotice({ kind: 'reminder', dueAt: '2026-12-14T17:00:00+07:00', workingDaysLeft: 3 }),
  ...overrides,
});

describe('deliverNotices activity', () => {
  it('sends the rendered notice with the Message-ID derived from its key, once even when retried', async () => {
    const env = new MockActivityEnvironment();
    const key = 'prog/item/2026-H1/tho-dan/r1/reminder-1';
    const [first] = (await env.run(activities.deliverNotices, [request(key, { planUid: 'prog/item/2026-H1/tho-dan/reminder-1', issuedAt: '2026-12-09T08:00:00+07:00' })])) as DeliveryResult[];
    // A retry (the worker died before reporting back) finds the key in the sent ledger.
    const [again] = (await env.run(activities.deliverNotices, [request(key)])) as DeliveryResult[];
    expect(first!.sent?.messageId).toBe('<prog/item/2026-H1/tho-dan/r1/reminder-1@test.example.org>');
    expect(again).toEqual(first);
    const [got] = await sink.waitFor((m) => m.messageId === first!.sent!.messageId);
    expect(sink.messages().filter((m) => m.messageId === first!.sent!.messageId)).toHaveLength(1);
    expect(got!.to).toEqual(['vanphong@tho-dan.example.org']);
    expect(got!.cc).toEqual(['ldtbxh@trieuson.example.org']);
    expect(got!.subject).toContain('Báo cáo sơ kết 6 tháng');
    expect(got!.text).toContain('14/12/2026');
    expect(got!.html).toContain('UBND xã Thọ Dân');
    // What `dondoc simulate` reads: the plan event, the kind, and the instant it was issued.
    expect(got!.headers['x-dondoc-plan-uid']).toBe('prog/item/2026-H1/tho-dan/reminder-1');
    expect(got!.headers['x-dondoc-kind']).toBe('reminder');
    expect(Date.parse(String(got!.headers['date']))).toBe(Date.parse('2026-12-09T08:00:00+07:00'));
  });

  it('sends a batch in order and counts the working days left when no step did', async () => {
    const env = new MockActivityEnvironment();
    const { workingDaysLeft: _left, ...data } = request('x').data;
    const results = (await env.run(activities.deliverNotices, [
      request('batch/r1/receipt', { data: { ...data, kind: 'receipt', receiptNumber: 'BN-1' } }),
      // Monday 7/12 → Monday 14/12: five working days.
      request('batch/r1/reminder', { data, daysLeftOn: {}, issuedAt: '2026-12-07T08:00:00+07:00' }),
    ])) as DeliveryResult[];
    expect(results.map((r) => r.key)).toEqual(['batch/r1/receipt', 'batch/r1/reminder']);
    const [reminder] = await sink.waitFor((m) => m.messageId === results[1]!.sent!.messageId);
    expect(reminder!.text).toMatch(/5 ngày làm việc/);
  });

  it('without a sent ledger, a retry sends the very same message (same Message-ID)', async () => {
    const { ledger: _ledger, ...deps } = mailDeps;
    const bare = createActivities(deps);
    const env = new MockActivityEnvironment();
    const [first] = (await env.run(bare.deliverNotices, [request('prog/item/2026-H1/tho-dan/r1/reminder-2')])) as DeliveryResult[];
    const [again] = (await env.run(bare.deliverNotices, [request('prog/item/2026-H1/tho-dan/r1/reminder-2')])) as DeliveryResult[];
    expect(again!.sent!.messageId).toBe(first!.sent!.messageId);
    await sink.waitFor((m) => m.messageId === first!.sent!.messageId, { count: 2 });
  });

  it('reports a notice without recipients as undeliverable instead of failing', async () => {
    const env = new MockActivityEnvironment();
    const [result] = (await env.run(activities.deliverNotices, [request('k/none', { to: [] })])) as DeliveryResult[];
    expect(result!.sent).toBeUndefined();
    expect(result!.failed).toMatchObject({ code: 'no-recipient' });
  });

  it('returns a 5xx from the relay as a delivery failure, and retries an outage', async () => {
    const rejecting = { sendMail: () => Promise.reject(Object.assign(new Error('550 5.1.1 mailbox unavailable'), { responseCode: 550 })) } as unknown as Transporter;
    const down = { sendMail: () => Promise.reject(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })) } as unknown as Transporter;
    const env = new MockActivityEnvironment();
    const [refused] = (await env.run(createActivities({ mailer: rejecting, from: 'x@example.org', messageIdDomain: 'example.org' }).deliverNotices, [request('k/5xx')])) as DeliveryResult[];
    expect(refused!.failed).toMatchObject({ code: '550', to: ['vanphong@tho-dan.example.org', 'ldtbxh@trieuson.example.org'] });
    expect(refused!.failed!.message).toContain('mailbox unavailable');
    const transient = await env
      .run(createActivities({ mailer: down, from: 'x@example.org', messageIdDomain: 'example.org' }).deliverNotices, [request('k/down')])
      .catch((e: unknown) => e);
    expect(transient).toBeInstanceOf(ApplicationFailure);
    expect((transient as ApplicationFailure).nonRetryable).toBe(false);
    expect((transient as Error).message).toContain('ECONNREFUSED');
  });

  it('records addresses the relay refused while the others received the notice', async () => {
    const partial = {
      sendMail: () => Promise.resolve({ rejected: ['sai@tho-dan.example.org'], rejectedErrors: [{ responseCode: 550, message: '550 5.1.1 no such user' }] }),
    } as unknown as Transporter;
    const env = new MockActivityEnvironment();
    const [result] = (await env.run(createActivities({ mailer: partial, from: 'x@example.org', messageIdDomain: 'example.org' }).deliverNotices, [request('k/partial')])) as DeliveryResult[];
    expect(result!.sent?.messageId).toBe('<k/partial@example.org>');
    expect(result!.failed).toMatchObject({ to: ['sai@tho-dan.example.org'], code: '550' });
  });
});
