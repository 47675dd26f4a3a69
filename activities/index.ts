// Activities are built from injected dependencies, so tests can hand them a real SMTP
// sink or a fake, and the worker wires the configured ones.
import { createSendNotice, type NotifyDeps } from './notify/send-notice';

export type ActivityDeps = NotifyDeps;

export function createActivities(deps: ActivityDeps) {
  return {
    sendNotice: createSendNotice(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
