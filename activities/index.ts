// Activities are built from injected dependencies, so tests can hand them a real SMTP
// sink or a fake, and the worker wires the configured ones (mailer, link builder).
import { createDeliverNotices, type NotifyDeps } from './notify/send-notice';
import { createAssignmentActivities } from './assignments';
import { createPlanActivities, programIndexesFor, type PlanDeps } from './plan';
import { createRecordActivities } from './records';
import { createScheduleActivities } from './schedule';
import { createReportActivities, type ReportDeps } from './reports';
import type { Records } from '../storage/records';

export type ActivityDeps = NotifyDeps &
  ReportDeps &
  PlanDeps & {
    /** The records database; the notice ledger is built on it (RecordsLedger) by the worker. */
    records?: Records;
  };

export function createActivities(deps: ActivityDeps) {
  const programs = programIndexesFor(deps);
  return {
    deliverNotices: createDeliverNotices(deps),
    ...createScheduleActivities(),
    ...createPlanActivities(programs),
    ...createAssignmentActivities(programs),
    ...createReportActivities(deps),
    ...createRecordActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
