// The state of one inspection round and what it does: its visits and their notices, the
// findings the office records (each remediation item asked as an assignment of its own), the
// other assignments of the occurrence, and the close-out to the office. The workflow function
// (inspection.ts) only wires handlers to these methods and runs the main wait.
import { log } from '@temporalio/workflow';
import type { NoticeData, NoticeKind } from '../../contract/notices';
import { scheduleRound } from '../activity-proxies';
import { followUpSpecOf, type AssignmentInput, type AssignmentSummary } from '../assignment/messages';
import { AssignmentTracker, type TrackedRow } from '../occurrence/assignment-tracker';
import type { OccurrenceInput } from '../occurrence/input';
import { occurrenceNotice } from '../occurrence/notices';
import { OccurrenceBase, occurrenceHeader } from '../occurrence/occurrence-base';
import { reasonMoved } from '../occurrence/reason-moved';
import { checkFindings, closeRemedied, findingsNotice, findingsResult, remediationItems, settleFindings, writeFindings, type DueOf, type FindingsArgs } from './findings';
import type { InspectionState, RecordFindingsResult, RemediationState, VisitState } from './messages';
import { expectsVisit, visitChanges, type VisitChange } from './reconfigure';
import { isSettledVisit, nextStep, phaseOf, scheduleVisit, stepsOf, versionSuffix, type PlannedVisit, type Step } from './steps';
import { closeOut, remediationDue } from './visits';

export class Inspection extends OccurrenceBase<InspectionState> {
  /** The office follows each remediation's stage (overdue, escalated) on the inspection's page. */
  readonly remediations: AssignmentTracker;
  /** Assignments of no visit: the yearly inspection plan the office owes. */
  readonly others: AssignmentTracker;
  /** Steps fired (sent, skipped or passed), by step key. */
  private readonly handled = new Set<string>();
  /**
   * Per visit: steps planned before this instant were already past when the visit was set
   * (a program applied late, a moved visit); a reminder for them would be news from the past.
   */
  private readonly armedAt = new Map<string, number>();
  /** Units dropped by a re-applied program are still written to (to call their visit off). */
  private readonly knownUnits = new Map<string, AssignmentInput>();

  constructor(input: OccurrenceInput) {
    super(input, { ...occurrenceHeader(input), phase: 'scheduled', visits: [], assignments: [], notices: [], deliveryFailures: [] });
    const changed = () => this.changes++;
    this.remediations = new AssignmentTracker<TrackedRow>([], { changed, figures: false, stages: true });
    this.others = new AssignmentTracker(this.state.assignments, { changed, figures: false, stages: true });
  }

  /** A visit of the plan; without an assignment for its unit it is skipped (nobody to write to). */
  addVisit(planned: PlannedVisit): void {
    const unit = this.rememberUnit(planned.unitId);
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

  /** The earliest notice, reminder or visit not yet handled. */
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
    closeRemedied(this.state.visits, this.nowIso());
  }

  /** The phase follows the visits (scheduled, visiting, remediating, closed). */
  updatePhase(): void {
    this.setPhase(phaseOf(this.state.visits, this.others.allClosed()));
  }

  /** Every visit settled and the office's own assignments closed. */
  done(): boolean {
    return this.state.visits.every(isSettledVisit) && this.others.allClosed();
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
    checkFindings(this.visitOf(args.unitId), args, this.dueOf(args.unitId), Date.now());
  }

