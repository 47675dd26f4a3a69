// One item → its occurrences with every date worked out, and the date problems found on
// the way (a deadline before its window, a reminder after the due date…). The plan compiler
// and the semantic checks share this, so what validates is exactly what gets planned.
import type { IsoDate } from '../calendar';
import type { CachedCalendar } from './calendar-cache';
import { ddmmyyyy, longDate } from './dates-vi';
import { dueTime, effectiveEscalation, effectiveReminders, effectiveRequest } from './effective';
import { error, warning, type Finding, type PathSegment } from './errors';
import { customWindowKey, selectedWindows } from './periods';
import { escalationDate, isBefore, reminderDate, resolveSpec, type Anchors, type Dated, type SpecContext } from './schedule';
import type { Anchor, Audience, CampaignItem, Consolidation, DateSpec, Defaults, InspectionItem, Item, ReportItem, TaskItem } from './types';

export interface ReminderAt extends Dated {
  level: number;
}

export interface EscalationAt extends Dated {
  level: number;
  to: Audience;
}

export interface VisitSchedule {
  unitId: string;
  notice: Dated;
  /** The working day before the visit, unless the notice itself comes that late. */
  visitReminder?: Dated;
  visit: Dated;
  findings: Dated;
  due: Dated;
  reminders: ReminderAt[];
  escalations: EscalationAt[];
}

export interface OccurrenceSchedule {
  periodKey: string;
  label: { vi: string; en: string };
  window?: { start: IsoDate; end: IsoDate };
  /** Assigned to the standing office alone (an inspection plan). */
  officeOnly?: true;
  request?: Dated;
  due?: Dated;
  reminders: ReminderAt[];
  escalations: EscalationAt[];
  plans?: Dated;
  /** A campaign's plans are followed up like a report: reminders before, escalations after. */
  plansFollowUps?: { reminders: ReminderAt[]; escalations: EscalationAt[] };
  launch?: Dated;
  checkIn?: Dated;
  end?: Dated;
  consolidation?: Dated;
  approval?: Dated;
  forward?: Dated;
  visits?: VisitSchedule[];
}

export interface ScheduleInput {
  item: Item;
  index: number;
  year: number;
  defaults: Defaults;
  cal: CachedCalendar;
}

export interface ItemSchedule {
  occurrences: OccurrenceSchedule[];
  findings: Finding[];
}

const when = (d: Dated): string => `${longDate(d.date)} ${d.time}`;

class Scheduler {
  readonly findings: Finding[] = [];
  readonly path: PathSegment[];
  readonly time: string;
  readonly noticeTime: string;

  constructor(readonly input: ScheduleInput) {
    this.path = ['items', input.index];
    this.time = dueTime(input.item, input.defaults);
    this.noticeTime = input.defaults.noticeTime;
  }

  resolve(spec: DateSpec, path: PathSegment[], ctx: Omit<SpecContext, 'time'> & { time?: string }): Dated | undefined {
    const r = resolveSpec(spec, this.input.cal, { ...ctx, time: ctx.time ?? (ctx.role === 'deadline' ? this.time : this.noticeTime) });
    if (!r.ok) {
      const key = typeof spec === 'object' ? (spec.after !== undefined ? 'after' : spec.before !== undefined ? 'before' : undefined) : undefined;
      const where = key ? [...path, key] : path;
      const allowed = r.allowed.join(', ');
      this.findings.push(
        error(
          where,
          r.anchor === 'returnReceived'
            ? `mốc "returnReceived" chỉ dùng cho review.resubmit (only for review.resubmit); ở đây dùng: ${allowed}`
            : allowed
              ? `mốc "${r.anchor}" không dùng được ở đây; dùng một trong: ${allowed} (anchor not available here)`
              : `mốc "${r.anchor}" không dùng được ở đây: nhiệm vụ này không có mốc nào để đếm ngày; hãy ghi ngày cố định YYYY-MM-DD${this.input.item.kind === 'task' ? ' hoặc thêm ngày bắt đầu (start)' : ''} (no anchor here; use a fixed date)`,
        ),
      );
      return undefined;
    }
    const isFixed = typeof spec === 'string' || spec.date !== undefined;
    if (r.movedFrom !== undefined && isFixed) {
      const off = this.input.cal.inner.isDayOff(r.movedFrom);
      const why = off ? off.name : longDate(r.movedFrom).split(' ').slice(0, -1).join(' ');
      const verb = ctx.role === 'deadline' ? 'hạn chuyển sang' : 'chuyển về';
      this.findings.push(
        warning(
          typeof spec === 'string' ? path : [...path, 'date'],
          `ngày ${longDate(r.movedFrom)} là ngày nghỉ (${why}); ${verb} ${longDate(r.date)}${ctx.role === 'deadline' ? ' (Bộ luật Dân sự, Điều 148)' : ''} (falls on a day off; moved to ${r.date})`,
        ),
      );
    }
    const { ok: _ok, ...dated } = r;
    return dated;
  }

