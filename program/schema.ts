// The program file, as zod schemas. Shapes only: cross-references, dates against windows
// and everything else that needs the whole file live in checks.ts, so that one pass can
// report every error even when some parts do not parse.
import { z } from 'zod';

export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]?\d|2[0-3]):[0-5]\d$/;

export const slug = z
  .string()
  .max(64, { error: 'mã (id) dài quá 64 ký tự (id longer than 64 characters)' })
  .regex(SLUG, {
    error: 'mã (id) chỉ gồm chữ thường không dấu, chữ số và dấu "-", ví dụ "phong-noi-vu" (expected a slug: a-z, 0-9 and "-")',
  });

export const isoDate = z.string().regex(DATE, {
  error: 'ngày phải viết YYYY-MM-DD, ví dụ 2026-06-14 (expected a date YYYY-MM-DD)',
});

/** "8:00" and "08:00" are both accepted; the output is always HH:MM. */
export const timeOfDay = z
  .string()
  .regex(TIME, { error: 'giờ phải viết HH:MM, từ 00:00 đến 23:59, ví dụ "17:00" (expected a time HH:MM)' })
  .transform((s) => s.padStart(5, '0'));

const text = z.string().trim().min(1, { error: 'không được để trống (must not be empty)' });

export const email = z.email({ error: 'địa chỉ email không hợp lệ, ví dụ vanphong@xa.example.org (invalid email address)' });

export const ANCHORS = ['windowStart', 'windowEnd', 'closing', 'due', 'visit', 'findings', 'consolidation', 'approval', 'returnReceived'] as const;
export const anchor = z.enum(ANCHORS);

/**
 * A date written the way offices write deadlines: a fixed date, or N working (or calendar)
 * days after/before a point of the item ("5 ngày làm việc sau ngày chốt số liệu").
 * Exactly one of `date`, `workingDays`, `days` — checked in checks.ts with a clear message.
 */
export const offsetSpec = z.strictObject({
  date: isoDate.optional(),
  workingDays: z.int().optional(),
  days: z.int().optional(),
  after: anchor.optional(),
  before: anchor.optional(),
  time: timeOfDay.optional(),
});
export const dateSpec = z.union([isoDate, offsetSpec]);

/** Reminders count back from the due date: `{ workingDays: 3 }` is 3 working days before. */
export const reminder = z.strictObject({
  workingDays: z.int().optional(),
  days: z.int().optional(),
  time: timeOfDay.optional(),
});

export const AUDIENCES = ['unit-head', 'office', 'chair'] as const;
/** Escalations count forward from the due date, each to a wider audience. */
export const escalationStep = z.strictObject({
  workingDays: z.int().optional(),
  days: z.int().optional(),
  to: z.enum(AUDIENCES),
  time: timeOfDay.optional(),
});

export const review = z.strictObject({
  /** `office`, `chair`, or a unit id. */
  reviewer: z.string().default('office'),
  maxRounds: z.int().min(1).max(10).default(2),
  /** Working days a unit has to resubmit after a return (trả lại). */
  resubmit: dateSpec.default({ workingDays: 3, after: 'returnReceived' }),
});

export const consolidation = z.strictObject({
  /** When the standing office's consolidated report is due (default 3 working days after the units' due). */
  due: dateSpec.default({ workingDays: 3, after: 'due' }),
  approver: z.enum(['chair', 'office']).default('chair'),
  approve: dateSpec.default({ workingDays: 2, after: 'consolidation' }),
  forward: dateSpec.default({ workingDays: 1, after: 'approval' }),
  /** Upward recipient ids; all of them when omitted. */
  to: z.array(slug).optional(),
});

/**
 * How a number indicator is combined across units in a consolidation. Percentages and
 * rates are never summed: `average` is the plain mean over the units that reported,
 * `weighted-average` weighs each unit by another number indicator of the item (`weight`),
 * `none` leaves the total cell empty. Default: `sum`, or `average` when the measure is "%".
 */
export const AGGREGATES = ['sum', 'average', 'weighted-average', 'none'] as const;

export const indicator = z.strictObject({
  id: slug,
  label: text,
  labelEn: text.optional(),
  type: z.enum(['number', 'text', 'choice']).default('number'),
  choices: z.array(text).optional(),
  required: z.boolean().default(true),
  /** Unit of measure (đơn vị tính): "người", "%", "vụ". */
  measure: text.optional(),
  aggregate: z.enum(AGGREGATES).optional(),
  /** For `aggregate: weighted-average`: the id of the number indicator that weighs each unit. */
  weight: slug.optional(),
});

export const PERIODS = ['monthly', 'quarterly', 'six-month', 'nine-month', 'annual'] as const;
export const periodKind = z.enum(PERIODS);

const itemBase = {
  id: slug,
  title: text,
  titleEn: text.optional(),
  /** A short name for tables and reminders ("Báo cáo 6 tháng"). */
  short: text.optional(),
  shortEn: text.optional(),
  /** Where the directive sits in the source document, e.g. "II.1". */
  ref: z.union([text, z.array(text)]).optional(),
  description: text.optional(),
  /** Default time of day for the due date. */
  time: timeOfDay.optional(),
  request: dateSpec.optional(),
  reminders: z.array(reminder).optional(),
  escalation: z.array(escalationStep).optional(),
  /** `false` turns off review for this item even if the defaults have one. */
  review: z.union([review, z.literal(false)]).optional(),
  /** The unit must attach evidence (minutes, photos, a signed plan). */
  evidence: z.boolean().optional(),
  indicators: z.array(indicator).optional(),
};

const assignees = z.array(z.string());

export const customWindow = z.strictObject({
  id: slug,
  title: text.optional(),
  titleEn: text.optional(),
  from: isoDate,
  to: isoDate,
});

