// A small demo program generated relative to "now", so that `npm start` shows something on
// any day of the year while the real program file keeps its real dates: requests go out as
// soon as it is applied, one unit submits (a receipt), one unit misses a deadline a minute
// or two later (overdue, then escalations). Dates use the Vietnamese working-day calendar;
// the one liberty it takes is below (a day off declared worked, for the overdue item only).
import { DateTime } from 'luxon';
import { stringify } from 'yaml';
import { WorkCalendar, type IsoDate } from '../calendar';

export const DEMO_TIME_ZONE = 'Asia/Ho_Chi_Minh';

export interface DemoProgram {
  programId: string;
  year: number;
  /** The program file's text (YAML with a header comment), to validate and apply like any file. */
  yaml: string;
  /** The assignment the demo submits right after applying (receipt visible). */
  submittedAssignmentId: string;
  /** The assignment whose due passes a minute or two after start (overdue, then escalations). */
  overdueAssignmentId: string;
  /** Local ISO instants, for the banner and the tests. */
  requestAt: string;
  overdueDueAt: string;
  /** Days off that the demo declares worked so its short deadline can fall on them. */
  workedDaysOff: IsoDate[];
}

const MINUTE = 60_000;

const UNITS = [
  { id: 'van-phong', name: 'Văn phòng Ban (cơ quan thường trực, minh họa)', nameEn: 'Committee office (standing office, demo)', kind: 'office' },
  { id: 'phong-noi-vu', name: 'Phòng Nội vụ (minh họa)', nameEn: 'Home Affairs Office (demo)', kind: 'department' },
  { id: 'phong-tai-chinh', name: 'Phòng Tài chính - Kế hoạch (minh họa)', nameEn: 'Finance and Planning Office (demo)', kind: 'department' },
  { id: 'hoi-phu-nu', name: 'Hội Liên hiệp Phụ nữ (minh họa)', nameEn: "Women's Union (demo)", kind: 'mass-organization' },
  { id: 'xa-an-binh', name: 'UBND xã An Bình (minh họa)', nameEn: 'An Bình commune (demo)', kind: 'commune' },
  { id: 'xa-tan-lap', name: 'UBND xã Tân Lập (minh họa)', nameEn: 'Tân Lập commune (demo)', kind: 'commune' },
] as const;

function unitEntry(u: (typeof UNITS)[number]) {
  return {
    id: u.id,
    name: u.name,
    nameEn: u.nameEn,
    kind: u.kind,
    emails: [`${u.id}@demo.example.org`],
    head: { title: `Thủ trưởng ${u.name.replace(' (minh họa)', '').replace(/ \(.*\)$/, '')}`, email: `thutruong.${u.id}@demo.example.org` },
  };
}

const hhmm = (dt: DateTime) => dt.toFormat('HH:mm');

/**
 * @param now the instant `npm start` applies the demo (tests pass fixed instants).
 */