  /** An error unless `first` comes no later than `second`. */
  order(first: Dated, second: Dated, path: PathSegment[], message: string): void {
    if (isBefore(second, first)) this.findings.push(error(path, message));
  }

  followUps(due: Dated): { reminders: ReminderAt[]; escalations: EscalationAt[] } {
    const { item, defaults, cal } = this.input;
    const rem = effectiveReminders(item, this.path, defaults);
    const esc = effectiveEscalation(item, this.path, defaults);
    const reminders = rem.value.map((r, j) => {
      const d = reminderDate(r, due.date, cal, this.noticeTime);
      if (!isBefore(d, due) && rem.path) {
        this.findings.push(
          error(
            [...rem.path, j],
            `nhắc việc lần ${j + 1} (${when(d)}) phải trước hạn nộp (${when(due)}); số ngày đếm lùi từ hạn nộp, phải lớn hơn 0 (reminder must come before the deadline)`,
          ),
        );
      }
      return { ...d, level: j + 1 };
    });
    const escalations = esc.value.map((e, j) => {
      const d = escalationDate(e, due.date, cal, this.noticeTime);
      if (!isBefore(due, d) && esc.path) {
        this.findings.push(
          error(
            [...esc.path, j],
            `báo cáo vượt cấp lần ${j + 1} (${when(d)}) phải sau hạn nộp (${when(due)}); số ngày đếm tới từ hạn nộp, phải lớn hơn 0 (escalation must come after the deadline)`,
          ),
        );
      }
      return { ...d, level: j + 1, to: e.to };
    });
    return { reminders, escalations };
  }

  request(anchors: Anchors, fallback: DateSpec, latest: Dated, latestName: string): Dated | undefined {
    const eff = effectiveRequest(this.input.item, this.path, this.input.defaults);
    const spec = eff?.value ?? fallback;
    const path = eff?.path ?? [...this.path, 'due'];
    const req = this.resolve(spec, path, { anchors, defaultAnchor: 'due', defaultDirection: 'before', role: 'notice' });
    if (req && eff) {
      this.order(req, latest, path, `ngày gửi yêu cầu (${when(req)}) phải trước ${latestName} (${when(latest)}) (the request must come before the deadline)`);
    }
    return req;
  }

  consolidate(c: Consolidation | undefined, due: Dated): Pick<OccurrenceSchedule, 'consolidation' | 'approval' | 'forward'> {
    if (!c) return {};
    const p = [...this.path, 'consolidation'];
    const out: Pick<OccurrenceSchedule, 'consolidation' | 'approval' | 'forward'> = {};
    const anchors: Anchors = { due: due.date };
    const cons = this.resolve(c.due, [...p, 'due'], { anchors, defaultAnchor: 'due', defaultDirection: 'after', role: 'deadline' });
    if (!cons) return out;
    this.order(due, cons, [...p, 'due'], `hạn tổng hợp (${when(cons)}) phải sau hạn nộp của các đơn vị (${when(due)}) (consolidation before the units' deadline)`);
    out.consolidation = cons;
    anchors.consolidation = cons.date;
    const appr = this.resolve(c.approve, [...p, 'approve'], { anchors, defaultAnchor: 'consolidation', defaultDirection: 'after', role: 'deadline' });
    if (!appr) return out;
    this.order(cons, appr, [...p, 'approve'], `hạn phê duyệt (${when(appr)}) phải sau hạn tổng hợp (${when(cons)}) (approval before consolidation)`);
    out.approval = appr;
    anchors.approval = appr.date;
    const fwd = this.resolve(c.forward, [...p, 'forward'], { anchors, defaultAnchor: 'approval', defaultDirection: 'after', role: 'deadline' });
    if (!fwd) return out;
    this.order(appr, fwd, [...p, 'forward'], `hạn gửi cấp trên (${when(fwd)}) phải sau hạn phê duyệt (${when(appr)}) (forwarding before approval)`);
    out.forward = fwd;
    return out;
  }
}

