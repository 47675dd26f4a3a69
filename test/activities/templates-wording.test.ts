// The wording of official correspondence, pinned: whom a letter addresses and by which title,
// the subject tags, the refusals, the committee's signature, dates as offices write them, and
// the notice to the office when an address refuses mail. Shared checks (key facts, escaping,
// text = HTML) for every kind are in templates.test.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headTitle } from '../../activities/notify/address-vi';
import { renderNotice } from '../../activities/notify/render';
import { en } from '../../activities/notify/strings-en';
import { vi } from '../../activities/notify/strings-vi';
import { NOTICE_KINDS, type Locale, type NoticeData, type NoticeKind } from '../../contract/notices';

const OFFICE = 'Phòng Lao động - Thương binh và Xã hội';

function notice(kind: NoticeKind, locale: Locale, extra: Partial<NoticeData> = {}): NoticeData {
  return {
    kind,
    locale,
    programTitle: 'Chương trình công tác vì sự tiến bộ của phụ nữ huyện Triệu Sơn năm 2026',
    officeName: OFFICE,
    itemTitle: 'Báo cáo sơ kết 6 tháng',
    period: '6 tháng đầu năm 2026',
    unitName: 'Phòng Tư pháp',
    dueAt: '2026-03-18T17:00:00+07:00',
    timeZone: 'Asia/Ho_Chi_Minh',
    workingDaysLeft: 3,
    receiptNumber: 'BN-2026-0316-004',
    submittedAt: '2026-03-16T08:05:00+07:00',
    previousDueAt: '2026-03-11T17:00:00+07:00',
    requestedDueAt: '2026-03-25',
    escalationLevel: 1,
    escalationAudience: 'unit-head',
    link: 'https://dondoc.example.vn/don-vi/tu-phap?sig=abc123',
    visitAt: '2026-04-07T08:00:00+07:00',
    windowStart: '2026-03-02',
    windowEnd: '2026-03-31',
    failedTo: ['tuphap@trieuson.example.org'],
    failureCode: '550',
    failureMessage: '5.1.1 Recipient address rejected: User unknown',
    failedKind: 'request',
    ...extra,
  };
}

const all = (locale: Locale, extra: Partial<NoticeData> = {}) =>
  NOTICE_KINDS.map((kind) => ({ kind, ...renderNotice(notice(kind, locale, extra)) }));