export function demoProgram(now: number, calendar: WorkCalendar = new WorkCalendar()): DemoProgram {
  const local = DateTime.fromMillis(now, { zone: DEMO_TIME_ZONE });
  const today = local.toISODate()!;
  const year = local.year;
  const programId = `demo-${year}`;

  // Requests carry the current minute: already due when the program workflow reads them,
  // so the occurrences start and the requests go out as soon as the demo is applied.
  const request = local.startOf('minute');
  // The short deadline: the next whole minute at least a minute away, then two escalation
  // steps a minute apart. All three on one local date (near midnight: the next day's first minutes).
  let due = DateTime.fromMillis(Math.ceil((now + MINUTE) / MINUTE) * MINUTE, { zone: DEMO_TIME_ZONE });
  if (due.plus({ minutes: 2 }).toISODate() !== due.toISODate()) due = due.plus({ days: 1 }).startOf('day').plus({ minutes: 1 });
  const dueDate = due.toISODate()!;

  // A deadline written on a day off moves to the next working day (Civil Code art. 148), which
  // would push the overdue demo to after the weekend or Tết. The demo program declares the days
  // it needs worked instead (calendar.workingDays, the same field a Saturday swap uses), and says so.
  const workedDaysOff = [...new Set([today, dueDate])].filter((d) => !calendar.isWorkingDay(d)).sort();

  // The ordinary deadlines count working days on the real calendar (a request on 31 December is
  // due in January, one in the Tết week after Tết).
  const quickDue = calendar.addWorkingDays(calendar.rollForward(today), 3);
  const monthStart = local.startOf('month').toISODate()!;

  const groups = [
    { id: 'thanh-vien', name: 'Các cơ quan thành viên (minh họa)', nameEn: 'Member bodies (demo)', members: ['phong-noi-vu', 'phong-tai-chinh', 'hoi-phu-nu'] },
    { id: 'xa', name: 'UBND các xã (minh họa)', nameEn: 'Communes (demo)', members: ['xa-an-binh', 'xa-tan-lap'] },
  ];

  const file = {
    program: {
      id: programId,
      title: `[Minh họa] Chương trình công tác mẫu năm ${year}`,
      titleEn: `[Demo] Sample work program ${year}`,
      year,
      timezone: DEMO_TIME_ZONE,
      locale: 'vi',
      issuer: 'Ban chỉ đạo mẫu (minh họa, không phải văn bản thật)',
      document: `Bản minh họa tạo lúc ${local.toFormat('HH:mm dd/MM/yyyy')}`,
      issued: today,
      office: 'van-phong',
      chair: { name: 'Nguyễn Văn Minh', title: 'Trưởng ban (minh họa)', email: 'truongban@demo.example.org' },
      upward: [{ id: 'ubnd-tinh', name: 'UBND tỉnh (minh họa)', email: 'vanphong@ubnd-tinh.demo.example.org' }],
    },
    defaults: {
      time: '17:00',
      noticeTime: '08:00',
      reminders: [{ workingDays: 1 }],
      escalation: [
        { workingDays: 1, to: 'unit-head' },
        { workingDays: 3, to: 'office' },
      ],
      review: { reviewer: 'office', maxRounds: 2, resubmit: { workingDays: 3 } },
    },
    calendar: {
      daysOff: [],
      workingDays: workedDaysOff,
    },
    groups,
    units: UNITS.map(unitEntry),
    items: [
      {
        id: 'bao-cao-nhanh',
        kind: 'task',
        title: 'Báo cáo nhanh kết quả thực hiện nhiệm vụ trong tuần (minh họa)',
        titleEn: 'Quick report on this week’s work (demo)',
        short: 'Báo cáo nhanh',
        shortEn: 'Quick report',
        assignees: ['thanh-vien', 'xa'],
        start: today,
        request: { date: today, time: hhmm(request) },
        due: { date: quickDue, time: '17:00' },
        indicators: [{ id: 'so-hoat-dong', label: 'Số hoạt động đã tổ chức', labelEn: 'Activities held', type: 'number', measure: 'hoạt động' }],
      },
      {
        id: 'cap-nhat-can-bo-nu',
        kind: 'task',
        title: 'Cập nhật danh sách cán bộ nữ (minh họa)',
        titleEn: 'Update the list of female cadres (demo)',
        description: 'Hạn nộp sau ít phút kể từ khi khởi động, để thấy hồ sơ quá hạn và báo cáo vượt cấp.',
        short: 'Cập nhật cán bộ nữ',
        shortEn: 'Female cadres update',
        assignees: ['xa-tan-lap'],
        start: today,
        request: { date: today, time: hhmm(request) },
        due: { date: dueDate, time: hhmm(due) },
        reminders: [],
        escalation: [
          { workingDays: 0, time: hhmm(due.plus({ minutes: 1 })), to: 'unit-head' },
          { workingDays: 0, time: hhmm(due.plus({ minutes: 2 })), to: 'office' },
        ],
        review: false,
      },
      {
        id: 'bao-cao-thang',
        kind: 'report',
        title: 'Báo cáo tình hình thực hiện chương trình trong tháng (minh họa)',
        titleEn: 'Monthly progress report (demo)',
        short: 'Báo cáo tháng',
        shortEn: 'Monthly report',
        assignees: ['thanh-vien'],
        windows: [{ id: `thang-${local.toFormat('MM')}`, title: `tháng ${local.toFormat('MM/yyyy')}`, from: monthStart, to: today }],
        request: { date: today, time: hhmm(request) },
        due: { workingDays: 5, after: 'closing' },
        indicators: [
          { id: 'so-can-bo-nu', label: 'Số cán bộ nữ', labelEn: 'Female cadres', type: 'number', measure: 'người' },
          { id: 'ghi-chu', label: 'Ghi chú', labelEn: 'Notes', type: 'text', required: false },
        ],
      },
    ],
  };

  const header = [
    `# [MINH HỌA] Chương trình mẫu do "npm start" tạo lúc ${local.toFormat('HH:mm dd/MM/yyyy')} (giờ Việt Nam).`,
    '# Không phải văn bản thật: các hạn được tính từ thời điểm khởi động để hộp thư có yêu cầu ngay,',
    '# một đơn vị đã nộp (có biên nhận) và một đơn vị quá hạn sau ít phút (có báo cáo vượt cấp).',
    ...(workedDaysOff.length > 0
      ? [`# ${workedDaysOff.join(', ')}: ngày nghỉ; bản minh họa coi là ngày làm việc (calendar.workingDays) để hạn ngắn không bị chuyển sang ngày làm việc tiếp theo.`]
      : []),
    '# Tắt bản minh họa: DONDOC_DEMO=0 npm start.',
    '',
  ].join('\n');

  return {
    programId,
    year,
    yaml: header + stringify(file, { lineWidth: 0 }),
    submittedAssignmentId: `${programId}/bao-cao-nhanh/${year}/phong-noi-vu`,
    overdueAssignmentId: `${programId}/cap-nhat-can-bo-nu/${year}/xa-tan-lap`,
    requestAt: request.toISO({ suppressMilliseconds: true })!,
    overdueDueAt: due.toISO({ suppressMilliseconds: true })!,
    workedDaysOff,
  };
}
