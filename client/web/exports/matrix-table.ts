// The compliance matrix as plain rows of text, shared by the CSV and XLSX exports: one
// line per unit, and for each (item, period) its status and its due.
import type { ColumnInfo } from '../data/program-index';
import type { MatrixRow } from '../data/dashboard';
import { columnKey } from '../data/query';
import { formatDateTime } from '../format';
import type { Messages } from '../i18n';

export function matrixTable(columns: ColumnInfo[], rows: MatrixRow[], t: Messages): string[][] {
  const label = (c: ColumnInfo) => `${c.itemTitle ?? c.itemId}${c.period ? ` ${c.period}` : ''}`;
  const header = [t.office.unitCol, `${t.office.unitCol} (id)`, ...columns.flatMap((c) => [`${label(c)} — ${t.office.status}`, `${label(c)} — ${t.office.due}`])];
  const body = rows.map((r) => [
    r.unitName ?? r.unitId,
    r.unitId,
    ...columns.flatMap((c) => {
      const cell = r.cells[columnKey(c)];
      return cell ? [t.status[cell.status], formatDateTime(cell.due, t.lang)] : ['', ''];
    }),
  ]);
  return [header, ...body];
}
