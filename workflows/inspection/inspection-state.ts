// The state of one inspection round and what it does: its visits and their notices, the
// findings the office records (each remediation item asked as an assignment of its own), the
// other assignments of the occurrence, and the close-out to the office. The workflow function
// (inspection.ts) only wires handlers to these methods and runs the main wait.
import { log, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { z } from 'zod';
import type { NoticeData, NoticeKind } from '../../contract/notices';
import { scheduleRound } from '../activity-proxies';
import { followUpSpecOf, type AssignmentInput, type AssignmentSummary } from '../assignment/messages';
import { AssignmentTracker, type TrackedRow } from '../occurrence/assignment-tracker';
import type { OccurrenceInput } from '../occurrence/input';
import { occurrenceNotice, occurrenceOutbox } from '../occurrence/notices';
import type { Outbox } from '../occurrence/outbox';
import { reasonMoved } from '../occurrence/reason-moved';
import { toLocalIso } from '../occurrence/time';
import { STATUS } from '../search-attributes';
import type { InspectionPhase, InspectionState, RecordFindingsResult, RemediationState, VisitState, recordFindingsArgsSchema } from './messages';
import { isOpenVisit, isSettledVisit, nextStep, phaseOf, sameDates, scheduleVisit, stepsOf, versionSuffix, type PlannedVisit, type Step } from './steps';
import { closeOut, remediationDue } from './visits';

export type FindingsArgs = z.output<typeof recordFindingsArgsSchema>;

export class Inspection {
  readonly state: InspectionState;
  readonly outbox: Outbox;
  /** The office follows each remediation's stage (overdue, escalated) on the inspection's page. */
  readonly remediations: AssignmentTracker;
  /** Assignments of no visit: the yearly inspection plan the office owes. */
  readonly others: AssignmentTracker;
  /** Bumped by every change, so the main wait wakes up. */
  changes = 0;
  private readonly workflowId = workflowInfo().workflowId;
  /** Steps fired (sent, skipped or passed), by step key. */
  private readonly handled = new Set<string>();
  /**
   * Per visit: steps planned before this instant were already past when the visit was set
   * (a program applied late, a moved visit); a reminder for them would be news from the past.
   */
  private readonly armedAt = new Map<string, number>();
  /** Units dropped by a re-applied program are still written to (to call their visit off). */
  private readonly knownUnits = new Map<string, AssignmentInput>();
  private publishedPhase: InspectionPhase | undefined;

  constructor(public input: OccurrenceInput) {
    this.state = {
      occurrenceId: input.occurrenceId,
      itemTitle: input.itemTitle,
      periodLabel: input.periodLabel,
      phase: 'scheduled',
      visits: [],
      assignments: [],
      notices: [],
      deliveryFailures: [],
    };
    const changed = () => this.changes++;
    this.outbox = occurrenceOutbox(this.state, () => this.input);
    this.remediations = new AssignmentTracker<TrackedRow>([], { changed, figures: false, stages: true });
    this.others = new AssignmentTracker(this.state.assignments, { changed, figures: false, stages: true });
  }

  nowIso(): string {
    return toLocalIso(Date.now(), this.input.timeZone);
  }

  visitOf(unitId: string): VisitState | undefined {
    return this.state.visits.find((v) => v.unitId === unitId);
  }

  private visitAssignmentId(unitId: string): string {
    return `${this.input.occurrenceId}/${unitId}`;
  }

  /** The unit's remediation-report assignment: who the unit is, its contacts, reminders, escalations. */
  private unitInput(unitId: string): AssignmentInput | undefined {
    return this.input.assignments.find((a) => a.id === this.visitAssignmentId(unitId))?.input ?? this.knownUnits.get(unitId);
  }

  /** The occurrence's assignments that belong to no visit. */
  private otherAssignments(from: OccurrenceInput) {
    const visited = new Set((from.visits ?? []).map((v) => `${from.occurrenceId}/${v.unitId}`));
    return { assignments: from.assignments.filter((a) => !visited.has(a.id)) };
  }

  private schedule(v: VisitState, planned: PlannedVisit): void {
    scheduleVisit(v, planned, this.input.timeZone);
    this.armedAt.set(v.unitId, Date.now());
  }

  addVisit(planned: PlannedVisit): void {
    const unit = this.unitInput(planned.unitId);
    if (unit) this.knownUnits.set(planned.unitId, unit);
    const v: VisitState = {
      unitId: planned.unitId,
      unitName: unit?.unit.name ?? planned.unitId,
      // Without the unit's assignment there is nobody to write to and nothing to track.
      status: unit ? 'scheduled' : 'skipped',
      visitAt: planned.visitAt,
      version: 1,
      remediations: [],
    };
    this.schedule(v, planned);
    if (!unit) log.warn('inspection visit without an assignment for its unit', { unitId: planned.unitId });
    this.state.visits.push(v);
  }

  /** Queues a notice to the visited unit; `step` is its key under `<workflow>/<unit>/`. */
  private visitNotice(kind: NoticeKind, v: VisitState, step: string, extra: Partial<NoticeData> = {}, scheduledFor = Date.now(), planUid?: string): void {
    const unit = this.unitInput(v.unitId);
    if (!unit) return;
    this.outbox.push(
      {
        key: `${this.workflowId}/${v.unitId}/${step}`,
        to: unit.unit.emails,
        // The office organises the visit: it sees what the unit was told, except the reminder.
        cc: kind === 'inspection-reminder' ? [] : this.input.office.emails,
        ...(planUid ? { planUid } : {}),
        data: {
          // Inspection notices show the visit, not a due; the field must still be an instant.
          ...occurrenceNotice(this.input, kind, v.unitName, v.visitAt),
          visitAt: v.visitAt,
          ...(v.team !== undefined ? { inspectionTeam: v.team } : {}),
          ...extra,
        },
      },
      scheduledFor,
    );
  }

  /** The plan event a visit's step fulfils: the same uid `dondoc plan` shows. */
  private planUidOf(v: VisitState, kind: 'notice' | 'visit-reminder'): string {
    return `${this.visitAssignmentId(v.unitId)}/${kind}`;
  }

  nextStep(): Step | undefined {
    return nextStep(this.state.visits, this.handled, (unitId) => this.armedAt.get(unitId));
  }

  /** A step's time has come. */
  fire(step: Step): void {
    this.handled.add(step.key);
    const v = step.visit;
    const visitAhead = Date.parse(v.visitAt) > Date.now();
    const key = `${this.workflowId}/${step.key}`;
    const stepName = step.key.slice(v.unitId.length + 1);
    switch (step.kind) {
      case 'notice':
        // A late notice is still worth sending while the visit is ahead; after it, it is not.
        if (!visitAhead) {
          this.outbox.skip(key, 'inspection-notice', step.at, this.planUidOf(v, 'notice'));
          return;
        }
        this.visitNotice('inspection-notice', v, stepName, {}, step.at, this.planUidOf(v, 'notice'));
        if (v.status === 'scheduled') v.status = 'notified';
        return;
      case 'reminder':
        if (!visitAhead || step.at < (this.armedAt.get(v.unitId) ?? 0)) {
          this.outbox.skip(key, 'inspection-reminder', step.at, this.planUidOf(v, 'visit-reminder'));
          return;
        }
        this.visitNotice('inspection-reminder', v, stepName, {}, step.at, this.planUidOf(v, 'visit-reminder'));
        return;
      case 'visit':
        if (v.status === 'scheduled' || v.status === 'notified') v.status = 'visited';
        return;
    }
  }

  /** A visit whose every remediation has ended (accepted, exempted or withdrawn) is closed. */
  refreshVisits(): void {
    for (const v of this.state.visits) {
      if (v.status === 'remediating' && v.remediations.every((r) => r.closed)) {
        v.status = 'closed';
        v.closedAt = this.nowIso();
      }
    }
  }

  done(): boolean {
    return this.state.visits.every(isSettledVisit) && this.others.allClosed();
  }

  updatePhase(): void {
    const phase = phaseOf(this.state.visits, this.others.allClosed());
    this.state.phase = phase;
    if (phase !== this.publishedPhase) {
      this.publishedPhase = phase;
      upsertSearchAttributes([{ key: STATUS, value: phase }]);
    }
  }

  private dueOf(unitId: string, written: string): string {
    return remediationDue(written, this.unitInput(unitId)?.dueAt ?? written, this.input.timeZone);
  }

  /**
   * The yearly inspection plan (no visits, the office's own assignment) runs here as a plain
   * assignment; work whose due has passed when the occurrence starts is not asked for.
   */
  async startOthers(): Promise<void> {
    await this.others.start(this.otherAssignments(this.input));
  }

  onAssignmentChanged(summary: AssignmentSummary): void {
    if (!this.remediations.apply(summary)) this.others.apply(summary);
  }

  /** The update validator: the findings can be recorded now, as given. */
  checkFindings(args: FindingsArgs): void {
    const v = this.visitOf(args.unitId);
    if (!v || v.status === 'removed') throw new Error(`đơn vị "${args.unitId}" không có trong đợt kiểm tra này (unknown unit)`);
    if (v.status === 'skipped') throw new Error(`chương trình không giao việc cho đơn vị "${args.unitId}" (no assignment for this unit)`);
    if (v.findings !== undefined) throw new Error(`đã ghi kết quả kiểm tra của ${v.unitName} (findings already recorded)`);
    if (v.status === 'scheduled' && Date.parse(v.visitAt) > Date.now()) {
      throw new Error(`${v.unitName} chưa được thông báo lịch kiểm tra (the unit has not been notified of the visit yet)`);
    }
    args.remediations.forEach((item, i) => {
      if (Date.parse(this.dueOf(v.unitId, item.dueAt)) <= Date.now()) {
        throw new Error(`hạn khắc phục của nội dung ${i + 1} phải ở tương lai (remediations[${i}].dueAt must be in the future)`);
      }
    });
  }

  /** The findings of a visit: each remediation item is asked now, with the reminders and escalations of the item. */
  async recordFindings(args: FindingsArgs): Promise<RecordFindingsResult> {
    const v = this.visitOf(args.unitId)!;
    const base = this.unitInput(v.unitId)!;
    const requestAt = this.nowIso();
    const rounds = await Promise.all(
      args.remediations.map((item) => scheduleRound({ spec: followUpSpecOf(base), dueAt: this.dueOf(v.unitId, item.dueAt), round: 1, requestAt })),
    );
    Object.assign(v, {
      findings: args.findings,
      findingsRecordedAt: this.nowIso(),
      ...(args.team !== undefined ? { team: args.team } : {}),
      ...(args.recordedBy !== undefined ? { recordedBy: args.recordedBy } : {}),
    });
    const remediationId = (n: number) => `${this.input.occurrenceId}/${v.unitId}/khac-phuc-${n}`;
    // The unit's remediation-report assignment, narrowed to each item and its due.
    await this.remediations.start({
      assignments: args.remediations.map((item, i) => ({ id: remediationId(i + 1), input: { ...base, itemTitle: item.title, dueAt: this.dueOf(v.unitId, item.dueAt), steps: rounds[i]! } })),
    });
    args.remediations.forEach((item, i) => {
      const row = this.remediations.row(remediationId(i + 1));
      if (row) v.remediations.push(Object.assign(row, { n: i + 1, title: item.title }) as RemediationState);
    });
    if (v.remediations.length > 0) {
      v.status = 'remediating';
    } else {
      v.status = 'closed';
      v.closedAt = this.nowIso();
    }
    const items = v.remediations.map((r) => ({ title: r.title, dueAt: r.dueAt }));
    const lastDue = Math.max(Date.parse(v.visitAt), ...items.map((r) => Date.parse(r.dueAt)));
    this.visitNotice('inspection-findings', v, 'findings', { findings: args.findings, remediations: items, dueAt: toLocalIso(lastDue, this.input.timeZone) });
    this.changes++;
    return { unitId: v.unitId, status: v.status, remediations: v.remediations.map((r) => ({ assignmentId: r.assignmentId, title: r.title, dueAt: r.dueAt })) };
  }

  /** A re-applied program: visits added, moved, added back or called off; the other assignments follow. */
  async reconfigure(next: OccurrenceInput): Promise<void> {
    const before = this.otherAssignments(this.input);
    this.input = next;
    const planned = new Map((next.visits ?? []).map((v) => [v.unitId, v]));
    for (const [unitId, p] of planned) {
      const unit = this.unitInput(unitId);
      if (unit) this.knownUnits.set(unitId, unit);
      const v = this.visitOf(unitId);
      if (!v) {
        this.addVisit(p);
      } else if ((v.status === 'removed' || v.status === 'skipped') && unit) {
        // Added back (or now assigned): a fresh schedule under new keys, so nothing sent
        // before is resent.
        v.version++;
        v.status = 'scheduled';
        v.unitName = unit.unit.name;
        this.schedule(v, p);
      } else if (isOpenVisit(v) && v.findings === undefined && Date.parse(v.visitAt) > Date.now() && !sameDates(v, p)) {
        // Only a visit still ahead moves; once it has happened its dates are history.
        if (stepsOf(v, this.armedAt.get(v.unitId)).some((s) => this.handled.has(s.key))) v.version++;
        this.schedule(v, p);
      }
    }
    for (const v of this.state.visits) {
      if (planned.has(v.unitId) || !isOpenVisit(v) || v.findings !== undefined) continue;
      // The unit was told of a visit that will not happen: it is told so.
      if (v.status === 'notified' && Date.parse(v.visitAt) > Date.now()) this.visitNotice('cancelled', v, `cancelled${versionSuffix(v)}`);
      v.status = 'removed';
    }
    await this.others.reconfigure(before, this.otherAssignments(next), reasonMoved);
    this.changes++;
  }

  /** The round was dropped by the program: units expecting a visit are told it is called off. */
  callOffVisits(): void {
    for (const v of this.state.visits) {
      if (v.status === 'notified' && v.findings === undefined && Date.parse(v.visitAt) > Date.now()) this.visitNotice('cancelled', v, `cancelled${versionSuffix(v)}`);
    }
  }

  /** After `callOffVisits`: the notices go out and every open assignment is withdrawn. */
  async withdrawAll(): Promise<void> {
    await this.outbox.drain();
    await this.remediations.cancelAll();
    await this.others.cancelAll();
  }

  /** The close-out to the office: every closed visit, its findings and items; exempted items named. */
  async close(): Promise<void> {
    const summary = closeOut(this.state.visits);
    if (summary.units.length === 0) return;
    this.outbox.push({
      key: `${this.workflowId}/closed`,
      to: this.input.office.emails,
      cc: [],
      data: {
        ...occurrenceNotice(this.input, 'inspection-closed', summary.units.join(', '), this.nowIso()),
        findings: summary.findings,
        remediations: summary.remediations,
        ...(summary.exempted.length > 0 ? { exempted: summary.exempted } : {}),
      },
    });
    await this.outbox.drain();
    this.state.closed = { at: this.nowIso(), units: summary.units };
  }
}
