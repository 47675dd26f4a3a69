// campaignWorkflow: one campaign occurrence — the Action Month for gender equality (15/11–
// 15/12) in the seed. Each unit's plan is asked before the start (a child assignment per
// unit, `<unit assignment>/ke-hoach`); every unit gets the launch notice on the first day
// and the check-in in the middle; at the end the results are collected by a child report
// cycle (`<occurrence>/ket-qua`), so they are consolidated, approved and forwarded exactly
// as a report is; then the chair gets the summary. Milestones already past when the
// campaign starts (a program applied mid-campaign) are recorded as skipped, not sent.
import {
  allHandlersFinished,
  CancellationScope,
  condition,
  isCancellation,
  getExternalWorkflowHandle,
  log,
  ParentClosePolicy,
  setHandler,
  startChild,
  upsertSearchAttributes,
  workflowInfo,
  type ChildWorkflowHandle,
} from '@temporalio/workflow';
import { Mutex } from 'async-mutex';
import { DateTime } from 'luxon';
import { forwardReport } from '../activity-proxies';
import type { NoticeCounts, NoticeData } from '../../contract/notices';
import { assignmentChangedSignal, type AssignmentInput } from '../assignment/messages';
import { AssignmentTracker, type TrackedRow } from '../occurrence/assignment-tracker';
import { reasonMoved } from '../occurrence/reason-moved';
import type { OccurrenceInput } from '../occurrence/input';
import { occurrenceNotice, occurrenceOutbox } from '../occurrence/notices';
import { toLocalIso } from '../occurrence/time';
import { reconfigureSignal, type ReportCycleState } from '../report-cycle/messages';
import { reportCycleWorkflow } from '../report-cycle/report-cycle';
import { rowStatus } from '../report-cycle/rows';
import { ITEM, PERIOD, PROGRAM, STATUS } from '../search-attributes';
import { campaignStatusQuery, PLAN_SUFFIX, RESULTS_SUFFIX, type CampaignMilestone, type CampaignPhase, type CampaignState, type PlanCounts } from './messages';

/** A campaign without planned milestone times (never from the plan compiler) ends at close of business. */
const FALLBACK_END_TIME = '17:00';

const isPlan = (id: string) => id.endsWith(PLAN_SUFFIX);

interface Unit {
  id: string;
  name: string;
  emails: string[];
  /** The unit's results due. */
  dueAt: string;
}

