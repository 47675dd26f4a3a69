// The assignments an occurrence follows (a report cycle's units, a campaign's plans, an
// inspection's remediations): started, changed and withdrawn by activities a page at a time,
// followed through the summaries each assignment signals. Not child workflows: Temporal
// allows 2,000 pending children per execution and an assignment stays open for weeks, so a
// cycle of 3,400 units could not hold them; signals reach the occurrence by workflow id,
// whichever run it is on after a continue-as-new. Rows live in the occurrence's state (what
// queries show); a report cycle also writes the changed ones to the records database
// (takeChanged), which its consolidation and its next run read instead of a payload.
import { workflowInfo } from '@temporalio/workflow';
import type { AssignmentSet, RowSeed } from '../../contract/assignments';
import type { AssignmentInput } from '../assignment/messages';
import { cancelAssignments, reconfigureAssignments, startAssignments } from '../activity-proxies';
import type { AssignmentSummary, ChildAssignmentRow } from '../assignment/messages';

/** A followed assignment without report figures (campaign plans, inspection remediations). */
export type TrackedRow = Omit<ChildAssignmentRow, 'indicators' | 'note'>;

/** Entries started per activity: a page of seeds stays near 15 KB, of inline inputs near 60 KB. */
const SOURCE_PAGE = 100;
const INLINE_PAGE = 50;

export interface TrackerOptions<R> {
  /** Called after every change, so the workflow's main loop can wake up. */
  changed: () => void;
  /** Nothing more is expected from this row (counted as rows change, never by a scan). */
  settled?: (row: R) => boolean;
  /** Rows carry the units' report figures (indicators, note). */
  figures: boolean;
  /** Starts made before a continue-as-new: tokens stay unique across runs. */
  starts?: number;
  /**
   * Rows show the open stages (overdue, escalated), so assignments signal them too; without
   * it they signal only what the occurrence reads (a report, a decision, a moved due, closing).
   */
  stages?: boolean;
}

export class AssignmentTracker<R extends TrackedRow = TrackedRow> {
  private startCount: number;
  // A signal handler runs once per summary and the main loop's conditions are checked after
  // each: with thousands of rows, a lookup or a count by scanning them would make a workflow
  // task quadratic (seconds of CPU at 2,500 units). Rows are indexed and counted instead.
  private readonly index = new Map<string, R>();
  private open = 0;
  private unsettled = 0;
  /** Each row's place in `rows` (rows are only ever appended). */
  private readonly positions = new Map<string, number>();
  /** Rows changed since the owner last took them (takeChanged), to write them and no others. */
  private readonly changedIds = new Set<string>();

  constructor(
    readonly rows: R[],
    private readonly options: TrackerOptions<R>,
  ) {
    this.startCount = options.starts ?? 0;
    // Rows given here (carried inline by a run of an earlier release) were never written.
    for (const r of rows) this.add(r, true);
  }

  private add(r: R, changed: boolean): void {
    this.positions.set(r.assignmentId, this.index.size);
    this.index.set(r.assignmentId, r);
    this.count(r, 1);
    if (changed) this.changedIds.add(r.assignmentId);
  }

  /** Rows read back from where they were written (after a continue-as-new): nothing to write. */
  restore(rows: R[]): void {
    for (const r of rows) {
      if (this.index.has(r.assignmentId)) continue;
      this.rows.push(r);
      this.add(r, false);
    }
    if (rows.length > 0) this.options.changed();
  }

  hasChanged(): boolean {
    return this.changedIds.size > 0;
  }

  /** The rows changed since the last call, with their places, and forgets them. */
  takeChanged(): { position: number; row: R }[] {
    const out = [...this.changedIds].map((id) => ({ position: this.positions.get(id)!, row: this.index.get(id)! }));
    this.changedIds.clear();
    return out.sort((a, b) => a.position - b.position);
  }

  private isSettled(r: R): boolean {
    return r.closed || (this.options.settled?.(r) ?? false);
  }

  private count(r: R, sign: 1 | -1): void {
    if (!r.closed) this.open += sign;
    if (!this.isSettled(r)) this.unsettled += sign;
  }

  /** Changes a row, keeping the counts right. */
  private update(r: R, change: () => void): void {
    this.count(r, -1);
    change();
    this.count(r, 1);
    this.changedIds.add(r.assignmentId);
  }

  /** Carried by a continue-as-new. */
  get starts(): number {
    return this.startCount;
  }

  row(id: string): R | undefined {
    return this.index.get(id);
  }

  /** Every row not withdrawn. */
  live(): R[] {
    return this.rows.filter((r) => !r.removed);
  }

  allClosed(): boolean {
    return this.open === 0;
  }

  /** Every row closed or settled (and at least one row). */
  allSettled(): boolean {
    return this.rows.length > 0 && this.unsettled === 0;
  }

  private parent() {
    this.startCount++;
    return {
      workflowId: workflowInfo().workflowId,
      token: `${workflowInfo().firstExecutionRunId.slice(0, 8)}.${this.startCount}`,
      ...(this.options.stages ? { stages: true } : {}),
    };
  }

