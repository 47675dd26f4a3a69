import { Settings } from 'luxon';
import { describe, expect, it } from 'vitest';
import { NOTICE_KINDS, type Locale, type NoticeData, type NoticeKind } from '../../contract/notices';
import { renderNotice } from '../../activities/notify/render';

const FOOTER = {
  vi: 'Thư này được gửi tự động từ hệ thống dondoc; đề nghị không trả lời trực tiếp thư này.',
  en: 'This message was sent automatically by the dondoc system; please do not reply to it.',
};
const DUE = { vi: '17h00, thứ Sáu, ngày 12/6/2026', en: '5:00 PM, Friday 12 June 2026' };
const DUE_DAY = { vi: '12/6/2026', en: '12 June 2026' };

function notice(kind: NoticeKind, locale: Locale, extra: Partial<NoticeData> = {}): NoticeData {
  return {
    kind,
    locale,
    programTitle: 'Chương trình công tác vì sự tiến bộ của phụ nữ huyện Triệu Sơn năm 2026',
    officeName: 'Phòng Lao động - Thương binh và Xã hội',
    itemTitle: 'Báo cáo sơ kết 6 tháng',
    period: '6 tháng đầu năm 2026',
    unitName: 'Phòng Tư pháp',
    // 10:00 UTC is 17:00 in Hà Nội: the zone, not the offset of the input, decides.
    dueAt: '2026-06-12T10:00:00Z',
    timeZone: 'Asia/Ho_Chi_Minh',
    workingDaysLeft: 3,
    receiptNumber: 'BN-2026-0610-017',
    submittedAt: '2026-06-10T09:15:00+07:00',
    comment: 'Đề nghị bổ sung số liệu cán bộ nữ theo biểu mẫu số 2.',
    previousDueAt: '2026-06-05T17:00:00+07:00',
    escalationLevel: 1,
    escalationAudience: 'unit-head',
    link: 'https://dondoc.example.vn/don-vi/tu-phap?sig=abc123',
    requestedDueAt: '2026-06-19',
    counts: { total: 32, onTime: 25, late: 3, missing: 2, exempt: 1, returned: 1 },
    attachmentName: 'bao-cao-tong-hop-6-thang-2026.xlsx',
    visitAt: '2026-07-07T01:00:00Z',
    inspectionTeam: 'Đoàn kiểm tra liên ngành',
    findings: ['Chưa cập nhật số liệu cán bộ nữ', 'Chưa ban hành kế hoạch hoạt động năm'],
    remediations: [
      { title: 'Cập nhật số liệu cán bộ nữ', dueAt: '2026-07-31' },
      { title: 'Ban hành kế hoạch hoạt động năm', dueAt: '2026-08-14T17:00:00+07:00' },
    ],
    windowStart: '2026-11-15',
    windowEnd: '2026-12-15',
    failedTo: ['tuphap@trieuson.example.org'],
    failureCode: '550',
    failureMessage: '5.1.1 Recipient address rejected: User unknown',
    failedKind: 'reminder',
    ...extra,
  };
}

type KeyFact =
  | 'unit' | 'receipt' | 'comment' | 'due' | 'requestedDue' | 'counts' | 'findings' | 'remediations'
  | 'visit' | 'team' | 'window' | 'attachment' | 'failure';

