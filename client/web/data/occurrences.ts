// Program-level workflows for the office and the chair: report cycles and tasks (their
// consolidations and the chair's approval) and campaigns (the Action Month's progress).
// Lists come from visibility alone; a workflow's state is queried when its own page is
// opened, or for the few rows of a short queue (cycles awaiting approval, campaigns), a
// bounded number at a time and each within a deadline.
import type { Client } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { campaignStatusQuery, type CampaignState } from '../../../workflows/campaign/messages';
import { reportCycleStatusQuery, type ReportCycleState, type StoredFileRef } from '../../../workflows/report-cycle/messages';
import { PROGRAM } from '../../../workflows/search-attributes';
import { classify, updateWorkflow, type Outcome } from './assignments';
import type { ProgramIndex } from './program-index';
import { lit } from './query';
import type { OccurrenceRow, RowPage, Visibility } from './visibility';
import type { RecordsView } from './records-view';

export const CYCLE_TYPES: readonly string[] = ['reportCycleWorkflow', 'taskWorkflow'];
export const CAMPAIGN_TYPE = 'campaignWorkflow';

/** At most this many states are read for one queue page; the page says how many there are. */
export const QUEUE_MAX = 25;
const CONCURRENCY = 6;
// A worker that is down must cost one slow row, never a page that does not load.
const QUEUE_QUERY_MS = 5_000;

export function cyclesQuery(programId: string): string {
  return `WorkflowType IN ('reportCycleWorkflow', 'taskWorkflow') AND DondocProgram = ${lit(programId)}`;
}

export function approvalQuery(programId: string): string {
  return `${cyclesQuery(programId)} AND DondocStatus = 'awaiting-approval' AND ExecutionStatus = 'Running'`;
}

export function campaignsQuery(programId: string): string {
  return `WorkflowType = '${CAMPAIGN_TYPE}' AND DondocProgram = ${lit(programId)}`;
}

interface OpenedBase {
  workflowId: string;
  workflowType: string;
  programId: string;
  running: boolean;
}
export type OpenedCycle = OpenedBase & { kind: 'cycle'; state: ReportCycleState };
export type OpenedCampaign = OpenedBase & { kind: 'campaign'; state: CampaignState };
export type Opened = OpenedCycle | OpenedCampaign;

export interface Queued<S> {
  row: OccurrenceRow;
  /** Absent when the state could not be read in time (the row is still listed). */
  state?: S;
}

export interface ProgramLevelCounts {
  cycles: number;
  awaiting: number;
  campaigns: number;
}

const isCycleState = (s: unknown): s is ReportCycleState =>
  !!s && typeof s === 'object' && Array.isArray((s as ReportCycleState).consolidations) && Array.isArray((s as ReportCycleState).rows) && typeof (s as ReportCycleState).phase === 'string';
const isCampaignState = (s: unknown): s is CampaignState => !!s && typeof s === 'object' && Array.isArray((s as CampaignState).milestones) && Array.isArray((s as CampaignState).plans);

/** Older histories may predate a field; pages rely on the arrays. */
function normaliseCycle(s: ReportCycleState): ReportCycleState {
  return { ...s, approvals: s.approvals ?? [], addenda: s.addenda ?? [] };
}

/** Who may approve a consolidation: the chair unless the program names the office. */
export function approverOf(state: ReportCycleState): 'chair' | 'office' {
  return state.approver ?? 'chair';
}

/**
 * Every report file a cycle's state names: the consolidations' workbooks and pages and the
 * addenda's workbooks. Downloads are looked up here, so only a ref of this very workflow
 * is ever served.
 */
export function reportFiles(state: ReportCycleState): StoredFileRef[] {
  return [...state.consolidations.flatMap((c) => [c.xlsx, c.html]), ...(state.addenda ?? []).map((a) => a.xlsx)];
}

async function mapBounded<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

export class Occurrences {
  constructor(
    private readonly client: Client,
    private readonly visibility: Visibility,
    private readonly index: ProgramIndex,
    /** Closed cycles Temporal has forgotten are listed from their records. */
    private readonly recorded?: RecordsView,
  ) {}

  /** Live cycles page by page; those Temporal has forgotten follow on the last page. */
  async list(programId: string, pageSize: number, page?: string): Promise<RowPage<OccurrenceRow>> {
    const live = await this.visibility.occurrences(cyclesQuery(programId), pageSize, page);
    if (live.next || !this.recorded) return live;
    return { ...live, rows: [...live.rows, ...(await this.recorded.goneOccurrences(programId))] };
  }

