// Words for planned events, as an office reads them: what happens, for whom, for which
// period. Shared by the table and the calendar feed so both say the same thing.
import type { Plan, PlannedEvent, Occurrence } from './plan-types';
import type { Item, Program, Unit } from './types';

export type Locale = 'vi' | 'en';

export interface EventText {
  what: string;
  unit: string;
  period: string;
  note: string;
}

export class Describer {
  private readonly items = new Map<string, Item>();
  private readonly units = new Map<string, Unit>();
  private readonly occurrences = new Map<string, Occurrence>();
  private readonly upward = new Map<string, string>();

  constructor(
    private readonly program: Program,
    plan: Plan,
    readonly locale: Locale = program.program.locale,
  ) {
    for (const i of program.items) this.items.set(i.id, i);
    for (const u of program.units) this.units.set(u.id, u);
    for (const o of plan.occurrences) this.occurrences.set(o.id, o);
    for (const r of program.program.upward) this.upward.set(r.id, r.name);
  }

  occurrence(id: string): Occurrence | undefined {
    return this.occurrences.get(id);
  }

  unitName(id: string): string {
    const u = this.units.get(id);
    if (!u) return id;
    return this.locale === 'en' ? (u.nameEn ?? u.name) : u.name;
  }

  itemTitle(id: string, short = false): string {
    const i = this.items.get(id);
    if (!i) return id;
    if (this.locale === 'en') return (short ? (i.shortEn ?? i.titleEn) : i.titleEn) ?? i.title;
    return (short ? i.short : undefined) ?? i.title;
  }

  /** @param short use the item's short name where it has one (tables). */
  describe(e: PlannedEvent, short = false): EventText {
    const vi = this.locale === 'vi';
    const item = this.items.get(e.itemId);
    const occ = this.occurrences.get(e.occurrenceId);
    const title = this.itemTitle(e.itemId, short);
    const action = this.action(e, item, occ);
    return {
      what: `${action}: ${title}`,
      unit: this.audience(e, occ),
      period: occ ? (vi ? occ.label.vi : occ.label.en) : e.periodKey,
      note: this.note(e, item, occ),
    };
  }

  private action(e: PlannedEvent, item: Item | undefined, occ: Occurrence | undefined): string {
    const vi = this.locale === 'vi';
    const escalateTo = (to: string): string =>
      vi ? { 'unit-head': 'thủ trưởng đơn vị', office: 'cơ quan thường trực', chair: 'Trưởng ban' }[to] ?? to : to === 'unit-head' ? 'head of unit' : to === 'office' ? 'standing office' : to;
    switch (e.kind) {
      case 'request':
        if (e.uid.endsWith('/results-request')) return vi ? 'Đề nghị báo cáo kết quả' : 'Results requested';
        return vi ? 'Gửi yêu cầu' : 'Request sent';
      case 'reminder':
        if (e.uid.includes('/ke-hoach/')) return vi ? `Nhắc nộp kế hoạch lần ${e.level ?? 1}` : `Plan reminder ${e.level ?? 1}`;
        return vi ? `Nhắc lần ${e.level ?? 1}` : `Reminder ${e.level ?? 1}`;
      case 'plans-due':
        return vi ? 'Hạn nộp kế hoạch' : 'Plan due';
      case 'due':
        if (occ?.periodKey.endsWith('-plan') && item?.kind === 'inspection') return vi ? 'Hạn kế hoạch kiểm tra' : 'Inspection plan due';
        switch (item?.kind) {
          case 'report':
            return vi ? 'Hạn nộp báo cáo' : 'Report due';
          case 'campaign':
            return vi ? 'Hạn báo cáo kết quả' : 'Results report due';
          case 'inspection':
            return vi ? 'Hạn báo cáo khắc phục' : 'Remediation report due';
          default:
            return vi ? 'Hạn hoàn thành' : 'Due';
        }
      case 'escalation':
        if (e.uid.includes('/ke-hoach/')) return vi ? `Quá hạn nộp kế hoạch, báo ${escalateTo(e.audience)}` : `Plan overdue, escalated to ${escalateTo(e.audience)}`;
        return vi ? `Quá hạn, báo ${escalateTo(e.audience)}` : `Overdue, escalated to ${escalateTo(e.audience)}`;
      case 'notice':
        return vi ? 'Thông báo kiểm tra' : 'Inspection notice';
      case 'visit-reminder':
        return vi ? 'Nhắc lịch kiểm tra' : 'Visit reminder';
      case 'visit':
        return vi ? 'Kiểm tra tại đơn vị' : 'Inspection visit';
      case 'findings':
        return vi ? 'Hạn kết luận kiểm tra' : 'Inspection findings due';
      case 'launch':
        return vi ? 'Phát động' : 'Launch';
      case 'check-in':
        return vi ? 'Nắm tình hình giữa đợt' : 'Mid-campaign check-in';
      case 'campaign-end':
        return vi ? 'Kết thúc đợt' : 'Campaign ends';
      case 'consolidation':
        return vi ? 'Hạn tổng hợp báo cáo' : 'Consolidated report due';
      case 'approval':
        // A deadline for the approver, like the other deadline labels ("Hạn tổng hợp báo cáo").
        return vi ? (e.audience === 'office' ? 'Hạn cơ quan thường trực phê duyệt' : 'Hạn Trưởng ban phê duyệt') : 'Approval due';
      case 'forward':
        return vi ? 'Gửi báo cáo lên cấp trên' : 'Forward upward';
    }
  }

  private audience(e: PlannedEvent, occ: Occurrence | undefined): string {
    const vi = this.locale === 'vi';
    if (e.unitId !== undefined) return this.unitName(e.unitId);
    switch (e.audience) {
      case 'assignees': {
        const n = occ?.assignmentIds.length ?? 0;
        return vi ? `Các đơn vị được giao (${n})` : `All assigned units (${n})`;
      }
      case 'office':
        return this.unitName(this.program.program.office);
      case 'chair':
        return this.program.program.chair.name;
      case 'upward':
        return (occ?.forwardTo ?? []).map((id) => this.upward.get(id) ?? id).join('; ');
      default:
        return '';
    }
  }

  private note(e: PlannedEvent, item: Item | undefined, occ: Occurrence | undefined): string {
    const vi = this.locale === 'vi';
    const parts: string[] = [];
    if (item?.ref !== undefined) parts.push(`${vi ? 'Mục' : 'Sec.'} ${Array.isArray(item.ref) ? item.ref.join(', ') : item.ref}`);
    if (e.kind === 'due' && occ?.evidence) parts.push(vi ? 'kèm minh chứng' : 'with evidence');
    if (e.kind === 'due' && occ && occ.indicators.length > 0) parts.push(vi ? `${occ.indicators.length} chỉ tiêu số liệu` : `${occ.indicators.length} indicators`);
    if (e.kind === 'escalation' && e.unitId !== undefined) parts.push(vi ? 'nếu đơn vị chưa nộp' : 'if not yet submitted');
    return parts.join('; ');
  }
}