function reportOccurrences(s: Scheduler, item: ReportItem): OccurrenceSchedule[] {
  const { year } = s.input;
  const kinds = item.period === undefined ? [] : Array.isArray(item.period) ? item.period : [item.period];
  const windows = [
    ...selectedWindows(kinds, item.only, year),
    ...(item.windows ?? []).map((w) => ({
      key: customWindowKey(year, w.id),
      start: w.from,
      end: w.to,
      label: { vi: w.title ?? `${ddmmyyyy(w.from)}–${ddmmyyyy(w.to)}`, en: w.titleEn ?? w.title ?? `${w.from} to ${w.to}` },
    })),
  ];
  const out: OccurrenceSchedule[] = [];
  for (const w of windows) {
    const anchors: Anchors = { windowStart: w.start, windowEnd: w.end, closing: w.end };
    const due = s.resolve(item.due, [...s.path, 'due'], { anchors, defaultAnchor: 'closing', defaultDirection: 'after', role: 'deadline' });
    if (!due) continue;
    if (due.date < w.end) {
      s.findings.push(
        error(
          [...s.path, 'due'],
          `hạn nộp ${longDate(due.date)} trước ngày chốt số liệu ${longDate(w.end)} của kỳ ${w.label.vi} (deadline before the end of its reporting window)`,
        ),
      );
    }
    const request = s.request({ ...anchors, due: due.date }, { workingDays: 10, before: 'due' }, due, 'hạn nộp');
    out.push({
      periodKey: w.key,
      label: w.label,
      window: { start: w.start, end: w.end },
      ...(request ? { request } : {}),
      due,
      ...s.followUps(due),
      ...s.consolidate(item.consolidation, due),
    });
  }
  return out;
}

function taskOccurrences(s: Scheduler, item: TaskItem): OccurrenceSchedule[] {
  const { year } = s.input;
  const anchors: Anchors = item.start ? { windowStart: item.start } : {};
  const due = s.resolve(item.due, [...s.path, 'due'], { anchors, defaultAnchor: 'windowStart', defaultDirection: 'after', role: 'deadline' });
  if (!due) return [];
  if (item.start && due.date < item.start) {
    s.findings.push(error([...s.path, 'due'], `hạn ${longDate(due.date)} trước ngày bắt đầu ${longDate(item.start)} (deadline before the start)`));
  }
  const fallback: DateSpec = item.start ? { workingDays: 0, after: 'windowStart' } : { workingDays: 10, before: 'due' };
  const request = s.request({ ...anchors, due: due.date }, fallback, due, 'hạn hoàn thành');
  return [
    {
      periodKey: `${year}`,
      label: { vi: `năm ${year}`, en: `year ${year}` },
      ...(item.start ? { window: { start: item.start, end: due.date } } : {}),
      ...(request ? { request } : {}),
      due,
      ...s.followUps(due),
      ...s.consolidate(item.consolidation, due),
    },
  ];
}

function midpoint(cal: CachedCalendar, start: IsoDate, end: IsoDate): IsoDate {
  let span = 0;
  while (cal.addDays(start, span) < end) span++;
  return cal.rollForward(cal.addDays(start, Math.floor(span / 2)));
}

