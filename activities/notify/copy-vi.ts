import type { Block, Fact, NoticeContent } from './content';
import { oneLine, type Prepared } from './prepared';
import type { NoticeData } from './templates';

const SYSTEM = 'Hệ thống đôn đốc dondoc';
const FOOTER = 'Thư này được gửi tự động bởi hệ thống dondoc; vui lòng không trả lời thư này.';
const LINK_FALLBACK = 'Nếu nút trên không mở được, vui lòng sao chép đường dẫn sau vào trình duyệt:';

const p = (text: string): Block => ({ kind: 'paragraph', text });
const cap = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);

/** “Báo cáo sơ kết 6 tháng” (6 tháng đầu năm 2026) */
function ref(d: NoticeData): string {
  return `“${d.itemTitle}”${d.period ? ` (${d.period})` : ''}`;
}

/** People are addressed as "Đồng chí"; names already carrying a form of address are left as written. */
function comrade(name: string): string {
  return /^(đồng chí|ông|bà)\s/i.test(name) ? name : `Đồng chí ${name}`;
}

function facts(d: NoticeData, pr: Prepared, pick: Array<FactKey>): Fact[] {
  const all: Record<FactKey, Fact | undefined> = {
    receipt: d.receiptNumber ? { label: 'Số biên nhận', value: d.receiptNumber } : undefined,
    item: { label: 'Nội dung', value: d.itemTitle },
    period: d.period ? { label: 'Kỳ', value: d.period } : undefined,
    unit: { label: 'Đơn vị thực hiện', value: d.unitName },
    submitted: pr.submittedAt ? { label: 'Thời điểm nộp', value: pr.submittedAt } : undefined,
    previousDue: pr.previousDue ? { label: 'Hạn cũ', value: pr.previousDue } : undefined,
    due: { label: d.kind === 'extended' ? 'Hạn mới' : d.kind === 'returned' ? 'Hạn gửi lại' : 'Hạn nộp', value: pr.due },
    daysLeft: pr.daysLeft ? { label: 'Tình trạng', value: cap(pr.daysLeft), alert: pr.overdue } : undefined,
    timeliness: pr.late === undefined ? undefined : { label: 'Tình trạng', value: pr.late ? 'Nộp sau hạn' : 'Nộp đúng hạn', alert: pr.late },
  };
  return pick.map((k) => all[k]).filter((f): f is Fact => f !== undefined);
}
type FactKey = 'receipt' | 'item' | 'period' | 'unit' | 'submitted' | 'previousDue' | 'due' | 'daysLeft' | 'timeliness';

function quote(label: string, text: string | undefined): Block[] {
  return text && text.trim() ? [{ kind: 'quote', label, text: text.trim() }] : [];
}