describe('subjects (vi): the tag says what the letter is', () => {
  it('pins the subject of every kind', () => {
    const subjects = Object.fromEntries(all('vi').map((r) => [r.kind, r.subject]));
    expect(subjects).toEqual({
      // The first request chases nothing yet: no "[Đôn đốc]".
      request: '[Đề nghị thực hiện] Báo cáo sơ kết 6 tháng – hạn nộp 18/3/2026',
      reminder: '[Nhắc hạn] Báo cáo sơ kết 6 tháng – hạn nộp 18/3/2026',
      receipt: '[Biên nhận] Số BN-2026-0316-004 – Báo cáo sơ kết 6 tháng',
      submitted: '[Đã nộp] Phòng Tư pháp – Báo cáo sơ kết 6 tháng',
      returned: '[Trả lại] Báo cáo sơ kết 6 tháng – hạn gửi lại 18/3/2026',
      accepted: '[Chấp nhận] Báo cáo sơ kết 6 tháng – Số BN-2026-0316-004',
      escalation: '[Đôn đốc lần 1] Phòng Tư pháp chưa nộp Báo cáo sơ kết 6 tháng – hạn 18/3/2026',
      extended: '[Gia hạn] Báo cáo sơ kết 6 tháng – hạn mới 18/3/2026',
      // "[Xin gia hạn]" is the unit's request; the office's answer is about the deadline to submit.
      'extension-requested': '[Xin gia hạn] Phòng Tư pháp – Báo cáo sơ kết 6 tháng – đến 25/3/2026',
      'extension-refused': '[Gia hạn] Không chấp thuận gia hạn nộp Báo cáo sơ kết 6 tháng – hạn nộp 18/3/2026',
      'exemption-requested': '[Xin miễn thực hiện] Phòng Tư pháp đề nghị miễn thực hiện Báo cáo sơ kết 6 tháng',
      exempted: '[Miễn thực hiện] Đồng ý miễn thực hiện Báo cáo sơ kết 6 tháng – Phòng Tư pháp',
      'exemption-refused': '[Miễn thực hiện] Không chấp thuận miễn thực hiện Báo cáo sơ kết 6 tháng – hạn nộp 18/3/2026',
      cancelled: '[Điều chỉnh] Không còn yêu cầu thực hiện Báo cáo sơ kết 6 tháng',
      consolidated: '[Báo cáo tổng hợp] Đã tổng hợp Báo cáo sơ kết 6 tháng',
      'approval-requested': '[Trình duyệt] Tổng hợp Báo cáo sơ kết 6 tháng',
      'approval-returned': '[Trình duyệt] Trả lại tổng hợp Báo cáo sơ kết 6 tháng',
      forwarded: '[Báo cáo tổng hợp] Báo cáo sơ kết 6 tháng – 6 tháng đầu năm 2026',
      'late-addendum': '[Bổ sung] Phòng Tư pháp nộp Báo cáo sơ kết 6 tháng sau khi đã tổng hợp',
      'inspection-notice': '[Kiểm tra] Lịch kiểm tra ngày 7/4/2026 – Báo cáo sơ kết 6 tháng',
      'inspection-reminder': '[Kiểm tra] Nhắc lịch kiểm tra ngày 7/4/2026 – Báo cáo sơ kết 6 tháng',
      'inspection-findings': '[Kiểm tra] Thông báo kết quả – Báo cáo sơ kết 6 tháng',
      'inspection-closed': '[Kiểm tra] Phòng Tư pháp đã hoàn thành khắc phục – Báo cáo sơ kết 6 tháng',
      'campaign-launch': '[Phát động] Báo cáo sơ kết 6 tháng – từ 2/3/2026 đến 31/3/2026',
      'campaign-checkin': '[Nắm tình hình] Báo cáo tiến độ Báo cáo sơ kết 6 tháng – hạn 18/3/2026',
      'campaign-summary': '[Tổng hợp kết quả] Báo cáo sơ kết 6 tháng',
      'delivery-failed': '[Không gửi được thư] Phòng Tư pháp – Báo cáo sơ kết 6 tháng',
    });
  });

  it('chases (Đôn đốc) only what is overdue', () => {
    expect(renderNotice(notice('reminder', 'vi', { workingDaysLeft: -1 })).subject).toBe('[Đôn đốc] Quá hạn nộp Báo cáo sơ kết 6 tháng – hạn 18/3/2026');
    expect(renderNotice(notice('request', 'vi')).text).not.toMatch(/đôn đốc/i);
    expect(renderNotice(notice('request', 'en')).subject).toBe('[Request] Please submit Báo cáo sơ kết 6 tháng – due 18 March 2026');
  });
});