export const reportItem = z.strictObject({
  ...itemBase,
  kind: z.literal('report'),
  assignees,
  period: z.union([periodKind, z.array(periodKind)]).optional(),
  /**
   * Which months or quarters of a monthly/quarterly period the item asks for, as the end of
   * their period key: `only: [Q1, Q3]` (quarters II and IV are covered by the six-month and
   * annual reports), `only: [M01, M07]`. Checked in check-specs.ts.
   */
  only: z.array(z.string()).optional(),
  windows: z.array(customWindow).optional(),
  due: dateSpec.default({ workingDays: 5, after: 'closing' }),
  consolidation: consolidation.optional(),
});

export const taskItem = z.strictObject({
  ...itemBase,
  kind: z.literal('task'),
  assignees,
  /** When the task is handed out; the window runs from here to the due date. */
  start: isoDate.optional(),
  due: dateSpec,
  consolidation: consolidation.optional(),
});

export const campaignItem = z.strictObject({
  ...itemBase,
  kind: z.literal('campaign'),
  assignees,
  start: isoDate,
  end: isoDate,
  /** Each unit's own plan for the campaign, due before it starts. */
  plans: dateSpec.optional(),
  /** A mid-campaign check-in: a date, or `mid` for the working day at the middle. */
  checkIn: z.union([isoDate, z.literal('mid'), z.literal(false)]).default('mid'),
  /** The results report. */
  due: dateSpec.default({ workingDays: 5, after: 'windowEnd' }),
  consolidation: consolidation.optional(),
});

export const visit = z.strictObject({
  unit: z.string(),
  date: isoDate,
  time: timeOfDay.optional(),
});

export const inspectionRound = z.strictObject({
  id: slug,
  title: text.optional(),
  visits: z.array(visit).min(1, { error: 'đợt kiểm tra cần ít nhất một lịch làm việc (visits) (a round needs at least one visit)' }),
});

export const inspectionItem = z.strictObject({
  ...itemBase,
  kind: z.literal('inspection'),
  /** The inspection plan itself (kế hoạch kiểm tra), due from the standing office. */
  plan: dateSpec.optional(),
  rounds: z.array(inspectionRound).min(1, { error: 'cần ít nhất một đợt kiểm tra (rounds) (at least one round)' }),
  /** Notice (thông báo) sent to the inspected unit before the visit. */
  notice: dateSpec.default({ workingDays: 5, before: 'visit' }),
  /** The inspection team's conclusion (kết luận / biên bản). */
  findings: dateSpec.default({ workingDays: 10, after: 'visit' }),
  /** The inspected unit's remediation report (báo cáo khắc phục). */
  due: dateSpec.default({ days: 30, after: 'visit' }),
});

export const ITEM_KINDS = ['report', 'task', 'campaign', 'inspection'] as const;
export const item = z.discriminatedUnion('kind', [reportItem, taskItem, campaignItem, inspectionItem]);

export const person = z.strictObject({
  name: text,
  title: text,
  email,
});

export const unitHead = z.strictObject({
  name: text.optional(),
  title: text,
  email,
});

export const UNIT_KINDS = ['department', 'mass-organization', 'commune', 'office', 'other'] as const;
export const unit = z.strictObject({
  id: slug,
  name: text,
  nameEn: text.optional(),
  kind: z.enum(UNIT_KINDS),
  emails: z.array(email).min(1, { error: 'cần ít nhất một email liên hệ (at least one contact email)' }),
  phone: text.optional(),
  head: unitHead.optional(),
  /** Groups this unit belongs to, besides those that list it. */
  groups: z.array(slug).optional(),
});

export const group = z.strictObject({
  id: slug,
  name: text,
  nameEn: text.optional(),
  /** Unit ids or other group ids. */
  members: z.array(z.string()).optional(),
});

export const recipient = z.strictObject({
  id: slug,
  name: text,
  email,
});

export const programHeader = z.strictObject({
  id: slug,
  title: text,
  titleEn: text.optional(),
  year: z.int().min(2000).max(2100),
  timezone: z.string().default('Asia/Ho_Chi_Minh'),
  locale: z.enum(['vi', 'en']).default('vi'),
  /** Issuing body (cơ quan ban hành). */
  issuer: text,
  /** Document number and date, as printed ("Số: 12/CTr-BVSTBCPN"). */
  document: text.optional(),
  /** Date of issue; also the fixed DTSTAMP of calendar feeds. */
  issued: isoDate.optional(),
  /** The standing office (cơ quan thường trực): a unit id. */
  office: slug,
  chair: person,
  /** Where consolidated reports go (nơi nhận báo cáo). */
  upward: z.array(recipient).default([]),
});

export const defaults = z.strictObject({
  time: timeOfDay.default('17:00'),
  /** Time of reminders, escalations, requests and notices when a step gives none. */
  noticeTime: timeOfDay.default('08:00'),
  request: dateSpec.optional(),
  reminders: z.array(reminder).optional(),
  escalation: z.array(escalationStep).optional(),
  review: review.optional(),
});

export const dayOff = z.strictObject({
  date: isoDate,
  name: text,
  nameEn: text.optional(),
});

export const calendarOverrides = z.strictObject({
  daysOff: z.array(dayOff).default([]),
  workingDays: z.array(isoDate).default([]),
});

export const programFile = z.strictObject({
  program: programHeader,
  defaults: defaults.default({ time: '17:00', noticeTime: '08:00' }),
  calendar: calendarOverrides.default({ daysOff: [], workingDays: [] }),
  units: z.array(unit).min(1, { error: 'cần ít nhất một đơn vị (at least one unit)' }),
  groups: z.array(group).default([]),
  items: z.array(item).min(1, { error: 'cần ít nhất một nhiệm vụ (at least one item)' }),
});
