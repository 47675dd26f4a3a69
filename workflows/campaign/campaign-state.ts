// The state of one campaign occurrence and what it does: the units' plans (followed as
// assignments), the milestones and their notices, the results report cycle started at the
// end, and the chair's summary. The workflow function (campaign.ts) only wires handlers to
// these methods and runs the main wait.
import { getExternalWorkflowHandle, log, ParentClosePolicy, startChild, type ChildWorkflowHandle } from '@temporalio/workflow';
import type { NoticeData } from '../../contract/notices';
import { forwardReport } from '../activity-proxies';
import type { AssignmentSummary } from '../assignment/messages';
import { AssignmentTracker } from '../occurrence/assignment-tracker';
import type { OccurrenceInput } from '../occurrence/input';
import { occurrenceNotice } from '../occurrence/notices';
import { OccurrenceBase, occurrenceHeader } from '../occurrence/occurrence-base';
import { reasonMoved } from '../occurrence/reason-moved';
import { reconfigureSignal, type ReportCycleState } from '../report-cycle/messages';
import { reportCycleWorkflow } from '../report-cycle/report-cycle';
import { countPlans, countResults } from './counts';
import { RESULTS_SUFFIX, type CampaignMilestone, type CampaignState } from './messages';
import { plannedTimes, syncMilestones, windowOf, type MilestoneKind } from './milestones';
import { planAssignments, resultsInput, unitsOf } from './units';

export class Campaign extends OccurrenceBase<CampaignState> {
  /** One plan assignment per unit, asked before the start. */
  readonly plans: AssignmentTracker;
  readonly resultsId: string;
  /** Counts re-applied programs, so one arriving while the results cycle starts still reaches it. */
  private inputVersion = 0;
  private resultsInputVersion = -1;
  private results: ChildWorkflowHandle<typeof reportCycleWorkflow> | undefined;
  /** Per milestone: the instant its time was set; a milestone due before it is news from the past. */
  private readonly armedAt = new Map<MilestoneKind, number>();

  constructor(input: OccurrenceInput) {
    const window = windowOf(input);
    super(input, { ...occurrenceHeader(input), phase: 'planning', ...(window ? { window } : {}), milestones: [], plans: [], notices: [], deliveryFailures: [] });
    this.resultsId = `${input.occurrenceId}${RESULTS_SUFFIX}`;
    this.plans = new AssignmentTracker(this.state.plans, { changed: () => this.changes++, figures: false });
  }

  /** Pending milestones follow the program; fired or skipped ones are history. */
  syncMilestones(): void {
    const now = Date.now();
    for (const kind of syncMilestones(this.state.milestones, plannedTimes(this.input, now), this.input.timeZone)) this.armedAt.set(kind, now);
  }

  nextMilestone(): CampaignMilestone | undefined {
    return this.state.milestones.find((m) => m.status === 'pending');
  }

  async startPlans(): Promise<void> {
    await this.plans.start(planAssignments(this.input));
  }

  onAssignmentChanged(summary: AssignmentSummary): void {
    this.plans.apply(summary);
  }

  /** A re-applied program: milestones move, plans follow, the results cycle (if started) is told. */
  async reconfigure(next: OccurrenceInput): Promise<void> {
    const before = planAssignments(this.input);
    this.input = next;
    this.inputVersion++;
    this.syncMilestones();
    // A plan due in the past is not asked for (the unit joined after the plans were due).
    await this.plans.reconfigure(before, planAssignments(next), reasonMoved);
    await this.tellResults();
    this.changes++;
  }

  private baseData(kind: NoticeData['kind'], unitName: string, dueAt: string): NoticeData {
    const window = windowOf(this.input);
    return { ...occurrenceNotice(this.input, kind, unitName, dueAt), ...(window ? { windowStart: window.start, windowEnd: window.end } : {}) };
  }