/** What each key fact must read, in text and in HTML (every string must appear in both). */
const FACT_TEXT: Record<KeyFact, Record<Locale, string[]>> = {
  unit: { vi: ['Phòng Tư pháp'], en: ['Phòng Tư pháp'] },
  receipt: { vi: ['BN-2026-0610-017'], en: ['BN-2026-0610-017'] },
  comment: { vi: ['Đề nghị bổ sung số liệu cán bộ nữ theo biểu mẫu số 2.'], en: ['Đề nghị bổ sung số liệu cán bộ nữ theo biểu mẫu số 2.'] },
  due: { vi: [DUE.vi], en: [DUE.en] },
  requestedDue: { vi: ['ngày 19/6/2026'], en: ['19 June 2026'] },
  counts: {
    vi: ['Số đơn vị được giao', '32 đơn vị', 'Nộp đúng hạn', '25 đơn vị', 'Nộp sau hạn', '3 đơn vị', 'Chưa nộp', '2 đơn vị', 'Được miễn', '1 đơn vị', 'Trả lại để hoàn thiện'],
    en: ['Units asked', '32 units', 'Submitted on time', '25 units', 'Submitted late', '3 units', 'Not submitted', '2 units', 'Exempted', '1 unit', 'Returned for revision'],
  },
  findings: {
    vi: ['Chưa cập nhật số liệu cán bộ nữ', 'Chưa ban hành kế hoạch hoạt động năm'],
    en: ['Chưa cập nhật số liệu cán bộ nữ', 'Chưa ban hành kế hoạch hoạt động năm'],
  },
  remediations: {
    vi: ['Cập nhật số liệu cán bộ nữ – hạn ngày 31/7/2026', 'Ban hành kế hoạch hoạt động năm – hạn 17h00, thứ Sáu, ngày 14/8/2026'],
    en: ['Cập nhật số liệu cán bộ nữ – due 31 July 2026', 'Ban hành kế hoạch hoạt động năm – due 5:00 PM, Friday 14 August 2026'],
  },
  // 01:00 UTC is 08:00 in Hà Nội.
  visit: { vi: ['8h00, thứ Ba, ngày 7/7/2026'], en: ['8:00 AM, Tuesday 7 July 2026'] },
  team: { vi: ['Đoàn kiểm tra liên ngành'], en: ['Đoàn kiểm tra liên ngành'] },
  window: { vi: ['từ ngày 15/11/2026 đến ngày 15/12/2026'], en: ['from 15 November 2026 to 15 December 2026'] },
  attachment: { vi: ['bao-cao-tong-hop-6-thang-2026.xlsx'], en: ['bao-cao-tong-hop-6-thang-2026.xlsx'] },
  failure: {
    vi: ['tuphap@trieuson.example.org', '550 5.1.1', 'User unknown', 'thư nhắc hạn'],
    en: ['tuphap@trieuson.example.org', '550 5.1.1', 'User unknown', 'reminder'],
  },
};

/** Facts each kind must state, in both parts. */
const KEY_FACTS: Record<NoticeKind, KeyFact[]> = {
  request: ['unit', 'due'],
  reminder: ['unit', 'due'],
  receipt: ['unit', 'receipt', 'due'],
  submitted: ['unit', 'receipt', 'due'],
  returned: ['unit', 'receipt', 'comment', 'due'],
  accepted: ['unit', 'receipt', 'comment'],
  escalation: ['unit', 'due'],
  extended: ['unit', 'comment', 'due'],
  'extension-requested': ['unit', 'due', 'requestedDue', 'comment'],
  'extension-refused': ['unit', 'due', 'comment'],
  'exemption-requested': ['unit', 'due', 'comment'],
  exempted: ['unit', 'comment'],
  'exemption-refused': ['unit', 'due', 'comment'],
  cancelled: ['unit', 'comment'],
  consolidated: ['counts', 'attachment'],
  'approval-requested': ['counts', 'attachment', 'comment'],
  'approval-returned': ['comment'],
  forwarded: ['counts', 'attachment', 'comment'],
  'late-addendum': ['unit', 'receipt'],
  'inspection-notice': ['unit', 'visit', 'team', 'comment'],
  'inspection-reminder': ['unit', 'visit', 'team', 'comment'],
  'inspection-findings': ['unit', 'visit', 'team', 'findings', 'remediations', 'comment'],
  'inspection-closed': ['unit', 'remediations'],
  'campaign-launch': ['unit', 'window', 'due', 'comment'],
  'campaign-checkin': ['unit', 'window', 'due'],
  'campaign-summary': ['window', 'counts', 'comment', 'attachment'],
  'delivery-failed': ['unit', 'due', 'failure'],
};