export function contentVi(d: NoticeData, pr: Prepared): NoticeContent {
  const item = oneLine(d.itemTitle);
  const unitGreeting = `Kính gửi: ${d.recipientName ? comrade(d.recipientName) : d.unitName}`;
  const receiptNote = d.receiptNumber ? ` (số biên nhận ${d.receiptNumber})` : '';
  const unitPage = pr.link ? { label: 'Mở trang nộp hồ sơ của đơn vị', url: pr.link, fallback: LINK_FALLBACK } : undefined;
  const base = (sender: string) => ({
    locale: 'vi' as const,
    sender,
    closing: ['Trân trọng./.', sender],
    footer: [d.programTitle, FOOTER],
  });

  switch (d.kind) {
    case 'request':
      return {
        ...base(d.officeName),
        subject: `[Đôn đốc] Đề nghị thực hiện ${item} – hạn ${pr.dueDay}`,
        heading: 'Đề nghị thực hiện',
        greeting: unitGreeting,
        body: [
          p(`Thực hiện ${d.programTitle}, ${d.officeName} (cơ quan thường trực) đề nghị ${d.unitName} thực hiện nội dung ${ref(d)} và gửi kết quả trước ${pr.due}.`),
          p(pr.link
            ? 'Đơn vị nộp báo cáo, tài liệu qua trang của đơn vị theo đường dẫn dưới đây; khi nhận được, hệ thống sẽ gửi biên nhận qua thư điện tử.'
            : `Khi nhận được kết quả, ${d.officeName} sẽ gửi biên nhận qua thư điện tử.`),
        ],
        facts: facts(d, pr, ['item', 'period', 'unit', 'due', 'daysLeft']),
        ...(unitPage ? { action: unitPage } : {}),
      };

    case 'reminder':
      return {
        ...base(d.officeName),
        subject: `[Đôn đốc] ${pr.overdue ? 'Quá hạn nộp' : 'Nhắc hạn nộp'} ${item} – hạn ${pr.dueDay}`,
        heading: pr.overdue ? 'Đã quá hạn nộp' : 'Nhắc hạn nộp',
        greeting: unitGreeting,
        body: pr.overdue
          ? [
              p(`Đến nay, ${d.officeName} chưa nhận được ${ref(d)} của ${d.unitName}. Hạn nộp là ${pr.due}, ${pr.daysLeft}.`),
              p(`Đề nghị ${d.unitName} khẩn trương hoàn thành, gửi kết quả trong thời gian sớm nhất.`),
            ]
          : [
              p(`${d.officeName} trân trọng nhắc ${d.unitName}: hạn nộp ${ref(d)} là ${pr.due}${pr.daysLeft ? ` (${pr.daysLeft})` : ''}.`),
              p(`Đề nghị ${d.unitName} khẩn trương hoàn thành, gửi kết quả đúng thời hạn.`),
            ],
        facts: facts(d, pr, ['item', 'period', 'unit', 'due', 'daysLeft']),
        ...(unitPage ? { action: unitPage } : {}),
      };

    case 'receipt':
      return {
        ...base(d.officeName),
        subject: d.receiptNumber ? `[Biên nhận] Số ${d.receiptNumber} – ${item}` : `[Biên nhận] ${item}`,
        heading: 'Biên nhận',
        greeting: unitGreeting,
        body: [
          p(`${d.officeName} đã nhận ${ref(d)} do ${d.unitName} gửi${pr.submittedAt ? ` lúc ${pr.submittedAt}` : ''}.`),
          ...(d.receiptNumber ? [p(`Số biên nhận: ${d.receiptNumber}. Đề nghị đơn vị lưu số biên nhận để tiện tra cứu, đối chiếu khi cần.`)] : []),
          p(`${d.officeName} sẽ xem xét và thông báo kết quả đến đơn vị.`),
        ],
        facts: facts(d, pr, ['receipt', 'item', 'period', 'unit', 'submitted', 'due', 'timeliness']),
        ...(pr.link ? { action: { label: 'Xem hồ sơ đã nộp', url: pr.link, fallback: LINK_FALLBACK } } : {}),
      };

    case 'submitted':
      return {
        ...base(SYSTEM),
        subject: `[Đã nộp] ${oneLine(d.unitName)} – ${item}`,
        heading: 'Đơn vị đã nộp hồ sơ',
        greeting: `Kính gửi: ${d.recipientName ? comrade(d.recipientName) : d.officeName}`,
        body: [
          p(`${d.unitName} đã nộp ${ref(d)}${pr.submittedAt ? ` lúc ${pr.submittedAt}` : ''}${receiptNote}.`),
          p(`Đề nghị ${d.officeName} xem xét, cho ý kiến: chấp nhận, hoặc trả lại để đơn vị bổ sung, hoàn thiện.`),
        ],
        facts: facts(d, pr, ['unit', 'item', 'period', 'receipt', 'submitted', 'due', 'timeliness']),
        ...(pr.link ? { action: { label: 'Mở hồ sơ của đơn vị', url: pr.link, fallback: LINK_FALLBACK } } : {}),
      };

    case 'returned':
      return {
        ...base(d.officeName),
        subject: `[Trả lại] ${item} – hạn gửi lại ${pr.dueDay}`,
        heading: 'Đề nghị bổ sung, hoàn thiện',
        greeting: unitGreeting,
        body: [
          p(`${d.officeName} đã xem xét ${ref(d)} do ${d.unitName} gửi${receiptNote} và đề nghị đơn vị bổ sung, hoàn thiện${d.comment?.trim() ? ' theo ý kiến dưới đây' : ''}.`),
          ...quote(`Ý kiến của ${d.officeName}`, d.comment),
          p(`Đề nghị ${d.unitName} hoàn thiện và gửi lại trước ${pr.due}${pr.daysLeft ? ` (${pr.daysLeft})` : ''}.`),
        ],
        facts: facts(d, pr, ['item', 'period', 'unit', 'receipt', 'previousDue', 'due', 'daysLeft']),
        ...(unitPage ? { action: unitPage } : {}),
      };

    case 'accepted':
      return {
        ...base(d.officeName),
        subject: `[Chấp nhận] ${item}${d.receiptNumber ? ` – Số ${d.receiptNumber}` : ''}`,
        heading: 'Thông báo chấp nhận',
        greeting: unitGreeting,
        body: [
          p(`${d.officeName} đã xem xét và chấp nhận ${ref(d)} do ${d.unitName} gửi${receiptNote}.`),
          ...quote(`Ý kiến của ${d.officeName}`, d.comment),
          p(`${d.officeName} ghi nhận và cảm ơn sự phối hợp của ${d.unitName}.`),
        ],
        facts: facts(d, pr, ['receipt', 'item', 'period', 'unit', 'submitted']),
        ...(pr.link ? { action: { label: 'Xem hồ sơ đã nộp', url: pr.link, fallback: LINK_FALLBACK } } : {}),
      };

    case 'escalation':
      return escalationVi(d, pr, item);

    case 'extended':
      return {
        ...base(d.officeName),
        subject: `[Gia hạn] ${item} – hạn mới ${pr.dueDay}`,
        heading: 'Thông báo gia hạn',
        greeting: unitGreeting,
        body: [
          p(`${d.officeName} đồng ý gia hạn thời hạn nộp ${ref(d)} của ${d.unitName}${pr.previousDue ? ` từ ${pr.previousDue}` : ''} đến ${pr.due}.`),
          ...quote('Lý do gia hạn', d.comment),
          p('Đề nghị đơn vị hoàn thành và gửi kết quả trong thời hạn được gia hạn.'),
        ],
        facts: facts(d, pr, ['item', 'period', 'unit', 'previousDue', 'due', 'daysLeft']),
        ...(unitPage ? { action: unitPage } : {}),
      };
  }
}

