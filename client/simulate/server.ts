// The time-skipping test server from the pinned binary, its wall clock held at the instant the
// simulation starts (see clock-shim.ts), with dondoc's search attributes registered.
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { registerSearchAttributes } from '../search-attributes';
import { temporalTestServerPath } from '../../dev/tools';
import { clockShimPath, CLOCK_VAR } from './clock-shim';

/** Starts the server so that its clock reads exactly `startMs` and moves only by skipping. */
export async function startSimulatedServer(startMs: number): Promise<TestWorkflowEnvironment> {
  const path = temporalTestServerPath();
  const shim = clockShimPath();
  // The SDK spawns the server with this process's environment; the variables are put back
  // at once so nothing else this process starts inherits them.
  const saved = { preload: process.env.LD_PRELOAD, clock: process.env[CLOCK_VAR] };
  let env: TestWorkflowEnvironment;
  try {
    process.env.LD_PRELOAD = [shim, saved.preload].filter(Boolean).join(' ');
    process.env[CLOCK_VAR] = String(Math.round(startMs));
    env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path } } });
  } finally {
    restore('LD_PRELOAD', saved.preload);
    restore(CLOCK_VAR, saved.clock);
  }
  try {
    // Without the shim (a system that ignores LD_PRELOAD) the server would run on the wall
    // clock, and could stop as described in clock-shim.ts: refuse to run rather than risk it.
    const now = await env.currentTimeMs();
    if (Math.abs(now - startMs) > 60_000) {
      throw new Error(
        `máy chủ thử không nhận giờ mô phỏng (the test server ignored the clock shim: it reads ${new Date(now).toISOString()}, expected ${new Date(startMs).toISOString()}; LD_PRELOAD must work on this system)`,
      );
    }
    await registerSearchAttributes(env.connection, env.namespace ?? 'default');
  } catch (err) {
    await env.teardown();
    throw err;
  }
  return env;
}

function restore(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}
