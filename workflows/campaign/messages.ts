// The contract of campaignWorkflow (the Action Month and the like): the state clients read
// with the `status` query. It takes the program's `reconfigure` signal from the report cycle.
import { defineQuery } from '@temporalio/workflow';
import type { NoticeCounts } from '../../contract/notices';
import type { DeliveryFailureRecord, NoticeRecord } from '../assignment/messages';
import type { TrackedRow } from '../occurrence/assignment-tracker';
import type { CyclePhase } from '../report-cycle/messages';

/** Suffix of a unit's plan assignment id: `<occurrence>/<unit>/ke-hoach`. */
export const PLAN_SUFFIX = '/ke-hoach';
/** Suffix of the results report cycle's workflow id: `<occurrence>/ket-qua`. */
export const RESULTS_SUFFIX = '/ket-qua';

/**
 * planning (plans asked, before the launch) → running (launch to end) → results (the results
 * report cycle) → closing (summary sent; plans still open) → closed.
 */
export type CampaignPhase = 'planning' | 'running' | 'results' | 'closing' | 'closed';

export interface CampaignMilestone {
  kind: 'launch' | 'check-in' | 'end';
  at: string;
  /** `skipped`: already past when the campaign (or the move) was armed; nothing was sent. */
  status: 'pending' | 'done' | 'skipped';
  firedAt?: string;
}

export interface PlanCounts {
  total: number;
  received: number;
  onTime: number;
  late: number;
  missing: number;
  exempt: number;
}

export interface CampaignState {
  occurrenceId: string;
  itemTitle: string;
  periodLabel: string;
  phase: CampaignPhase;
  window?: { start: string; end: string };
  milestones: CampaignMilestone[];
  /** One plan assignment per unit, asked before the start. */
  plans: TrackedRow[];
  /** The results report cycle, once started at the end of the campaign. */
  results?: {
    workflowId: string;
    startedAt: string;
    /** Filled when the cycle has closed. */
    closedAt?: string;
    phase?: CyclePhase;
    consolidations?: number;
    forwardedTo?: string[];
  };
  summary?: { at: string; plans: PlanCounts; results: NoticeCounts; attachment?: string };
  notices: NoticeRecord[];
  deliveryFailures: DeliveryFailureRecord[];
}

export const campaignStatusQuery = defineQuery<CampaignState>('status');
