// Wording of the notices beyond an assignment's basic life: extension and exemption requests and
// decisions, consolidation and approval, inspections, campaigns. The checks every kind shares
// (key facts, escaping, text = HTML) are in templates.test.ts.
import { describe, expect, it } from 'vitest';
import { type Locale, type NoticeData, type NoticeKind } from '../../contract/notices';
import { renderNotice } from '../../activities/notify/render';

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
    dueAt: '2026-06-12T17:00:00+07:00',
    timeZone: 'Asia/Ho_Chi_Minh',
    workingDaysLeft: 3,
    link: 'https://dondoc.example.vn/van-phong/bao-cao/2026-h1',
    ...extra,
  };
}

const COUNTS = { total: 32, onTime: 25, late: 3, missing: 2, exempt: 1, returned: 1 };

describe('extension and exemption', () => {
  it('asks the office to decide on a proposed due, or on more time without one', () => {
    const asked = renderNotice(notice('extension-requested', 'vi', { requestedDueAt: '2026-06-19T17:00:00+07:00', comment: 'Chờ số liệu của Chi cục Thống kê.' }));
    expect(asked.subject).toBe('[Xin gia hạn] Phòng Tư pháp – Báo cáo sơ kết 6 tháng – đến 19/6/2026');
    expect(asked.text.startsWith('Hệ thống đôn đốc dondoc\nĐƠN VỊ ĐỀ NGHỊ GIA HẠN')).toBe(true);
    expect(asked.text).toContain(`Kính gửi: ${OFFICE}`);
    expect(asked.text).toContain('Phòng Tư pháp đề nghị gia hạn thời hạn nộp “Báo cáo sơ kết 6 tháng” (6 tháng đầu năm 2026) từ 17h00, thứ Sáu, ngày 12/6/2026 đến 17h00, thứ Sáu, ngày 19/6/2026.');
    expect(asked.text).toContain('Lý do đề nghị gia hạn:\n  > Chờ số liệu của Chi cục Thống kê.');
    expect(asked.text).toContain('- Hạn hiện tại: 17h00, thứ Sáu, ngày 12/6/2026');
    expect(asked.text).toContain('- Hạn đề nghị: 17h00, thứ Sáu, ngày 19/6/2026');
    expect(asked.text).toContain('Xem và cho ý kiến:\nhttps://dondoc.example.vn/van-phong/bao-cao/2026-h1');

    const open = renderNotice(notice('extension-requested', 'vi'));
    expect(open.subject).toBe('[Xin gia hạn] Phòng Tư pháp – Báo cáo sơ kết 6 tháng');
    expect(open.text).toContain('đề nghị được gia hạn thời hạn nộp “Báo cáo sơ kết 6 tháng” (6 tháng đầu năm 2026), hạn hiện tại là 17h00, thứ Sáu, ngày 12/6/2026.');
    expect(open.text).not.toContain('Hạn đề nghị');
    expect(open.text).not.toContain('Lý do');

    const en = renderNotice(notice('extension-requested', 'en', { requestedDueAt: '2026-06-19' }));
    expect(en.subject).toBe('[Extension request] Phòng Tư pháp – Báo cáo sơ kết 6 tháng – to 19 June 2026');
    expect(en.text).toContain('from 5:00 PM, Friday 12 June 2026 to 19 June 2026.');
  });

  it('tells the unit a refusal leaves the due where it was', () => {
    const ext = renderNotice(notice('extension-refused', 'vi', { requestedDueAt: '2026-06-19', comment: 'Các đơn vị khác đã nộp đúng hạn.' }));
    // "[Xin gia hạn]" is the unit's request; the answer is about the deadline to submit (nộp).
    expect(ext.subject).toBe('[Gia hạn] Không chấp thuận gia hạn nộp Báo cáo sơ kết 6 tháng – hạn nộp 12/6/2026');
    expect(ext.text).toContain(`${OFFICE}\nKHÔNG CHẤP THUẬN GIA HẠN`);
    expect(ext.text).toContain('Kính gửi: Phòng Tư pháp');
    expect(ext.text).toContain('(đến ngày 19/6/2026) và không chấp thuận; ý kiến cụ thể như sau:\n\nÝ kiến của Phòng Lao động - Thương binh và Xã hội:\n  > Các đơn vị khác đã nộp đúng hạn.');
    expect(ext.text).not.toContain('với ý kiến dưới đây');
    expect(ext.text).toContain('Thời hạn nộp giữ nguyên: 17h00, thứ Sáu, ngày 12/6/2026 (còn 3 ngày làm việc).');
    expect(ext.text).toContain('- Hạn nộp (giữ nguyên): 17h00, thứ Sáu, ngày 12/6/2026');

    const exe = renderNotice(notice('exemption-refused', 'vi', { workingDaysLeft: -1 }));
    expect(exe.subject).toBe('[Miễn thực hiện] Không chấp thuận miễn thực hiện Báo cáo sơ kết 6 tháng – hạn nộp 12/6/2026');
    expect(exe.text).toContain('và không chấp thuận.');
    expect(exe.text).toContain('Hạn nộp giữ nguyên: 17h00, thứ Sáu, ngày 12/6/2026 (đã quá hạn 1 ngày làm việc).');
    expect(exe.html).toMatch(/color:#b91c1c;font-weight:bold;">Đã quá hạn 1 ngày làm việc</);

    expect(renderNotice(notice('extension-refused', 'en')).text).toContain('The deadline stands: 5:00 PM, Friday 12 June 2026 (3 working days left).');
  });

  it('asks the office about an exemption, and tells the unit when it is granted', () => {
    const asked = renderNotice(notice('exemption-requested', 'vi', { comment: 'Đơn vị không có cán bộ nữ trong kỳ.' }));
    expect(asked.subject).toBe('[Xin miễn thực hiện] Phòng Tư pháp đề nghị miễn thực hiện Báo cáo sơ kết 6 tháng');
    expect(asked.text).toContain('Phòng Tư pháp đề nghị được miễn thực hiện “Báo cáo sơ kết 6 tháng” (6 tháng đầu năm 2026), hạn nộp 17h00, thứ Sáu, ngày 12/6/2026.');
    expect(asked.text).toContain('Lý do đề nghị miễn thực hiện:\n  > Đơn vị không có cán bộ nữ trong kỳ.');

    const granted = renderNotice(notice('exempted', 'vi', { comment: 'Đồng ý theo đề nghị của đơn vị.' }));
    expect(granted.subject).toBe('[Miễn thực hiện] Đồng ý miễn thực hiện Báo cáo sơ kết 6 tháng – Phòng Tư pháp');
    expect(granted.text).toContain(`${OFFICE} đồng ý để Phòng Tư pháp được miễn thực hiện “Báo cáo sơ kết 6 tháng” (6 tháng đầu năm 2026).`);
    expect(granted.text).toContain('- Tình trạng: Được miễn thực hiện');
    // Nothing is due any more: the notice names no deadline.
    expect(granted.text).not.toContain('Hạn nộp');
    expect(granted.text).not.toContain('12/6/2026');
    const en = renderNotice(notice('exempted', 'en'));
    expect(en.subject).toBe('[Exemption] Granted: Báo cáo sơ kết 6 tháng – Phòng Tư pháp');
    expect(en.text).toContain('- Status: Exempted');
  });

  it('tells a unit that a program edit withdrew the request, and that nothing more is needed', () => {
    const vi = renderNotice(notice('cancelled', 'vi'));
    expect(vi.subject).toBe('[Điều chỉnh] Không còn yêu cầu thực hiện Báo cáo sơ kết 6 tháng');
    expect(vi.text).toContain('đã được điều chỉnh');
    expect(vi.text).toContain('Phòng Tư pháp không còn phải thực hiện “Báo cáo sơ kết 6 tháng” (6 tháng đầu năm 2026).');
    expect(vi.text).toContain('Đơn vị không cần thực hiện thêm việc gì đối với nội dung này');
    expect(vi.text).not.toContain('Ý kiến của');
    expect(vi.text).not.toContain('12/6/2026');
    const withComment = renderNotice(notice('cancelled', 'vi', { comment: 'Nội dung đã được gộp vào báo cáo năm.' })).text;
    expect(withComment).toContain(`Ý kiến của ${OFFICE}:\n  > Nội dung đã được gộp vào báo cáo năm.`);
    const en = renderNotice(notice('cancelled', 'en')).text;
    expect(en).toContain('No further action is needed on this item');
  });
});

describe('consolidation, approval and forwarding', () => {
  it('tells the office the consolidated report is ready, with the counts and who is missing', () => {
    const { subject, text, html } = renderNotice(notice('consolidated', 'vi', {
      unitName: OFFICE,
      counts: COUNTS,
      pendingUnits: ['UBND xã Dân Lực', 'Phòng Y tế'],
      attachmentName: 'tong-hop-6-thang-2026.xlsx',
    }));
    expect(subject).toBe('[Báo cáo tổng hợp] Đã tổng hợp Báo cáo sơ kết 6 tháng');
    expect(text).toContain(`Kính gửi: ${OFFICE}`);
    expect(text).toContain('các đơn vị sau chưa gửi kết quả; kết quả gửi sau sẽ được ghi vào phụ lục bổ sung:\n\n  - UBND xã Dân Lực\n  - Phòng Y tế');
    expect(html).toContain('<ul style="margin:0 0 16px;padding-left:24px;"><li style="margin:0 0 4px;">UBND xã Dân Lực</li><li style="margin:0 0 4px;">Phòng Y tế</li></ul>');
    for (const line of ['Số đơn vị được giao: 32 đơn vị', 'Nộp đúng hạn: 25 đơn vị', 'Nộp sau hạn: 3 đơn vị', 'Chưa nộp: 2 đơn vị', 'Được miễn: 1 đơn vị', 'Trả lại để hoàn thiện: 1 đơn vị', 'Tệp đính kèm: tong-hop-6-thang-2026.xlsx']) {
      expect(text).toContain(`- ${line}`);
    }
    // Missing units are what the office must act on: marked like an overdue.
    expect(html).toMatch(/>Chưa nộp<\/th><td [^>]*color:#b91c1c;font-weight:bold;">2 đơn vị</);
    expect(text).toContain('Mở báo cáo tổng hợp:\nhttps://dondoc.example.vn/van-phong/bao-cao/2026-h1');

    const complete = renderNotice(notice('consolidated', 'en', { counts: { ...COUNTS, missing: 0 } }));
    expect(complete.text).toContain('- Not submitted: 0 units');
    expect(complete.text).toContain('- Exempted: 1 unit');
    expect(complete.text).not.toContain('had not submitted');
    expect(complete.html).not.toContain('#b91c1c');
  });

  it('asks the chair to approve before the report goes up', () => {
    const named = renderNotice(notice('approval-requested', 'vi', { recipientName: 'Lê Thị Hoa', counts: COUNTS }));
    expect(named.subject).toBe('[Trình duyệt] Tổng hợp Báo cáo sơ kết 6 tháng');
    expect(named.text).toContain('Kính gửi: Đồng chí Lê Thị Hoa');
    expect(named.text).toContain(`${OFFICE} (cơ quan thường trực) đã tổng hợp “Báo cáo sơ kết 6 tháng”`);
    expect(named.text).toContain('Kính trình đồng chí xem xét, phê duyệt báo cáo tổng hợp');
    expect(named.text).toContain('Xem và phê duyệt:');
    expect(named.text).toContain(`Trân trọng./.\n${OFFICE}`);
    expect(renderNotice(notice('approval-requested', 'vi')).text).toContain('Kính gửi: Đồng chí Trưởng ban');
    expect(renderNotice(notice('approval-requested', 'en')).text).toContain('To: the Chair of the Committee');
  });

  it('tells the office the chair returned the report, in the chair’s words', () => {
    const comment = 'Bổ sung phân tích nguyên nhân các chỉ tiêu chưa đạt.';
    const vi = renderNotice(notice('approval-returned', 'vi', { reviewerName: 'Lê Thị Hoa', comment }));
    expect(vi.subject).toBe('[Trình duyệt] Trả lại tổng hợp Báo cáo sơ kết 6 tháng');
    expect(vi.text).toContain('Đồng chí Lê Thị Hoa đã xem xét và trả lại báo cáo tổng hợp “Báo cáo sơ kết 6 tháng” (6 tháng đầu năm 2026); ý kiến cụ thể như sau:');
    expect(vi.text).toContain(`Ý kiến của đồng chí Lê Thị Hoa:\n  > ${comment}`);
    expect(vi.text).toContain(`Đề nghị ${OFFICE} chỉnh sửa, hoàn thiện báo cáo tổng hợp và trình lại.`);
    expect(renderNotice(notice('approval-returned', 'vi', { comment })).text).toContain('Đồng chí Trưởng ban đã xem xét và trả lại');
    expect(renderNotice(notice('approval-returned', 'en', { comment })).text).toContain('The Chair has reviewed and returned');
  });

  it('writes the cover letter to the upward recipient, from the standing office, with the report attached', () => {
    const { subject, text } = renderNotice(notice('forwarded', 'vi', {
      recipientName: 'UBND huyện Triệu Sơn',
      attachmentName: 'bao-cao-so-ket-6-thang-2026.pdf',
      counts: COUNTS,
    }));
    expect(subject).toBe('[Báo cáo tổng hợp] Báo cáo sơ kết 6 tháng – 6 tháng đầu năm 2026');
    expect(text.startsWith(`${OFFICE}\nGỬI BÁO CÁO TỔNG HỢP`)).toBe(true);
    // An office is addressed by its name, not as a comrade.
    expect(text).toContain('Kính gửi: UBND huyện Triệu Sơn\n');
    expect(text).toContain(`${OFFICE} (cơ quan thường trực) trân trọng gửi báo cáo tổng hợp “Báo cáo sơ kết 6 tháng” (6 tháng đầu năm 2026) để Quý cơ quan theo dõi, chỉ đạo.`);
    expect(text).toContain('Báo cáo được gửi kèm theo thư này (tệp bao-cao-so-ket-6-thang-2026.pdf).');
    expect(text).toContain('- Số đơn vị được giao: 32 đơn vị');
    expect(text).toContain(`Trân trọng./.\n${OFFICE}`);

    // Several upward recipients are named together in the greeting only.
    const two = renderNotice(notice('forwarded', 'vi', { recipientName: 'UBND huyện Triệu Sơn; Ban vì sự tiến bộ của phụ nữ tỉnh Thanh Hóa' })).text;
    expect(two).toContain('Kính gửi: UBND huyện Triệu Sơn; Ban vì sự tiến bộ của phụ nữ tỉnh Thanh Hóa\n');
    expect(two).toContain('để Quý cơ quan theo dõi, chỉ đạo.');

    const en = renderNotice(notice('forwarded', 'en', { recipientName: 'UBND huyện Triệu Sơn', attachmentName: 'h1.pdf' })).text;
    expect(en).toContain('To: UBND huyện Triệu Sơn');
    expect(en).toContain('for your information and direction.');
    expect(en).toContain('respectfully submits the consolidated report');
    expect(en).toContain('The report is attached to this message (h1.pdf).');
  });

  it('records a submission that arrived after consolidation', () => {
    const { subject, text } = renderNotice(notice('late-addendum', 'vi', {
      unitName: 'UBND xã Dân Lực',
      receiptNumber: 'BN-2026-0618-031',
      submittedAt: '2026-06-18T10:30:00+07:00',
    }));
    expect(subject).toBe('[Bổ sung] UBND xã Dân Lực nộp Báo cáo sơ kết 6 tháng sau khi đã tổng hợp');
    expect(text).toContain('UBND xã Dân Lực đã nộp “Báo cáo sơ kết 6 tháng” (6 tháng đầu năm 2026) lúc 10h30, thứ Năm, ngày 18/6/2026 (số biên nhận BN-2026-0618-031), sau khi báo cáo tổng hợp đã được lập.');
    expect(text).toContain('Kết quả này đã được ghi vào phụ lục bổ sung của báo cáo tổng hợp.');
    expect(text).toContain('- Số biên nhận: BN-2026-0618-031');
    // Its dueAt is the occurrence's consolidation due, not the unit's: not shown as a due.
    expect(text).not.toContain('Hạn nộp');
    expect(text).not.toContain('Tình trạng');
    expect(renderNotice(notice('late-addendum', 'en', { receiptNumber: 'BN-1' })).text).toContain('recorded in the addendum');
  });
});

describe('inspections', () => {
  const inspection = (kind: NoticeKind, locale: Locale, extra: Partial<NoticeData> = {}) =>
    notice(kind, locale, {
      itemTitle: 'Kiểm tra việc thực hiện công tác bình đẳng giới',
      period: 'Đợt kiểm tra tháng 7/2026',
      unitName: 'UBND xã Dân Lực',
      visitAt: '2026-07-07T08:00:00+07:00',
      inspectionTeam: 'Đoàn kiểm tra liên ngành của Ban vì sự tiến bộ của phụ nữ huyện',
      ...extra,
    });

  it('announces the visit, who comes and what to prepare', () => {
    const prepare = 'Báo cáo kết quả thực hiện năm 2025;\nhồ sơ, sổ sách liên quan.';
    const { subject, text, html } = renderNotice(inspection('inspection-notice', 'vi', { comment: prepare }));
    expect(subject).toBe('[Kiểm tra] Lịch kiểm tra ngày 7/7/2026 – Kiểm tra việc thực hiện công tác bình đẳng giới');
    expect(text).toContain('Kính gửi: UBND xã Dân Lực');
    expect(text).toContain('Đoàn kiểm tra liên ngành của Ban vì sự tiến bộ của phụ nữ huyện sẽ làm việc với UBND xã Dân Lực về “Kiểm tra việc thực hiện công tác bình đẳng giới” (Đợt kiểm tra tháng 7/2026) vào 8h00, thứ Ba, ngày 7/7/2026.');
    expect(text).toContain('Nội dung đề nghị chuẩn bị:\n  > Báo cáo kết quả thực hiện năm 2025;\n  > hồ sơ, sổ sách liên quan.');
    expect(html).toContain('Báo cáo kết quả thực hiện năm 2025;<br>hồ sơ, sổ sách liên quan.');
    expect(text).toContain('- Thời gian kiểm tra: 8h00, thứ Ba, ngày 7/7/2026');
    expect(text).toContain('- Đơn vị được kiểm tra: UBND xã Dân Lực');

    const { visitAt: _v, inspectionTeam: _t, ...unscheduled } = inspection('inspection-notice', 'vi');
    const later = renderNotice(unscheduled);
    expect(later.subject).toBe('[Kiểm tra] Lịch kiểm tra – Kiểm tra việc thực hiện công tác bình đẳng giới');
    expect(later.text).toContain('Đoàn kiểm tra sẽ làm việc với UBND xã Dân Lực');
    expect(later.text).toContain('thời gian cụ thể sẽ được thông báo sau');
    expect(later.text).not.toContain('Thời gian kiểm tra');

    // A visit fixed to a day only is written as a day.
    const day = renderNotice(inspection('inspection-notice', 'en', { visitAt: '2026-07-09' }));
    expect(day.subject).toBe('[Inspection] Visit on 9 July 2026 – Kiểm tra việc thực hiện công tác bình đẳng giới');
    expect(day.text).toContain('will visit to inspect “Kiểm tra việc thực hiện công tác bình đẳng giới” (Đợt kiểm tra tháng 7/2026) on 9 July 2026.');
    expect(renderNotice(inspection('inspection-notice', 'vi', { visitAt: '2026-07-09' })).text).toContain('vào ngày 9/7/2026.');
  });

  it('reminds the unit the day before', () => {
    const { subject, text } = renderNotice(inspection('inspection-reminder', 'vi'));
    expect(subject).toBe('[Kiểm tra] Nhắc lịch kiểm tra ngày 7/7/2026 – Kiểm tra việc thực hiện công tác bình đẳng giới');
    expect(text).toContain(`${OFFICE} trân trọng nhắc: Đoàn kiểm tra liên ngành`);
    expect(text).toContain('vào 8h00, thứ Ba, ngày 7/7/2026.');
    expect(renderNotice(inspection('inspection-reminder', 'en')).subject).toBe('[Inspection] Reminder: visit on 7 July 2026 – Kiểm tra việc thực hiện công tác bình đẳng giới');
  });

  it('lists the findings and each remediation with its deadline, numbered, in text and HTML', () => {
    const data = inspection('inspection-findings', 'vi', {
      findings: ['Chưa kiện toàn Ban vì sự tiến bộ của phụ nữ xã', '  ', 'Chưa lồng ghép giới trong kế hoạch phát triển kinh tế - xã hội'],
      remediations: [
        { title: 'Kiện toàn Ban vì sự tiến bộ của phụ nữ xã', dueAt: '2026-07-31' },
        { title: 'Bổ sung nội dung lồng ghép giới vào kế hoạch', dueAt: '2026-08-14T17:00:00+07:00' },
      ],
    });
    const { subject, text, html } = renderNotice(data);
    expect(subject).toBe('[Kiểm tra] Thông báo kết quả – Kiểm tra việc thực hiện công tác bình đẳng giới');
    expect(text).toContain('Qua kiểm tra, còn một số tồn tại, hạn chế sau:\n\n  1. Chưa kiện toàn Ban vì sự tiến bộ của phụ nữ xã\n  2. Chưa lồng ghép giới trong kế hoạch phát triển kinh tế - xã hội');
    expect(text).toContain('Đề nghị UBND xã Dân Lực khắc phục 2 nội dung sau và báo cáo kết quả về');
    expect(text).toContain('  1. Kiện toàn Ban vì sự tiến bộ của phụ nữ xã – hạn ngày 31/7/2026\n  2. Bổ sung nội dung lồng ghép giới vào kế hoạch – hạn 17h00, thứ Sáu, ngày 14/8/2026');
    expect(html).toContain('<ol style="margin:0 0 16px;padding-left:24px;"><li style="margin:0 0 4px;">Chưa kiện toàn Ban vì sự tiến bộ của phụ nữ xã</li><li style="margin:0 0 4px;">Chưa lồng ghép giới trong kế hoạch phát triển kinh tế - xã hội</li></ol>');
    expect(html).toContain('<li style="margin:0 0 4px;">Kiện toàn Ban vì sự tiến bộ của phụ nữ xã – hạn ngày 31/7/2026</li>');
    expect(html).toContain('<li style="margin:0 0 4px;">Bổ sung nội dung lồng ghép giới vào kế hoạch – hạn 17h00, thứ Sáu, ngày 14/8/2026</li>');
    // The blank finding is dropped, from the list and from the count.
    expect(text).toContain('- Số tồn tại, hạn chế: 2');
    expect(text).toContain('- Số nội dung phải khắc phục: 2');

    const en = renderNotice({ ...data, locale: 'en' }).text;
    expect(en).toContain('The inspection found the following shortcomings:\n\n  1. Chưa kiện toàn');
    expect(en).toContain('  2. Bổ sung nội dung lồng ghép giới vào kế hoạch – due 5:00 PM, Friday 14 August 2026');

    const clean = renderNotice(inspection('inspection-findings', 'vi', { findings: [], remediations: [] }));
    expect(clean.text).toContain('Qua kiểm tra, không có tồn tại, hạn chế phải khắc phục.');
    expect(clean.html).not.toMatch(/<ol\b/);
  });

  it('tells the office when every remediation is done, and which were late', () => {
    const { subject, text } = renderNotice(inspection('inspection-closed', 'vi', {
      findings: ['A', 'B', 'C'],
      remediations: [
        // A deadline given as a day runs to the end of that day.
        { title: 'Kiện toàn Ban', dueAt: '2026-07-31', doneAt: '2026-07-31T23:00:00+07:00' },
        { title: 'Bổ sung kế hoạch', dueAt: '2026-08-14T17:00:00+07:00', doneAt: '2026-08-17T09:00:00+07:00' },
      ],
    }));
    expect(subject).toBe('[Kiểm tra] UBND xã Dân Lực đã hoàn thành khắc phục – Kiểm tra việc thực hiện công tác bình đẳng giới');
    expect(text).toContain(`Kính gửi: ${OFFICE}`);
    expect(text).toContain('UBND xã Dân Lực đã hoàn thành toàn bộ 2 nội dung phải khắc phục theo kết quả kiểm tra');
    expect(text).toContain('  1. Kiện toàn Ban – hạn ngày 31/7/2026; hoàn thành 23h00, thứ Sáu, ngày 31/7/2026\n');
    expect(text).toContain('  2. Bổ sung kế hoạch – hạn 17h00, thứ Sáu, ngày 14/8/2026; hoàn thành 9h00, thứ Hai, ngày 17/8/2026 (sau hạn)\n');
    for (const line of ['Số tồn tại, hạn chế: 3', 'Số nội dung phải khắc phục: 2', 'Khắc phục đúng hạn: 1', 'Khắc phục sau hạn: 1']) expect(text).toContain(`- ${line}`);
    expect(renderNotice(inspection('inspection-closed', 'en', { remediations: [{ title: 'X', dueAt: '2026-07-31', doneAt: '2026-08-01' }] })).text)
      .toContain('  1. X – due 31 July 2026; done 1 August 2026 (late)');
  });
});

describe('campaigns', () => {
  const TITLE = 'Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới';
  const campaign = (kind: NoticeKind, locale: Locale, extra: Partial<NoticeData> = {}) =>
    notice(kind, locale, {
      itemTitle: TITLE,
      period: 'năm 2026',
      unitName: 'Hội Liên hiệp Phụ nữ huyện',
      windowStart: '2026-11-15',
      windowEnd: '2026-12-15',
      dueAt: '2026-12-22T17:00:00+07:00',
      ...extra,
    });

  it('launches the campaign with its dates, theme and results due', () => {
    const theme = 'Chấm dứt bạo lực đối với phụ nữ và trẻ em gái';
    const { subject, text } = renderNotice(campaign('campaign-launch', 'vi', { comment: theme }));
    expect(subject).toBe(`[Phát động] ${TITLE} – từ 15/11/2026 đến 15/12/2026`);
    expect(text).toContain(`đề nghị Hội Liên hiệp Phụ nữ huyện tổ chức triển khai “${TITLE}” (năm 2026), từ ngày 15/11/2026 đến ngày 15/12/2026.`);
    expect(text).toContain(`Chủ đề, nội dung trọng tâm:\n  > ${theme}`);
    expect(text).toContain('gửi báo cáo kết quả về Phòng Lao động - Thương binh và Xã hội trước 17h00, thứ Ba, ngày 22/12/2026.');
    expect(text).toContain('- Thời gian thực hiện: Từ ngày 15/11/2026 đến ngày 15/12/2026');
    expect(text).toContain('- Hạn báo cáo kết quả: 17h00, thứ Ba, ngày 22/12/2026');

    const en = renderNotice(campaign('campaign-launch', 'en'));
    expect(en.subject).toBe(`[Campaign launch] ${TITLE} – from 15 November 2026 to 15 December 2026`);
    expect(en.text).toContain('- Dates: From 15 November 2026 to 15 December 2026');

    // Half a window, or instants, read as written.
    const { windowEnd: _e, ...open } = campaign('campaign-launch', 'vi');
    expect(renderNotice(open).subject).toBe(`[Phát động] ${TITLE} – từ 15/11/2026`);
    const timed = renderNotice(campaign('campaign-launch', 'vi', { windowStart: '2026-11-16T08:00:00+07:00' })).text;
    expect(timed).toContain('từ 8h00, thứ Hai, ngày 16/11/2026 đến ngày 15/12/2026');
  });

  it('asks for a progress report by the check-in due', () => {
    const { subject, text } = renderNotice(campaign('campaign-checkin', 'vi', { dueAt: '2026-12-01T17:00:00+07:00', workingDaysLeft: 2 }));
    expect(subject).toBe(`[Nắm tình hình] Báo cáo tiến độ ${TITLE} – hạn 1/12/2026`);
    expect(text).toContain('đề nghị Hội Liên hiệp Phụ nữ huyện báo cáo nhanh tiến độ, kết quả bước đầu trước 17h00, thứ Ba, ngày 1/12/2026 (còn 2 ngày làm việc).');
    expect(text).toContain('- Hạn báo cáo tiến độ: 17h00, thứ Ba, ngày 1/12/2026');
    const en = renderNotice(campaign('campaign-checkin', 'en', { dueAt: '2026-12-01T17:00:00+07:00' }));
    expect(en.subject).toBe(`[Campaign check-in] Progress report on ${TITLE} – due 1 December 2026`);
    expect(en.text).toContain('- Progress report due: 5:00 PM, Tuesday 1 December 2026');
  });

  it('reports the campaign summary to the chair, with the counts', () => {
    const { subject, text } = renderNotice(campaign('campaign-summary', 'vi', {
      unitName: OFFICE,
      recipientName: 'Lê Thị Hoa',
      counts: { total: 45, onTime: 40, late: 3, missing: 1, exempt: 1, returned: 0 },
      comment: 'Các đơn vị tổ chức 126 hoạt động truyền thông, thu hút hơn 9.000 lượt người tham gia.',
    }));
    expect(subject).toBe(`[Tổng hợp kết quả] ${TITLE}`);
    expect(text).toContain('Kính gửi: Đồng chí Lê Thị Hoa');
    expect(text).toContain(`kính báo cáo đồng chí kết quả thực hiện “${TITLE}” (năm 2026), từ ngày 15/11/2026 đến ngày 15/12/2026, tổng hợp theo báo cáo của các đơn vị.`);
    expect(text).toContain('Nhận xét, đánh giá chung:\n  > Các đơn vị tổ chức 126 hoạt động');
    expect(text).toContain('- Số đơn vị được giao: 45 đơn vị');
    expect(text).toContain('- Chưa nộp: 1 đơn vị');
    expect(text).toContain('- Trả lại để hoàn thiện: 0 đơn vị');
    expect(text).toContain(`Trân trọng./.\n${OFFICE}`);
  });
});
