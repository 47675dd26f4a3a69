// One place that builds a dondoc worker, used by worker/main.ts and by the tests, so the
// tests run exactly the registration the real worker runs.
import { resolve } from 'node:path';
import { Worker, type NativeConnection, type WorkerOptions } from '@temporalio/worker';
import { createActivities, type ActivityDeps } from '../activities';
import type { WorkerTuning } from './tuning';

// The bundler compiles the TypeScript sources itself; no build step is needed.
export const workflowsPath = resolve(__dirname, '..', 'workflows', 'index.ts');

export interface DondocWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  deps: ActivityDeps;
  /** A prebuilt bundle (tests build one per suite); otherwise the worker bundles at start. */
  workflowBundle?: WorkerOptions['workflowBundle'];
  /** Cache size, concurrency and shutdown grace (worker/tuning.ts); absent: the SDK's defaults. */
  tuning?: WorkerTuning;
}

/**
 * Workflows kept in memory between tasks when the tuning says nothing (config/env.ts has the
 * same default). Bounded because memory, and the cost of creating each workflow's context in
 * the shared V8 context, grow with the number cached: with thousands of assignments cached,
 * creating one took over the SDK's 5 s limit on this machine.
 */
export const DEFAULT_MAX_CACHED_WORKFLOWS = 250;

export function createDondocWorker(options: DondocWorkerOptions): Promise<Worker> {
  return Worker.create({
    maxCachedWorkflows: DEFAULT_MAX_CACHED_WORKFLOWS,
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    ...(options.workflowBundle ? { workflowBundle: options.workflowBundle } : { workflowsPath }),
    activities: createActivities(options.deps),
    ...options.tuning,
  });
}
