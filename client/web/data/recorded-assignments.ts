// The assignments reader every route uses, with the records database behind Temporal: an
// assignment whose execution Temporal has forgotten (retention ran out, or it was deleted)
// is read from its record — read-only, marked as such — instead of "not found". The id asked
// for is the only one read, so a unit link still reaches only its own assignment.
import type { Client } from '@temporalio/client';
import type { Records } from '../../../storage/records';
import { recordedProgress } from '../../../storage/records/readers';
import type { AssignmentState } from '../../../workflows/assignment/messages';
import { DeadlineAssignments } from '../deadlines';
import type { Outcome } from './assignments';

/** An assignment as a page shows it: the workflow's live state, or its record. */
export type ShownAssignment = AssignmentState & { source?: 'records' };

/** What a page says about where its data came from; undefined when live and recorded agree. */
export type RecordsNote = 'from-records' | 'record-pending';

export class RecordedAssignments extends DeadlineAssignments {
  constructor(
    client: Client,
    private readonly records: Records | undefined,
  ) {
    super(client);
  }

  override async state(workflowId: string): Promise<Outcome<ShownAssignment>> {
    const live = await super.state(workflowId);
    if (live.ok || live.kind !== 'not-found' || !this.records) return live;
    let record;
    try {
      record = await this.records.getAssignment(workflowId);
    } catch (err) {
      // The records database is down: "try later", as when Temporal is.
      return { ok: false, kind: 'unavailable', message: `records database: ${(err as Error).message.split('\n')[0] ?? ''}` };
    }
    if (!record) return live;
    const { version: _v, closed: _c, updatedAt: _u, deliveryFailures, ...state } = record;
    return { ok: true, value: { ...state, deliveryFailures: deliveryFailures.map(({ workflowId: _w, ...f }) => f), source: 'records' } };
  }

  /**
   * Whether the page must say where its data comes from: read from the records database, or
   * live while the records database has not yet caught up with a change (its write is being
   * retried: a submission, a decision or the closing not recorded yet).
   */
  async note(state: ShownAssignment, now = Date.now()): Promise<RecordsNote | undefined> {
    if (state.source === 'records') return 'from-records';
    if (!this.records) return undefined;
    // The write follows each change within moments; only a gap that outlasts that is news.
    if (now - lastChange(state) < PENDING_AFTER_MS) return undefined;
    // A note is not worth a failed page: without an answer from the database, none is shown.
    const progress = await recordedProgress(this.records.db, [state.workflowId]).then(
      (found) => found.get(state.workflowId),
      () => 'unknown' as const,
    );
    if (progress === 'unknown') return undefined;
    if (!progress) return 'record-pending';
    return progress.status !== state.status || progress.submissions < state.submissions.length || progress.reviews < state.reviews.length ? 'record-pending' : undefined;
  }
}

/** How long a live change may go unrecorded before a page says so (a write and a retry or two). */
export const PENDING_AFTER_MS = 30_000;

/** The time of the latest change a unit or the office made, as the state records it. */
function lastChange(state: AssignmentState): number {
  const times = [
    ...state.submissions.map((s) => s.receivedAt),
    ...state.reviews.map((r) => r.at),
    ...state.extensions.map((e) => e.at),
    ...state.requests.flatMap((r) => [r.requestedAt, r.decidedAt ?? r.requestedAt]),
    ...state.notices.map((n) => n.sentAt ?? ''),
  ].map((t) => Date.parse(t)).filter((t) => !Number.isNaN(t));
  return times.length > 0 ? Math.max(...times) : 0;
}
