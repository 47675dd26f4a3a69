// The program dashboard's data: live work from visibility (status counts, one count query
// per status; the compliance matrix one page of units at a time; the overdue list), and
// closed work Temporal has forgotten from the records database, merged by assignment id.
// Without forgotten work the number of calls depends on the columns shown, never on the
// number of units; with it, the shown columns are read whole and paged here.
import { cellStatus, CELL_STATUSES, SEARCH_STATUSES, type CellStatus } from './cell-status';
import type { ColumnInfo, ProgramIndex } from './program-index';
import { anyColumn, columnClause, columnKey, lit, parseColumnKey, programQuery } from './query';
import { recordedAssignmentRow, type RecordsView } from './records-view';
import type { AssignmentRow, RowPage, Visibility } from './visibility';

export const UNITS_PER_PAGE = 100;
export const DEFAULT_COLUMNS = 6;

export interface Cell {
  workflowId: string;
  status: CellStatus;
  due: Date | undefined;
  /** Read from the records database: Temporal no longer has the execution. */
  source?: 'records';
  /** Closed in Temporal but not yet closed in the records database (its write is being retried). */
  recordPending?: boolean;
  receiptNumber?: string;
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

function cellOf(r: AssignmentRow, now: number): Cell {
  return {
    workflowId: r.workflowId,
    status: cellStatus(r.status, r.due, now),
    due: r.due,
    ...(r.source ? { source: r.source } : {}),
    ...(r.receiptNumber ? { receiptNumber: r.receiptNumber } : {}),
  };
}

/** Places a row's cell; false when a live cell already holds the place of a recorded one. */
function placeInto(rows: Map<string, MatrixRow>, r: AssignmentRow, now: number): boolean {
  const row = rows.get(r.unitId) ?? { unitId: r.unitId, cells: {} };
  if (r.unitName && !row.unitName) row.unitName = r.unitName;
  // The live row wins when both are there (a deletion seen by one read and not the other).
  if (r.source === 'records' && row.cells[columnKey(r)]) return false;
  row.cells[columnKey(r)] = cellOf(r, now);
  rows.set(r.unitId, row);
  return true;
}

const byUnitName = (a: MatrixRow, b: MatrixRow) => (a.unitName ?? a.unitId).localeCompare(b.unitName ?? b.unitId, 'vi');

/** Matrix pages built here (not by visibility) carry this prefix and the offset. */
const OFFSET_TOKEN = /^rec-(\d{1,7})$/;

/** Columns of forgotten work that visibility no longer lists, merged into the live ones. */
export function mergeColumns(live: ColumnInfo[], gone: AssignmentRow[]): ColumnInfo[] {
  const known = new Map(live.map((c) => [columnKey(c), c]));
  for (const r of gone) {
    const key = columnKey(r);
    if (!known.has(key)) known.set(key, { itemId: r.itemId, period: r.period, due: r.due, ...(r.itemTitle ? { itemTitle: r.itemTitle } : {}) });
  }
  return [...known.values()].sort((a, b) => (a.due?.getTime() ?? 0) - (b.due?.getTime() ?? 0) || a.itemId.localeCompare(b.itemId) || a.period.localeCompare(b.period));
}

export class Dashboard {
  constructor(
    private readonly visibility: Visibility,
    private readonly index: ProgramIndex,
    /** Absent when the web has no records database: visibility alone, as before. */
    private readonly recorded?: RecordsView,
  ) {}

  /** Closed work Temporal no longer lists, as visibility-shaped rows. */
  async gone(programId: string): Promise<AssignmentRow[]> {
    if (!this.recorded) return [];
    return (await this.recorded.gone(programId)).map(recordedAssignmentRow);
  }

  async columns(programId: string): Promise<ColumnInfo[]> {
    const [live, gone] = await Promise.all([this.index.listColumns(programId), this.gone(programId)]);
    return gone.length > 0 ? mergeColumns(live, gone) : live;
  }

