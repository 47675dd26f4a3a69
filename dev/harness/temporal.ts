// Real Temporal servers for tests: the time-skipping test server for long timers and the
// CLI dev server for end-to-end runs, both from the pinned binaries (dev/tools.ts).
import { randomUUID } from 'node:crypto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, DefaultLogger, Runtime, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { registerSearchAttributes } from '../../client/search-attributes';
import { temporalCliPath, temporalTestServerPath } from '../../dev/tools';
import { workflowsPath } from '../../worker/create-worker';
import { DUE, ITEM, PENDING, PERIOD, PROGRAM, STATUS, UNIT } from '../../workflows/search-attributes';

// Workers log every state change at INFO; tests only need warnings and errors. The runtime
// can be installed once per process, and vitest may run several files in one.
try {
  Runtime.install({ logger: new DefaultLogger('WARN') });
} catch {
  // already installed by an earlier test file in this process
}

export async function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: temporalTestServerPath() } },
  });
  await registerSearchAttributes(env.connection, env.namespace ?? 'default');
  return env;
}

/** `dbFilename`: keep the server's state in SQLite there (as `npm start` does); absent, in memory. */
export async function createDevServerEnv(options: { dbFilename?: string } = {}): Promise<TestWorkflowEnvironment> {
  // The dev server binds free ports it picked a moment earlier; with test files running in
  // parallel another process can take one in between. Such a start is tried again.
  for (let attempt = 1; ; attempt++) {
    try {
      return await TestWorkflowEnvironment.createLocal({
        server: {
          executable: { type: 'existing-path', path: temporalCliPath() },
          searchAttributes: [PROGRAM, ITEM, PERIOD, UNIT, STATUS, DUE, PENDING],
          log: { format: 'pretty', level: 'error' },
          ...(options.dbFilename ? { dbFilename: options.dbFilename } : {}),
        },
      });
    } catch (err) {
      if (attempt >= 3) throw err;
    }
  }
}

let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;

/** One workflow bundle per test file (bundling takes seconds; every worker can share it). */
export function workflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  bundle ??= bundleWorkflowCode({ workflowsPath, logger: { trace() {}, debug() {}, info() {}, warn() {}, error: console.error, log() {} } as never });
  return bundle;
}

export const uniqueQueue = (name: string) => `${name}-${randomUUID().slice(0, 8)}`;
