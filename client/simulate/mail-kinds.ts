// Which plan events send mail. THE one list: the oracle test (plan vs sent), `simulate`'s
// summary and anyone asking "what will my units receive" read it from here.
import type { EventKind, PlannedEvent } from '../../program/plan-types';

/**
 * A plan event of these kinds is fulfilled by an email sent at the event's instant, by a
 * timer, whatever the units do (the simulated office and chair do their part):
 * - request: the request to the unit;
 * - reminder: each reminder to the unit; visit-reminder: the working day before an inspection visit;
 * - escalation: each rung of the ladder (unit head, office, chair) while nothing is submitted;
 * - notice: the inspection notice to the inspected unit;
 * - launch, check-in: the campaign's notices, one to each assignee;
 * - consolidation: the consolidated report to the standing office, at the consolidation
 *   deadline when some unit has not settled (earlier, when all have, is an answer to them).
 * Not mail at their instant, because they are deadlines whose mail answers someone's act:
 * `due` and `plans-due` (what follows them is an escalation), `visit` (the inspectors go
 * there), `findings` (the office's own deadline to record them), `campaign-end` (the window
 * closes; the results are a report of their own), `approval` (the chair's deadline: the
 * request to approve goes with the consolidation, "hạn phê duyệt" in the plan) and `forward`
 * (the deadline to send upward: the report goes when the chair approves).
 */
export const MAIL_SENDING_KINDS: ReadonlySet<EventKind> = new Set<EventKind>([
  'request',
  'reminder',
  'visit-reminder',
  'escalation',
  'notice',
  'launch',
  'check-in',
  'consolidation',
]);

export const sendsMail = (e: Pick<PlannedEvent, 'kind'>): boolean => MAIL_SENDING_KINDS.has(e.kind);

/** Events sent as one message per assignee rather than one message in all. */
export const FANS_OUT = (e: Pick<PlannedEvent, 'audience'>): boolean => e.audience === 'assignees';