  async counts(programId: string, now = Date.now()): Promise<StatusCounts> {
    const base = programQuery(programId);
    const [entries, total, gone] = await Promise.all([
      Promise.all(CELL_STATUSES.map(async (s) => [s, await this.visibility.count(`${base} AND ${statusIn(SEARCH_STATUSES[s as Exclude<CellStatus, 'unknown'>])}`)] as const)),
      this.visibility.count(base),
      this.gone(programId),
    ]);
    const counts = { ...(Object.fromEntries(entries) as Record<Exclude<CellStatus, 'unknown'>, number>), total: total + gone.length };
    for (const r of gone) {
      const status = cellStatus(r.status, r.due, now);
      if (status !== 'unknown') counts[status]++;
    }
    return counts;
  }

  async matrix(programId: string, request: MatrixRequest, now = Date.now()): Promise<Matrix> {
    const [live, goneAll] = await Promise.all([this.index.listColumns(programId), this.gone(programId)]);
    const all = goneAll.length > 0 ? mergeColumns(live, goneAll) : live;
    const columns = selectColumns(all, request.cols, now);
    if (columns.length === 0) return { columns, columnTotals: [], reference: undefined, rows: [] };
    const shown = new Set(columns.map(columnKey));
    const gone = goneAll.filter((r) => shown.has(columnKey(r)) && (!request.unitPrefix || r.unitId.startsWith(request.unitPrefix)));
    const matrix = gone.length > 0 ? await this.mergedMatrix(programId, columns, gone, request, now) : await this.liveMatrix(programId, columns, request, now);
    await this.markPending(matrix.rows);
    return matrix;
  }

  /** Live cells whose execution has closed but whose closing write has not reached the records database. */
  private async markPending(rows: MatrixRow[]): Promise<void> {
    if (!this.recorded) return;
    const closedLive = rows.flatMap((r) => Object.values(r.cells)).filter((c) => c.source === undefined && (c.status === 'accepted' || c.status === 'exempt'));
    if (closedLive.length === 0) return;
    const progress = await this.recorded.progress(closedLive.map((c) => c.workflowId));
    for (const c of closedLive) if (!progress.get(c.workflowId)?.closed) c.recordPending = true;
  }

  /** Visibility's rows and the forgotten ones for the shown columns, read whole and paged here. */
  private async mergedMatrix(programId: string, columns: ColumnInfo[], gone: AssignmentRow[], request: MatrixRequest, now: number): Promise<Matrix> {
    const prefix = request.unitPrefix ? ` AND DondocUnit STARTS_WITH ${lit(request.unitPrefix)}` : '';
    const rows = new Map<string, MatrixRow>();
    const liveCount = new Map<string, number>();
    for await (const batch of this.visibility.all(`${programQuery(programId)} AND ${anyColumn(columns)}${prefix}`)) {
      for (const r of batch) {
        placeInto(rows, r, now);
        liveCount.set(columnKey(r), (liveCount.get(columnKey(r)) ?? 0) + 1);
      }
    }
    const goneCount = new Map<string, number>();
    for (const r of gone) if (placeInto(rows, r, now)) goneCount.set(columnKey(r), (goneCount.get(columnKey(r)) ?? 0) + 1);
    const sorted = [...rows.values()].sort(byUnitName);
    const size = request.pageSize ?? UNITS_PER_PAGE;
    const offset = Number(OFFSET_TOKEN.exec(request.page ?? '')?.[1] ?? 0);
    const next = offset + size < sorted.length ? `rec-${offset + size}` : undefined;
    return {
      columns,
      columnTotals: columns.map((c) => (liveCount.get(columnKey(c)) ?? 0) + (goneCount.get(columnKey(c)) ?? 0)),
      // Every unit with a cell in a shown column is a row: no single column sets them.
      reference: undefined,
      rows: sorted.slice(offset, offset + size),
      ...(next ? { next } : {}),
    };
  }

