// Activities are built from injected dependencies, so tests can hand them a real SMTP
// sink or a fake, and the worker wires the configured ones (mailer, link builder).
import { createSendNotice, type NotifyDeps } from './notify/send-notice';
import { createRecordActivities } from './records';
import { createReportActivities, type ReportDeps } from './reports';
import type { Records } from '../storage/records';

export type ActivityDeps = NotifyDeps &
  ReportDeps & {
    /** The records database; the notice ledger is built on it (RecordsLedger) by the worker. */
    records?: Records;
  };

export function createActivities(deps: ActivityDeps) {
  return {
    sendNotice: createSendNotice(deps),
    ...createReportActivities(deps),
    ...createRecordActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