export async function campaignWorkflow(initial: OccurrenceInput): Promise<CampaignState> {
  let input = initial;
  let inputVersion = 0;
  const { workflowId } = workflowInfo();
  const resultsId = `${input.occurrenceId}${RESULTS_SUFFIX}`;
  const window = windowOf(input);
  const state: CampaignState = {
    occurrenceId: input.occurrenceId,
    itemTitle: input.itemTitle,
    periodLabel: input.periodLabel,
    phase: 'planning',
    ...(window ? { window } : {}),
    milestones: [],
    plans: [],
    notices: [],
    deliveryFailures: [],
  };
  let changes = 0;
  const bump = () => {
    changes++;
  };
  const outbox = occurrenceOutbox(state, () => input);
  const plans = new AssignmentTracker(state.plans, { changed: bump, figures: false });
  // Reconfiguring waits on activities: one at a time, never before the plans are asked.
  const lock = new Mutex();
  // Per milestone: the instant its time was set; a milestone due before it is news from the past.
  const armedAt = new Map<CampaignMilestone['kind'], number>();
  let results: ChildWorkflowHandle<typeof reportCycleWorkflow> | undefined;
  let resultsInputVersion = -1;

  const nowIso = () => toLocalIso(Date.now(), input.timeZone);
  // A plan is a document: the item's indicator fields are the results' figures, and asking
  // them of a plan would refuse every plan sent before the campaign has any results.
  const planAssignments = (from: OccurrenceInput): { assignments: { id: string; input: AssignmentInput }[] } => ({
    assignments: from.assignments.filter((a) => isPlan(a.id)).map((a) => ({ id: a.id, input: { ...a.input, indicators: [] } })),
  });
  const resultsInput = (from: OccurrenceInput): OccurrenceInput => ({
    ...from,
    occurrenceId: resultsId,
    // The results' consolidation is the campaign's, as the plan shows it.
    planOccurrenceId: from.occurrenceId,
    assignments: from.assignments.filter((a) => !isPlan(a.id)),
  });

  function units(): Unit[] {
    const byId = new Map<string, Unit>();
    // Every unit has a results assignment; a plan alone (results dropped) still names the unit.
    for (const a of [...input.assignments].sort((x, y) => Number(isPlan(x.id)) - Number(isPlan(y.id)))) {
      if (!byId.has(a.input.unit.id)) byId.set(a.input.unit.id, { id: a.input.unit.id, name: a.input.unit.name, emails: a.input.unit.emails, dueAt: a.input.dueAt });
    }
    return [...byId.values()];
  }

  function plannedTimes(from: OccurrenceInput): Partial<Record<CampaignMilestone['kind'], string>> {
    const c = from.campaign;
    if (!c) return { end: toLocalIso(Date.now(), from.timeZone) };
    const end = c.endAt ?? DateTime.fromISO(`${c.end}T${FALLBACK_END_TIME}`, { zone: from.timeZone }).toISO()!;
    return {
      ...(c.launchAt !== undefined ? { launch: c.launchAt } : {}),
      ...(c.checkInAt !== undefined ? { 'check-in': c.checkInAt } : {}),
      end,
    };
  }

  /** Pending milestones follow the program; fired or skipped ones are history. */
  function syncMilestones(): void {
    const times = plannedTimes(input);
    for (const kind of ['launch', 'check-in', 'end'] as const) {
      const at = times[kind];
      const existing = state.milestones.find((m) => m.kind === kind);
      if (at === undefined) {
        if (existing?.status === 'pending') state.milestones.splice(state.milestones.indexOf(existing), 1);
        continue;
      }
      const local = toLocalIso(Date.parse(at), input.timeZone);
      if (!existing) {
        state.milestones.push({ kind, at: local, status: 'pending' });
        armedAt.set(kind, Date.now());
      } else if (existing.status === 'pending' && Date.parse(existing.at) !== Date.parse(local)) {
        existing.at = local;
        armedAt.set(kind, Date.now());
      }
    }
    state.milestones.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  }

  let publishedPhase: CampaignPhase | undefined;
  function setPhase(phase: CampaignPhase): void {
    state.phase = phase;
    if (phase === publishedPhase) return;
    publishedPhase = phase;
    upsertSearchAttributes([{ key: STATUS, value: phase }]);
  }

  function baseData(kind: NoticeData['kind'], unitName: string, dueAt: string): NoticeData {
    const c = input.campaign;
    return {
      ...occurrenceNotice(input, kind, unitName, dueAt),
      ...(c ? { windowStart: c.start, windowEnd: c.end } : input.window ? { windowStart: input.window.start, windowEnd: input.window.end } : {}),
    };
  }

  async function fire(m: CampaignMilestone): Promise<void> {
    const at = Date.parse(m.at);
    if (m.kind === 'end') {
      // The results are asked even when the end has passed: they are the point of it all.
      m.status = 'done';
      m.firedAt = nowIso();
      await startResults();
      return;
    }
    const kind = m.kind === 'launch' ? 'campaign-launch' : 'campaign-checkin';
    const past = at < (armedAt.get(m.kind) ?? 0);
    m.status = past ? 'skipped' : 'done';
    m.firedAt = nowIso();
    const planUid = `${input.occurrenceId}/${m.kind}`;
    const c = input.campaign;
    for (const unit of units()) {
      const key = `${workflowId}/${m.kind}/${unit.id}`;
      if (past) {
        outbox.skip(key, kind, at, planUid);
        continue;
      }
      const dueAt = m.kind === 'launch' ? unit.dueAt : (c?.checkInDueAt ?? unit.dueAt);
      outbox.push(
        {
          key,
          to: unit.emails,
          cc: [],
          planUid,
          data: {
            ...baseData(kind, unit.name, dueAt),
            ...(m.kind === 'check-in' && c?.checkInWorkingDaysLeft !== undefined ? { workingDaysLeft: c.checkInWorkingDaysLeft } : {}),
          },
        },
        at,
      );
    }
    setPhase('running');
  }

  async function startResults(): Promise<void> {
    setPhase('results');
    state.results = { workflowId: resultsId, startedAt: nowIso() };
    resultsInputVersion = inputVersion;
    results = await startChild(reportCycleWorkflow, { workflowId: resultsId, args: [resultsInput(input)], parentClosePolicy: ParentClosePolicy.REQUEST_CANCEL });
    // A program re-applied while the child was being started must still reach it.
    if (resultsInputVersion !== inputVersion) await tellResults();
  }

  async function tellResults(): Promise<void> {
    if (!results || state.results?.closedAt !== undefined) return;
    resultsInputVersion = inputVersion;
    try {
      await getExternalWorkflowHandle(resultsId).signal(reconfigureSignal, resultsInput(input));
    } catch (err) {
      // The cycle closed in the meantime: there is nothing left to change.
      log.warn('results cycle not reconfigured', { error: String(err) });
    }
  }

  // Taken before any handler exists: a reconfiguration waits until the plans are asked.
  const starting = lock.runExclusive(() => plans.start(planAssignments(input)));

  setHandler(campaignStatusQuery, () => state);
  setHandler(assignmentChangedSignal, (summary) => {
    plans.apply(summary);
  });

  setHandler(reconfigureSignal, (next) =>
    lock.runExclusive(async () => {
      const before = planAssignments(input);
      input = next;
      inputVersion++;
      syncMilestones();
      // A plan due in the past is not asked for (the unit joined after the plans were due).
      await plans.reconfigure(before, planAssignments(next), reasonMoved(next.locale));
      await tellResults();
      bump();
    }),
  );

  upsertSearchAttributes([
    { key: PROGRAM, value: input.programId },
    { key: ITEM, value: input.itemId },
    { key: PERIOD, value: input.periodKey },
  ]);
  setPhase('planning');
  syncMilestones();
  try {
    await starting;
    return await run();
  } catch (err) {
    // Removed from the program: the units still asked for a plan are told.
    if (isCancellation(err)) await CancellationScope.nonCancellable(() => plans.cancelAll());
    throw err;
  }

  async function run(): Promise<CampaignState> {

    // Launch, check-in and end, in time order; re-read after every change since the program
    // may move a milestone that has not come yet.
    for (;;) {
      await outbox.drain();
      const next = state.milestones.find((m) => m.status === 'pending');
      if (!next) break;
      const at = Date.parse(next.at);
      if (at <= Date.now()) {
        await fire(next);
        continue;
      }
      const seen = changes;
      if (!(await condition(() => changes !== seen || outbox.pending > 0, at - Date.now()))) await fire(next);
    }
    // The end is always planned (plannedTimes); this only keeps a campaign without one whole.
    if (!results) await startResults();

    const final = await results!.result();
    state.results = {
      ...state.results!,
      closedAt: nowIso(),
      phase: final.phase,
      consolidations: final.consolidations.length,
      ...(final.forwarded ? { forwardedTo: final.forwarded.to } : {}),
    };
    await summarize(final);

    // Plans still open are followed to the end: cancelling them would tell the units the
    // program had dropped them, which is not what happened.
    setPhase(plans.allClosed() ? 'closed' : 'closing');
    await condition(() => plans.allClosed());
    setPhase('closed');
    await condition(allHandlersFinished);
    return state;
  }

  async function summarize(cycle: ReportCycleState): Promise<void> {
    const planCounts = countPlans(plans.live());
    const record = cycle.consolidations.at(-1);
    // The approved consolidation is what the results were judged on; without one, the rows.
    const counts = record?.counts ?? countResults(cycle);
    const data: NoticeData = {
      ...baseData('campaign-summary', input.office.name, input.consolidation?.dueAt ?? nowIso()),
      recipientName: input.chair.name,
      ...(input.chair.title ? { recipientTitle: input.chair.title } : {}),
      counts,
      comment: plansSentence(planCounts, input.locale),
      ...(record ? { attachmentName: record.xlsx.name } : {}),
    };
    const request = { key: `${workflowId}/summary`, to: [input.chair.email], cc: input.office.emails, data };
    if (record) {
      await outbox.sendVia(request, (issued) =>
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
      outbox.push(request);
      await outbox.drain();
    }
    state.summary = { at: nowIso(), plans: planCounts, results: counts, ...(record ? { attachment: record.xlsx.name } : {}) };
  }
}

function windowOf(input: OccurrenceInput): { start: string; end: string } | undefined {
  const c = input.campaign;
  return c ? { start: c.start, end: c.end } : input.window;
}

export function countPlans(rows: TrackedRow[]): PlanCounts {
  const received = rows.filter((r) => r.receiptNumber !== undefined);
  const exempt = rows.filter((r) => r.status === 'exempted' && r.receiptNumber === undefined).length;
  return {
    total: rows.length,
    received: received.length,
    onTime: received.filter((r) => !r.late).length,
    late: received.filter((r) => r.late).length,
    missing: rows.length - received.length - exempt,
    exempt,
  };
}

function countResults(cycle: ReportCycleState): NoticeCounts {
  const counts: NoticeCounts = { total: 0, onTime: 0, late: 0, missing: 0, exempt: 0, returned: 0 };
  for (const row of cycle.rows) {
    if (row.removed) continue;
    counts.total++;
    const status = rowStatus(row);
    if (status === 'on-time') counts.onTime++;
    else if (status === 'late') counts.late++;
    else if (status === 'missing') counts.missing++;
    else if (status === 'exempt') counts.exempt++;
    else counts.returned++;
  }
  return counts;
}

/** The plans, in the office's words: the summary template counts results only. */
function plansSentence(c: PlanCounts, locale: 'vi' | 'en'): string {
  if (locale === 'en') {
    const rest = [c.missing > 0 ? `${c.missing} not sent` : '', c.exempt > 0 ? `${c.exempt} exempted` : ''].filter(Boolean);
    return `Unit plans: ${c.received} of ${c.total} received (${c.onTime} on time, ${c.late} late)${rest.length ? `; ${rest.join(', ')}` : ''}.`;
  }
  const rest = [c.missing > 0 ? `${c.missing} đơn vị chưa gửi` : '', c.exempt > 0 ? `${c.exempt} đơn vị được miễn` : ''].filter(Boolean);
  return `Kế hoạch triển khai của các đơn vị: đã nhận ${c.received}/${c.total} (${c.onTime} đúng hạn, ${c.late} sau hạn)${rest.length ? `; ${rest.join(', ')}` : ''}.`;
}