  /** The findings of a visit: each remediation item is asked now, with the reminders and escalations of the item. */
  async recordFindings(args: FindingsArgs): Promise<RecordFindingsResult> {
    const v = this.visitOf(args.unitId)!;
    const base = this.unitInput(v.unitId)!;
    const items = remediationItems(this.input.occurrenceId, v.unitId, args.remediations, this.dueOf(v.unitId));
    const requestAt = this.nowIso();
    const rounds = await Promise.all(items.map((item) => scheduleRound({ spec: followUpSpecOf(base), dueAt: item.dueAt, round: 1, requestAt })));
    writeFindings(v, args, this.nowIso());
    // The unit's remediation-report assignment, narrowed to each item and its due.
    await this.remediations.start({
      assignments: items.map((item, i) => ({ id: item.assignmentId, input: { ...base, itemTitle: item.title, dueAt: item.dueAt, steps: rounds[i]! } })),
    });
    for (const item of items) {
      const row = this.remediations.row(item.assignmentId);
      if (row) v.remediations.push(Object.assign(row, { n: item.n, title: item.title }) as RemediationState);
    }
    settleFindings(v, this.nowIso());
    this.visitNotice('inspection-findings', v, 'findings', findingsNotice(v, this.input.timeZone));
    this.changes++;
    return findingsResult(v);
  }

  /** A re-applied program: visits added, moved, added back or called off; the other assignments follow. */
  async reconfigure(next: OccurrenceInput): Promise<void> {
    const before = this.otherAssignments(this.input);
    this.input = next;
    const planned = next.visits ?? [];
    for (const p of planned) this.rememberUnit(p.unitId);
    const changes = visitChanges(this.state.visits, planned, {
      now: Date.now(),
      unitName: (unitId) => this.unitInput(unitId)?.unit.name,
      fired: (v) => stepsOf(v, this.armedAt.get(v.unitId)).some((s) => this.handled.has(s.key)),
    });
    for (const change of changes) this.carryOut(change);
    await this.others.reconfigure(before, this.otherAssignments(next), reasonMoved);
    this.changes++;
  }

  /** The round was dropped by the program: units expecting a visit are told it is called off. */
  callOffVisits(): void {
    const now = Date.now();
    for (const v of this.state.visits) if (expectsVisit(v, now)) this.tellCalledOff(v);
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

  // What the steps above are made of: the unit behind a visit, its schedule and its notices.

  private visitOf(unitId: string): VisitState | undefined {
    return this.state.visits.find((v) => v.unitId === unitId);
  }

  private visitAssignmentId(unitId: string): string {
    return `${this.input.occurrenceId}/${unitId}`;
  }

  /** The unit's remediation-report assignment: who the unit is, its contacts, reminders, escalations. */
  private unitInput(unitId: string): AssignmentInput | undefined {
    return this.input.assignments.find((a) => a.id === this.visitAssignmentId(unitId))?.input ?? this.knownUnits.get(unitId);
  }

  /** Keeps the unit's assignment, so a visit the program drops later can still be called off. */
  private rememberUnit(unitId: string): AssignmentInput | undefined {
    const unit = this.unitInput(unitId);
    if (unit) this.knownUnits.set(unitId, unit);
    return unit;
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

  /** Remediation dues of the unit's items: a day the office wrote ends at the unit's usual due time. */
  private dueOf(unitId: string): DueOf {
    return (written) => remediationDue(written, this.unitInput(unitId)?.dueAt ?? written, this.input.timeZone);
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

  /** The unit was told of a visit that will not happen: it is told so. */
  private tellCalledOff(v: VisitState): void {
    this.visitNotice('cancelled', v, `cancelled${versionSuffix(v)}`);
  }

  /** The plan event a visit's step fulfils: the same uid `dondoc plan` shows. */
  private planUidOf(v: VisitState, kind: 'notice' | 'visit-reminder'): string {
    return `${this.visitAssignmentId(v.unitId)}/${kind}`;
  }

  /** One change a re-applied program makes to the visits (reconfigure.ts decides which). */
  private carryOut(change: VisitChange): void {
    switch (change.kind) {
      case 'add':
        this.addVisit(change.planned);
        return;
      case 'add-back':
        change.visit.version++;
        change.visit.status = 'scheduled';
        change.visit.unitName = change.unitName;
        this.schedule(change.visit, change.planned);
        return;
      case 'move':
        if (change.newKeys) change.visit.version++;
        this.schedule(change.visit, change.planned);
        return;
      case 'call-off':
        if (change.tellUnit) this.tellCalledOff(change.visit);
        change.visit.status = 'removed';
        return;
    }
  }
}
