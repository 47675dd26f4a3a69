// Vietnamese: the register of official correspondence (kính gửi, căn cứ / thực hiện, đề nghị,
// trân trọng), dates as offices write them (ngày 12/6/2026, 17h00), people addressed by
// their title from the program.
import { comrade, comradeInText, personAddress, unitHeadAddress } from './address-vi';
import { oneLine } from './prepared';
import type { NoticeStrings, Vars } from './strings';

const SYSTEM = 'Hệ thống đôn đốc dondoc';
const cap = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
const or = (x: string | undefined, text: (x: string) => string) => (x ? text(x) : '');
/** "(còn 3 ngày làm việc)" after a due, when known. */
const left = (v: Vars) => or(v.daysLeft, (d) => ` (${d})`);
/** Ends a sentence that announces the quote below it, or closes it. */
const asFollows = (v: Vars) => (v.commented ? '; ý kiến cụ thể như sau:' : '.');
const unitsWord = (v: Vars) => (v.pending.length > 1 ? 'các đơn vị' : 'đơn vị');

export const vi: NoticeStrings = {
  locale: 'vi',
  system: SYSTEM,
  footer: 'Thư này được gửi tự động từ hệ thống dondoc; đề nghị không trả lời trực tiếp thư này.',
  linkFallback: 'Trường hợp không mở được nút trên, đề nghị sao chép đường dẫn sau vào trình duyệt:',
  closing: 'Trân trọng./.',
  cap,

  greet: {
    unit: (v) => `Kính gửi: ${v.recipient || v.recipientTitle ? personAddress(v.recipient, v.recipientTitle, v.unit) : v.unit}`,
    office: (v) => `Kính gửi: ${v.recipient || v.recipientTitle ? personAddress(v.recipient, v.recipientTitle, v.office) : v.office}`,
    chair: (v) => `Kính gửi: ${personAddress(v.recipient, v.recipientTitle, 'Đồng chí Trưởng ban')}`,
    unitHead: (v) => `Kính gửi: ${unitHeadAddress(v.recipient, v.recipientTitle, v.unit)}`,
    upward: (v) => `Kính gửi: ${v.recipient ?? 'Quý cơ quan'}`,
  },
  // "TM." (thay mặt): the chair signs for the committee as a collective body.
  committeeSignature: (committee, v) => [`TM. ${committee}`, v.signerTitle ?? 'Trưởng ban', ...(v.signer ? [v.signer] : [])],

  facts: {
    receipt: 'Số biên nhận',
    item: 'Nội dung',
    inspectionItem: 'Nội dung kiểm tra',
    period: 'Kỳ',
    unit: 'Đơn vị thực hiện',
    inspectedUnit: 'Đơn vị được kiểm tra',
    submitted: 'Thời điểm nộp',
    previousDue: 'Hạn cũ',
    due: 'Hạn nộp',
    status: 'Tình trạng',
    requestedDue: 'Hạn đề nghị',
    visit: 'Thời gian kiểm tra',
    team: 'Đoàn kiểm tra',
    window: 'Thời gian thực hiện',
    attachment: 'Tệp đính kèm',
    findings: 'Số tồn tại, hạn chế',
    remediations: 'Số nội dung phải khắc phục',
    remediatedOnTime: 'Khắc phục đúng hạn',
    remediatedLate: 'Khắc phục sau hạn',
    failedTo: 'Địa chỉ từ chối nhận thư',
    failedKind: 'Thư không gửi được',
  },
  dueLabel: {
    extended: 'Hạn mới',
    returned: 'Hạn gửi lại',
    'extension-requested': 'Hạn hiện tại',
    'extension-refused': 'Hạn nộp (giữ nguyên)',
    'exemption-refused': 'Hạn nộp (giữ nguyên)',
    'campaign-launch': 'Hạn báo cáo kết quả',
    'campaign-checkin': 'Hạn báo cáo tiến độ',
  },
  status: { late: 'Nộp sau hạn', onTime: 'Nộp đúng hạn', exempted: 'Được miễn thực hiện', cancelled: 'Không còn phải thực hiện' },
  counts: {
    total: 'Số đơn vị được giao',
    onTime: 'Nộp đúng hạn',
    late: 'Nộp sau hạn',
    missing: 'Chưa nộp',
    exempt: 'Được miễn',
    returned: 'Trả lại để hoàn thiện',
    units: (n) => `${n} đơn vị`,
  },
  actions: {
    unitPage: 'Mở trang nộp hồ sơ của đơn vị',
    viewSubmission: 'Xem hồ sơ đã nộp',
    openSubmission: 'Mở hồ sơ của đơn vị',
    decide: 'Xem và cho ý kiến',
    unitView: 'Xem trang của đơn vị',
    details: 'Xem chi tiết',
    openReport: 'Mở báo cáo tổng hợp',
    approve: 'Xem và phê duyệt',
    viewReport: 'Xem báo cáo tổng hợp',
    inspection: 'Xem hồ sơ kiểm tra',
    fixAddress: 'Mở trang quản lý',
  },
  quotes: {
    office: (v) => `Ý kiến của ${v.office}`,
    officeNote: (v) => `Ghi chú của ${v.office}`,
    extensionReason: 'Lý do gia hạn',
    askedExtension: 'Lý do đề nghị gia hạn',
    askedExemption: 'Lý do đề nghị miễn thực hiện',
    reviewer: (v) => `Ý kiến của ${comradeInText(v.reviewer ?? 'Trưởng ban')}`,
    summary: 'Nội dung tóm tắt',
    prepare: 'Nội dung đề nghị chuẩn bị',
    team: (v) => `Ý kiến của ${v.team ?? 'Đoàn kiểm tra'}`,
    theme: 'Chủ đề, nội dung trọng tâm',
    checkin: 'Nội dung đề nghị báo cáo',
    assessment: 'Nhận xét, đánh giá chung',
    relay: 'Trả lời của máy chủ thư',
  },
  reasons: {
    'program-amended': 'Chương trình công tác đã được điều chỉnh.',
  },
  kindNames: {
    request: 'thư đề nghị thực hiện',
    reminder: 'thư nhắc hạn',
    receipt: 'biên nhận',
    submitted: 'thư báo đơn vị đã nộp',
    returned: 'thư đề nghị bổ sung, hoàn thiện',
    accepted: 'thư thông báo chấp nhận',
    escalation: 'thư đôn đốc',
    extended: 'thư thông báo gia hạn',
    'extension-requested': 'thư báo đề nghị gia hạn',
    'extension-refused': 'thư trả lời đề nghị gia hạn',
    'exemption-requested': 'thư báo đề nghị miễn thực hiện',
    exempted: 'thư thông báo miễn thực hiện',
    'exemption-refused': 'thư trả lời đề nghị miễn thực hiện',
    cancelled: 'thư thông báo điều chỉnh',
    consolidated: 'thư báo đã tổng hợp',
    'approval-requested': 'thư trình phê duyệt báo cáo tổng hợp',
    'approval-returned': 'thư báo trả lại báo cáo tổng hợp',
    forwarded: 'thư gửi báo cáo tổng hợp',
    'late-addendum': 'thư báo kết quả nộp sau khi tổng hợp',
    'inspection-notice': 'thông báo kiểm tra',
    'inspection-reminder': 'thư nhắc lịch kiểm tra',
    'inspection-findings': 'thông báo kết quả kiểm tra',
    'inspection-closed': 'thư báo hoàn thành khắc phục',
    'campaign-launch': 'thông báo phát động',
    'campaign-checkin': 'thư đề nghị báo cáo tiến độ',
    'campaign-summary': 'báo cáo kết quả thực hiện',
    'delivery-failed': 'thư báo không gửi được thư',
  },

  // The first request chases nothing yet: it is a request, not "đôn đốc".
  request: {
    subject: (v) => `[Đề nghị thực hiện] ${v.item} – hạn nộp ${v.dueDay}`,
    heading: () => 'Đề nghị thực hiện',
    lead: (v) => `Căn cứ ${v.program}, ${v.office} (cơ quan thường trực) đề nghị ${v.unit} thực hiện nội dung ${v.ref} và gửi kết quả trước ${v.due}.`,
    viaPage: () => 'Đơn vị nộp báo cáo, tài liệu qua trang của đơn vị theo đường dẫn dưới đây; khi nhận được, hệ thống sẽ gửi biên nhận qua thư điện tử.',
    viaMail: (v) => `Khi nhận được kết quả, ${v.office} sẽ gửi biên nhận qua thư điện tử.`,
  },
  reminder: {
    subject: (v) => (v.overdue ? `[Đôn đốc] Quá hạn nộp ${v.item} – hạn ${v.dueDay}` : `[Nhắc hạn] ${v.item} – hạn nộp ${v.dueDay}`),
    heading: (v) => (v.overdue ? 'Đã quá hạn nộp' : 'Nhắc hạn nộp'),
    overdueLead: (v) => `Đến nay, ${v.office} chưa nhận được ${v.ref} của ${v.unit}. Hạn nộp là ${v.due}, ${v.daysLeft ?? 'đã quá hạn'}.`,
    overdueAsk: (v) => `Đề nghị ${v.unit} khẩn trương hoàn thành, gửi kết quả trong thời gian sớm nhất.`,
    lead: (v) => `${v.office} trân trọng nhắc ${v.unit}: hạn nộp ${v.ref} là ${v.due}${left(v)}.`,
    ask: (v) => `Đề nghị ${v.unit} khẩn trương hoàn thành, gửi kết quả đúng thời hạn.`,
  },
  receipt: {
    subject: (v) => (v.receipt ? `[Biên nhận] Số ${v.receipt} – ${v.item}` : `[Biên nhận] ${v.item}`),
    heading: () => 'Biên nhận',
    lead: (v) => `${v.office} đã nhận ${v.ref} do ${v.unit} gửi${or(v.submittedAt, (t) => ` lúc ${t}`)}.`,
    keepNumber: (v) => `Số biên nhận: ${v.receipt ?? ''}. Đề nghị đơn vị lưu số biên nhận để tiện tra cứu, đối chiếu khi cần.`,
    next: (v) => `${v.office} sẽ xem xét và thông báo kết quả đến đơn vị.`,
    recorded: (v) => `Theo chương trình công tác, nội dung này không phải qua bước xem xét: kết quả của ${v.unit} đã được ghi nhận là hoàn thành. Đơn vị không phải thực hiện thêm việc gì đối với nội dung này.`,
  },
  submitted: {
    subject: (v) => `[Đã nộp] ${v.unitLine} – ${v.item}`,
    heading: () => 'Đơn vị đã nộp hồ sơ',
    lead: (v) => `${v.unit} đã nộp ${v.ref}${or(v.submittedAt, (t) => ` lúc ${t}`)}${or(v.receipt, (r) => ` (số biên nhận ${r})`)}.`,
    ask: (v) => `Đề nghị ${v.office} xem xét, cho ý kiến: chấp nhận, hoặc trả lại để đơn vị bổ sung, hoàn thiện.`,
    recorded: () => 'Theo chương trình công tác, nội dung này không phải qua bước xem xét: hệ thống đã ghi nhận kết quả của đơn vị là hoàn thành, không cần cho ý kiến chấp nhận.',
  },
  returned: {
    subject: (v) => `[Trả lại] ${v.item} – hạn gửi lại ${v.dueDay}`,
    heading: () => 'Đề nghị bổ sung, hoàn thiện',
    lead: (v) => `${v.office} đã xem xét ${v.ref} do ${v.unit} gửi${or(v.receipt, (r) => ` (số biên nhận ${r})`)} và đề nghị đơn vị bổ sung, hoàn thiện${asFollows(v)}`,
    ask: (v) => `Đề nghị ${v.unit} hoàn thiện và gửi lại trước ${v.due}${left(v)}.`,
  },
  accepted: {
    subject: (v) => `[Chấp nhận] ${v.item}${or(v.receipt, (r) => ` – Số ${r}`)}`,
    heading: () => 'Thông báo chấp nhận',
    lead: (v) => `${v.office} đã xem xét và chấp nhận ${v.ref} do ${v.unit} gửi${or(v.receipt, (r) => ` (số biên nhận ${r})`)}.`,
    thanks: (v) => `${v.office} ghi nhận và cảm ơn sự phối hợp của ${v.unit}.`,
  },
  extended: {
    subject: (v) => `[Gia hạn] ${v.item} – hạn mới ${v.dueDay}`,
    heading: () => 'Thông báo gia hạn',
    lead: (v) => `${v.office} đồng ý gia hạn thời hạn nộp ${v.ref} của ${v.unit}${or(v.previousDue, (d) => ` từ ${d}`)} đến ${v.due}.`,
    ask: () => 'Đề nghị đơn vị hoàn thành và gửi kết quả trong thời hạn được gia hạn.',
  },
  escalation: {
    tag: (v) => (v.level ? `[Đôn đốc lần ${v.level}]` : '[Đôn đốc]'),
    heading: (v) => (v.level ? `Đôn đốc thực hiện – lần ${v.level}` : 'Đôn đốc thực hiện'),
    headSubject: (v) => `${vi.escalation.tag(v)} ${v.unitLine} chưa nộp ${v.item} – hạn ${v.dueDay}`,
    listSubject: (v) => `${vi.escalation.tag(v)} ${v.pending.length > 1 ? `${v.pending.length} đơn vị` : oneLine(v.pending[0] ?? v.unit)} chưa nộp ${v.item} – hạn ${v.dueDay}`,
    headLead: (v) => `Thực hiện ${v.program}, ${v.unit} (đơn vị do đồng chí phụ trách) được giao thực hiện nội dung ${v.ref}, hạn nộp ${v.due}.`,
    headNotYet: (v) => `Đến nay, ${v.office} chưa nhận được kết quả của đơn vị${left(v)}.`,
    headAsk: (v) => `Đề nghị đồng chí quan tâm, chỉ đạo đơn vị khẩn trương hoàn thành, gửi kết quả về ${v.office} trong thời gian sớm nhất.`,
    chairLead: (v) => `Thực hiện ${v.program}, ${v.office} (cơ quan thường trực) kính báo cáo: đến nay, ${unitsWord(v)} sau chưa nộp ${v.ref}, hạn nộp ${v.due}${or(v.daysLeft, (d) => `, ${d}`)}:`,
    chairAsk: (v) => `Kính đề nghị đồng chí quan tâm, chỉ đạo ${unitsWord(v)} khẩn trương hoàn thành.`,
    officeLead: (v) => `Đến nay, ${unitsWord(v)} sau chưa nộp ${v.ref}, hạn nộp ${v.due}${or(v.daysLeft, (d) => `, ${d}`)}:`,
    officeAsk: (v) => `Đề nghị ${v.office} liên hệ, đôn đốc ${unitsWord(v)} hoàn thành và gửi kết quả trong thời gian sớm nhất.`,
  },
  'extension-requested': {
    subject: (v) => `[Xin gia hạn] ${v.unitLine} – ${v.item}${or(v.requestedDueDay, (d) => ` – đến ${d}`)}`,
    heading: () => 'Đơn vị đề nghị gia hạn',
    withDate: (v) => `${v.unit} đề nghị gia hạn thời hạn nộp ${v.ref} từ ${v.due} đến ${v.requestedDue ?? ''}.`,
    withoutDate: (v) => `${v.unit} đề nghị được gia hạn thời hạn nộp ${v.ref}, hạn hiện tại là ${v.due}.`,
    ask: (v) => `Đề nghị ${v.office} xem xét, quyết định: đồng ý gia hạn, hoặc không đồng ý và giữ nguyên thời hạn.`,
  },
  'extension-refused': {
    subject: (v) => `[Gia hạn] Không chấp thuận gia hạn nộp ${v.item} – hạn nộp ${v.dueDay}`,
    heading: () => 'Không chấp thuận gia hạn',
    lead: (v) => `${v.office} đã xem xét đề nghị gia hạn thời hạn nộp ${v.ref} của ${v.unit}${or(v.requestedDue, (d) => ` (đến ${d})`)} và không chấp thuận${asFollows(v)}`,
    stands: (v) => `Thời hạn nộp giữ nguyên: ${v.due}${left(v)}. Đề nghị ${v.unit} khẩn trương hoàn thành, gửi kết quả đúng thời hạn.`,
  },
  'exemption-requested': {
    subject: (v) => `[Xin miễn thực hiện] ${v.unitLine} đề nghị miễn thực hiện ${v.item}`,
    heading: () => 'Đơn vị đề nghị miễn thực hiện',
    lead: (v) => `${v.unit} đề nghị được miễn thực hiện ${v.ref}, hạn nộp ${v.due}.`,
    ask: (v) => `Đề nghị ${v.office} xem xét, quyết định: đồng ý miễn thực hiện, hoặc không đồng ý và giữ nguyên yêu cầu.`,
  },
  exempted: {
    subject: (v) => `[Miễn thực hiện] Đồng ý miễn thực hiện ${v.item} – ${v.unitLine}`,
    heading: () => 'Thông báo miễn thực hiện',
    lead: (v) => `${v.office} đồng ý để ${v.unit} được miễn thực hiện ${v.ref}.`,
    nothingMore: (v) => `${v.unit} không phải gửi báo cáo, tài liệu đối với nội dung này; hệ thống sẽ không gửi thư nhắc hạn về nội dung này nữa.`,
  },
  'exemption-refused': {
    subject: (v) => `[Miễn thực hiện] Không chấp thuận miễn thực hiện ${v.item} – hạn nộp ${v.dueDay}`,
    heading: () => 'Không chấp thuận miễn thực hiện',
    lead: (v) => `${v.office} đã xem xét đề nghị miễn thực hiện ${v.ref} của ${v.unit} và không chấp thuận${asFollows(v)}`,
    stands: (v) => `Hạn nộp giữ nguyên: ${v.due}${left(v)}. Đề nghị ${v.unit} hoàn thành, gửi kết quả đúng thời hạn.`,
  },
  cancelled: {
    subject: (v) => `[Điều chỉnh] Không còn yêu cầu thực hiện ${v.item}`,
    heading: () => 'Điều chỉnh yêu cầu thực hiện',
    lead: (v) => `Do ${v.program} đã được điều chỉnh, ${v.office} thông báo: ${v.unit} không còn phải thực hiện ${v.ref}.`,
    nothingMore: () => 'Đơn vị không cần thực hiện thêm việc gì đối với nội dung này; hệ thống sẽ không gửi thư nhắc hạn về nội dung này nữa.',
  },
  consolidated: {
    subject: (v) => `[Báo cáo tổng hợp] Đã tổng hợp ${v.item}`,
    heading: () => 'Báo cáo tổng hợp đã sẵn sàng',
    lead: (v) => `Hệ thống đã lập báo cáo tổng hợp ${v.ref} từ kết quả các đơn vị gửi về.`,
    missing: () => 'Đến thời điểm tổng hợp, các đơn vị sau chưa gửi kết quả; kết quả gửi sau sẽ được ghi vào phụ lục bổ sung:',
    ask: (v) => `Đề nghị ${v.office} kiểm tra, hoàn thiện báo cáo tổng hợp và trình phê duyệt trước khi gửi cấp trên.`,
  },
  'approval-requested': {
    subject: (v) => `[Trình duyệt] Tổng hợp ${v.item}`,
    heading: () => 'Trình phê duyệt báo cáo tổng hợp',
    lead: (v) => `Thực hiện ${v.program}, ${v.office} (cơ quan thường trực) đã tổng hợp ${v.ref} từ kết quả các đơn vị gửi về.`,
    ask: () => 'Kính trình đồng chí xem xét, phê duyệt báo cáo tổng hợp để gửi cấp trên theo quy định.',
  },
  'approval-returned': {
    subject: (v) => `[Trình duyệt] Trả lại tổng hợp ${v.item}`,
    heading: () => 'Báo cáo tổng hợp được trả lại',
    lead: (v) => `${comrade(v.reviewer ?? 'Trưởng ban')} đã xem xét và trả lại báo cáo tổng hợp ${v.ref}${asFollows(v)}`,
    ask: (v) => `Đề nghị ${v.office} chỉnh sửa, hoàn thiện báo cáo tổng hợp và trình lại.`,
  },
  // The greeting names the recipients (several, joined, when the report goes to more than
  // one); the letter speaks to them as "Quý cơ quan", as cover letters do. It goes out in
  // the committee's name when the program gives it; the standing office only prepared it.
  forwarded: {
    subject: (v) => `[Báo cáo tổng hợp] ${v.item}${or(v.periodLine, (p) => ` – ${p}`)}`,
    heading: () => 'Gửi báo cáo tổng hợp',
    lead: (v) => (v.committee
      ? `Thực hiện ${v.program}, ${v.committee} trân trọng gửi báo cáo tổng hợp ${v.ref} để Quý cơ quan theo dõi, chỉ đạo.`
      : `Thực hiện ${v.program}, ${v.office} (cơ quan thường trực) trân trọng gửi báo cáo tổng hợp ${v.ref} để Quý cơ quan theo dõi, chỉ đạo.`),
    attached: (v) => `Báo cáo được gửi kèm theo thư này (tệp ${v.attachment ?? ''}).`,
  },
  'late-addendum': {
    subject: (v) => `[Bổ sung] ${v.unitLine} nộp ${v.item} sau khi đã tổng hợp`,
    heading: () => 'Kết quả nộp sau khi đã tổng hợp',
    lead: (v) => `${v.unit} đã nộp ${v.ref}${or(v.submittedAt, (t) => ` lúc ${t}`)}${or(v.receipt, (r) => ` (số biên nhận ${r})`)}, sau khi báo cáo tổng hợp đã được lập.`,
    recorded: () => 'Kết quả này đã được ghi vào phụ lục bổ sung của báo cáo tổng hợp.',
    ask: (v) => `Trường hợp báo cáo tổng hợp đã gửi cấp trên, đề nghị ${v.office} xem xét gửi bổ sung.`,
  },
  'inspection-notice': {
    subject: (v) => `[Kiểm tra] Lịch kiểm tra${or(v.visitDay, (d) => ` ngày ${d}`)} – ${v.item}`,
    heading: () => 'Thông báo kiểm tra',
    lead: (v) => `Thực hiện ${v.program}, ${v.office} thông báo: ${v.team ?? 'Đoàn kiểm tra'} sẽ làm việc với ${v.unit} về ${v.ref}${v.atVisit ? ` ${v.atVisit}` : '; thời gian cụ thể sẽ được thông báo sau'}.`,
    ask: (v) => `Đề nghị ${v.unit} bố trí thành phần làm việc và chuẩn bị đầy đủ hồ sơ, tài liệu${v.commented ? ' theo nội dung trên' : ' liên quan'}.`,
  },
  'inspection-reminder': {
    subject: (v) => `[Kiểm tra] Nhắc lịch kiểm tra${or(v.visitDay, (d) => ` ngày ${d}`)} – ${v.item}`,
    heading: () => 'Nhắc lịch kiểm tra',
    lead: (v) => `${v.office} trân trọng nhắc: ${v.team ?? 'Đoàn kiểm tra'} sẽ làm việc với ${v.unit} về ${v.ref}${or(v.atVisit, (a) => ` ${a}`)}.`,
    ask: (v) => `Đề nghị ${v.unit} bố trí thành phần làm việc, chuẩn bị hồ sơ, tài liệu theo nội dung đã thông báo.`,
  },
  'inspection-findings': {
    subject: (v) => `[Kiểm tra] Thông báo kết quả – ${v.item}`,
    heading: () => 'Thông báo kết quả kiểm tra',
    lead: (v) => `${v.team ?? 'Đoàn kiểm tra'} đã làm việc với ${v.unit} về ${v.ref}${or(v.atVisit, (a) => ` ${a}`)}.`,
    foundIntro: () => 'Qua kiểm tra, còn một số tồn tại, hạn chế sau:',
    // One item is "nội dung sau", not "1 nội dung sau".
    remedyIntro: (v) => `Đề nghị ${v.unit} khắc phục ${v.remediations.length > 1 ? `${v.remediations.length} nội dung sau` : 'nội dung sau'} và báo cáo kết quả về ${v.office} trong thời hạn ${v.remediations.length > 1 ? 'ghi tại từng nội dung' : 'ghi dưới đây'}:`,
    remedyItem: (r) => `${r.title} – hạn ${r.due}`,
    noteOnly: () => 'Đề nghị đơn vị rút kinh nghiệm đối với các tồn tại, hạn chế nêu trên.',
    nothingFound: () => 'Qua kiểm tra, không có tồn tại, hạn chế phải khắc phục.',
  },
  'inspection-closed': {
    subject: (v) => `[Kiểm tra] ${v.unitLine} đã hoàn thành khắc phục – ${v.item}`,
    heading: () => 'Hoàn thành khắc phục sau kiểm tra',
    lead: (v) => {
      const n = v.remediations.length;
      const what = n > 1 ? `toàn bộ ${n} nội dung` : n === 1 ? 'nội dung' : 'các nội dung';
      return `${v.unit} đã hoàn thành ${what} phải khắc phục theo kết quả kiểm tra ${v.ref}.`;
    },
    doneItem: (r) => `${r.title} – hạn ${r.due}${r.done ? `; hoàn thành ${r.done}${r.late ? ' (sau hạn)' : ''}` : ''}`,
    exempted: (items) => `Được miễn khắc phục: ${items.join('; ')}.`,
    ask: (v) => `Đề nghị ${v.office} xác nhận kết quả, kết thúc việc theo dõi và lưu hồ sơ kiểm tra.`,
  },
  'campaign-launch': {
    subject: (v) => `[Phát động] ${v.item}${or(v.windowDays, (w) => ` – ${w}`)}`,
    heading: () => 'Thông báo phát động',
    lead: (v) => `Thực hiện ${v.program}, ${v.office} (cơ quan thường trực) đề nghị ${v.unit} tổ chức triển khai ${v.ref}${or(v.window, (w) => `, ${w}`)}.`,
    ask: (v) => `Đề nghị ${v.unit} xây dựng kế hoạch, triển khai các hoạt động và gửi báo cáo kết quả về ${v.office} trước ${v.due}.`,
  },
  'campaign-checkin': {
    subject: (v) => `[Nắm tình hình] Báo cáo tiến độ ${v.item} – hạn ${v.dueDay}`,
    heading: () => 'Nắm tình hình giữa đợt',
    lead: (v) => `Để nắm tình hình triển khai ${v.ref}${or(v.window, (w) => `, ${w}`)}, ${v.office} đề nghị ${v.unit} báo cáo nhanh tiến độ, kết quả bước đầu trước ${v.due}${left(v)}.`,
  },
  'campaign-summary': {
    subject: (v) => `[Tổng hợp kết quả] ${v.item}`,
    heading: () => 'Báo cáo kết quả thực hiện',
    lead: (v) => `Thực hiện ${v.program}, ${v.office} (cơ quan thường trực) kính báo cáo đồng chí kết quả thực hiện ${v.ref}${or(v.window, (w) => `, ${w}`)}, tổng hợp theo báo cáo của các đơn vị.`,
    plans: (c) => {
      const rest = [c.missing > 0 ? `${c.missing} đơn vị chưa gửi` : '', c.exempt > 0 ? `${c.exempt} đơn vị được miễn` : ''].filter(Boolean);
      return `Kế hoạch triển khai của các đơn vị: đã nhận ${c.received}/${c.total} (${c.onTime} đúng hạn, ${c.late} sau hạn)${rest.length ? `; ${rest.join(', ')}` : ''}.`;
    },
    ask: () => 'Kính đề nghị đồng chí xem xét, chỉ đạo.',
  },
  'delivery-failed': {
    subject: (v) => `[Không gửi được thư] ${v.unitLine} – ${v.item}`,
    heading: () => 'Không gửi được thư đến đơn vị',
    lead: (v) => {
      const who = v.recipient ? `${comradeInText(v.recipient)} (${v.unit})` : v.unit;
      const what = v.failedKind ? vi.kindNames[v.failedKind] : 'thư';
      const where = v.failedTo.length > 0 ? ` theo địa chỉ ${v.failedTo.join(', ')}` : '';
      return `Hệ thống không gửi được ${what} về ${v.ref} đến ${who}${where}: máy chủ thư của nơi nhận đã từ chối nhận thư.`;
    },
    meaning: () => 'Lỗi này không tự khắc phục được khi gửi lại: địa chỉ không tồn tại, đã bị khóa hoặc không nhận thư từ hệ thống.',
    ask: (v) => `Đề nghị ${v.office} kiểm tra, sửa địa chỉ thư điện tử của đơn vị trong tệp chương trình rồi áp dụng lại chương trình, hoặc sửa trên trang quản lý.`,
    resend: () => 'Sau khi địa chỉ được sửa, hệ thống sẽ gửi lại các thư chưa gửi được.',
  },
};
