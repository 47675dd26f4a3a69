// The forwardReport activity alone (MockActivityEnvironment): the consolidated report goes
// to a real SMTP sink with its cover letter, the Message-ID from its key and the files from
// the store; a missing file fails for good, a refusal is reported, an outage is retried.
import { ApplicationFailure } from '@temporalio/common';
import { MockActivityEnvironment } from '@temporalio/testing';
import type { Transporter } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities, type ActivityDeps } from '../../activities';
import type { ConsolidationInput, ConsolidationResult, ForwardedReport, ForwardInput } from '../../activities/reports/types';
import type { MailSink } from '../../dev/mail-sink/sink';
import { startTestMail } from '../support/mail';

let sink: MailSink;
let deps: ActivityDeps;
let activities: ReturnType<typeof createActivities>;
let report: ConsolidationResult;

const CONSOLIDATION: ConsolidationInput = {
  key: 'vstbpn-trieu-son-2026/bao-cao-6-thang/2026-H1/tong-hop-1',
  programTitle: 'Chương trình công tác năm 2026',
  officeName: 'Phòng Lao động - Thương binh và Xã hội',
  itemTitle: 'Báo cáo sơ kết 6 tháng',
  periodLabel: '6 tháng đầu năm 2026',
  timeZone: 'Asia/Ho_Chi_Minh',
  locale: 'vi',
  indicators: [{ id: 'can_bo_nu', label: 'Số cán bộ nữ', type: 'number', unit: 'người' }],
  rows: [
    { unitId: 'tho-dan', unitName: 'UBND xã Thọ Dân', status: 'on-time', accepted: true, receiptNumber: 'BC-2026-001', submittedAt: '2026-06-10T08:15:00+07:00', dueAt: '2026-06-15T17:00:00+07:00', rounds: 1, indicators: { can_bo_nu: 7 } },
    { unitId: 'an-nong', unitName: 'UBND xã An Nông', status: 'missing', accepted: false, dueAt: '2026-06-15T17:00:00+07:00', rounds: 0, indicators: {} },
  ],
  generatedAt: '2026-06-20T02:00:00Z',
};

beforeAll(async () => {
  const mail = await startTestMail();
  sink = mail.sink;
  deps = mail.deps;
  activities = createActivities(deps);
  report = (await new MockActivityEnvironment().run(activities.consolidateReport, CONSOLIDATION)) as ConsolidationResult;
});
afterAll(async () => sink?.close());

const forwardInput = (key: string, overrides: Partial<ForwardInput> = {}): ForwardInput => ({
  key,
  to: [
    { name: 'UBND huyện Triệu Sơn', email: 'ubnd@trieuson.example.org' },
    { name: 'Ban vì sự tiến bộ của phụ nữ tỉnh', email: 'vstbpn@thanhhoa.example.org' },
  ],
  cc: ['ldtbxh@trieuson.example.org'],
  notice: {
    kind: 'forwarded',
    locale: 'vi',
    programTitle: CONSOLIDATION.programTitle,
    officeName: CONSOLIDATION.officeName,
    itemTitle: CONSOLIDATION.itemTitle,
    period: CONSOLIDATION.periodLabel,
    unitName: CONSOLIDATION.officeName,
    recipientName: 'UBND huyện Triệu Sơn',
    dueAt: '2026-06-25T17:00:00+07:00',
    timeZone: 'Asia/Ho_Chi_Minh',
    counts: report.counts,
    attachmentName: report.xlsx.name,
  },
  attachments: [report.xlsx, report.html],
  ...overrides,
});

