// Activities that write the workflows' state to the records database. Thin: the records
// module does the idempotent work (version-guarded upsert, insert-once child rows), so a
// retried activity writes nothing twice. A worker without a records database (a test that
// does not need one) accepts the calls and says in its debug log that nothing was kept.
import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import type { AssignmentSnapshot, OccurrenceSnapshot, Records } from '../../storage/records';
import type { OccurrenceRowsWrite } from '../../storage/records/occurrence-rows';
import type { CycleRow } from '../../workflows/report-cycle/messages';

export interface RecordDeps {
  records?: Records;
}

function debug(message: string, attrs: Record<string, unknown>): void {
  try {
    Context.current().log.debug(message, attrs);
  } catch {
    // called outside an activity (a unit test): nothing to log to
  }
}

export function createRecordActivities(deps: RecordDeps) {
  return {
    async recordAssignment(snapshot: AssignmentSnapshot): Promise<void> {
      if (!deps.records) {
        debug('no records database configured: assignment state not recorded', { workflowId: snapshot.workflowId, version: snapshot.version });
        return;
      }
      await deps.records.writeAssignment(snapshot);
    },
    async recordOccurrence(snapshot: OccurrenceSnapshot): Promise<void> {
      if (!deps.records) {
        debug('no records database configured: occurrence state not recorded', { occurrenceId: snapshot.occurrenceId, version: snapshot.version });
        return;
      }
      await deps.records.writeOccurrence(snapshot);
    },
    /** The occurrence's changed rows. Their only home: without a database, fail and be retried. */
    async recordOccurrenceRows(write: OccurrenceRowsWrite): Promise<void> {
      await requireRecords(deps).writeOccurrenceRows(write);
    },
    /** A page of the rows an occurrence wrote, for its next run after a continue-as-new. */
    async occurrenceRows(args: { occurrenceId: string; offset: number; limit: number }): Promise<{ rows: CycleRow[]; total: number }> {
      return requireRecords(deps).readOccurrenceRows(args.occurrenceId, args.offset, args.limit);
    },
  };
}

/**
 * Report cycles keep their unit rows in the records database (a table of 3,400 units does not
 * fit a Temporal payload): a worker without one cannot run them. Retryable, so the cycle
 * waits (visible as a failing activity) until a worker with a database picks it up.
 */
export function requireRecords(deps: RecordDeps): Records {
  if (!deps.records) throw ApplicationFailure.retryable('worker chưa cấu hình cơ sở dữ liệu hồ sơ (no records database configured)', 'NoRecordsDatabase');
  return deps.records;
}
