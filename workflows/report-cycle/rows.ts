// How one assignment appears in a consolidated report. Pure.
import type { ConsolidationRow } from '../../contract/reports';
import type { CycleRow, RowStatus } from './messages';

export function rowStatus(row: CycleRow): RowStatus {
  switch (row.status) {
    case 'exempted':
      return 'exempt';
    case 'returned':
      return 'returned';
    case 'submitted':
    case 'accepted':
      return row.late ? 'late' : 'on-time';
    default:
      return row.receiptNumber ? (row.late ? 'late' : 'on-time') : 'missing';
  }
}

/** Accepted, exempted or gone: nothing more is expected from the unit. */
export const isSettled = (row: CycleRow) => row.closed || row.status === 'accepted' || row.status === 'exempted';

export function consolidationRow(row: CycleRow): ConsolidationRow {
  return {
    unitId: row.unitId,
    unitName: row.unitName,
    status: rowStatus(row),
    accepted: row.status === 'accepted',
    ...(row.receiptNumber ? { receiptNumber: row.receiptNumber } : {}),
    ...(row.submittedAt ? { submittedAt: row.submittedAt } : {}),
    dueAt: row.dueAt,
    rounds: row.round - (row.status === 'returned' ? 1 : 0),
    indicators: row.indicators,
    ...(row.note ? { note: row.note } : {}),
  };
}
