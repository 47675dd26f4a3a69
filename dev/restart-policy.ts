// When `npm start` restarts a child that died, and when it gives up. Pure, so the policy is
// tested without processes: exponential backoff (1 s, 2 s, 4 s … capped at 30 s) that
// starts over once a child has run long enough to count as healthy, and a stop when a child
// keeps failing (too many failures within a sliding window), because restarting something
// that cannot start only hides the cause in a loop.

export interface RestartPolicyOptions {
  initialDelayMs: number;
  maxDelayMs: number;
  /** Failures within `windowMs` that stop the stack. */
  maxFailures: number;
  windowMs: number;
  /** A child that ran this long before dying starts its backoff over. */
  healthyAfterMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicyOptions = {
  initialDelayMs: 1_000,
  maxDelayMs: 30_000,
  maxFailures: 5,
  windowMs: 120_000,
  healthyAfterMs: 60_000,
};

export type RestartDecision =
  | { action: 'restart'; delayMs: number; failuresInWindow: number }
  | { action: 'give-up'; failuresInWindow: number };

export class RestartPolicy {
  private readonly failures: number[] = [];
  private consecutive = 0;

  constructor(private readonly options: RestartPolicyOptions = DEFAULT_RESTART_POLICY) {}

  /** A child that started at `startedAt` died at `now`: restart it after a delay, or give up. */
  onExit(startedAt: number, now: number): RestartDecision {
    const { initialDelayMs, maxDelayMs, maxFailures, windowMs, healthyAfterMs } = this.options;
    if (now - startedAt >= healthyAfterMs) this.consecutive = 0;
    this.consecutive++;
    this.failures.push(now);
    while (this.failures.length > 0 && this.failures[0]! <= now - windowMs) this.failures.shift();
    const failuresInWindow = this.failures.length;
    if (failuresInWindow >= maxFailures) return { action: 'give-up', failuresInWindow };
    const delayMs = Math.min(maxDelayMs, initialDelayMs * 2 ** (this.consecutive - 1));
    return { action: 'restart', delayMs, failuresInWindow };
  }
}