  /** A milestone's time has come: the units are told (or, past already, it is recorded as skipped). */
  async fire(m: CampaignMilestone): Promise<void> {
    const at = Date.parse(m.at);
    if (m.kind === 'end') {
      // The results are asked even when the end has passed: they are the point of it all.
      m.status = 'done';
      m.firedAt = this.nowIso();
      await this.startResults();
      return;
    }
    const kind = m.kind === 'launch' ? 'campaign-launch' : 'campaign-checkin';
    const past = at < (this.armedAt.get(m.kind) ?? 0);
    m.status = past ? 'skipped' : 'done';
    m.firedAt = this.nowIso();
    const planUid = `${this.input.occurrenceId}/${m.kind}`;
    const c = this.input.campaign;
    for (const unit of unitsOf(this.input)) {
      const key = `${this.workflowId}/${m.kind}/${unit.id}`;
      if (past) {
        this.outbox.skip(key, kind, at, planUid);
        continue;
      }
      const dueAt = m.kind === 'launch' ? unit.dueAt : (c?.checkInDueAt ?? unit.dueAt);
      const data = {
        ...this.baseData(kind, unit.name, dueAt),
        ...(m.kind === 'check-in' && c?.checkInWorkingDaysLeft !== undefined ? { workingDaysLeft: c.checkInWorkingDaysLeft } : {}),
      };
      this.outbox.push({ key, to: unit.emails, cc: [], planUid, data }, at);
    }
    this.setPhase('running');
  }

  private async startResults(): Promise<void> {
    this.setPhase('results');
    this.state.results = { workflowId: this.resultsId, startedAt: this.nowIso() };
    this.resultsInputVersion = this.inputVersion;
    this.results = await startChild(reportCycleWorkflow, {
      workflowId: this.resultsId,
      args: [resultsInput(this.input, this.resultsId)],
      parentClosePolicy: ParentClosePolicy.REQUEST_CANCEL,
    });
    // A program re-applied while the child was being started must still reach it.
    if (this.resultsInputVersion !== this.inputVersion) await this.tellResults();
  }

  private async tellResults(): Promise<void> {
    if (!this.results || this.state.results?.closedAt !== undefined) return;
    this.resultsInputVersion = this.inputVersion;
    try {
      await getExternalWorkflowHandle(this.resultsId).signal(reconfigureSignal, resultsInput(this.input, this.resultsId));
    } catch (err) {
      // The cycle closed in the meantime: there is nothing left to change.
      log.warn('results cycle not reconfigured', { error: String(err) });
    }
  }

  /** Waits for the results cycle to close (starting it if the end never fired) and records how it ended. */
  async resultsClosed(): Promise<ReportCycleState> {
    // The end is always planned (plannedTimes); this only keeps a campaign without one whole.
    if (!this.results) await this.startResults();
    const final = await this.results!.result();
    this.state.results = {
      ...this.state.results!,
      closedAt: this.nowIso(),
      phase: final.phase,
      consolidations: final.consolidations.length,
      ...(final.forwarded ? { forwardedTo: final.forwarded.to } : {}),
    };
    return final;
  }

  /** The chair's summary: the results (with the approved workbook, if any) and the plans. */
  async summarize(cycle: ReportCycleState): Promise<void> {
    const input = this.input;
    const planCounts = countPlans(this.plans.live());
    const record = cycle.consolidations.at(-1);
    // The approved consolidation is what the results were judged on; without one, the rows.
    const counts = record?.counts ?? countResults(cycle);
    const data: NoticeData = {
      ...this.baseData('campaign-summary', input.office.name, input.consolidation?.dueAt ?? this.nowIso()),
      recipientName: input.chair.name,
      ...(input.chair.title ? { recipientTitle: input.chair.title } : {}),
      counts,
      planCounts,
      ...(record ? { attachmentName: record.xlsx.name } : {}),
    };
    const request = { key: `${this.workflowId}/summary`, to: [input.chair.email], cc: input.office.emails, data };
    if (record) {
      await this.outbox.sendVia(request, (issued) =>
        forwardReport({
          key: request.key,
          to: [{ name: input.chair.name, email: input.chair.email }],
          cc: request.cc,
          notice: data,
          attachments: [record.xlsx],
          ...(issued.issuedAt ? { issuedAt: issued.issuedAt } : {}),
        }),
      );
    } else {
      this.outbox.push(request);
      await this.outbox.drain();
    }
    this.state.summary = { at: this.nowIso(), plans: planCounts, results: counts, ...(record ? { attachment: record.xlsx.name } : {}) };
  }
}
