import type { Block, Fact, NoticeContent } from './content';
import { oneLine, type Prepared } from './prepared';
import type { NoticeCounts, NoticeData, NoticeKind } from './templates';

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

/** The same, inside a sentence: "ý kiến của đồng chí Nguyễn Văn An". */
function comradeInText(name: string): string {
  return /^(đồng chí|ông|bà)\s/i.test(name) ? name : `đồng chí ${name}`;
}

const DUE_LABEL: Partial<Record<NoticeKind, string>> = {
  extended: 'Hạn mới',
  returned: 'Hạn gửi lại',
  'extension-requested': 'Hạn hiện tại',
  'extension-refused': 'Hạn nộp (giữ nguyên)',
  'exemption-refused': 'Hạn nộp (giữ nguyên)',
  'campaign-launch': 'Hạn báo cáo kết quả',
  'campaign-checkin': 'Hạn báo cáo tiến độ',
};

const isInspection = (d: NoticeData) => d.kind.startsWith('inspection-');

function facts(d: NoticeData, pr: Prepared, pick: Array<FactKey>): Fact[] {
  const done = pr.remediations.filter((r) => r.done !== undefined);
  const all: Record<FactKey, Fact | undefined> = {
    receipt: d.receiptNumber ? { label: 'Số biên nhận', value: d.receiptNumber } : undefined,
    item: { label: isInspection(d) ? 'Nội dung kiểm tra' : 'Nội dung', value: d.itemTitle },
    period: d.period ? { label: 'Kỳ', value: d.period } : undefined,
    unit: { label: isInspection(d) ? 'Đơn vị được kiểm tra' : 'Đơn vị thực hiện', value: d.unitName },
    submitted: pr.submittedAt ? { label: 'Thời điểm nộp', value: pr.submittedAt } : undefined,
    previousDue: pr.previousDue ? { label: 'Hạn cũ', value: pr.previousDue } : undefined,
    due: { label: DUE_LABEL[d.kind] ?? 'Hạn nộp', value: pr.due },
    daysLeft: pr.daysLeft ? { label: 'Tình trạng', value: cap(pr.daysLeft), alert: pr.overdue } : undefined,
    timeliness: pr.late === undefined ? undefined : { label: 'Tình trạng', value: pr.late ? 'Nộp sau hạn' : 'Nộp đúng hạn', alert: pr.late },
    requestedDue: pr.requestedDue ? { label: 'Hạn đề nghị', value: cap(pr.requestedDue) } : undefined,
    visit: pr.visit ? { label: 'Thời gian kiểm tra', value: cap(pr.visit) } : undefined,
    team: d.inspectionTeam?.trim() ? { label: 'Đoàn kiểm tra', value: d.inspectionTeam.trim() } : undefined,
    window: pr.window ? { label: 'Thời gian thực hiện', value: cap(pr.window) } : undefined,
    attachment: d.attachmentName?.trim() ? { label: 'Tệp đính kèm', value: d.attachmentName.trim() } : undefined,
    findings: d.findings ? { label: 'Số tồn tại, hạn chế', value: String(pr.findings.length) } : undefined,
    remediations: d.remediations ? { label: 'Số nội dung phải khắc phục', value: String(pr.remediations.length) } : undefined,
    remediatedOnTime: done.length > 0 ? { label: 'Khắc phục đúng hạn', value: String(done.filter((r) => !r.late).length) } : undefined,
    remediatedLate: done.length > 0 ? { label: 'Khắc phục sau hạn', value: String(done.filter((r) => r.late).length) } : undefined,
  };
  return pick.map((k) => all[k]).filter((f): f is Fact => f !== undefined);
}
type FactKey =
  | 'receipt' | 'item' | 'period' | 'unit' | 'submitted' | 'previousDue' | 'due' | 'daysLeft' | 'timeliness'
  | 'requestedDue' | 'visit' | 'team' | 'window' | 'attachment' | 'findings' | 'remediations' | 'remediatedOnTime' | 'remediatedLate';

