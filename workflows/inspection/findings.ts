// What the office's findings do to a visit, decided without a workflow: whether they can be
// recorded now, the remediation items they ask for (each an assignment of its own), what the
// visit becomes, and what the unit is told. Inspection asks the items and sends the notice.
import type { z } from 'zod';
import type { NoticeData } from '../../contract/notices';
import { toLocalIso } from '../occurrence/time';
import type { RecordFindingsResult, recordFindingsArgsSchema, VisitState } from './messages';

export type FindingsArgs = z.output<typeof recordFindingsArgsSchema>;

/** A remediation due as the office wrote it (a day or an instant), as an instant in the program's zone. */
export type DueOf = (written: string) => string;

/** The update validator: throws, saying why, unless the findings can be recorded now as given. */
export function checkFindings(v: VisitState | undefined, args: FindingsArgs, dueOf: DueOf, now: number): void {
  if (!v || v.status === 'removed') throw new Error(`đơn vị "${args.unitId}" không có trong đợt kiểm tra này (unknown unit)`);
  if (v.status === 'skipped') throw new Error(`chương trình không giao việc cho đơn vị "${args.unitId}" (no assignment for this unit)`);
  if (v.findings !== undefined) throw new Error(`đã ghi kết quả kiểm tra của ${v.unitName} (findings already recorded)`);
  if (v.status === 'scheduled' && Date.parse(v.visitAt) > now) {
    throw new Error(`${v.unitName} chưa được thông báo lịch kiểm tra (the unit has not been notified of the visit yet)`);
  }
  args.remediations.forEach((item, i) => {
    if (Date.parse(dueOf(item.dueAt)) <= now) {
      throw new Error(`hạn khắc phục của nội dung ${i + 1} phải ở tương lai (remediations[${i}].dueAt must be in the future)`);
    }
  });
}

export interface RemediationItem {
  /** 1-based, in the order the office wrote the items. */
  n: number;
  assignmentId: string;
  title: string;
  dueAt: string;
}

/** The items asked of the unit, each the assignment `<occurrence>/<unit>/khac-phuc-<n>`. */
export function remediationItems(occurrenceId: string, unitId: string, remediations: FindingsArgs['remediations'], dueOf: DueOf): RemediationItem[] {
  return remediations.map((item, i) => ({ n: i + 1, assignmentId: `${occurrenceId}/${unitId}/khac-phuc-${i + 1}`, title: item.title, dueAt: dueOf(item.dueAt) }));
}

/** Writes the findings on the visit, with who inspected and who recorded them when given. */
export function writeFindings(v: VisitState, args: FindingsArgs, at: string): void {
  Object.assign(v, {
    findings: args.findings,
    findingsRecordedAt: at,
    ...(args.team !== undefined ? { team: args.team } : {}),
    ...(args.recordedBy !== undefined ? { recordedBy: args.recordedBy } : {}),
  });
}

/** With items to remedy the visit is remediating; with none it closes at once. */
export function settleFindings(v: VisitState, at: string): void {
  if (v.remediations.length > 0) {
    v.status = 'remediating';
  } else {
    v.status = 'closed';
    v.closedAt = at;
  }
}

/** What the findings notice adds: the items, and as its due the last of them (the visit when there is none). */
export function findingsNotice(v: VisitState, timeZone: string): Pick<NoticeData, 'findings' | 'remediations' | 'dueAt'> {
  const items = v.remediations.map((r) => ({ title: r.title, dueAt: r.dueAt }));
  const lastDue = Math.max(Date.parse(v.visitAt), ...items.map((r) => Date.parse(r.dueAt)));
  return { findings: v.findings ?? [], remediations: items, dueAt: toLocalIso(lastDue, timeZone) };
}

/** What the office's client is answered: the visit's status and one assignment per item. */
export function findingsResult(v: VisitState): RecordFindingsResult {
  return { unitId: v.unitId, status: v.status, remediations: v.remediations.map((r) => ({ assignmentId: r.assignmentId, title: r.title, dueAt: r.dueAt })) };
}

/** A visit whose every remediation has ended (accepted, exempted or withdrawn) closes. */
export function closeRemedied(visits: VisitState[], at: string): void {
  for (const v of visits) {
    if (v.status === 'remediating' && v.remediations.every((r) => r.closed)) {
      v.status = 'closed';
      v.closedAt = at;
    }
  }
}