describe('forwardReport activity', () => {
  it('mails the cover letter with the report files to every recipient, keyed by its Message-ID', async () => {
    const key = 'vstbpn-trieu-son-2026/bao-cao-6-thang/2026-H1/forwarded';
    const sent = (await new MockActivityEnvironment().run(activities.forwardReport, forwardInput(key))) as ForwardedReport;
    expect(sent.messageId).toBe(`<${key}@test.example.org>`);
    expect(Number.isNaN(Date.parse(sent.sentAt!))).toBe(false);

    const [mail] = await sink.waitFor((m) => m.messageId === sent.messageId);
    expect(mail!.to).toEqual(['ubnd@trieuson.example.org', 'vstbpn@thanhhoa.example.org']);
    expect(mail!.cc).toEqual(['ldtbxh@trieuson.example.org']);
    expect(mail!.envelopeTo.sort()).toEqual(['ldtbxh@trieuson.example.org', 'ubnd@trieuson.example.org', 'vstbpn@thanhhoa.example.org']);
    expect(mail!.headers['to']).toContain('UBND huyện Triệu Sơn');
    expect(mail!.headers['x-dondoc-key']).toBe(key);
    expect(mail!.subject).toContain('Báo cáo sơ kết 6 tháng');
    expect(mail!.attachments).toEqual([
      { filename: report.xlsx.name, contentType: report.xlsx.contentType, size: report.xlsx.size },
      { filename: report.html.name, contentType: 'text/html', size: report.html.size },
    ]);
  });

  it('sends a report once even when retried (sent ledger), with the same Message-ID', async () => {
    const key = 'k/forwarded-twice';
    const env = new MockActivityEnvironment();
    const first = (await env.run(activities.forwardReport, forwardInput(key, { attachments: [report.xlsx] }))) as ForwardedReport;
    const again = (await env.run(activities.forwardReport, forwardInput(key, { attachments: [report.xlsx] }))) as ForwardedReport;
    expect(again).toEqual(first);
    const [sent] = await sink.waitFor((m) => m.messageId === first.messageId);
    expect(sink.messages().filter((m) => m.messageId === first.messageId)).toHaveLength(1);
    expect(sent!.attachments[0]?.size).toBe(report.xlsx.size);
  });

  it('fails for good, sending nothing, when an attachment is not in the store', async () => {
    const env = new MockActivityEnvironment();
    const gone = { ...report.xlsx, ref: `${'0'.repeat(64)}/bao-cao-tong-hop.xlsx`, name: 'bao-cao-tong-hop.xlsx' };
    const forged = { ...report.xlsx, ref: '../../etc/passwd' };
    for (const [i, file] of [gone, forged].entries()) {
      const err = await env.run(activities.forwardReport, forwardInput(`k/missing-${i}`, { attachments: [report.html, file] })).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ApplicationFailure);
      expect(err).toMatchObject({ nonRetryable: true, type: 'AttachmentMissing' });
      expect((err as Error).message).toContain(file.ref);
    }
    expect(sink.messages().filter((m) => m.messageId.startsWith('<k/missing-'))).toEqual([]);
  });

  it('reports a report without recipients or refused by the relay as undeliverable, and retries an outage', async () => {
    const env = new MockActivityEnvironment();
    expect(await env.run(activities.forwardReport, forwardInput('k/nobody', { to: [] }))).toMatchObject({ failed: { code: 'no-recipient' } });
    const rejecting = { sendMail: () => Promise.reject(Object.assign(new Error('550 mailbox unavailable'), { responseCode: 550 })) } as unknown as Transporter;
    const down = { sendMail: () => Promise.reject(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })) } as unknown as Transporter;
    const refused = (await env.run(createActivities({ ...deps, mailer: rejecting }).forwardReport, forwardInput('k/5xx'))) as ForwardedReport;
    expect(refused.messageId).toBeUndefined();
    expect(refused.failed).toMatchObject({ code: '550', message: '550 mailbox unavailable' });
    const transient = await env.run(createActivities({ ...deps, mailer: down }).forwardReport, forwardInput('k/down')).catch((e: unknown) => e);
    expect(transient).toMatchObject({ nonRetryable: false, type: 'SmtpUnavailable' });
    expect((transient as Error).message).toContain('ECONNREFUSED');
  });
});
