// campaignWorkflow: one campaign occurrence — the Action Month for gender equality (15/11–
// 15/12) in the seed. Each unit's plan is asked before the start (a child assignment per
// unit, `<unit assignment>/ke-hoach`); every unit gets the launch notice on the first day
// and the check-in in the middle; at the end the results are collected by a child report
// cycle (`<occurrence>/ket-qua`), so they are consolidated, approved and forwarded exactly
// as a report is; then the chair gets the summary. Milestones already past when the
// campaign starts (a program applied mid-campaign) are recorded as skipped, not sent.
// State and steps live in Campaign (campaign-state.ts); this function wires the handlers
// and runs the main wait.
import { allHandlersFinished, CancellationScope, condition, isCancellation, setHandler, upsertSearchAttributes } from '@temporalio/workflow';
import { Mutex } from 'async-mutex';
import { assignmentChangedSignal } from '../assignment/messages';
import type { OccurrenceInput } from '../occurrence/input';
import { occurrenceAttributes } from '../occurrence/occurrence-base';
import { reconfigureSignal } from '../report-cycle/messages';
import { Campaign } from './campaign-state';
import { campaignStatusQuery, type CampaignState } from './messages';

export async function campaignWorkflow(input: OccurrenceInput): Promise<CampaignState> {
  const campaign = new Campaign(input);
  // Reconfiguring waits on activities: one at a time, never before the plans are asked (the
  // lock is taken before any handler exists).
  const lock = new Mutex();
  const starting = lock.runExclusive(() => campaign.startPlans());

  setHandler(campaignStatusQuery, () => campaign.state);
  setHandler(assignmentChangedSignal, (summary) => campaign.onAssignmentChanged(summary));
  setHandler(reconfigureSignal, (next) => lock.runExclusive(() => campaign.reconfigure(next)));

  upsertSearchAttributes(occurrenceAttributes(input));
  campaign.setPhase('planning');
  campaign.syncMilestones();
  try {
    await starting;
    await runMilestones(campaign);
    await campaign.summarize(await campaign.resultsClosed());
    // Plans still open are followed to the end: cancelling them would tell the units the
    // program had dropped them, which is not what happened.
    campaign.setPhase(campaign.plans.allClosed() ? 'closed' : 'closing');
    await condition(() => campaign.plans.allClosed());
    campaign.setPhase('closed');
    await condition(allHandlersFinished);
    return campaign.state;
  } catch (err) {
    // Removed from the program: the units still asked for a plan are told.
    if (isCancellation(err)) await CancellationScope.nonCancellable(() => campaign.plans.cancelAll());
    throw err;
  }
}

/**
 * Launch, check-in and end, in time order; re-read after every change since the program may
 * move a milestone that has not come yet. Queued notices go out before each wait.
 */
async function runMilestones(campaign: Campaign): Promise<void> {
  for (;;) {
    await campaign.outbox.drain();
    const next = campaign.nextMilestone();
    if (!next) return;
    const at = Date.parse(next.at);
    if (at <= Date.now()) {
      await campaign.fire(next);
      continue;
    }
    const seen = campaign.changes;
    if (!(await condition(() => campaign.changes !== seen || campaign.outbox.pending > 0, at - Date.now()))) await campaign.fire(next);
  }
}