describe('renderNotice: every kind in both locales', () => {
  for (const locale of ['vi', 'en'] as const) {
    for (const kind of NOTICE_KINDS) {
      it(`${kind} (${locale}) states the key facts in subject, text and HTML`, () => {
        const data = notice(kind, locale);
        const { subject, text, html } = renderNotice(data);

        expect(subject).not.toMatch(/[\r\n]/);
        expect(subject).toContain('Báo cáo sơ kết 6 tháng');
        for (const part of [text, html]) {
          expect(part).toContain('Báo cáo sơ kết 6 tháng');
          expect(part).toContain('6 tháng đầu năm 2026');
          expect(part).toContain(FOOTER[locale]);
          for (const fact of KEY_FACTS[kind]) {
            for (const expected of FACT_TEXT[fact][locale]) expect(part, `${fact}: ${expected}`).toContain(expected);
          }
        }
        expect(html).toMatch(/^<!DOCTYPE html>/);
        expect(html).toContain(`<html lang="${locale}">`);
        expect(html).toContain(`<title>${subject}</title>`);
        expect(html).toContain('href="https://dondoc.example.vn/don-vi/tu-phap?sig=abc123"');
        expect(text).toContain('https://dondoc.example.vn/don-vi/tu-phap?sig=abc123');
        // Email-safe: no external assets, no script, no stylesheet block.
        expect(html).not.toMatch(/<(script|link|style|img)\b/i);
        expect(text).not.toMatch(/<[a-z]/i);
      });
    }
  }

  it('renders the same notice twice identically (retries send the same message)', () => {
    for (const kind of NOTICE_KINDS) {
      expect(renderNotice(notice(kind, 'vi'))).toEqual(renderNotice(notice(kind, 'vi')));
    }
  });

  it('lists every kind once, and renders a subject with a bracket tag for each', () => {
    expect(new Set(NOTICE_KINDS).size).toBe(NOTICE_KINDS.length);
    expect(NOTICE_KINDS).toHaveLength(27);
    for (const locale of ['vi', 'en'] as const) {
      const subjects = NOTICE_KINDS.map((kind) => renderNotice(notice(kind, locale)).subject);
      for (const subject of subjects) expect(subject).toMatch(/^\[[^\]]+\] \S/);
      // Specific: no two kinds share a subject.
      expect(new Set(subjects).size).toBe(subjects.length);
    }
  });

  it('defaults to nothing English in a Vietnamese notice', () => {
    const { text } = renderNotice(notice('request', 'vi'));
    expect(text).toContain('Kính gửi: Phòng Tư pháp');
    expect(text).toContain('Trân trọng./.');
    for (const kind of NOTICE_KINDS) {
      const vi = renderNotice(notice(kind, 'vi'));
      expect(vi.text, kind).toMatch(/^Kính gửi: /m);
      expect(vi.text, kind).toContain('Trân trọng./.');
      expect(`${vi.subject}\n${vi.text}`, kind).not.toMatch(/\b(Due|Dear|Please|Item|Unit|Status|Visit|Findings|Campaign|Inspection|Approval|Report)\b/);
    }
  });
});

