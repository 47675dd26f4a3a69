// The notify activity alone (MockActivityEnvironment): it renders, sends to a real SMTP
// sink with the stable Message-ID, and classifies relay errors as retryable or not.
import { MockActivityEnvironment } from '@temporalio/testing';
import { ApplicationFailure } from '@temporalio/common';
import type { Transporter } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities, type ActivityDeps } from '../../activities';
import type { MailSink } from '../../dev/mail-sink/sink';
import type { SentNotice } from '../../activities/notify/send-notice';
import type { NoticeRequest } from '../../workflows/assignment/notices';
import { startTestMail } from '../support/mail';

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
  data: {
    kind: 'reminder',
    locale: 'vi',
    programTitle: 'Chương trình công tác năm 2026',
    officeName: 'Phòng Lao động - Thương binh và Xã hội',
    itemTitle: 'Báo cáo sơ kết 6 tháng',
    unitName: 'UBND xã Thọ Dân',
    dueAt: '2026-12-14T17:00:00+07:00',
    timeZone: 'Asia/Ho_Chi_Minh',
    workingDaysLeft: 3,
  },
  ...overrides,
});

describe('sendNotice activity', () => {
  it('sends the rendered notice with the Message-ID derived from its key, once even when retried', async () => {
    const env = new MockActivityEnvironment();
    const first = (await env.run(activities.sendNotice, request('prog/item/2026-H1/tho-dan/r1/reminder-1'))) as SentNotice;
    // A retry (the worker died before reporting back) finds the key in the sent ledger.
    const again = (await env.run(activities.sendNotice, request('prog/item/2026-H1/tho-dan/r1/reminder-1'))) as SentNotice;
    expect(first.messageId).toBe('<prog/item/2026-H1/tho-dan/r1/reminder-1@test.example.org>');
    expect(again).toEqual(first);
    const [got] = await sink.waitFor((m) => m.messageId === first.messageId);
    expect(sink.messages().filter((m) => m.messageId === first.messageId)).toHaveLength(1);
    expect(got!.to).toEqual(['vanphong@tho-dan.example.org']);
    expect(got!.cc).toEqual(['ldtbxh@trieuson.example.org']);
    expect(got!.subject).toContain('Báo cáo sơ kết 6 tháng');
    expect(got!.text).toContain('14/12/2026');
    expect(got!.html).toContain('UBND xã Thọ Dân');
  });

  it('without a sent ledger, a retry sends the very same message (same Message-ID)', async () => {
    const { ledger: _ledger, ...deps } = mailDeps;
    const bare = createActivities(deps);
    const env = new MockActivityEnvironment();
    const first = (await env.run(bare.sendNotice, request('prog/item/2026-H1/tho-dan/r1/reminder-2'))) as SentNotice;
    const again = (await env.run(bare.sendNotice, request('prog/item/2026-H1/tho-dan/r1/reminder-2'))) as SentNotice;
    expect(again.messageId).toBe(first.messageId);
    await sink.waitFor((m) => m.messageId === first.messageId, { count: 2 });
  });

  it('refuses a notice without recipients as a permanent failure', async () => {
    const env = new MockActivityEnvironment();
    const err = await env.run(activities.sendNotice, request('k/none', { to: [] })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApplicationFailure);
    expect((err as ApplicationFailure).nonRetryable).toBe(true);
  });

  it('treats a 5xx from the relay as permanent and a connection failure as retryable', async () => {
    const rejecting = { sendMail: () => Promise.reject(Object.assign(new Error('550 mailbox unavailable'), { responseCode: 550 })) } as unknown as Transporter;
    const down = { sendMail: () => Promise.reject(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })) } as unknown as Transporter;
    const env = new MockActivityEnvironment();
    const permanent = await env
      .run(createActivities({ mailer: rejecting, from: 'x@example.org', messageIdDomain: 'example.org' }).sendNotice, request('k/5xx'))
      .catch((e: unknown) => e);
    expect((permanent as ApplicationFailure).nonRetryable).toBe(true);
    const transient = await env
      .run(createActivities({ mailer: down, from: 'x@example.org', messageIdDomain: 'example.org' }).sendNotice, request('k/down'))
      .catch((e: unknown) => e);
    expect(transient).not.toBeInstanceOf(ApplicationFailure);
    expect((transient as Error).message).toContain('ECONNREFUSED');
  });
});