/** Where the assignments of an occurrence stand; "Chưa nộp" is marked when any unit is missing. */
function countFacts(counts: NoticeCounts | undefined): Fact[] {
  if (!counts) return [];
  const units = (n: number) => `${n} đơn vị`;
  return [
    { label: 'Số đơn vị được giao', value: units(counts.total) },
    { label: 'Nộp đúng hạn', value: units(counts.onTime) },
    { label: 'Nộp sau hạn', value: units(counts.late) },
    { label: 'Chưa nộp', value: units(counts.missing), alert: counts.missing > 0 },
    { label: 'Được miễn', value: units(counts.exempt) },
    { label: 'Trả lại để hoàn thiện', value: units(counts.returned) },
  ];
}

function quote(label: string, text: string | undefined): Block[] {
  return text && text.trim() ? [{ kind: 'quote', label, text: text.trim() }] : [];
}

/** What every notice of one render shares: names, greetings, the page button, the frame. */
interface Ctx {
  d: NoticeData;
  pr: Prepared;
  /** The item title on one line, for subjects. */
  item: string;
  unitGreeting: string;
  officeGreeting: string;
  receiptNote: string;
  /** A button to the page given in `link`, or nothing. */
  action: (label: string) => Pick<NoticeContent, 'action'>;
  base: (sender: string) => Pick<NoticeContent, 'locale' | 'sender' | 'closing' | 'footer'>;
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
  const c: Ctx = {
    d,
    pr,
    item,
    unitGreeting,
    officeGreeting: `Kính gửi: ${d.recipientName ? comrade(d.recipientName) : d.officeName}`,
    receiptNote,
    action: (label) => (pr.link ? { action: { label, url: pr.link, fallback: LINK_FALLBACK } } : {}),
    base,
  };

