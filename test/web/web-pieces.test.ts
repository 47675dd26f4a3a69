// Small pure pieces of the web layer: escaping, CSV for Excel, matrix cell statuses,
// visibility query values, column choice, and the links the notify activity adds.
import { MockActivityEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../../activities';
import { createLinkBuilder, verifyLink } from '../../auth/links';
import { cellStatus } from '../../client/web/data/cell-status';
import { defaultColumns, overdueQuery } from '../../client/web/data/dashboard';
import { BadQueryValue, columnClause, lit } from '../../client/web/data/query';
import { toCsv } from '../../client/web/exports/csv';
import { dueCalendar } from '../../client/web/exports/ics';
import { html } from '../../client/web/html';
import { safeNext } from '../../client/web/routes/auth';
import type { MailSink } from '../../dev/mail-sink/sink';
import type { NoticeRequest } from '../../contract/notices';
import { startTestMail, TEST_SECRET } from '../support/mail';
import { thoDanNotice } from '../support/notice-data';

describe('web pieces', () => {
  it('escapes every interpolation, including nested arrays, but not its own markup', () => {
    const name = '<script>alert("x")</script>';
    expect(html`<p>${name}</p>${[html`<b>${'&'}</b>`, '<i>']}`.value).toBe('<p>&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;</p><b>&#38;</b>&#60;i&#62;');
  });

  it('writes CSV that Excel opens in Vietnamese and that cannot run formulas', () => {
    const csv = toCsv([['Đơn vị', 'Trạng thái'], ['UBND xã Thọ Dân, "Triệu Sơn"', '=HYPERLINK("http://x")'], ['+1', '-2']]);
    expect(csv.startsWith('\uFEFFĐơn vị,Trạng thái\r\n')).toBe(true);
    expect(csv).toContain('"UBND xã Thọ Dân, ""Triệu Sơn"""');
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv).toContain("'+1,'-2\r\n");
  });

  it('derives matrix cells from the status attribute and the due', () => {
    const past = new Date(1000);
    const future = new Date(Date.now() + 86_400_000);
    expect(cellStatus('requested', future)).toBe('requested');
    expect(cellStatus('requested', past)).toBe('overdue');
    expect(cellStatus('returned', past)).toBe('overdue');
    expect(cellStatus('exempted', past)).toBe('exempt');
    expect(cellStatus('submitted', past)).toBe('submitted');
    expect(cellStatus('scheduled', future)).toBe('not-yet-due');
    expect(cellStatus('late', future)).toBe('late');
    expect(cellStatus(undefined, future)).toBe('unknown');
  });

  it('refuses query values that could change a visibility query', () => {
    expect(lit('bao-cao-6-thang')).toBe("'bao-cao-6-thang'");
    expect(lit('UBND xã Thọ Dân')).toBe("'UBND xã Thọ Dân'");
    for (const bad of ["x' OR '1'='1", 'a\\b', 'x"', 'a;b']) expect(() => lit(bad)).toThrow(BadQueryValue);
    expect(columnClause({ itemId: 'a', period: '' })).toBe("(DondocItem = 'a' AND (DondocPeriod = '' OR DondocPeriod IS NULL))");
    expect(overdueQuery('p', Date.parse('2026-06-01T00:00:00Z'))).toContain("DondocDue < '2026-06-01T00:00:00.000Z'");
  });

  it('shows by default the columns whose due is nearest today', () => {
    const col = (i: number) => ({ itemId: `i${i}`, period: 'p', due: new Date(Date.UTC(2026, i, 1)) });
    const all = Array.from({ length: 12 }, (_, i) => col(i));
    expect(defaultColumns(all, Date.UTC(2026, 6, 1), 3).map((c) => c.itemId)).toEqual(['i5', 'i6', 'i7']);
    expect(defaultColumns(all.slice(0, 2), 0, 3)).toHaveLength(2);
  });

  it('sends people back only inside the office after sign-in', () => {
    expect(safeNext('/office/programs/p')).toBe('/office/programs/p');
    for (const bad of ['//evil.example', 'https://evil.example/office', '/officex', '/u/abc', undefined]) expect(safeNext(bad)).toBe('/office');
  });

  it('writes an iCalendar file with folded lines and escaped text', () => {
    const ics = dueCalendar('Lịch; hạn nộp', [{ uid: 'a/b', title: 'Hạn nộp: Báo cáo, 6 tháng', description: 'x\ny', due: new Date('2026-06-19T10:00:00Z') }], new Date('2026-01-01T00:00:00Z'));
    expect(ics).toContain('X-WR-CALNAME:Lịch\\; hạn nộp\r\n');
    expect(ics).toContain('DTEND:20260619T100000Z\r\n');
    expect(ics).toContain('SUMMARY:Hạn nộp: Báo cáo\\, 6 tháng\r\n');
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });
});

describe('links in notices', () => {
  let sink: MailSink;
  let activities: ReturnType<typeof createActivities>;
  const workflowId = 'assign/vstbpn/bao-cao/2026-H1/tho-dan';
  const links = createLinkBuilder({ secret: TEST_SECRET, publicUrl: 'https://dondoc.example.gov.vn' });

  beforeAll(async () => {
    const mail = await startTestMail({ links });
    sink = mail.sink;
    activities = createActivities(mail.deps);
  });
  afterAll(async () => sink?.close());

  const request = (kind: NoticeRequest['data']['kind'], step: string): NoticeRequest => ({
    key: `${workflowId}/${step}`,
    to: ['vanphong@tho-dan.example.org'],
    cc: [],
    data: thoDanNotice({
      kind,
      dueAt: '2026-06-19T17:00:00+07:00',
      ...(kind === 'receipt' || kind === 'submitted' ? { receiptNumber: 'BN-20260601-ABCDEF-1', submittedAt: '2026-06-01T09:00:00+07:00' } : {}),
    }),
  });

  it("gives the unit a signed link to its own assignment, and the office its page's address", async () => {
    const env = new MockActivityEnvironment({ workflowExecution: { workflowId, runId: 'run' } });
    await env.run(activities.deliverNotices, [request('request', 'request'), request('submitted', 'r1/submitted')]);
    const [toUnit] = await sink.waitFor((m) => m.messageId.startsWith(`<${workflowId}/request@`));
    const unitLink = /https:\/\/dondoc\.example\.gov\.vn\/u\/(\S+)/.exec(toUnit!.text)?.[1];
    expect(unitLink).toBeDefined();
    expect(verifyLink(TEST_SECRET, unitLink!, Date.parse('2026-06-19T10:00:00Z'))).toMatchObject({ ok: true, claims: { workflowId, audience: 'unit' } });
    expect(toUnit!.html).toContain(`https://dondoc.example.gov.vn/u/${unitLink!}`);
    const [toOffice] = await sink.waitFor((m) => m.messageId.startsWith(`<${workflowId}/r1/submitted@`));
    expect(toOffice!.text).toContain('https://dondoc.example.gov.vn/office/assignments/assign%2Fvstbpn%2Fbao-cao%2F2026-H1%2Ftho-dan');
    expect(toOffice!.text).not.toContain('/u/');
  });
});
