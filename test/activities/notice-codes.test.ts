// Words workflows no longer write: the campaign's plans, the inspection's exempted items and
// the reason a program-moved due is given come to the renderer as facts or codes, and are said
// in the notice's language from the string tables.
import { describe, expect, it } from 'vitest';
import { reasonText, renderNotice } from '../../activities/notify/render';
import type { Locale, NoticeData, NoticeKind } from '../../contract/notices';

function notice(kind: NoticeKind, locale: Locale, extra: Partial<NoticeData> = {}): NoticeData {
  return {
    kind,
    locale,
    programTitle: 'Chương trình công tác vì sự tiến bộ của phụ nữ huyện Triệu Sơn năm 2027',
    officeName: 'Phòng Lao động - Thương binh và Xã hội',
    itemTitle: 'Tháng hành động vì bình đẳng giới',
    period: 'Năm 2027',
    unitName: 'Phòng Lao động - Thương binh và Xã hội',
    dueAt: '2027-12-24T17:00:00+07:00',
    timeZone: 'Asia/Ho_Chi_Minh',
    ...extra,
  };
}

const COUNTS = { total: 4, onTime: 2, late: 1, missing: 1, exempt: 0, returned: 0 };

describe('the campaign summary’s plans', () => {
  it('says where the plans stand after the lead, in Vietnamese and in English', () => {
    const planCounts = { total: 4, received: 4, onTime: 3, late: 1, missing: 0, exempt: 0 };
    const vi = renderNotice(notice('campaign-summary', 'vi', { counts: COUNTS, planCounts })).text;
    expect(vi).toContain('Kế hoạch triển khai của các đơn vị: đã nhận 4/4 (3 đúng hạn, 1 sau hạn).');
    expect(vi.indexOf('Kế hoạch triển khai')).toBeGreaterThan(vi.indexOf('kính báo cáo đồng chí'));
    const en = renderNotice(notice('campaign-summary', 'en', { counts: COUNTS, planCounts })).text;
    expect(en).toContain('Unit plans: 4 of 4 received (3 on time, 1 late).');
    expect(en).not.toContain('Kế hoạch');
  });

  it('names plans not sent and plans exempted only when there are any', () => {
    const planCounts = { total: 5, received: 2, onTime: 2, late: 0, missing: 2, exempt: 1 };
    expect(renderNotice(notice('campaign-summary', 'vi', { counts: COUNTS, planCounts })).text).toContain('đã nhận 2/5 (2 đúng hạn, 0 sau hạn); 2 đơn vị chưa gửi, 1 đơn vị được miễn.');
    expect(renderNotice(notice('campaign-summary', 'en', { counts: COUNTS, planCounts: { ...planCounts, exempt: 0, missing: 3 } })).text).toContain('2 of 5 received (2 on time, 0 late); 3 not sent.');
  });

  it('says nothing of plans when the campaign counted none', () => {
    expect(renderNotice(notice('campaign-summary', 'vi', { counts: COUNTS })).text).not.toContain('Kế hoạch triển khai');
  });

  it('is the system’s sentence, not a quote: the overall assessment quote stays for words a person wrote', () => {
    const text = renderNotice(notice('campaign-summary', 'vi', { counts: COUNTS, planCounts: { total: 1, received: 1, onTime: 1, late: 0, missing: 0, exempt: 0 } })).text;
    expect(text).not.toContain('Nhận xét, đánh giá chung');
  });
});

describe('the inspection close-out’s exempted items', () => {
  const closed = (locale: Locale, exempted?: string[]) =>
    renderNotice(
      notice('inspection-closed', locale, {
        unitName: 'UBND xã Thọ Dân',
        remediations: [{ title: 'Lập sổ theo dõi', dueAt: '2027-11-30', doneAt: '2027-11-20' }],
        ...(exempted ? { exempted } : {}),
      }),
    ).text;

  it('names them after the items done, in the notice’s language', () => {
    const vi = closed('vi', ['UBND xã Thọ Dân: Kiện toàn Ban vì sự tiến bộ của phụ nữ xã', 'UBND xã Thọ Dân: Bổ sung quy chế']);
    expect(vi).toContain('Được miễn khắc phục: UBND xã Thọ Dân: Kiện toàn Ban vì sự tiến bộ của phụ nữ xã; UBND xã Thọ Dân: Bổ sung quy chế.');
    expect(vi.indexOf('Được miễn khắc phục')).toBeGreaterThan(vi.indexOf('Lập sổ theo dõi'));
    expect(closed('en', ['UBND xã Thọ Dân: Bổ sung quy chế'])).toContain('Exempted from remediation: UBND xã Thọ Dân: Bổ sung quy chế.');
  });

  it('says nothing of exemptions when there are none, or only blank names', () => {
    expect(closed('vi')).not.toContain('miễn');
    expect(closed('vi', ['  '])).not.toContain('miễn');
  });
});

describe('reasonText', () => {
  it('says a program amendment in the program’s language', () => {
    expect(reasonText('program-amended', 'vi')).toBe('Chương trình công tác đã được điều chỉnh.');
    expect(reasonText('program-amended', 'en')).toBe('The work program was amended.');
  });

  it('keeps words a person wrote as written, including ones that look like object keys', () => {
    expect(reasonText('Xã đang sáp nhập.', 'vi')).toBe('Xã đang sáp nhập.');
    expect(reasonText('toString', 'en')).toBe('toString');
  });
});