  switch (d.kind) {
    case 'extension-requested':
    case 'extension-refused':
    case 'exemption-requested':
    case 'exempted':
    case 'exemption-refused':
    case 'cancelled':
      return decisionVi(d.kind, c);

    case 'consolidated':
    case 'approval-requested':
    case 'approval-returned':
    case 'forwarded':
    case 'late-addendum':
      return consolidationVi(d.kind, c);

    case 'inspection-notice':
    case 'inspection-reminder':
    case 'inspection-findings':
    case 'inspection-closed':
      return inspectionVi(d.kind, c);

    case 'campaign-launch':
    case 'campaign-checkin':
    case 'campaign-summary':
      return campaignVi(d.kind, c);

    // Interim wording; the notices rework gives every kind its reviewed text.
    case 'delivery-failed':
      return {
        ...base(d.officeName),
        subject: `[Không gửi được thư] ${d.unitName} – ${item}`,
        heading: 'Thư không gửi được',
        greeting: `Kính gửi: ${d.officeName}`,
        body: [
          p(`Hệ thống không gửi được thư về ${item} đến địa chỉ ${(d.failedTo ?? []).join(', ')} của ${d.unitName}. Máy chủ thư trả lời: ${d.failureCode ?? ''} ${d.failureMessage ?? ''}.`),
          p('Đề nghị kiểm tra, cập nhật địa chỉ thư của đơn vị (sửa chương trình và áp dụng lại, hoặc trên trang quản lý); thư chưa gửi được sẽ được gửi lại.'),
        ],
        facts: facts(d, pr, ['item', 'period', 'unit']),
      };

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

/** A unit asks for more time or to be exempted; the office decides; a program edit cancels. */
function decisionVi(kind: Extract<NoticeKind, 'extension-requested' | 'extension-refused' | 'exemption-requested' | 'exempted' | 'exemption-refused' | 'cancelled'>, c: Ctx): NoticeContent {
  const { d, pr, item } = c;
  const commented = d.comment?.trim() ? ' với ý kiến dưới đây' : '';
  const stillDue = `${pr.due}${pr.daysLeft ? ` (${pr.daysLeft})` : ''}`;

  switch (kind) {
    case 'extension-requested':
      return {
        ...c.base(SYSTEM),
        subject: `[Xin gia hạn] ${oneLine(d.unitName)} – ${item}${pr.requestedDueDay ? ` – đến ${pr.requestedDueDay}` : ''}`,
        heading: 'Đơn vị đề nghị gia hạn',
        greeting: c.officeGreeting,
        body: [
          p(pr.requestedDue
            ? `${d.unitName} đề nghị gia hạn thời hạn nộp ${ref(d)} từ ${pr.due} đến ${pr.requestedDue}.`
            : `${d.unitName} đề nghị được gia hạn thời hạn nộp ${ref(d)}, hạn hiện tại là ${pr.due}.`),
          ...quote('Lý do đề nghị gia hạn', d.comment),
          p(`Đề nghị ${d.officeName} xem xét, quyết định: đồng ý gia hạn, hoặc không đồng ý và giữ nguyên thời hạn.`),
        ],
        facts: facts(d, pr, ['unit', 'item', 'period', 'due', 'requestedDue', 'daysLeft']),
        ...c.action('Xem và cho ý kiến'),
      };

    case 'extension-refused':
      return {
        ...c.base(d.officeName),
        subject: `[Xin gia hạn] Không chấp thuận gia hạn ${item} – hạn ${pr.dueDay}`,
        heading: 'Không chấp thuận gia hạn',
        greeting: c.unitGreeting,
        body: [
          p(`${d.officeName} đã xem xét đề nghị gia hạn thời hạn nộp ${ref(d)} của ${d.unitName}${pr.requestedDue ? ` (đến ${pr.requestedDue})` : ''} và không chấp thuận${commented}.`),
          ...quote(`Ý kiến của ${d.officeName}`, d.comment),
          p(`Thời hạn nộp giữ nguyên: ${stillDue}. Đề nghị ${d.unitName} khẩn trương hoàn thành, gửi kết quả đúng thời hạn.`),
        ],
        facts: facts(d, pr, ['item', 'period', 'unit', 'requestedDue', 'due', 'daysLeft']),
        ...c.action('Mở trang nộp hồ sơ của đơn vị'),
      };

    case 'exemption-requested':
      return {
        ...c.base(SYSTEM),
        subject: `[Miễn thực hiện] ${oneLine(d.unitName)} đề nghị miễn ${item}`,
        heading: 'Đơn vị đề nghị miễn thực hiện',
        greeting: c.officeGreeting,
        body: [
          p(`${d.unitName} đề nghị được miễn thực hiện ${ref(d)}, hạn nộp ${pr.due}.`),
          ...quote('Lý do đề nghị miễn', d.comment),
          p(`Đề nghị ${d.officeName} xem xét, quyết định: đồng ý miễn, hoặc không đồng ý và giữ nguyên yêu cầu.`),
        ],
        facts: facts(d, pr, ['unit', 'item', 'period', 'due', 'daysLeft']),
        ...c.action('Xem và cho ý kiến'),
      };

    case 'exempted':
      return {
        ...c.base(d.officeName),
        subject: `[Miễn thực hiện] Đồng ý miễn ${item} – ${oneLine(d.unitName)}`,
        heading: 'Thông báo miễn thực hiện',
        greeting: c.unitGreeting,
        body: [
          p(`${d.officeName} đồng ý để ${d.unitName} được miễn thực hiện ${ref(d)}.`),
          ...quote(`Ý kiến của ${d.officeName}`, d.comment),
          p(`${d.unitName} không phải gửi báo cáo, tài liệu đối với nội dung này; hệ thống sẽ không gửi thư nhắc hạn về nội dung này nữa.`),
        ],
        facts: [...facts(d, pr, ['item', 'period', 'unit']), { label: 'Tình trạng', value: 'Được miễn thực hiện' }],
        ...c.action('Xem trang của đơn vị'),
      };

    case 'exemption-refused':
      return {
        ...c.base(d.officeName),
        subject: `[Miễn thực hiện] Không chấp thuận miễn ${item} – hạn ${pr.dueDay}`,
        heading: 'Không chấp thuận miễn thực hiện',
        greeting: c.unitGreeting,
        body: [
          p(`${d.officeName} đã xem xét đề nghị miễn thực hiện ${ref(d)} của ${d.unitName} và không chấp thuận${commented}.`),
          ...quote(`Ý kiến của ${d.officeName}`, d.comment),
          p(`Hạn nộp giữ nguyên: ${stillDue}. Đề nghị ${d.unitName} hoàn thành, gửi kết quả đúng thời hạn.`),
        ],
        facts: facts(d, pr, ['item', 'period', 'unit', 'due', 'daysLeft']),
        ...c.action('Mở trang nộp hồ sơ của đơn vị'),
      };

    case 'cancelled':
      return {
        ...c.base(d.officeName),
        subject: `[Điều chỉnh] Không còn yêu cầu thực hiện ${item}`,
        heading: 'Điều chỉnh yêu cầu thực hiện',
        greeting: c.unitGreeting,
        body: [
          p(`Do ${d.programTitle} đã được điều chỉnh, ${d.officeName} thông báo: ${d.unitName} không còn phải thực hiện ${ref(d)}.`),
          ...quote(`Ý kiến của ${d.officeName}`, d.comment),
          p('Đơn vị không cần thực hiện thêm việc gì đối với nội dung này; hệ thống sẽ không gửi thư nhắc hạn về nội dung này nữa.'),
        ],
        facts: [...facts(d, pr, ['item', 'period', 'unit']), { label: 'Tình trạng', value: 'Không còn phải thực hiện' }],
        ...c.action('Xem trang của đơn vị'),
      };
  }
}

/** The occurrence's report: consolidated, approved by the chair, sent up; late results noted. */
function consolidationVi(kind: Extract<NoticeKind, 'consolidated' | 'approval-requested' | 'approval-returned' | 'forwarded' | 'late-addendum'>, c: Ctx): NoticeContent {
  const { d, pr, item } = c;
  const reportFacts = [...facts(d, pr, ['item', 'period', 'attachment']), ...countFacts(d.counts)];

  switch (kind) {
    case 'consolidated': {
      const missing = d.pendingUnits ?? [];
      return {
        ...c.base(SYSTEM),
        subject: `[Báo cáo tổng hợp] Đã tổng hợp ${item}`,
        heading: 'Báo cáo tổng hợp đã sẵn sàng',
        greeting: c.officeGreeting,
        body: [
          p(`Hệ thống đã lập báo cáo tổng hợp ${ref(d)} từ kết quả các đơn vị gửi về.`),
          ...(missing.length > 0
            ? [p('Đến thời điểm tổng hợp, các đơn vị sau chưa gửi kết quả; kết quả gửi sau sẽ được ghi vào phụ lục bổ sung:'), { kind: 'list' as const, items: missing }]
            : []),
          p(`Đề nghị ${d.officeName} kiểm tra, hoàn thiện báo cáo tổng hợp và trình lãnh đạo phê duyệt trước khi gửi cấp trên.`),
        ],
        facts: reportFacts,
        ...c.action('Mở báo cáo tổng hợp'),
      };
    }

    case 'approval-requested':
      return {
        ...c.base(d.officeName),
        subject: `[Trình duyệt] Tổng hợp ${item}`,
        heading: 'Trình phê duyệt báo cáo tổng hợp',
        greeting: `Kính gửi: ${d.recipientName ? comrade(d.recipientName) : 'Đồng chí Trưởng ban'}`,
        body: [
          p(`Thực hiện ${d.programTitle}, ${d.officeName} (cơ quan thường trực) đã tổng hợp ${ref(d)} từ kết quả các đơn vị gửi về.`),
          ...quote(`Ghi chú của ${d.officeName}`, d.comment),
          p('Kính trình đồng chí xem xét, phê duyệt báo cáo tổng hợp để gửi cấp trên theo quy định.'),
        ],
        facts: reportFacts,
        ...c.action('Xem và phê duyệt'),
      };

    case 'approval-returned': {
      const reviewer = d.reviewerName?.trim() ? d.reviewerName.trim() : 'Trưởng ban';
      return {
        ...c.base(SYSTEM),
        subject: `[Trình duyệt] Trả lại tổng hợp ${item}`,
        heading: 'Báo cáo tổng hợp được trả lại',
        greeting: c.officeGreeting,
        body: [
          p(`${comrade(reviewer)} đã xem xét và trả lại báo cáo tổng hợp ${ref(d)}${d.comment?.trim() ? ' với ý kiến dưới đây' : ''}.`),
          ...quote(`Ý kiến của ${comradeInText(reviewer)}`, d.comment),
          p(`Đề nghị ${d.officeName} chỉnh sửa, hoàn thiện báo cáo tổng hợp và trình lại.`),
        ],
        facts: facts(d, pr, ['item', 'period', 'attachment']),
        ...c.action('Mở báo cáo tổng hợp'),
      };
    }

    case 'forwarded': {
      const attachment = d.attachmentName?.trim();
      // The greeting names the recipients (several, joined, when the report goes to more than
      // one); the letter itself speaks to them as "Quý cơ quan", as cover letters do.
      return {
        ...c.base(d.officeName),
        subject: `[Báo cáo tổng hợp] ${item}${d.period ? ` – ${oneLine(d.period)}` : ''}`,
        heading: 'Gửi báo cáo tổng hợp',
        greeting: `Kính gửi: ${d.recipientName ?? 'Quý cơ quan'}`,
        body: [
          p(`Thực hiện ${d.programTitle}, ${d.officeName} (cơ quan thường trực) trân trọng gửi báo cáo tổng hợp ${ref(d)} để Quý cơ quan theo dõi, chỉ đạo.`),
          ...(attachment ? [p(`Báo cáo được gửi kèm theo thư này (tệp ${attachment}).`)] : []),
          ...quote('Nội dung tóm tắt', d.comment),
        ],
        facts: reportFacts,
        ...c.action('Xem báo cáo tổng hợp'),
      };
    }

    case 'late-addendum':
      return {
        ...c.base(SYSTEM),
        subject: `[Bổ sung] ${oneLine(d.unitName)} nộp ${item} sau khi đã tổng hợp`,
        heading: 'Kết quả nộp sau khi đã tổng hợp',
        greeting: c.officeGreeting,
        body: [
          p(`${d.unitName} đã nộp ${ref(d)}${pr.submittedAt ? ` lúc ${pr.submittedAt}` : ''}${c.receiptNote}, sau khi báo cáo tổng hợp đã được lập.`),
          p('Kết quả này đã được ghi vào phụ lục bổ sung của báo cáo tổng hợp.'),
          p(`Trường hợp báo cáo tổng hợp đã gửi cấp trên, đề nghị ${d.officeName} xem xét gửi bổ sung.`),
        ],
        // The unit's own due is not on an occurrence notice (its dueAt is the consolidation's).
        facts: facts(d, pr, ['unit', 'item', 'period', 'receipt', 'submitted']),
        ...c.action('Mở hồ sơ của đơn vị'),
      };
  }
}

/** One inspected unit: notice of the visit, reminder, findings with deadlines, closure. */
function inspectionVi(kind: Extract<NoticeKind, 'inspection-notice' | 'inspection-reminder' | 'inspection-findings' | 'inspection-closed'>, c: Ctx): NoticeContent {
  const { d, pr, item } = c;
  const team = d.inspectionTeam?.trim() ? d.inspectionTeam.trim() : 'Đoàn kiểm tra';
  const visitDay = pr.visitDay ? ` ngày ${pr.visitDay}` : '';
  const visitFacts = facts(d, pr, ['item', 'period', 'unit', 'visit', 'team']);

  switch (kind) {
    case 'inspection-notice':
      return {
        ...c.base(d.officeName),
        subject: `[Kiểm tra] Lịch kiểm tra${visitDay} – ${item}`,
        heading: 'Thông báo kiểm tra',
        greeting: c.unitGreeting,
        body: [
          p(`Thực hiện ${d.programTitle}, ${d.officeName} thông báo: ${team} sẽ làm việc với ${d.unitName} về ${ref(d)}${pr.atVisit ? ` ${pr.atVisit}` : '; thời gian cụ thể sẽ được thông báo sau'}.`),
          ...quote('Nội dung đề nghị chuẩn bị', d.comment),
          p(`Đề nghị ${d.unitName} bố trí thành phần làm việc và chuẩn bị đầy đủ hồ sơ, tài liệu${d.comment?.trim() ? ' theo nội dung trên' : ' liên quan'}.`),
        ],
        facts: visitFacts,
        ...c.action('Xem chi tiết'),
      };

    case 'inspection-reminder':
      return {
        ...c.base(d.officeName),
        subject: `[Kiểm tra] Nhắc lịch kiểm tra${visitDay} – ${item}`,
        heading: 'Nhắc lịch kiểm tra',
        greeting: c.unitGreeting,
        body: [
          p(`${d.officeName} trân trọng nhắc: ${team} sẽ làm việc với ${d.unitName} về ${ref(d)}${pr.atVisit ? ` ${pr.atVisit}` : ''}.`),
          ...quote('Nội dung đề nghị chuẩn bị', d.comment),
          p(`Đề nghị ${d.unitName} bố trí thành phần làm việc, chuẩn bị hồ sơ, tài liệu theo nội dung đã thông báo.`),
        ],
        facts: visitFacts,
        ...c.action('Xem chi tiết'),
      };

    case 'inspection-findings': {
      const n = pr.remediations.length;
      return {
        ...c.base(d.officeName),
        subject: `[Kiểm tra] Thông báo kết quả – ${item}`,
        heading: 'Thông báo kết quả kiểm tra',
        greeting: c.unitGreeting,
        body: [
          p(`${team} đã làm việc với ${d.unitName} về ${ref(d)}${pr.atVisit ? ` ${pr.atVisit}` : ''}.`),
          ...(pr.findings.length > 0
            ? [p('Qua kiểm tra, còn một số tồn tại, hạn chế sau:'), { kind: 'list' as const, ordered: true, items: pr.findings }]
            : []),
          ...(n > 0
            ? [
                p(`Đề nghị ${d.unitName} khắc phục ${n} nội dung sau và báo cáo kết quả về ${d.officeName} trong thời hạn ghi tại từng nội dung:`),
                { kind: 'list' as const, ordered: true, items: pr.remediations.map((r) => `${r.title} – hạn ${r.due}`) },
              ]
            : [p(pr.findings.length > 0
                ? 'Đề nghị đơn vị rút kinh nghiệm đối với các tồn tại, hạn chế nêu trên.'
                : 'Qua kiểm tra, không có tồn tại, hạn chế phải khắc phục.')]),
          ...quote(`Ý kiến của ${team}`, d.comment),
        ],
        facts: facts(d, pr, ['item', 'period', 'unit', 'visit', 'team', 'findings', 'remediations']),
        ...c.action('Mở trang nộp hồ sơ của đơn vị'),
      };
    }

    case 'inspection-closed': {
      const n = pr.remediations.length;
      return {
        ...c.base(SYSTEM),
        subject: `[Kiểm tra] ${oneLine(d.unitName)} đã hoàn thành khắc phục – ${item}`,
        heading: 'Hoàn thành khắc phục sau kiểm tra',
        greeting: c.officeGreeting,
        body: [
          p(`${d.unitName} đã hoàn thành ${n > 0 ? `toàn bộ ${n} nội dung` : 'các nội dung'} phải khắc phục theo kết quả kiểm tra ${ref(d)}.`),
          ...(n > 0
            ? [{
                kind: 'list' as const,
                ordered: true,
                items: pr.remediations.map((r) => `${r.title} – hạn ${r.due}${r.done ? `; hoàn thành ${r.done}${r.late ? ' (sau hạn)' : ''}` : ''}`),
              }]
            : []),
          ...quote(`Ý kiến của ${d.officeName}`, d.comment),
          p(`Đề nghị ${d.officeName} xác nhận kết quả, kết thúc việc theo dõi và lưu hồ sơ kiểm tra.`),
        ],
        facts: [
          ...facts(d, pr, ['unit', 'item', 'period', 'findings', 'remediations', 'remediatedOnTime', 'remediatedLate']),
          ...countFacts(d.counts),
        ],
        ...c.action('Xem hồ sơ kiểm tra'),
      };
    }
  }
}

/** A campaign: launch to every unit, a mid-campaign check-in, the summary to the chair. */
function campaignVi(kind: Extract<NoticeKind, 'campaign-launch' | 'campaign-checkin' | 'campaign-summary'>, c: Ctx): NoticeContent {
  const { d, pr, item } = c;

  switch (kind) {
    case 'campaign-launch':
      return {
        ...c.base(d.officeName),
        subject: `[Phát động] ${item}${pr.windowDays ? ` – ${pr.windowDays}` : ''}`,
        heading: 'Thông báo phát động',
        greeting: c.unitGreeting,
        body: [
          p(`Thực hiện ${d.programTitle}, ${d.officeName} (cơ quan thường trực) đề nghị ${d.unitName} tổ chức triển khai ${ref(d)}${pr.window ? `, ${pr.window}` : ''}.`),
          ...quote('Chủ đề, nội dung trọng tâm', d.comment),
          p(`Đề nghị ${d.unitName} xây dựng kế hoạch, triển khai các hoạt động và gửi báo cáo kết quả về ${d.officeName} trước ${pr.due}.`),
        ],
        facts: facts(d, pr, ['item', 'period', 'unit', 'window', 'due']),
        ...c.action('Mở trang nộp hồ sơ của đơn vị'),
      };

    case 'campaign-checkin':
      return {
        ...c.base(d.officeName),
        subject: `[Nắm tình hình] Báo cáo tiến độ ${item} – hạn ${pr.dueDay}`,
        heading: 'Nắm tình hình giữa đợt',
        greeting: c.unitGreeting,
        body: [
          p(`Để nắm tình hình triển khai ${ref(d)}${pr.window ? `, ${pr.window}` : ''}, ${d.officeName} đề nghị ${d.unitName} báo cáo nhanh tiến độ, kết quả bước đầu trước ${pr.due}${pr.daysLeft ? ` (${pr.daysLeft})` : ''}.`),
          ...quote('Nội dung đề nghị báo cáo', d.comment),
        ],
        facts: facts(d, pr, ['item', 'period', 'unit', 'window', 'due', 'daysLeft']),
        ...c.action('Mở trang nộp hồ sơ của đơn vị'),
      };

    case 'campaign-summary':
      return {
        ...c.base(d.officeName),
        subject: `[Tổng hợp kết quả] ${item}`,
        heading: 'Báo cáo kết quả thực hiện',
        greeting: `Kính gửi: ${d.recipientName ? comrade(d.recipientName) : 'Đồng chí Trưởng ban'}`,
        body: [
          p(`Thực hiện ${d.programTitle}, ${d.officeName} (cơ quan thường trực) kính báo cáo đồng chí kết quả thực hiện ${ref(d)}${pr.window ? `, ${pr.window}` : ''}, tổng hợp theo báo cáo của các đơn vị.`),
          ...quote('Nhận xét, đánh giá chung', d.comment),
          p('Kính đề nghị đồng chí xem xét, chỉ đạo.'),
        ],
        facts: [...facts(d, pr, ['item', 'period', 'window', 'attachment']), ...countFacts(d.counts)],
        ...c.action('Xem báo cáo tổng hợp'),
      };
  }
}