function campaignOccurrences(s: Scheduler, item: CampaignItem): OccurrenceSchedule[] {
  const { year, cal } = s.input;
  const p = s.path;
  if (item.end < item.start) {
    s.findings.push(error([...p, 'end'], `ngày kết thúc ${longDate(item.end)} trước ngày bắt đầu ${longDate(item.start)} (campaign ends before it starts)`));
    return [];
  }
  const anchors: Anchors = { windowStart: item.start, windowEnd: item.end, closing: item.end };
  const launch: Dated = { date: item.start, time: s.noticeTime };
  let plans: Dated | undefined;
  if (item.plans !== undefined) {
    plans = s.resolve(item.plans, [...p, 'plans'], { anchors, defaultAnchor: 'windowStart', defaultDirection: 'before', role: 'deadline' });
    if (plans && plans.date > item.start) {
      s.findings.push(
        error([...p, 'plans'], `hạn nộp kế hoạch ${longDate(plans.date)} sau ngày bắt đầu ${longDate(item.start)} (plans due after the campaign starts)`),
      );
    }
  }
  let checkIn: Dated | undefined;
  if (item.checkIn === 'mid') checkIn = { date: midpoint(cal, item.start, item.end), time: s.noticeTime };
  else if (item.checkIn !== false) {
    checkIn = s.resolve(item.checkIn, [...p, 'checkIn'], { anchors, defaultAnchor: 'windowStart', defaultDirection: 'after', role: 'deadline', time: s.noticeTime });
    if (checkIn && (checkIn.date < item.start || checkIn.date > item.end)) {
      s.findings.push(
        error([...p, 'checkIn'], `ngày sơ kết giữa kỳ ${longDate(checkIn.date)} nằm ngoài đợt ${item.start}–${item.end} (check-in outside the campaign)`),
      );
    }
  }
  const end: Dated = { date: item.end, time: s.time };
  const due = s.resolve(item.due, [...p, 'due'], { anchors, defaultAnchor: 'windowEnd', defaultDirection: 'after', role: 'deadline' });
  if (!due) return [];
  if (due.date < item.end) {
    s.findings.push(
      error([...p, 'due'], `hạn báo cáo kết quả ${longDate(due.date)} trước ngày kết thúc ${longDate(item.end)} (results due before the campaign ends)`),
    );
  }
  const first = plans ?? launch;
  const fallbackAnchor: Anchor = 'windowStart';
  const fallback: DateSpec = plans ? { date: cal.addWorkingDays(plans.date, -5) } : { workingDays: 10, before: fallbackAnchor };
  const request = s.request({ ...anchors, due: due.date }, fallback, first, plans ? 'hạn nộp kế hoạch' : 'ngày bắt đầu');
  return [
    {
      periodKey: `${year}-campaign`,
      label: { vi: `đợt ${ddmmyyyy(item.start).slice(0, 5)}–${ddmmyyyy(item.end)}`, en: `${ddmmyyyy(item.start).slice(0, 5)}–${ddmmyyyy(item.end)}` },
      window: { start: item.start, end: item.end },
      ...(request ? { request } : {}),
      due,
      ...s.followUps(due),
      ...(plans ? { plans, plansFollowUps: s.followUps(plans) } : {}),
      launch,
      ...(checkIn ? { checkIn } : {}),
      end,
      ...s.consolidate(item.consolidation, due),
    },
  ];
}

