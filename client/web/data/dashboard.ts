// The program dashboard's data, from visibility only: status counts (one count query per
// status), the compliance matrix one page of units at a time, and the overdue list. The
// number of calls depends on the columns shown, never on the number of units.
import { cellStatus, CELL_STATUSES, SEARCH_STATUSES, type CellStatus } from './cell-status';
import type { ColumnInfo, ProgramIndex } from './program-index';
import { anyColumn, columnClause, columnKey, lit, parseColumnKey, programQuery } from './query';
import type { AssignmentRow, RowPage, Visibility } from './visibility';

export const UNITS_PER_PAGE = 100;
export const DEFAULT_COLUMNS = 6;

export interface Cell {
  workflowId: string;
  status: CellStatus;
  due: Date | undefined;
}

export interface MatrixRow {
  unitId: string;
  unitName?: string;
  cells: Record<string, Cell>;
}

export interface Matrix {
  columns: ColumnInfo[];
  /** Assignments per shown column. */
  columnTotals: number[];
  /** The column whose units form the rows (the fullest one). */
  reference: ColumnInfo | undefined;
  rows: MatrixRow[];
  next?: string;
}

export type StatusCounts = Record<Exclude<CellStatus, 'unknown'>, number> & { total: number };

export interface MatrixRequest {
  /** Column keys (`item|period`); unknown ones are ignored. Default: the columns nearest today. */
  cols?: string[];
  unitPrefix?: string;
  page?: string;
  pageSize?: number;
}

const statusIn = (values: string[]) => `DondocStatus IN (${values.map(lit).join(', ')})`;

export function overdueQuery(programId: string, now = Date.now()): string {
  const iso = new Date(now).toISOString();
  return `${programQuery(programId)} AND (${statusIn(['overdue', 'escalated'])} OR (${statusIn(['requested', 'returned'])} AND DondocDue < '${iso}'))`;
}

export function reviewQuery(programId: string): string {
  return `${programQuery(programId)} AND ${statusIn(['submitted', ...SEARCH_STATUSES.late])}`;
}

export function openQuery(programId: string): string {
  return `${programQuery(programId)} AND ExecutionStatus = 'Running' AND ${statusIn(['requested', 'returned', 'overdue', 'escalated', 'submitted'])}`;
}

/** The columns the matrix shows when none are asked for: those whose due is nearest today. */
export function defaultColumns(all: ColumnInfo[], now = Date.now(), max = DEFAULT_COLUMNS): ColumnInfo[] {
  if (all.length <= max) return all;
  const distance = (c: ColumnInfo) => Math.abs((c.due?.getTime() ?? 0) - now);
  const nearest = new Set([...all].sort((a, b) => distance(a) - distance(b)).slice(0, max));
  return all.filter((c) => nearest.has(c));
}

export function selectColumns(all: ColumnInfo[], keys: string[] | undefined, now = Date.now()): ColumnInfo[] {
  if (!keys || keys.length === 0) return defaultColumns(all, now);
  const wanted = new Set(keys.filter((k) => parseColumnKey(k) !== undefined));
  const chosen = all.filter((c) => wanted.has(columnKey(c)));
  return chosen.length > 0 ? chosen : defaultColumns(all, now);
}

export class Dashboard {
  constructor(
    private readonly visibility: Visibility,
    private readonly index: ProgramIndex,
  ) {}

  columns(programId: string): Promise<ColumnInfo[]> {
    return this.index.listColumns(programId);
  }

  async counts(programId: string): Promise<StatusCounts> {
    const base = programQuery(programId);
    const entries = await Promise.all(
      CELL_STATUSES.map(async (s) => [s, await this.visibility.count(`${base} AND ${statusIn(SEARCH_STATUSES[s as Exclude<CellStatus, 'unknown'>])}`)] as const),
    );
    const total = await this.visibility.count(base);
    return { ...(Object.fromEntries(entries) as Record<Exclude<CellStatus, 'unknown'>, number>), total };
  }

