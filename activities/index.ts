// Activities are built from injected dependencies, so tests can hand them a real SMTP
// sink or a fake, and the worker wires the configured ones (mailer, link builder).
import { createSendNotice, type NotifyDeps } from './notify/send-notice';
import { createReportActivities, type ReportDeps } from './reports';

export type ActivityDeps = NotifyDeps & ReportDeps;

export function createActivities(deps: ActivityDeps) {
  return {
    sendNotice: createSendNotice(deps),
    ...createReportActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
