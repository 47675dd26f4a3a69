// Reading assignments from Temporal visibility: one page per call with the server's page
// token passed through, and counts. The raw service call is used because the SDK's list
// iterator hides the page token, and the dashboard must page, never read everything.
import type { Client } from '@temporalio/client';
import type { temporal } from '@temporalio/proto';

type Payload = temporal.api.common.v1.IPayload;

export interface AssignmentRow {
  workflowId: string;
  programId: string;
  itemId: string;
  period: string;
  unitId: string;
  status: string | undefined;
  due: Date | undefined;
  running: boolean;
  /** From the workflow's memo, when whoever started it wrote one. */
  unitName?: string;
  itemTitle?: string;
  /** Set on rows read from the records database (closed work Temporal no longer has). */
  source?: 'records';
  /** The latest receipt number, where the records database supplied it. */
  receiptNumber?: string;
}

export interface RowPage<Row = AssignmentRow> {
  rows: Row[];
  /** Opaque, base64url; absent on the last page. */
  next?: string;
}

/** A program-level workflow (report cycle, task, campaign) as visibility lists it. */
export interface OccurrenceRow {
  workflowId: string;
  workflowType: string;
  programId: string;
  itemId: string;
  period: string;
  /** DondocStatus: the workflow's phase. */
  phase: string | undefined;
  running: boolean;
  startedAt: Date | undefined;
  closedAt: Date | undefined;
  /** Set on rows read from the records database (closed work Temporal no longer has). */
  source?: 'records';
  /** The item's title, where the records database supplied it. */
  itemTitle?: string;
}

function decode(payload: Payload | null | undefined): unknown {
  if (!payload?.data) return undefined;
  try {
    return JSON.parse(Buffer.from(payload.data).toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : undefined);

function toRow(info: temporal.api.workflow.v1.IWorkflowExecutionInfo): AssignmentRow {
  const fields = info.searchAttributes?.indexedFields ?? {};
  const memo = info.memo?.fields ?? {};
  const dueText = str(decode(fields.DondocDue));
  const due = dueText ? new Date(dueText) : undefined;
  const unitName = str(decode(memo.unitName));
  const itemTitle = str(decode(memo.itemTitle));
  return {
    workflowId: info.execution?.workflowId ?? '',
    programId: str(decode(fields.DondocProgram)) ?? '',
    itemId: str(decode(fields.DondocItem)) ?? '',
    period: str(decode(fields.DondocPeriod)) ?? '',
    unitId: str(decode(fields.DondocUnit)) ?? '',
    status: str(decode(fields.DondocStatus)),
    due: due && !Number.isNaN(due.getTime()) ? due : undefined,
    // 1 = WORKFLOW_EXECUTION_STATUS_RUNNING
    running: info.status === 1,
    ...(unitName ? { unitName } : {}),
    ...(itemTitle ? { itemTitle } : {}),
  };
}

type Timestamp = temporal.api.workflow.v1.IWorkflowExecutionInfo['startTime'];

function dateOf(ts: Timestamp): Date | undefined {
  if (!ts?.seconds) return undefined;
  // `seconds` is a Long from protobufjs; its decimal text reads the same either way.
  return new Date(Number(String(ts.seconds)) * 1000 + Math.floor((ts.nanos ?? 0) / 1e6));
}

function toOccurrenceRow(info: temporal.api.workflow.v1.IWorkflowExecutionInfo): OccurrenceRow {
  const fields = info.searchAttributes?.indexedFields ?? {};
  return {
    workflowId: info.execution?.workflowId ?? '',
    workflowType: info.type?.name ?? '',
    programId: str(decode(fields.DondocProgram)) ?? '',
    itemId: str(decode(fields.DondocItem)) ?? '',
    period: str(decode(fields.DondocPeriod)) ?? '',
    phase: str(decode(fields.DondocStatus)),
    running: info.status === 1,
    startedAt: dateOf(info.startTime),
    closedAt: dateOf(info.closeTime),
  };
}

export class Visibility {
  constructor(
    private readonly client: Client,
    private readonly namespace: string,
  ) {}

  private async list<Row>(query: string, pageSize: number, token: string | undefined, map: (info: temporal.api.workflow.v1.IWorkflowExecutionInfo) => Row): Promise<RowPage<Row>> {
    const response = await this.client.workflowService.listWorkflowExecutions({
      namespace: this.namespace,
      query,
      pageSize,
      ...(token ? { nextPageToken: Buffer.from(token, 'base64url') } : {}),
    });
    const next = response.nextPageToken && response.nextPageToken.length > 0 ? Buffer.from(response.nextPageToken).toString('base64url') : undefined;
    return { rows: response.executions.map(map), ...(next ? { next } : {}) };
  }

  page(query: string, pageSize: number, token?: string): Promise<RowPage> {
    return this.list(query, pageSize, token, toRow);
  }

  /** Program-level workflows: their type, phase and times instead of a unit and a due. */
  occurrences(query: string, pageSize: number, token?: string): Promise<RowPage<OccurrenceRow>> {
    return this.list(query, pageSize, token, toOccurrenceRow);
  }

  /** Every row of `query`, page by page; for exports and small sets (one unit, one page of units). */
  async *all(query: string, pageSize = 1000): AsyncGenerator<AssignmentRow[]> {
    let token: string | undefined;
    do {
      const page = await this.page(query, pageSize, token);
      yield page.rows;
      token = page.next;
    } while (token);
  }

  async count(query: string): Promise<number> {
    const response = await this.client.workflowService.countWorkflowExecutions({ namespace: this.namespace, query });
    return Number(response.count ?? 0);
  }
}
