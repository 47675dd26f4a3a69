// JSON shapes of the API: rows and matrices with ISO dates, and the unit's view of an
// assignment (without the notices' recipient addresses, which are the office's business).
import type { AssignmentState } from '../../../workflows/assignment/messages';
import { cellStatus } from '../data/cell-status';
import type { Matrix } from '../data/dashboard';
import type { ColumnInfo } from '../data/program-index';
import { columnKey } from '../data/query';
import type { AssignmentRow } from '../data/visibility';

const iso = (d: Date | undefined) => d?.toISOString() ?? null;

export function rowJson(r: AssignmentRow, now = Date.now()) {
  return {
    workflowId: r.workflowId,
    programId: r.programId,
    itemId: r.itemId,
    period: r.period,
    unitId: r.unitId,
    unitName: r.unitName ?? null,
    status: r.status ?? null,
    cellStatus: cellStatus(r.status, r.due, now),
    due: iso(r.due),
    running: r.running,
    // "records": closed work Temporal no longer has, read from the records database.
    source: r.source ?? 'live',
    ...(r.receiptNumber ? { receiptNumber: r.receiptNumber } : {}),
  };
}

export function columnJson(c: ColumnInfo) {
  return { key: columnKey(c), itemId: c.itemId, period: c.period, itemTitle: c.itemTitle ?? null, due: iso(c.due) };
}

export function matrixJson(m: Matrix) {
  return {
    columns: m.columns.map(columnJson),
    columnTotals: m.columnTotals,
    reference: m.reference ? columnKey(m.reference) : null,
    rows: m.rows.map((r) => ({
      unitId: r.unitId,
      unitName: r.unitName ?? null,
      cells: Object.fromEntries(Object.entries(r.cells).map(([k, c]) => [k, { workflowId: c.workflowId, status: c.status, due: iso(c.due), source: c.source ?? 'live', ...(c.recordPending ? { recordPending: true } : {}) }])),
    })),
    next: m.next ?? null,
  };
}

export function unitStateJson(state: AssignmentState & { source?: 'records' }) {
  const { notices: _notices, nextStep: _next, ...rest } = state;
  // "records": the assignment's record, read after Temporal forgot the closed execution.
  return { ...rest, source: state.source ?? 'live' };
}
