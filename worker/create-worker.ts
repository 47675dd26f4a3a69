// One place that builds a dondoc worker, used by worker/main.ts and by the tests, so the
// tests run exactly the registration the real worker runs.
import { resolve } from 'node:path';
import { Worker, type NativeConnection, type WorkerOptions } from '@temporalio/worker';
import { createActivities, type ActivityDeps } from '../activities';
import { DEFAULT_MAX_CACHED_WORKFLOWS } from '../config/env';
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
