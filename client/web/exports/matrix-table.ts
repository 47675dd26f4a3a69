// The compliance matrix as plain rows of text, shared by the CSV and XLSX exports: one
// line per unit, and for each (item, period) its status, its due and its latest receipt
// number; the last column says where the line was read from (Temporal, the records
// database for closed work Temporal has forgotten, or both).
import type { ColumnInfo } from '../data/program-index';
import type { MatrixRow } from '../data/dashboard';
import { columnKey } from '../data/query';
import { formatDateTime } from '../format';
import type { Messages } from '../i18n';

function sourceOf(row: MatrixRow, t: Messages): string {
  const cells = Object.values(row.cells);
  const recorded = cells.filter((c) => c.source === 'records').length;
  if (recorded === 0) return t.records.sourceLive;
  return recorded === cells.length ? t.records.sourceRecords : t.records.sourceBoth;
}

export function matrixTable(columns: ColumnInfo[], rows: MatrixRow[], t: Messages): string[][] {
  const label = (c: ColumnInfo) => `${c.itemTitle ?? c.itemId}${c.period ? ` ${c.period}` : ''}`;
  const header = [
    t.office.unitCol,
    `${t.office.unitCol} (id)`,
    ...columns.flatMap((c) => [`${label(c)} — ${t.office.status}`, `${label(c)} — ${t.office.due}`, `${label(c)} — ${t.records.receiptCol}`]),
    t.records.sourceCol,
  ];
  const body = rows.map((r) => [
    r.unitName ?? r.unitId,
    r.unitId,
    ...columns.flatMap((c) => {
      const cell = r.cells[columnKey(c)];
      return cell ? [t.status[cell.status], formatDateTime(cell.due, t.lang), cell.receiptNumber ?? ''] : ['', '', ''];
    }),
    sourceOf(r, t),
  ]);
  return [header, ...body];
}
