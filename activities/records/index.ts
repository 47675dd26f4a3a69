// Activities that write the workflows' state to the records database. Thin: the records
// module does the idempotent work (version-guarded upsert, insert-once child rows), so a
// retried activity writes nothing twice. A worker without a records database (a test that
// does not need one) accepts the calls and says in its debug log that nothing was kept.
import { Context } from '@temporalio/activity';
import type { AssignmentSnapshot, OccurrenceSnapshot, Records } from '../../storage/records';

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
  };
}