  async counts(programId: string): Promise<ProgramLevelCounts> {
    const [cycles, awaiting, campaigns, gone] = await Promise.all([
      this.visibility.count(cyclesQuery(programId)),
      this.visibility.count(approvalQuery(programId)),
      this.visibility.count(campaignsQuery(programId)),
      this.recorded ? this.recorded.goneOccurrences(programId) : Promise.resolve([]),
    ]);
    return { cycles: cycles + gone.length, awaiting, campaigns };
  }

  /**
   * Item titles by item id, from the (cached) columns of the program's assignments: the
   * occurrence workflows carry no memo, and one status query per row is what lists avoid.
   */
  async itemTitles(programId: string): Promise<Map<string, string>> {
    const columns = await this.index.listColumns(programId);
    const titles = new Map<string, string>();
    for (const c of columns) if (c.itemTitle && !titles.has(c.itemId)) titles.set(c.itemId, c.itemTitle);
    return titles;
  }

  /** Cycles awaiting the chair, each with its state (consolidation counts and files). */
  async approvalQueue(programId: string, max = QUEUE_MAX): Promise<{ items: Queued<ReportCycleState>[]; total: number }> {
    const query = approvalQuery(programId);
    const [page, total] = await Promise.all([this.visibility.occurrences(query, max), this.visibility.count(query)]);
    const items = await mapBounded(page.rows, CONCURRENCY, async (row) => {
      const state = await this.queryWithin(row.workflowId, 'cycle');
      return state && isCycleState(state) ? { row, state: normaliseCycle(state) } : { row };
    });
    return { items, total };
  }

  /** The program's campaigns with their state, and the results cycles' phases from visibility. */
  async campaigns(programId: string, max = QUEUE_MAX): Promise<{ items: Queued<CampaignState>[]; total: number; resultPhases: Map<string, string | undefined> }> {
    const query = campaignsQuery(programId);
    const [page, total] = await Promise.all([this.visibility.occurrences(query, max), this.visibility.count(query)]);
    const items = await mapBounded(page.rows, CONCURRENCY, async (row) => {
      const state = await this.queryWithin(row.workflowId, 'campaign');
      return state && isCampaignState(state) ? { row, state } : { row };
    });
    const resultIds = items.flatMap((i) => (i.state?.results ? [i.state.results.workflowId] : []));
    return { items, total, resultPhases: await this.phases(programId, resultIds) };
  }

  /** The current phase of some cycles of the program, in one visibility call. */
  async phases(programId: string, workflowIds: string[]): Promise<Map<string, string | undefined>> {
    const phases = new Map<string, string | undefined>();
    if (workflowIds.length === 0) return phases;
    const page = await this.visibility.occurrences(`${cyclesQuery(programId)} AND WorkflowId IN (${workflowIds.map(lit).join(', ')})`, workflowIds.length);
    for (const row of page.rows) phases.set(row.workflowId, row.phase);
    return phases;
  }

  /** One occurrence by id: its type decides which state it answers with; anything else is "not found". */
  async open(workflowId: string): Promise<Outcome<Opened>> {
    try {
      const handle = this.client.workflow.getHandle(workflowId);
      const described = await handle.describe();
      const base: OpenedBase = {
        workflowId,
        workflowType: described.type,
        programId: described.typedSearchAttributes.get(PROGRAM) ?? '',
        running: described.status.name === 'RUNNING',
      };
      if (CYCLE_TYPES.includes(described.type)) {
        const state = await handle.query(reportCycleStatusQuery);
        if (isCycleState(state)) return { ok: true, value: { ...base, kind: 'cycle', state: normaliseCycle(state) } };
      } else if (described.type === CAMPAIGN_TYPE) {
        const state = await handle.query(campaignStatusQuery);
        if (isCampaignState(state)) return { ok: true, value: { ...base, kind: 'campaign', state } };
      }
      return { ok: false, kind: 'not-found', message: 'không phải kỳ báo cáo hoặc chiến dịch (not a report cycle or campaign)' };
    } catch (err) {
      return classify(err);
    }
  }

  /** Every dondoc update takes exactly one argument object. */
  update<Ret, Arg>(workflowId: string, def: UpdateDefinition<Ret, [Arg]>, arg: Arg): Promise<Outcome<Ret>> {
    return updateWorkflow(this.client, workflowId, def, arg, 'kỳ báo cáo đã kết thúc, không thể thay đổi (the occurrence is closed)');
  }


  private async queryWithin(workflowId: string, kind: 'cycle' | 'campaign'): Promise<unknown> {
    try {
      return await this.client.withDeadline(Date.now() + QUEUE_QUERY_MS, async (): Promise<unknown> => {
        const handle = this.client.workflow.getHandle(workflowId);
        return kind === 'cycle' ? handle.query(reportCycleStatusQuery) : handle.query(campaignStatusQuery);
      });
    } catch {
      return undefined;
    }
  }
}
