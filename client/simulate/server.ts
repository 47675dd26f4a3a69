// The time-skipping test server from the pinned binary, its clock set to the instant the
// simulation starts (see clock-shim.ts), with dondoc's search attributes registered.
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { registerSearchAttributes } from '../search-attributes';
import { temporalTestServerPath } from '../../dev/tools';
import { clockShimPath, OFFSET_VAR } from './clock-shim';

/** Starts the server so that its clock reads about `startMs` (a few ms later) right away. */
export async function startSimulatedServer(startMs: number): Promise<TestWorkflowEnvironment> {
  const path = temporalTestServerPath();
  const offset = startMs - Date.now();
  // The SDK spawns the server with this process's environment; the variables are put back
  // at once so nothing else this process starts inherits them.
  const saved = { preload: process.env.LD_PRELOAD, offset: process.env[OFFSET_VAR] };
  let env: TestWorkflowEnvironment;
  try {
    if (offset < 0) {
      process.env.LD_PRELOAD = [clockShimPath(), saved.preload].filter(Boolean).join(' ');
      process.env[OFFSET_VAR] = String(offset);
    }
    env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path } } });
  } finally {
    restore('LD_PRELOAD', saved.preload);
    restore(OFFSET_VAR, saved.offset);
  }
  try {
    await registerSearchAttributes(env.connection, env.namespace ?? 'default');
    // A start in the future: the server begins at today and skips forward to it.
    const now = await env.currentTimeMs();
    if (startMs > now) await env.sleep(startMs - now);
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