describe('dates and working days', () => {
  it('writes the due the way offices do, in the program zone', () => {
    expect(renderNotice(notice('request', 'vi')).text).toContain('Hạn nộp: 17h00, thứ Sáu, ngày 12/6/2026');
    expect(renderNotice(notice('request', 'en')).text).toContain('Due: 5:00 PM, Friday 12 June 2026');
    const sunday = renderNotice(notice('request', 'vi', { dueAt: '2026-06-14T08:30:00+07:00' })).text;
    expect(sunday).toContain('8h30, Chủ nhật, ngày 14/6/2026');
    const midnight = renderNotice(notice('request', 'en', { dueAt: '2026-01-01T00:05:00+07:00' })).text;
    expect(midnight).toContain('12:05 AM, Thursday 1 January 2026');
  });

  it('uses short, specific subjects', () => {
    expect(renderNotice(notice('reminder', 'vi')).subject).toBe('[Nhắc hạn] Báo cáo sơ kết 6 tháng – hạn nộp 12/6/2026');
    // The first request chases nothing yet: it is not tagged "Đôn đốc".
    expect(renderNotice(notice('request', 'vi')).subject).toBe('[Đề nghị thực hiện] Báo cáo sơ kết 6 tháng – hạn nộp 12/6/2026');
    expect(renderNotice(notice('request', 'en')).subject).toBe(`[Request] Please submit Báo cáo sơ kết 6 tháng – due ${DUE_DAY.en}`);
    expect(renderNotice(notice('receipt', 'vi')).subject).toBe('[Biên nhận] Số BN-2026-0610-017 – Báo cáo sơ kết 6 tháng');
    expect(renderNotice(notice('reminder', 'en')).subject).toBe(`[Reminder] Báo cáo sơ kết 6 tháng – due ${DUE_DAY.en}`);
    for (const kind of ['request', 'reminder', 'returned', 'escalation', 'extended'] as const) {
      expect(renderNotice(notice(kind, 'vi')).subject).toContain(DUE_DAY.vi);
      expect(renderNotice(notice(kind, 'en')).subject).toContain(DUE_DAY.en);
    }
  });

  it('phrases time left and overdue naturally', () => {
    expect(renderNotice(notice('reminder', 'vi')).text).toContain('(còn 3 ngày làm việc)');
    expect(renderNotice(notice('reminder', 'en', { workingDaysLeft: 1 })).text).toContain('(1 working day left)');
    expect(renderNotice(notice('reminder', 'vi', { workingDaysLeft: 0 })).text).toContain('hết hạn trong hôm nay');
    expect(renderNotice(notice('reminder', 'en', { workingDaysLeft: 0 })).text).toContain('due today');

    const overdue = renderNotice(notice('reminder', 'vi', { workingDaysLeft: -2 }));
    expect(overdue.subject).toBe('[Đôn đốc] Quá hạn nộp Báo cáo sơ kết 6 tháng – hạn 12/6/2026');
    expect(overdue.text).toContain('đã quá hạn 2 ngày làm việc');
    expect(overdue.text).toContain('Tình trạng: Đã quá hạn 2 ngày làm việc');
    expect(overdue.text).not.toContain('còn');
    // Overdue is marked in red, bold in HTML.
    expect(overdue.html).toMatch(/color:#b91c1c;font-weight:bold;">Đã quá hạn 2 ngày làm việc</);

    const overdueEn = renderNotice(notice('reminder', 'en', { workingDaysLeft: -1 }));
    expect(overdueEn.subject).toContain('Overdue');
    expect(overdueEn.text).toContain('overdue by 1 working day');
  });

  it('shows the previous due on an extension and on a return, not when unchanged', () => {
    const extended = renderNotice(notice('extended', 'vi')).text;
    expect(extended).toContain('từ 17h00, thứ Sáu, ngày 5/6/2026 đến 17h00, thứ Sáu, ngày 12/6/2026');
    expect(extended).toContain('Hạn mới: 17h00, thứ Sáu, ngày 12/6/2026');
    expect(extended).toContain('Lý do gia hạn:');
    const same = renderNotice(notice('returned', 'vi', { previousDueAt: '2026-06-12T17:00:00+07:00' })).text;
    expect(same).not.toContain('Hạn cũ');
  });

  it('marks a late submission on the receipt', () => {
    const late = renderNotice(notice('receipt', 'vi', { submittedAt: '2026-06-15T08:00:00+07:00' })).text;
    expect(late).toContain('lúc 8h00, thứ Hai, ngày 15/6/2026');
    expect(late).toContain('Tình trạng: Nộp sau hạn');
    expect(renderNotice(notice('receipt', 'vi')).text).toContain('Tình trạng: Nộp đúng hạn');
  });

  it('reads days and offset-less times in the program zone, whatever the machine zone', () => {
    const machine = Settings.defaultZone;
    try {
      // UTC+14 and UTC-11: a day read at the machine's midnight would land on another day in Hà Nội.
      for (const zone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
        Settings.defaultZone = zone;
        const launch = renderNotice(notice('campaign-launch', 'vi', { dueAt: '2026-12-22T17:00:00' }));
        expect(launch.subject).toContain('từ 15/11/2026 đến 15/12/2026');
        expect(launch.text).toContain('Thời gian thực hiện: Từ ngày 15/11/2026 đến ngày 15/12/2026');
        expect(launch.text).toContain('Hạn báo cáo kết quả: 17h00, thứ Ba, ngày 22/12/2026');
        expect(renderNotice(notice('inspection-findings', 'en')).text).toContain('Cập nhật số liệu cán bộ nữ – due 31 July 2026');
      }
    } finally {
      Settings.defaultZone = machine;
    }
  });

  it('refuses a date it cannot read, naming the field', () => {
    expect(() => renderNotice(notice('request', 'vi', { dueAt: '12/6/2026' }))).toThrow(/dueAt/);
    expect(() => renderNotice(notice('receipt', 'vi', { submittedAt: 'hôm qua' }))).toThrow(/submittedAt/);
    expect(() => renderNotice(notice('request', 'vi', { timeZone: 'Asia/Hanoi_Nowhere' }))).toThrow(/Asia\/Hanoi_Nowhere/);
    expect(() => renderNotice(notice('inspection-notice', 'vi', { visitAt: '7/7/2026' }))).toThrow(/visitAt/);
    expect(() => renderNotice(notice('campaign-launch', 'vi', { windowEnd: '2026-13-01' }))).toThrow(/windowEnd/);
    expect(() => renderNotice(notice('extension-requested', 'vi', { requestedDueAt: 'tuần sau' }))).toThrow(/requestedDueAt/);
    expect(() => renderNotice(notice('inspection-closed', 'vi', {
      remediations: [{ title: 'A', dueAt: '2026-07-31' }, { title: 'B', dueAt: '2026-07-31', doneAt: 'hôm qua' }],
    }))).toThrow(/remediations\[1\]\.doneAt/);
  });
});

describe('escalation wording follows the audience', () => {
  it('tells a unit head that the unit under their direction has not submitted', () => {
    const { subject, text } = renderNotice(notice('escalation', 'vi', { recipientName: 'Nguyễn Văn An', workingDaysLeft: -2, escalationLevel: 2 }));
    expect(subject).toBe('[Đôn đốc lần 2] Phòng Tư pháp chưa nộp Báo cáo sơ kết 6 tháng – hạn 12/6/2026');
    // Without the head's title from the program the letter still does not invent "Thủ trưởng".
    expect(text).toContain('Kính gửi: Đồng chí Nguyễn Văn An, lãnh đạo Phòng Tư pháp');
    expect(text).not.toContain('Thủ trưởng');
    expect(text).toContain('Phòng Tư pháp (đơn vị do đồng chí phụ trách)');
    expect(text).toContain('đã quá hạn 2 ngày làm việc');
    expect(text).toContain('chỉ đạo đơn vị khẩn trương hoàn thành');
    const en = renderNotice(notice('escalation', 'en', { recipientName: 'Nguyễn Văn An', workingDaysLeft: -2 })).text;
    expect(en).toContain('the unit under your direction');
  });

  it('lists who has not submitted for the office and the chair', () => {
    const pendingUnits = ['Phòng Tư pháp', 'UBND xã Dân Lực', 'Hội Liên hiệp Phụ nữ huyện'];
    const office = renderNotice(notice('escalation', 'vi', { escalationAudience: 'office', escalationLevel: 2, pendingUnits, workingDaysLeft: -3 }));
    expect(office.subject).toBe('[Đôn đốc lần 2] 3 đơn vị chưa nộp Báo cáo sơ kết 6 tháng – hạn 12/6/2026');
    expect(office.text).toContain('Kính gửi: Phòng Lao động - Thương binh và Xã hội');
    expect(office.text).toContain('các đơn vị sau chưa nộp');
    for (const unit of pendingUnits) {
      expect(office.text).toContain(`  - ${unit}`);
      expect(office.html).toContain(`<li style="margin:0 0 4px;">${unit}</li>`);
    }

    const chair = renderNotice(notice('escalation', 'vi', { escalationAudience: 'chair', escalationLevel: 3, workingDaysLeft: -5 }));
    expect(chair.subject).toBe('[Đôn đốc lần 3] Phòng Tư pháp chưa nộp Báo cáo sơ kết 6 tháng – hạn 12/6/2026');
    expect(chair.text).toContain('Kính gửi: Đồng chí Trưởng ban');
    expect(chair.text).toContain('(cơ quan thường trực) kính báo cáo');
    expect(chair.text).toContain('  - Phòng Tư pháp');
    expect(chair.text).toContain('đã quá hạn 5 ngày làm việc');

    const chairEn = renderNotice(notice('escalation', 'en', { escalationAudience: 'chair', pendingUnits }));
    expect(chairEn.subject).toContain('3 units have not submitted');
    expect(chairEn.text).toContain('  - UBND xã Dân Lực');
  });
});

describe('escaping and text fidelity', () => {
  const hostile = '<script>alert(1)</script>';

  it('escapes every interpolated value in HTML and keeps it raw in text', () => {
    for (const locale of ['vi', 'en'] as const) {
      for (const kind of NOTICE_KINDS) {
        const { subject, text, html } = renderNotice(
          notice(kind, locale, {
            unitName: hostile,
            itemTitle: 'Báo cáo "A" & <b>B</b>',
            comment: `Thiếu phụ lục <img src=x onerror=alert(2)>\nDòng 2 'x'`,
            escalationAudience: 'office',
          }),
        );
        expect(html).not.toContain('<script>');
        expect(html).not.toContain('<b>B</b>');
        expect(html).not.toContain('<img');
        if (KEY_FACTS[kind].includes('unit')) {
          expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
          expect(text).toContain(hostile);
        }
        expect(html).toContain('Báo cáo &quot;A&quot; &amp; &lt;b&gt;B&lt;/b&gt;');
        expect(text).toContain('Báo cáo "A" & <b>B</b>');
        expect(subject).toContain('Báo cáo "A" & <b>B</b>');
        if (KEY_FACTS[kind].includes('comment')) {
          expect(html).toContain('Thiếu phụ lục &lt;img src=x onerror=alert(2)&gt;<br>Dòng 2 &#39;x&#39;');
          expect(text).toContain('  > Thiếu phụ lục <img src=x onerror=alert(2)>\n  > Dòng 2 \'x\'');
        }
      }
    }
  });

  it('escapes the names, lists and file names of the newer notices too', () => {
    // Each field's value as written, and the kinds that show it.
    const values = {
      recipientName: '<q>UBND</q> huyện',
      reviewerName: '<em>Trưởng</em> ban',
      attachmentName: '"><svg onload=alert(3)>.xlsx',
      inspectionTeam: '<s>Đoàn</s> kiểm tra',
      finding: '<i>Tồn tại</i> 1',
      remediation: '<u>Khắc phục</u> 1',
      pendingUnit: '<mark>UBND xã</mark> Dân Lực',
    };
    const shownBy: Record<keyof typeof values, NoticeKind[]> = {
      recipientName: ['forwarded', 'approval-requested', 'campaign-summary', 'request'],
      reviewerName: ['approval-returned'],
      attachmentName: ['forwarded', 'consolidated', 'approval-requested', 'approval-returned', 'campaign-summary'],
      inspectionTeam: ['inspection-notice', 'inspection-reminder', 'inspection-findings'],
      finding: ['inspection-findings'],
      remediation: ['inspection-findings', 'inspection-closed'],
      pendingUnit: ['consolidated'],
    };
    const escape = (v: string) => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    for (const locale of ['vi', 'en'] as const) {
      for (const kind of NOTICE_KINDS) {
        const { text, html } = renderNotice(notice(kind, locale, {
          recipientName: values.recipientName,
          reviewerName: values.reviewerName,
          attachmentName: values.attachmentName,
          inspectionTeam: values.inspectionTeam,
          findings: [values.finding],
          remediations: [{ title: values.remediation, dueAt: '2026-07-31', doneAt: '2026-07-30' }],
          pendingUnits: [values.pendingUnit],
        }));
        expect(html, kind).not.toMatch(/<(q|em|svg|s|i|u|mark)\b/);
        for (const field of Object.keys(values) as Array<keyof typeof values>) {
          if (!shownBy[field].includes(kind)) continue;
          expect(html, `${kind} ${field}`).toContain(escape(values[field]));
          expect(text, `${kind} ${field}`).toContain(values[field]);
        }
      }
    }
  });

  it('escapes a link in attributes and drops links that are not http(s)', () => {
    const quoted = renderNotice(notice('request', 'vi', { link: 'https://x.example/?a="><script>alert(1)</script>' })).html;
    expect(quoted).not.toContain('<script>');
    const js = renderNotice(notice('request', 'vi', { link: 'javascript:alert(1)' }));
    expect(js.html).not.toContain('javascript:');
    expect(js.text).not.toContain('javascript:');
    const { link: _link, ...withoutLink } = notice('request', 'vi');
    const none = renderNotice(withoutLink);
    expect(none.html).not.toContain('<a ');
    expect(none.text).not.toContain('http');
  });

  it('keeps Vietnamese diacritics intact (NFC, nothing transliterated)', () => {
    const { subject, text, html } = renderNotice(notice('returned', 'vi', { unitName: 'Ủy ban nhân dân xã Xuân Thịnh' }));
    for (const part of [subject, text, html]) expect(part).toBe(part.normalize('NFC'));
    expect(text).toContain('Kính gửi: Ủy ban nhân dân xã Xuân Thịnh');
    expect(text).toContain('ĐỀ NGHỊ BỔ SUNG, HOÀN THIỆN');
    expect(text).toContain('Ý kiến của Phòng Lao động - Thương binh và Xã hội:');
    expect(html).toContain('Ủy ban nhân dân xã Xuân Thịnh');
    expect(html).toContain('<meta charset="utf-8">');
  });

  it('keeps a subject on one line whatever the names contain', () => {
    const { subject } = renderNotice(notice('submitted', 'vi', { unitName: 'Phòng\nTư pháp', itemTitle: 'Báo cáo\r\n sơ kết\t6 tháng' }));
    expect(subject).toBe('[Đã nộp] Phòng Tư pháp – Báo cáo sơ kết 6 tháng');
  });

  it('says in text everything the HTML says', () => {
    for (const [locale, kind] of (['vi', 'en'] as const).flatMap((l) => NOTICE_KINDS.map((k) => [l, k] as const))) {
      const { text, html } = renderNotice(notice(kind, locale, { pendingUnits: ['UBND xã Dân Lực', 'Phòng Y tế'] }));
      const htmlText = html
        .replace(/<title>.*<\/title>/, '')
        .replace(/<[^>]+>/g, '\n')
        .replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
      // The "if the button does not open" hint is about the button, which text does not have.
      const lines = htmlText.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('Trường hợp không mở được nút trên') && !l.startsWith('If the button'));
      const flatText = text.replace(/\s+/g, ' ');
      for (const line of lines) {
        // The heading is upper-cased in text; every other line appears as written.
        const found = flatText.includes(line.replace(/\s+/g, ' ')) || flatText.includes(line.toLocaleUpperCase('vi'));
        expect(found, `${kind} (${locale}): "${line}" missing from text`).toBe(true);
      }
    }
  });
});
