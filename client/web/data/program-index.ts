// Which programs and which (item, period) columns exist, found through visibility alone.
// Counts cannot be grouped by a custom attribute on every visibility store, so each
// distinct value is found with one small query excluding those already found: the cost
// grows with the number of columns (tens), never with the number of units (thousands).
import { TtlCache } from './cache';
import { ASSIGNMENTS, columnClause, lit, programQuery, type Column } from './query';
import type { Visibility } from './visibility';

export interface ColumnInfo extends Column {
  /** The due of one of its assignments: occurrences share a due, so it places the column in time. */
  due: Date | undefined;
  itemTitle?: string;
}

/** Reads an item's title from one of its assignments when no memo carries it. */
export type TitleLookup = (workflowId: string) => Promise<string | undefined>;

// A title that takes longer still arrives for the next page view (the cached column is filled in).
const TITLE_WAIT_MS = 250;
const TITLE_TIMEOUT_MS = 3000;

function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  return Promise.race([promise.catch(() => undefined), new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), ms).unref())]);
}

const MAX_PROGRAMS = 200;
const MAX_COLUMNS = 300;
// The sequence is built to stay under visibility's query length limits.
const MAX_QUERY_LENGTH = 60_000;

export class ProgramIndex {
  private readonly programs = new TtlCache<string[]>(30_000, 4);
  private readonly columns = new TtlCache<ColumnInfo[]>(30_000);

  constructor(
    private readonly visibility: Visibility,
    private readonly titleOf?: TitleLookup,
  ) {}

  listPrograms(): Promise<string[]> {
    return this.programs.get('all', async () => {
      const found: string[] = [];
      while (found.length < MAX_PROGRAMS) {
        const exclude = found.length > 0 ? ` AND DondocProgram NOT IN (${found.map(lit).join(', ')})` : '';
        const page = await this.visibility.page(`${ASSIGNMENTS}${exclude}`, 1);
        const row = page.rows[0];
        if (!row || row.programId === '' || found.includes(row.programId)) break;
        found.push(row.programId);
      }
      return found.sort((a, b) => a.localeCompare(b, 'vi'));
    });
  }

  listColumns(programId: string): Promise<ColumnInfo[]> {
    return this.columns.get(programId, async () => {
      const base = programQuery(programId);
      const found: ColumnInfo[] = [];
      const samples: string[] = [];
      const clauses: string[] = [];
      while (found.length < MAX_COLUMNS) {
        const query = clauses.length > 0 ? `${base} AND NOT (${clauses.join(' OR ')})` : base;
        if (query.length > MAX_QUERY_LENGTH) break;
        const row = (await this.visibility.page(query, 1)).rows[0];
        // A row the exclusion did not exclude would repeat forever: stop instead.
        if (!row || found.some((c) => c.itemId === row.itemId && c.period === row.period)) break;
        const column: ColumnInfo = { itemId: row.itemId, period: row.period, due: row.due, ...(row.itemTitle ? { itemTitle: row.itemTitle } : {}) };
        found.push(column);
        samples.push(row.workflowId);
        clauses.push(columnClause(column));
      }
      // One status query per column (not per unit), bounded in time: a missing worker costs a
      // plain id in the heading, never a slow page.
      if (this.titleOf) {
        const lookups = found.map(async (c, i) => {
          if (c.itemTitle) return;
          const title = await within(this.titleOf!(samples[i]!), TITLE_TIMEOUT_MS);
          if (title) c.itemTitle = title;
        });
        await within(Promise.all(lookups), TITLE_WAIT_MS);
      }
      return found.sort((a, b) => (a.due?.getTime() ?? 0) - (b.due?.getTime() ?? 0) || a.itemId.localeCompare(b.itemId) || a.period.localeCompare(b.period));
    });
  }

  forget(): void {
    this.programs.clear();
    this.columns.clear();
  }
}
