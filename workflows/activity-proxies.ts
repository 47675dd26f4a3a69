// The activities every workflow calls, with one set of timeouts and retries. Activities
// are imported as types only: their code runs in the worker, outside the sandbox.
import { proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { createActivities } from '../activities';

type Activities = ReturnType<typeof createActivities>;

// SMTP relays of small offices can be slow or down for hours. A permanent refusal comes back
// as data (never a failed workflow); an outage is retried for as long as it lasts, backing off
// to one try every 10 minutes. The stable Message-ID and the sent ledger make a retry safe.
const untilDelivered = { initialInterval: '10 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' } as const;

export const { deliverNotices } = proxyActivities<Activities>({ startToCloseTimeout: '2 minutes', retry: untilDelivered });

// Large programs make large workbooks, and attachments make large messages.
export const { consolidateReport, forwardReport } = proxyActivities<Activities>({ startToCloseTimeout: '5 minutes', retry: untilDelivered });

// Pure computations on the calendar: quick, local, recorded in the history as markers.
export const { scheduleRound, resubmitDue } = proxyLocalActivities<Activities>({ startToCloseTimeout: '30 seconds' });

// The plan is compiled in the worker; a national program takes seconds to compile.
export const { planProgram, occurrenceInput } = proxyActivities<Activities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '2 seconds', maximumInterval: '1 minute' },
});

// Records database writes are small and idempotent; a database that is down for a while
// (PostgreSQL restarting) is waited for rather than lost: retried without limit.
export const { recordAssignment, recordOccurrence, recordOccurrenceRows, occurrenceRows } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

// Assignments are started, changed and withdrawn by activities, a page at a time; the server
// being busy or a previous run still closing is waited out.
export const { startAssignments, reconfigureAssignments, cancelAssignments } = proxyActivities<Activities>({
  startToCloseTimeout: '2 minutes',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '2 seconds', maximumInterval: '1 minute' },
});
