// Assignments of a program as Temporal visibility lists them (no workflow is queried):
// what `dondoc status --program` prints, overdue ones first when asked.
import type { Client } from '@temporalio/client';
import type { AssignmentStatus } from '../workflows/assignment/messages';
import { DUE, ITEM, PERIOD, STATUS, UNIT } from '../workflows/search-attributes';

export interface ListedAssignment {
  workflowId: string;
  unitId: string;
  unitName: string;
  itemId: string;
  period: string;
  status: AssignmentStatus | undefined;
  due: string | undefined;
}

const quote = (value: string) => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

export async function listAssignments(
  client: Client,
  filter: { programId: string; unitId?: string; overdueOnly?: boolean; limit?: number },
): Promise<ListedAssignment[]> {
  const clauses = [`WorkflowType = 'assignmentWorkflow'`, `DondocProgram = ${quote(filter.programId)}`];
  if (filter.unitId) clauses.push(`DondocUnit = ${quote(filter.unitId)}`);
  if (filter.overdueOnly) clauses.push(`DondocStatus IN ('overdue', 'escalated')`);
  const rows: ListedAssignment[] = [];
  for await (const wf of client.workflow.list({ query: clauses.join(' AND ') })) {
    const sa = wf.typedSearchAttributes;
    const memo = (wf.memo ?? {}) as Record<string, unknown>;
    rows.push({
      workflowId: wf.workflowId,
      unitId: sa.get(UNIT) ?? '',
      unitName: typeof memo.unitName === 'string' ? memo.unitName : (sa.get(UNIT) ?? ''),
      itemId: sa.get(ITEM) ?? '',
      period: sa.get(PERIOD) ?? '',
      status: sa.get(STATUS) as AssignmentStatus | undefined,
      due: sa.get(DUE)?.toISOString(),
    });
    if (rows.length >= (filter.limit ?? 5000)) break;
  }
  return rows.sort((a, b) => (a.due ?? '').localeCompare(b.due ?? '') || a.unitName.localeCompare(b.unitName, 'vi'));
}
