// Pending extension and exemption requests of a program. Visibility finds the assignments
// with one (the workflow publishes DondocPending); only those are read for the details,
// a bounded number at a time, and the page says how many it checked.
import type { AssignmentState, UnitRequestRecord } from '../../../workflows/assignment/messages';
import type { Assignments } from './assignments';
import { openQuery } from './dashboard';
import type { AssignmentRow, Visibility } from './visibility';

export const MAX_SCAN = 300;
const CONCURRENCY = 8;

export interface PendingItem {
  row: AssignmentRow;
  state: AssignmentState;
  request: UnitRequestRecord;
}

export async function pendingRequests(visibility: Visibility, assignments: Assignments, programId: string, max = MAX_SCAN): Promise<{ items: PendingItem[]; scanned: number; total: number }> {
  const query = `${openQuery(programId)} AND DondocPending IN ('extension', 'exemption')`;
  const [page, total] = await Promise.all([visibility.page(query, max), visibility.count(query)]);
  const items: PendingItem[] = [];
  let next = 0;
  const worker = async () => {
    while (next < page.rows.length) {
      const row = page.rows[next++]!;
      const outcome = await assignments.state(row.workflowId);
      if (!outcome.ok) continue;
      for (const request of outcome.value.requests) if (request.status === 'pending') items.push({ row, state: outcome.value, request });
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  items.sort((a, b) => Date.parse(a.request.requestedAt) - Date.parse(b.request.requestedAt));
  return { items, scanned: page.rows.length, total };
}