describe('the register of official correspondence (vi)', () => {
  it('writes dates as offices do: 18/3/2026 and 17h00, never zero-padded', () => {
    const request = renderNotice(notice('request', 'vi')).text;
    expect(request).toContain('gửi kết quả trước 17h00, thứ Tư, ngày 18/3/2026.');
    expect(request).toContain('- Hạn nộp: 17h00, thứ Tư, ngày 18/3/2026');
    expect(renderNotice(notice('receipt', 'vi')).text).toContain('lúc 8h05, thứ Hai, ngày 16/3/2026.');
    for (const r of all('vi')) {
      for (const part of [r.subject, r.text]) {
        expect(part, r.kind).not.toMatch(/(^|[^\d])0\d\/\d/);
        expect(part, r.kind).not.toMatch(/\d\/0\d\//);
        expect(part, r.kind).not.toMatch(/\d giờ \d/);
      }
    }
  });

  it('has no calques and no "Thủ trưởng": the footer and the link hint read as an office writes them', () => {
    for (const r of all('vi', { escalationAudience: 'unit-head', recipientName: 'Nguyễn Văn An' })) {
      expect(r.text, r.kind).toContain('Thư này được gửi tự động từ hệ thống dondoc; đề nghị không trả lời trực tiếp thư này.');
      expect(r.html, r.kind).toContain('Trường hợp không mở được nút trên, đề nghị sao chép đường dẫn sau vào trình duyệt:');
      expect(`${r.subject}\n${r.text}`, r.kind).not.toMatch(/vui lòng|Thủ trưởng|với ý kiến dưới đây/i);
      expect(r.text, r.kind).toMatch(/^Kính gửi: /m);
      expect(r.text, r.kind).toContain('Trân trọng./.');
    }
  });

  it('refuses with "không chấp thuận; ý kiến cụ thể như sau:" and quotes the office', () => {
    const comment = 'Các đơn vị khác đã nộp đúng hạn.';
    const ext = renderNotice(notice('extension-refused', 'vi', { comment })).text;
    expect(ext).toContain(`${OFFICE} đã xem xét đề nghị gia hạn thời hạn nộp “Báo cáo sơ kết 6 tháng” (6 tháng đầu năm 2026) của Phòng Tư pháp (đến ngày 25/3/2026) và không chấp thuận; ý kiến cụ thể như sau:\n\nÝ kiến của ${OFFICE}:\n  > ${comment}`);
    const exe = renderNotice(notice('exemption-refused', 'vi', { comment })).text;
    expect(exe).toContain('và không chấp thuận; ý kiến cụ thể như sau:');
    const ret = renderNotice(notice('returned', 'vi', { comment })).text;
    expect(ret).toContain('và đề nghị đơn vị bổ sung, hoàn thiện; ý kiến cụ thể như sau:');
    // Without words to quote, the sentence simply ends.
    expect(renderNotice(notice('extension-refused', 'vi')).text).toContain('(đến ngày 25/3/2026) và không chấp thuận.');
  });

  it('writes "miễn thực hiện", not "miễn <report>"', () => {
    const asked = renderNotice(notice('exemption-requested', 'vi', { comment: 'Không phát sinh.' })).text;
    expect(asked).toContain('Phòng Tư pháp đề nghị được miễn thực hiện “Báo cáo sơ kết 6 tháng”');
    expect(asked).toContain('Lý do đề nghị miễn thực hiện:');
    expect(asked).toContain('đồng ý miễn thực hiện, hoặc không đồng ý và giữ nguyên yêu cầu.');
  });

  it('bases the first request on the program ("Căn cứ …")', () => {
    expect(renderNotice(notice('request', 'vi')).text).toContain(
      `Căn cứ Chương trình công tác vì sự tiến bộ của phụ nữ huyện Triệu Sơn năm 2026, ${OFFICE} (cơ quan thường trực) đề nghị Phòng Tư pháp thực hiện nội dung “Báo cáo sơ kết 6 tháng” (6 tháng đầu năm 2026) và gửi kết quả trước 17h00, thứ Tư, ngày 18/3/2026.`,
    );
  });

  it('counts one item without "1 nội dung"', () => {
    const one = { remediations: [{ title: 'Kiện toàn Ban vì sự tiến bộ của phụ nữ xã', dueAt: '2026-04-30', doneAt: '2026-04-28' }], findings: ['Chưa kiện toàn Ban'] };
    const findings = renderNotice(notice('inspection-findings', 'vi', one)).text;
    expect(findings).toContain(`Đề nghị Phòng Tư pháp khắc phục nội dung sau và báo cáo kết quả về ${OFFICE} trong thời hạn ghi dưới đây:`);
    expect(findings).toContain('  1. Kiện toàn Ban vì sự tiến bộ của phụ nữ xã – hạn ngày 30/4/2026');
    const closed = renderNotice(notice('inspection-closed', 'vi', one)).text;
    expect(closed).toContain('Phòng Tư pháp đã hoàn thành nội dung phải khắc phục theo kết quả kiểm tra');
    for (const text of [findings, closed]) expect(text).not.toMatch(/\b1 nội dung/);

    const two = { remediations: [...one.remediations, { title: 'Ban hành kế hoạch', dueAt: '2026-05-15', doneAt: '2026-05-14' }] };
    expect(renderNotice(notice('inspection-findings', 'vi', two)).text).toContain('khắc phục 2 nội dung sau và báo cáo kết quả về');
    expect(renderNotice(notice('inspection-closed', 'vi', two)).text).toContain('đã hoàn thành toàn bộ 2 nội dung phải khắc phục');
    expect(renderNotice(notice('inspection-findings', 'en', one)).text).toContain('Please remedy the following item and report');
  });
});

describe('addressing people by their title from the program', () => {
  it('completes a head\'s title with the unit\'s name, where the title names only the kind of office', () => {
    expect(headTitle('Chủ tịch UBND xã', 'UBND xã Đồng Tiến')).toBe('Chủ tịch UBND xã Đồng Tiến');
    expect(headTitle('Chủ tịch UBND phường', 'UBND phường Hạc Thành')).toBe('Chủ tịch UBND phường Hạc Thành');
    expect(headTitle('Trưởng phòng', 'Phòng Nội vụ')).toBe('Trưởng phòng Nội vụ');
    expect(headTitle('Giám đốc Trung tâm', 'Trung tâm Khuyến nông')).toBe('Giám đốc Trung tâm Khuyến nông');
    expect(headTitle('Chánh Văn phòng Sở', 'Văn phòng Sở Nông nghiệp và Môi trường')).toBe('Chánh Văn phòng Sở Nông nghiệp và Môi trường');
    expect(headTitle('Chi cục trưởng', 'Chi cục Thủy lợi')).toBe('Chi cục trưởng Chi cục Thủy lợi');
    expect(headTitle('Giám đốc', 'Sở Y tế')).toBe('Giám đốc Sở Y tế');
    // A title that already says whose head it is stays as written.
    expect(headTitle('Trưởng phòng Lao động - Thương binh và Xã hội', 'Phòng Lao động - Thương binh và Xã hội')).toBe('Trưởng phòng Lao động - Thương binh và Xã hội');
    expect(headTitle('Chủ tịch Hội LHPN huyện', 'Hội Liên hiệp Phụ nữ huyện')).toBe('Chủ tịch Hội LHPN huyện');
  });

  it('greets a unit head as "Đồng chí <title>", with the name when the program gives one', () => {
    const commune = { unitName: 'UBND xã Đồng Tiến', escalationAudience: 'unit-head' as const, workingDaysLeft: -1 };
    // A head without a name reaches the notice with the title as its name.
    const nameless = renderNotice(notice('escalation', 'vi', { ...commune, recipientName: 'Chủ tịch UBND xã', recipientTitle: 'Chủ tịch UBND xã' })).text;
    expect(nameless).toContain('Kính gửi: Đồng chí Chủ tịch UBND xã Đồng Tiến\n');
    const named = renderNotice(notice('escalation', 'vi', { ...commune, recipientName: 'Nguyễn Văn An', recipientTitle: 'Chủ tịch UBND xã' })).text;
    expect(named).toContain('Kính gửi: Đồng chí Nguyễn Văn An, Chủ tịch UBND xã Đồng Tiến\n');
    expect(named).toContain('UBND xã Đồng Tiến (đơn vị do đồng chí phụ trách) được giao thực hiện nội dung');
    const dept = renderNotice(notice('escalation', 'vi', { recipientName: 'Trần Thị Bình', recipientTitle: 'Trưởng phòng' })).text;
    expect(dept).toContain('Kính gửi: Đồng chí Trần Thị Bình, Trưởng phòng Tư pháp\n');
    // Neither name nor title: the unit's leadership, as offices write it.
    const { recipientName: _n, ...anonymous } = notice('escalation', 'vi');
    expect(renderNotice(anonymous).text).toContain('Kính gửi: Lãnh đạo Phòng Tư pháp\n');

    expect(renderNotice(notice('escalation', 'en', { ...commune, recipientName: 'Nguyễn Văn An', recipientTitle: 'Chủ tịch UBND xã' })).text)
      .toContain('To: Nguyễn Văn An, Chủ tịch UBND xã Đồng Tiến\n');
  });

  it('greets the chair by name and title', () => {
    const chair = { recipientName: 'Lê Quang Trung', recipientTitle: 'Phó Chủ tịch UBND huyện, Trưởng ban' };
    for (const kind of ['approval-requested', 'campaign-summary'] as const) {
      expect(renderNotice(notice(kind, 'vi', chair)).text).toContain('Kính gửi: Đồng chí Lê Quang Trung, Phó Chủ tịch UBND huyện, Trưởng ban\n');
    }
    expect(renderNotice(notice('escalation', 'vi', { ...chair, escalationAudience: 'chair' })).text)
      .toContain('Kính gửi: Đồng chí Lê Quang Trung, Phó Chủ tịch UBND huyện, Trưởng ban\n');
    expect(renderNotice(notice('approval-requested', 'vi', { recipientTitle: 'Trưởng ban' })).text).toContain('Kính gửi: Đồng chí Trưởng ban\n');
  });
});

describe('the consolidated report goes up in the committee\'s name', () => {
  const committee = {
    recipientName: 'Ủy ban nhân dân huyện Triệu Sơn',
    committeeName: 'Ban Vì sự tiến bộ của phụ nữ huyện Triệu Sơn',
    signerName: 'Lê Quang Trung',
    attachmentName: 'bao-cao-so-ket-6-thang-2026.xlsx',
  };

  it('is sent by the committee and signed by its chair', () => {
    const { text, html } = renderNotice(notice('forwarded', 'vi', committee));
    expect(text.startsWith('Ban Vì sự tiến bộ của phụ nữ huyện Triệu Sơn\nGỬI BÁO CÁO TỔNG HỢP')).toBe(true);
    expect(text).toContain('Kính gửi: Ủy ban nhân dân huyện Triệu Sơn\n');
    expect(text).toContain('Thực hiện Chương trình công tác vì sự tiến bộ của phụ nữ huyện Triệu Sơn năm 2026, Ban Vì sự tiến bộ của phụ nữ huyện Triệu Sơn trân trọng gửi báo cáo tổng hợp “Báo cáo sơ kết 6 tháng” (6 tháng đầu năm 2026) để Quý cơ quan theo dõi, chỉ đạo.');
    expect(text).toContain('Trân trọng./.\nTM. Ban Vì sự tiến bộ của phụ nữ huyện Triệu Sơn\nTrưởng ban\nLê Quang Trung\n');
    expect(text).not.toContain('(cơ quan thường trực)');
    expect(html).toContain('Trân trọng./.<br>TM. Ban Vì sự tiến bộ của phụ nữ huyện Triệu Sơn<br>Trưởng ban<br>Lê Quang Trung');

    const en = renderNotice(notice('forwarded', 'en', committee)).text;
    expect(en).toContain('Ban Vì sự tiến bộ của phụ nữ huyện Triệu Sơn respectfully submits the consolidated report');
    expect(en).toContain('Kind regards,\nFor Ban Vì sự tiến bộ của phụ nữ huyện Triệu Sơn\nChair\nLê Quang Trung\n');
  });
});

describe('delivery-failed: an address refused the mail', () => {
  it('tells the office which address refused which notice, the relay\'s answer, and what to do', () => {
    const { subject, text, html } = renderNotice(notice('delivery-failed', 'vi', {
      failedTo: ['tuphap@trieuson.example.org', 'vanthu.tuphap@trieuson.example.org'],
      failureMessage: '5.1.1 <tuphap@trieuson.example.org>: Recipient address rejected: User unknown',
    }));
    expect(subject).toBe('[Không gửi được thư] Phòng Tư pháp – Báo cáo sơ kết 6 tháng');
    expect(text.startsWith('Hệ thống đôn đốc dondoc\nKHÔNG GỬI ĐƯỢC THƯ ĐẾN ĐƠN VỊ\n\nKính gửi: Phòng Lao động - Thương binh và Xã hội\n')).toBe(true);
    expect(text).toContain('Hệ thống không gửi được thư đề nghị thực hiện về “Báo cáo sơ kết 6 tháng” (6 tháng đầu năm 2026) đến Phòng Tư pháp theo địa chỉ tuphap@trieuson.example.org, vanthu.tuphap@trieuson.example.org: máy chủ thư của nơi nhận đã từ chối nhận thư.');
    expect(text).toContain('Trả lời của máy chủ thư:\n  > 550 5.1.1 <tuphap@trieuson.example.org>: Recipient address rejected: User unknown');
    expect(text).toContain(`Đề nghị ${OFFICE} kiểm tra, sửa địa chỉ thư điện tử của đơn vị trong tệp chương trình rồi áp dụng lại chương trình, hoặc sửa trên trang quản lý.`);
    expect(text).toContain('Sau khi địa chỉ được sửa, hệ thống sẽ gửi lại các thư chưa gửi được.');
    expect(text).toContain('- Địa chỉ từ chối nhận thư: tuphap@trieuson.example.org, vanthu.tuphap@trieuson.example.org');
    expect(text).toContain('- Thư không gửi được: Thư đề nghị thực hiện');
    expect(text).toContain('Trân trọng./.\nHệ thống đôn đốc dondoc');
    // The relay's words are quoted as written, and escaped in HTML.
    expect(html).toContain('550 5.1.1 &lt;tuphap@trieuson.example.org&gt;: Recipient address rejected');
    expect(html).not.toContain('<tuphap@');
    // The refused address is what the office must act on: marked like an overdue.
    expect(html).toMatch(/>Địa chỉ từ chối nhận thư<\/th><td [^>]*color:#b91c1c;font-weight:bold;">tuphap@trieuson\.example\.org, vanthu/);
  });

  it('names the head when it is the head\'s address that refused, and reads without the optional fields', () => {
    const head = renderNotice(notice('delivery-failed', 'vi', { recipientName: 'Nguyễn Văn An', failedKind: 'escalation', failedTo: ['an.nv@trieuson.example.org'] })).text;
    expect(head).toContain('Hệ thống không gửi được thư đôn đốc về “Báo cáo sơ kết 6 tháng” (6 tháng đầu năm 2026) đến đồng chí Nguyễn Văn An (Phòng Tư pháp) theo địa chỉ an.nv@trieuson.example.org');
    // The office is still the one addressed.
    expect(head).toContain(`Kính gửi: ${OFFICE}\n`);

    const { failedKind: _k, failureCode: _c, failureMessage: _m, failedTo: _t, ...bare } = notice('delivery-failed', 'vi');
    const minimal = renderNotice(bare).text;
    expect(minimal).toContain('Hệ thống không gửi được thư về “Báo cáo sơ kết 6 tháng” (6 tháng đầu năm 2026) đến Phòng Tư pháp: máy chủ thư');
    expect(minimal).not.toContain('Trả lời của máy chủ thư');
  });

  it('says the same in English', () => {
    const { subject, text } = renderNotice(notice('delivery-failed', 'en'));
    expect(subject).toBe('[Delivery failed] Phòng Tư pháp – Báo cáo sơ kết 6 tháng');
    expect(text).toContain('The system could not deliver the request about “Báo cáo sơ kết 6 tháng” (6 tháng đầu năm 2026) to Phòng Tư pháp at tuphap@trieuson.example.org: the recipient\'s mail server refused it.');
    expect(text).toContain("The mail server's reply:\n  > 550 5.1.1 Recipient address rejected: User unknown");
    expect(text).toContain('Once the address is corrected, the notices that could not be delivered are sent again.');
    expect(text).toContain('- Undelivered notice: Request');
  });
});

describe('one renderer, one string table per language', () => {
  /** Every key path of a table: functions and strings are leaves. */
  function keys(value: unknown, prefix = ''): string[] {
    if (value === null || typeof value !== 'object') return [prefix];
    return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k)).sort();
  }

  it('has the same keys in Vietnamese and English, and a name for every kind', () => {
    expect(keys(en)).toEqual(keys(vi));
    expect(Object.keys(vi.kindNames).sort()).toEqual([...NOTICE_KINDS].sort());
  });

  it('keeps the notice contract free of imports, so workflows and activities can share it', () => {
    const source = readFileSync(join(__dirname, '../../contract/notices.ts'), 'utf8');
    expect(source).not.toMatch(/^\s*(import|export\s.*\sfrom)\s/m);
    expect(source).not.toMatch(/\brequire\(/);
  });
});