  private seed(seeds: RowSeed[], token: string): void {
    for (const s of seeds) {
      const fresh = { ...s, status: 'requested', round: 1, late: false, closed: false, token, ...(this.options.figures ? { indicators: {} } : {}) } as TrackedRow;
      const existing = this.row(s.assignmentId);
      if (existing) {
        // A unit removed and added back: the row is reused, its old facts dropped.
        this.update(existing, () => {
          for (const key of ['receiptNumber', 'submittedAt', 'removed', 'note'] as const) delete (existing as Partial<ChildAssignmentRow>)[key];
          Object.assign(existing, fresh);
        });
      } else {
        this.rows.push(fresh as R);
        this.add(fresh as R, true);
      }
    }
    if (seeds.length > 0) this.options.changed();
  }

  /**
   * Asks every assignment of the set still due after now, a page at a time; with `window`,
   * that many pages at once after the first (which tells how many there are), as in the
   * batch-sliding-window sample: at 3,400 units one page after another took minutes.
   * Rows are seeded in page order whatever order the pages finish in.
   */
  async start(set: AssignmentSet<AssignmentInput>, window = 1): Promise<void> {
    const parent = this.parent();
    const inline = 'assignments' in set ? set.assignments : undefined;
    const limit = inline ? INLINE_PAGE : SOURCE_PAGE;
    const dueAfter = Date.now();
    const startPage = (offset: number) =>
      inline
        ? startAssignments({ set: { assignments: inline.slice(offset, offset + limit) }, offset: 0, limit, parent, dueAfter })
        : startAssignments({ set, offset, limit, parent, dueAfter });
    if (window <= 1) {
      for (let offset = 0; ; offset += limit) {
        const page = await startPage(offset);
        this.seed(page.started, parent.token);
        if (offset + limit >= (inline ? inline.length : page.total)) break;
      }
      return;
    }
    const first = await startPage(0);
    this.seed(first.started, parent.token);
    const total = inline ? inline.length : first.total;
    for (let offset = limit; offset < total; offset += limit * window) {
      const offsets = Array.from({ length: window }, (_, i) => offset + i * limit).filter((o) => o < total);
      const pages = await Promise.all(offsets.map(startPage));
      for (const page of pages) this.seed(page.started, parent.token);
    }
  }

  /** A re-applied program: new units asked, withdrawn ones cancelled, moved dues re-armed. */
  async reconfigure(before: AssignmentSet<AssignmentInput>, after: AssignmentSet<AssignmentInput>, reason: string): Promise<void> {
    const parent = this.parent();
    const removed = this.rows.filter((r) => r.removed).map((r) => r.assignmentId);
    for (let offset = 0; ; offset += SOURCE_PAGE) {
      const page = await reconfigureAssignments({ before, after, offset, limit: SOURCE_PAGE, parent, dueAfter: Date.now(), removed, reason });
      this.seed(page.started, parent.token);
      this.markRemoved(page.removed);
      if (offset + SOURCE_PAGE >= page.total) break;
    }
  }

  /** The program no longer asks these units: each is told, then says so with a last summary. */
  async cancel(ids: string[]): Promise<void> {
    const open = ids.filter((id) => this.row(id)?.closed === false);
    this.markRemoved(open);
    for (let i = 0; i < open.length; i += SOURCE_PAGE) {
      const { closed } = await cancelAssignments({ ids: open.slice(i, i + SOURCE_PAGE) });
      this.markClosed(closed);
    }
  }

  /** The occurrence itself is cancelled: every open assignment with it. */
  async cancelAll(): Promise<void> {
    await this.cancel(this.rows.filter((r) => !r.closed).map((r) => r.assignmentId));
  }

  private markRemoved(ids: string[]): void {
    for (const id of ids) {
      const r = this.row(id);
      if (!r) continue;
      r.removed = true;
      this.changedIds.add(id);
    }
    if (ids.length > 0) this.options.changed();
  }

  private markClosed(ids: string[]): void {
    for (const id of ids) {
      const r = this.row(id);
      if (r) this.update(r, () => (r.closed = true));
    }
    if (ids.length > 0) this.options.changed();
  }

  /** An assignment's summary signal; false when it is not about one of these rows (or an old run). */
  apply(summary: AssignmentSummary): boolean {
    const r = this.row(summary.assignmentId);
    if (!r || (summary.token !== undefined && r.token !== undefined && summary.token !== r.token)) return false;
    this.update(r, () => Object.assign(r, {
      status: summary.status,
      dueAt: summary.dueAt,
      round: summary.round,
      late: summary.late,
      ...(summary.receiptNumber ? { receiptNumber: summary.receiptNumber } : {}),
      ...(summary.submittedAt ? { submittedAt: summary.submittedAt } : {}),
      ...(summary.closed ? { closed: true } : {}),
      ...(this.options.figures ? { indicators: summary.indicators, ...(summary.note ? { note: summary.note } : {}) } : {}),
    }));
    this.options.changed();
    return true;
  }
}