  private async liveMatrix(programId: string, columns: ColumnInfo[], request: MatrixRequest, now: number): Promise<Matrix> {
    const base = programQuery(programId);
    const prefix = request.unitPrefix ? ` AND DondocUnit STARTS_WITH ${lit(request.unitPrefix)}` : '';
    const columnTotals = await Promise.all(columns.map((c) => this.visibility.count(`${base} AND ${columnClause(c)}${prefix}`)));
    const refIndex = columnTotals.indexOf(Math.max(...columnTotals));
    const reference = columns[refIndex]!;
    // A page of the merged matrix asked for after the forgotten rows left the shown columns: start again.
    const page = request.page && OFFSET_TOKEN.test(request.page) ? undefined : request.page;
    const refPage = await this.visibility.page(`${base} AND ${columnClause(reference)}${prefix}`, request.pageSize ?? UNITS_PER_PAGE, page);

    const rows = new Map<string, MatrixRow>();
    const place = (r: AssignmentRow) => {
      placeInto(rows, r, now);
    };
    refPage.rows.forEach(place);
    const others = columns.filter((_, i) => i !== refIndex);
    const units = [...rows.keys()];
    if (others.length > 0 && units.length > 0) {
      for await (const batch of this.visibility.all(`${base} AND ${anyColumn(others)} AND DondocUnit IN (${units.map(lit).join(', ')})`)) batch.forEach(place);
    }
    const sorted = [...rows.values()].sort(byUnitName);
    return { columns, columnTotals, reference, rows: sorted, ...(refPage.next ? { next: refPage.next } : {}) };
  }

  overdue(programId: string, pageSize: number, page?: string, now = Date.now()): Promise<RowPage> {
    return this.visibility.page(overdueQuery(programId, now), pageSize, page);
  }

  reviewQueue(programId: string, pageSize: number, page?: string): Promise<RowPage> {
    return this.visibility.page(reviewQuery(programId), pageSize, page);
  }

  /** One unit's assignments: live ones from visibility, forgotten ones from the records database. */
  async unitAssignments(programId: string, unitId: string): Promise<RowPage> {
    const [page, gone] = await Promise.all([this.visibility.page(`${programQuery(programId)} AND DondocUnit = ${lit(unitId)}`, 1000), this.gone(programId)]);
    const rows = [...page.rows, ...gone.filter((r) => r.unitId === unitId)];
    await this.withReceipts(programId, rows);
    return { ...page, rows };
  }

  /** Receipt numbers from the records database (visibility has none), for live and forgotten rows alike. */
  private async withReceipts(programId: string, rows: { workflowId: string; receiptNumber?: string }[]): Promise<void> {
    if (!this.recorded || rows.length === 0) return;
    const receipts = await this.recorded.receipts(programId);
    for (const r of rows) {
      const receipt = receipts.get(r.workflowId);
      if (receipt && !r.receiptNumber) r.receiptNumber = receipt;
    }
  }

  /**
   * The whole matrix (every unit) for the given columns, or all columns: for the exports and
   * charts. `receipts` adds each cell's latest receipt number from the records database.
   */
  async fullMatrix(programId: string, cols: string[] | undefined, now = Date.now(), options: { receipts?: boolean } = {}): Promise<{ columns: ColumnInfo[]; rows: MatrixRow[] }> {
    const [live, goneAll] = await Promise.all([this.index.listColumns(programId), this.gone(programId)]);
    const all = goneAll.length > 0 ? mergeColumns(live, goneAll) : live;
    const wanted = cols && cols.length > 0 ? new Set(cols) : undefined;
    const columns = wanted ? all.filter((c) => wanted.has(columnKey(c))) : all;
    const rows = new Map<string, MatrixRow>();
    if (columns.length > 0) {
      for await (const batch of this.visibility.all(`${programQuery(programId)} AND ${anyColumn(columns)}`)) for (const r of batch) placeInto(rows, r, now);
      const shown = new Set(columns.map(columnKey));
      for (const r of goneAll) if (shown.has(columnKey(r))) placeInto(rows, r, now);
    }
    const sorted = [...rows.values()].sort(byUnitName);
    if (options.receipts) await this.withReceipts(programId, sorted.flatMap((r) => Object.values(r.cells)));
    return { columns, rows: sorted };
  }
}