function escalationVi(d: NoticeData, pr: Prepared, item: string): NoticeContent {
  const tag = d.escalationLevel ? `[Đôn đốc lần ${d.escalationLevel}]` : '[Đôn đốc]';
  const heading = d.escalationLevel ? `Đôn đốc thực hiện – lần ${d.escalationLevel}` : 'Đôn đốc thực hiện';
  const state = pr.daysLeft ? `, ${pr.daysLeft}` : '';
  const common = {
    locale: 'vi' as const,
    heading,
    footer: [d.programTitle, FOOTER],
    ...(pr.link ? { action: { label: 'Xem chi tiết', url: pr.link, fallback: LINK_FALLBACK } } : {}),
  };

  if (d.escalationAudience === 'unit-head') {
    return {
      ...common,
      subject: `${tag} ${oneLine(d.unitName)} chưa nộp ${item} – hạn ${pr.dueDay}`,
      sender: d.officeName,
      closing: ['Trân trọng./.', d.officeName],
      greeting: `Kính gửi: ${d.recipientName ? `${comrade(d.recipientName)}, Thủ trưởng ${d.unitName}` : `Thủ trưởng ${d.unitName}`}`,
      body: [
        p(`Thực hiện ${d.programTitle}, ${d.unitName} (đơn vị do đồng chí phụ trách) được giao thực hiện nội dung ${ref(d)}, hạn nộp ${pr.due}.`),
        p(`Đến nay, ${d.officeName} chưa nhận được kết quả của đơn vị${pr.daysLeft ? ` (${pr.daysLeft})` : ''}.`),
        p(`Đề nghị đồng chí quan tâm, chỉ đạo đơn vị khẩn trương hoàn thành, gửi kết quả về ${d.officeName} trong thời gian sớm nhất.`),
      ],
      facts: facts(d, pr, ['unit', 'item', 'period', 'due', 'daysLeft']),
    };
  }

  const units = pr.pendingUnits;
  const many = units.length > 1;
  const who = many ? `${units.length} đơn vị` : oneLine(units[0] ?? d.unitName);
  const listed: Block[] = [{ kind: 'list', items: units }];
  const itemFacts = facts(d, pr, ['item', 'period', 'due', 'daysLeft']);
  const subject = `${tag} ${who} chưa nộp ${item} – hạn ${pr.dueDay}`;

  if (d.escalationAudience === 'chair') {
    return {
      ...common,
      subject,
      sender: d.officeName,
      closing: ['Trân trọng./.', d.officeName],
      greeting: `Kính gửi: ${d.recipientName ? comrade(d.recipientName) : 'Đồng chí Trưởng ban'}`,
      body: [
        p(`Thực hiện ${d.programTitle}, ${d.officeName} (cơ quan thường trực) kính báo cáo: đến nay, ${many ? 'các đơn vị' : 'đơn vị'} sau chưa nộp ${ref(d)}, hạn nộp ${pr.due}${state}:`),
        ...listed,
        p(`Kính đề nghị đồng chí quan tâm, chỉ đạo ${many ? 'các đơn vị' : 'đơn vị'} khẩn trương hoàn thành.`),
      ],
      facts: itemFacts,
    };
  }

  return {
    ...common,
    subject,
    sender: SYSTEM,
    closing: ['Trân trọng./.', SYSTEM],
    greeting: `Kính gửi: ${d.recipientName ? comrade(d.recipientName) : d.officeName}`,
    body: [
      p(`Đến nay, ${many ? 'các đơn vị' : 'đơn vị'} sau chưa nộp ${ref(d)}, hạn nộp ${pr.due}${state}:`),
      ...listed,
      p(`Đề nghị ${d.officeName} liên hệ, đôn đốc ${many ? 'các đơn vị' : 'đơn vị'} hoàn thành và gửi kết quả trong thời gian sớm nhất.`),
    ],
    facts: itemFacts,
  };
}
