// The sent ledger on the records database: every worker, on any host, sees the same rows,
// so a notice retried on another machine is found and not sent twice.
import { Context } from '@temporalio/activity';
import type { SentDetails, SentLedger, SentRecord } from '../sent-ledger';
import type { Records } from './records';

export class RecordsLedger implements SentLedger {
  constructor(private readonly records: Records) {}

  find(key: string): Promise<SentRecord | undefined> {
    return this.records.findNotice(key);
  }

  record(key: string, sent: SentRecord, details?: SentDetails): Promise<void> {
    // Without details (a caller that does not pass them) the row still guards the key;
    // the workflow id then comes from the calling activity (keys contain slashes, so it
    // cannot be cut from the key).
    return this.records.recordNotice({
      key,
      workflowId: details?.workflowId ?? callerWorkflowId() ?? '',
      kind: details?.kind ?? '',
      to: details?.to ?? [],
      cc: details?.cc ?? [],
      subject: details?.subject ?? '',
      messageId: sent.messageId,
      sentAt: sent.sentAt,
    });
  }
}

function callerWorkflowId(): string | undefined {
  try {
    return Context.current().info.workflowExecution?.workflowId;
  } catch {
    return undefined; // not inside an activity
  }
}