function inspectionOccurrences(s: Scheduler, item: InspectionItem): OccurrenceSchedule[] {
  const { year, cal } = s.input;
  const p = s.path;
  const out: OccurrenceSchedule[] = [];
  let firstVisit: IsoDate | undefined;
  const rounds: OccurrenceSchedule[] = [];
  item.rounds.forEach((round, r) => {
    const visits: VisitSchedule[] = [];
    round.visits.forEach((v, k) => {
      const vp = [...p, 'rounds', r, 'visits', k];
      if (firstVisit === undefined || v.date < firstVisit) firstVisit = v.date;
      const visit: Dated = { date: v.date, time: v.time ?? s.noticeTime };
      if (!cal.isWorkingDay(v.date)) {
        s.findings.push(warning([...vp, 'date'], `lịch kiểm tra ${longDate(v.date)} rơi vào ngày nghỉ (inspection visit on a day off)`));
      }
      const anchors: Anchors = { visit: v.date };
      const notice = s.resolve(item.notice, [...p, 'notice'], { anchors, defaultAnchor: 'visit', defaultDirection: 'before', role: 'notice' });
      const findings = s.resolve(item.findings, [...p, 'findings'], { anchors, defaultAnchor: 'visit', defaultDirection: 'after', role: 'deadline' });
      if (!notice || !findings) return;
      s.order(notice, visit, [...p, 'notice'], `thông báo kiểm tra (${when(notice)}) phải trước buổi kiểm tra (${when(visit)}) (notice after the visit)`);
      s.order(visit, findings, [...p, 'findings'], `hạn kết luận kiểm tra (${when(findings)}) phải sau buổi kiểm tra (${when(visit)}) (findings before the visit)`);
      const due = s.resolve(item.due, [...p, 'due'], {
        anchors: { ...anchors, findings: findings.date },
        defaultAnchor: 'visit',
        defaultDirection: 'after',
        role: 'deadline',
      });
      if (!due) return;
      s.order(visit, due, [...p, 'due'], `hạn báo cáo khắc phục (${when(due)}) phải sau buổi kiểm tra (${when(visit)}) (remediation due before the visit)`);
      // The unit is reminded the working day before the visit, at the time notices go out.
      const reminder: Dated = { date: cal.rollBack(cal.addDays(visit.date, -1)), time: s.noticeTime };
      // Remediation items get their own dues from the findings: the visit itself has no
      // reminders or escalations to plan before the office has written them.
      visits.push({ unitId: v.unit, notice, ...(isBefore(notice, reminder) ? { visitReminder: reminder } : {}), visit, findings, due, reminders: [], escalations: [] });
    });
    const dates = round.visits.map((v) => v.date).sort();
    rounds.push({
      periodKey: `${year}-${round.id}`,
      label: { vi: round.title ?? `đợt kiểm tra ${round.id}`, en: round.title ?? `inspection round ${round.id}` },
      window: { start: dates[0] ?? `${year}-01-01`, end: dates[dates.length - 1] ?? `${year}-12-31` },
      reminders: [],
      escalations: [],
      visits,
    });
  });
  if (item.plan !== undefined) {
    const anchors: Anchors = firstVisit ? { visit: firstVisit } : {};
    const due = s.resolve(item.plan, [...p, 'plan'], { anchors, defaultAnchor: 'visit', defaultDirection: 'before', role: 'deadline' });
    if (due) {
      if (firstVisit !== undefined && due.date > firstVisit) {
        s.findings.push(
          error([...p, 'plan'], `hạn kế hoạch kiểm tra ${longDate(due.date)} sau buổi kiểm tra đầu tiên ${longDate(firstVisit)} (inspection plan due after the first visit)`),
        );
      }
      const request = s.request({ ...anchors, due: due.date }, { workingDays: 10, before: 'due' }, due, 'hạn kế hoạch kiểm tra');
      out.push({
        periodKey: `${year}-plan`,
        label: { vi: `kế hoạch kiểm tra năm ${year}`, en: `inspection plan ${year}` },
        officeOnly: true,
        ...(request ? { request } : {}),
        due,
        ...s.followUps(due),
      });
    }
  }
  return [...out, ...rounds];
}

export function scheduleItem(input: ScheduleInput): ItemSchedule {
  const s = new Scheduler(input);
  const { item } = input;
  let occurrences: OccurrenceSchedule[];
  switch (item.kind) {
    case 'report':
      occurrences = reportOccurrences(s, item);
      break;
    case 'task':
      occurrences = taskOccurrences(s, item);
      break;
    case 'campaign':
      occurrences = campaignOccurrences(s, item);
      break;
    case 'inspection':
      occurrences = inspectionOccurrences(s, item);
      break;
  }
  return { occurrences, findings: s.findings };
}
