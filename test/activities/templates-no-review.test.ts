// The receipt and the office's notice for an item without review (program `review: false`):
// the submission is recorded as complete when it arrives, so neither letter promises or asks
// for a review, in Vietnamese (the default) and English. The other receipts are unchanged.
import { describe, expect, it } from 'vitest';
import { renderNotice } from '../../activities/notify/render';
import type { Locale, NoticeData } from '../../contract/notices';

function notice(kind: 'receipt' | 'submitted', locale: Locale, noReview: boolean): NoticeData {
  return {
    kind,
    locale,
    programTitle: 'Chương trình công tác phòng, chống thiên tai năm 2026',
    officeName: 'Chi cục Thủy lợi',
    itemTitle: 'Báo cáo tình hình thiên tai tháng',
    period: 'Tháng 6 năm 2026',
    unitName: 'Sở Xây dựng',
    dueAt: '2026-06-17T17:00:00+07:00',
    timeZone: 'Asia/Ho_Chi_Minh',
    receiptNumber: 'BN-2026-0616-002',
    submittedAt: '2026-06-16T09:12:00+07:00',
    ...(noReview ? { noReview } : {}),
  };
}

describe('receipt of an item without review', () => {
  it('vi: received and recorded as complete, nothing more to do, no review promised', () => {
    const r = renderNotice(notice('receipt', 'vi', true));
    expect(r.subject).toBe('[Biên nhận] Số BN-2026-0616-002 – Báo cáo tình hình thiên tai tháng');
    expect(r.text).toContain('Chi cục Thủy lợi đã nhận “Báo cáo tình hình thiên tai tháng” (Tháng 6 năm 2026) do Sở Xây dựng gửi lúc 9h12, thứ Ba, ngày 16/6/2026.');
    expect(r.text).toContain('Theo chương trình công tác, nội dung này không phải qua bước xem xét: kết quả của Sở Xây dựng đã được ghi nhận là hoàn thành. Đơn vị không phải thực hiện thêm việc gì đối với nội dung này.');
    expect(r.text).toContain('Số biên nhận: BN-2026-0616-002.');
    expect(r.text).not.toContain('sẽ xem xét');
    expect(r.html).toContain('không phải qua bước xem xét');
  });

  it('en: the same, in English', () => {
    const r = renderNotice(notice('receipt', 'en', true));
    expect(r.text).toContain('Under the work program this item needs no review: the submission of Sở Xây dựng has been recorded as complete. Nothing more is required of your unit for this item.');
    expect(r.text).not.toContain('will review');
  });

  it('keeps the usual receipt (a decision will follow) for an item with review', () => {
    expect(renderNotice(notice('receipt', 'vi', false)).text).toContain('Chi cục Thủy lợi sẽ xem xét và thông báo kết quả đến đơn vị.');
    expect(renderNotice(notice('receipt', 'en', false)).text).toContain('Chi cục Thủy lợi will review the submission and let your unit know the outcome.');
  });
});

describe('the office’s notice of a submission that needs no review', () => {
  it('vi and en: recorded as complete, no acceptance asked', () => {
    const vi = renderNotice(notice('submitted', 'vi', true));
    expect(vi.text).toContain('hệ thống đã ghi nhận kết quả của đơn vị là hoàn thành, không cần cho ý kiến chấp nhận.');
    expect(vi.text).not.toContain('Đề nghị Chi cục Thủy lợi xem xét');
    const en = renderNotice(notice('submitted', 'en', true));
    expect(en.text).toContain('this item needs no review: the submission has been recorded as complete and needs no acceptance.');
    expect(en.text).not.toContain('Please review it');
  });
});
