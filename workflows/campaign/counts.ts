// What the chair's summary counts: the units' plans (followed by the campaign) and, when no
// consolidation was made, the results cycle's rows. Pure.
import type { NoticeCounts } from '../../contract/notices';
import type { TrackedRow } from '../occurrence/assignment-tracker';
import type { ReportCycleState } from '../report-cycle/messages';
import { rowStatus } from '../report-cycle/rows';
import type { PlanCounts } from './messages';

/** A plan counts as received once it has a receipt; exempted without one, as exempt. */
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

/** The results by row status, withdrawn units left out. */
export function countResults(cycle: ReportCycleState): NoticeCounts {
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
