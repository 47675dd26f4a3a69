// The activities every workflow calls, with one set of timeouts and retries. Activities
// are imported as types only: their code runs in the worker, outside the sandbox.
import { proxyActivities } from '@temporalio/workflow';
import type { createActivities } from '../activities';

type Activities = ReturnType<typeof createActivities>;

// SMTP relays of small offices can be slow or down for hours: retry for a long while, and
// rely on the stable Message-ID and the sent ledger so a retry never becomes a second notice.
const retry = { initialInterval: '10 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes', maximumAttempts: 20 } as const;

export const { sendNotice } = proxyActivities<Activities>({ startToCloseTimeout: '1 minute', retry });

// Large programs make large workbooks, and attachments make large messages.
export const { consolidateReport, forwardReport } = proxyActivities<Activities>({ startToCloseTimeout: '5 minutes', retry });

// Records database writes are small and idempotent; a database that is down for a while
// (PostgreSQL restarting) is waited for rather than lost: retried without limit.
export const { recordAssignment, recordOccurrence } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});