  async matrix(programId: string, request: MatrixRequest, now = Date.now()): Promise<Matrix> {
    const all = await this.index.listColumns(programId);
    const columns = selectColumns(all, request.cols, now);
    if (columns.length === 0) return { columns, columnTotals: [], reference: undefined, rows: [] };
    const base = programQuery(programId);
    const prefix = request.unitPrefix ? ` AND DondocUnit STARTS_WITH ${lit(request.unitPrefix)}` : '';
    const columnTotals = await Promise.all(columns.map((c) => this.visibility.count(`${base} AND ${columnClause(c)}${prefix}`)));
    const refIndex = columnTotals.indexOf(Math.max(...columnTotals));
    const reference = columns[refIndex]!;
    const refPage = await this.visibility.page(`${base} AND ${columnClause(reference)}${prefix}`, request.pageSize ?? UNITS_PER_PAGE, request.page);

    const rows = new Map<string, MatrixRow>();
    const place = (r: AssignmentRow) => {
      const row = rows.get(r.unitId) ?? { unitId: r.unitId, cells: {} };
      if (r.unitName && !row.unitName) row.unitName = r.unitName;
      row.cells[columnKey(r)] = { workflowId: r.workflowId, status: cellStatus(r.status, r.due, now), due: r.due };
      rows.set(r.unitId, row);
    };
    refPage.rows.forEach(place);
    const others = columns.filter((_, i) => i !== refIndex);
    const units = [...rows.keys()];
    if (others.length > 0 && units.length > 0) {
      for await (const batch of this.visibility.all(`${base} AND ${anyColumn(others)} AND DondocUnit IN (${units.map(lit).join(', ')})`)) batch.forEach(place);
    }
    const sorted = [...rows.values()].sort((a, b) => (a.unitName ?? a.unitId).localeCompare(b.unitName ?? b.unitId, 'vi'));
    return { columns, columnTotals, reference, rows: sorted, ...(refPage.next ? { next: refPage.next } : {}) };
  }

  overdue(programId: string, pageSize: number, page?: string, now = Date.now()): Promise<RowPage> {
    return this.visibility.page(overdueQuery(programId, now), pageSize, page);
  }

  reviewQueue(programId: string, pageSize: number, page?: string): Promise<RowPage> {
    return this.visibility.page(reviewQuery(programId), pageSize, page);
  }

  unitAssignments(programId: string, unitId: string): Promise<RowPage> {
    return this.visibility.page(`${programQuery(programId)} AND DondocUnit = ${lit(unitId)}`, 1000);
  }

  /** The whole matrix (every unit) for the given columns, or all columns: for the exports. */
  async fullMatrix(programId: string, cols: string[] | undefined, now = Date.now()): Promise<{ columns: ColumnInfo[]; rows: MatrixRow[] }> {
    const all = await this.index.listColumns(programId);
    const wanted = cols && cols.length > 0 ? new Set(cols) : undefined;
    const columns = wanted ? all.filter((c) => wanted.has(columnKey(c))) : all;
    const rows = new Map<string, MatrixRow>();
    if (columns.length > 0) {
      for await (const batch of this.visibility.all(`${programQuery(programId)} AND ${anyColumn(columns)}`)) {
        for (const r of batch) {
          const row = rows.get(r.unitId) ?? { unitId: r.unitId, cells: {} };
          if (r.unitName && !row.unitName) row.unitName = r.unitName;
          row.cells[columnKey(r)] = { workflowId: r.workflowId, status: cellStatus(r.status, r.due, now), due: r.due };
          rows.set(r.unitId, row);
        }
      }
    }
    return { columns, rows: [...rows.values()].sort((a, b) => (a.unitName ?? a.unitId).localeCompare(b.unitName ?? b.unitId, 'vi')) };
  }
}
