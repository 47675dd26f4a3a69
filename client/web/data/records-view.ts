// The records database as the web reads it beside Temporal. Temporal visibility lists live
// work and closed work until the namespace retention deletes it; the records database keeps
// every assignment for good. A program's rows are merged by assignment id: what visibility
// still lists is read from visibility (the live state), the rest — closed work Temporal has
// forgotten — from the records database, marked as such.
import type { Records } from '../../../storage/records';
import { listRecordedOccurrences, listRecordedPrograms, listRecordedRows, listUndeliverable, recordedProgress, type RecordedOccurrenceRow, type RecordedProgress, type RecordedRow, type UndeliverableRow } from '../../../storage/records/readers';
import { TtlCache } from './cache';
import { cyclesQuery } from './occurrences';
import { programQuery } from './query';
import type { AssignmentRow, OccurrenceRow, Visibility } from './visibility';

// Short: a page right after a deletion or a closing write shows it within seconds.
const TTL_MS = 5_000;

export class RecordsView {
  private readonly visible = new TtlCache<Set<string>>(TTL_MS, 50);
  private readonly rows = new TtlCache<RecordedRow[]>(TTL_MS, 50);
  private readonly visibleCycles = new TtlCache<Set<string>>(TTL_MS, 50);

  constructor(
    readonly records: Records,
    private readonly visibility: Visibility,
  ) {}

  /** Every workflow id visibility lists for the program, running or closed. */
  private visibleIds(programId: string): Promise<Set<string>> {
    return this.visible.get(programId, async () => {
      const ids = new Set<string>();
      for await (const batch of this.visibility.all(programQuery(programId))) for (const r of batch) ids.add(r.workflowId);
      return ids;
    });
  }

  programs(): Promise<string[]> {
    return listRecordedPrograms(this.records.db);
  }

  /** The program's assignments as the records database has them (with receipt numbers). */
  recorded(programId: string): Promise<RecordedRow[]> {
    return this.rows.get(programId, () => listRecordedRows(this.records.db, programId));
  }

  /** Assignments of the program that Temporal no longer lists: read from the records database only. */
  async gone(programId: string): Promise<RecordedRow[]> {
    const [rows, visible] = await Promise.all([this.recorded(programId), this.visibleIds(programId)]);
    return rows.filter((r) => !visible.has(r.workflowId));
  }

  /** Receipt numbers by assignment id, for every assignment the records database knows. */
  async receipts(programId: string): Promise<Map<string, string>> {
    const rows = await this.recorded(programId);
    return new Map(rows.flatMap((r) => (r.receiptNumber ? [[r.workflowId, r.receiptNumber] as const] : [])));
  }

  /** Report cycles and tasks of the program that Temporal no longer lists, from their records. */
  async goneOccurrences(programId: string): Promise<OccurrenceRow[]> {
    const [rows, visible] = await Promise.all([
      listRecordedOccurrences(this.records.db, programId),
      this.visibleCycles.get(programId, async () => {
        const ids = new Set<string>();
        let token: string | undefined;
        do {
          const page = await this.visibility.occurrences(cyclesQuery(programId), 1000, token);
          for (const r of page.rows) ids.add(r.workflowId);
          token = page.next;
        } while (token);
        return ids;
      }),
    ]);
    return rows.filter((o) => !visible.has(o.id)).map((o) => recordedOccurrenceRow(programId, o));
  }

  progress(ids: string[]): Promise<Map<string, RecordedProgress>> {
    return recordedProgress(this.records.db, ids);
  }

  undeliverable(programId: string): Promise<UndeliverableRow[]> {
    return listUndeliverable(this.records.db, programId);
  }

  forget(): void {
    this.visible.clear();
    this.visibleCycles.clear();
    this.rows.clear();
  }
}

/** A records row in the shape of a visibility row, marked as read from the records database. */
export function recordedAssignmentRow(r: RecordedRow): AssignmentRow {
  const due = new Date(r.dueAt);
  return {
    workflowId: r.workflowId,
    programId: r.programId,
    itemId: r.itemId,
    period: r.period,
    unitId: r.unitId,
    status: r.status,
    due: Number.isNaN(due.getTime()) ? undefined : due,
    running: false,
    unitName: r.unitName,
    itemTitle: r.itemTitle,
    source: 'records',
    ...(r.receiptNumber ? { receiptNumber: r.receiptNumber } : {}),
  };
}

/** A cycle's record in the shape of a visibility row (its id is `<program>/<item>/<period>`). */
function recordedOccurrenceRow(programId: string, o: RecordedOccurrenceRow): OccurrenceRow {
  const rest = o.id.slice(programId.length + 1);
  const updated = new Date(o.updatedAt);
  return {
    workflowId: o.id,
    workflowType: 'reportCycleWorkflow',
    programId,
    itemId: rest.split('/')[0] ?? '',
    period: o.periodLabel,
    phase: o.phase,
    running: false,
    startedAt: undefined,
    closedAt: o.closed && !Number.isNaN(updated.getTime()) ? updated : undefined,
    itemTitle: o.itemTitle,
    source: 'records',
  };
}
