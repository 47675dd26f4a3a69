// How much one worker process takes on at once, from the environment. The defaults and why
// they are what they are: README "Running in production" (worker tuning).
import type { WorkerOptions } from '@temporalio/worker';
import type { Env } from '../config/env';

export type WorkerTuning = Pick<WorkerOptions, 'maxCachedWorkflows' | 'maxConcurrentActivityTaskExecutions' | 'maxConcurrentWorkflowTaskExecutions' | 'shutdownGraceTime' | 'shutdownForceTime'>;

export function workerTuning(
  env: Pick<Env, 'DONDOC_MAX_CACHED_WORKFLOWS' | 'DONDOC_MAX_CONCURRENT_ACTIVITIES' | 'DONDOC_MAX_CONCURRENT_WORKFLOW_TASKS' | 'DONDOC_SHUTDOWN_GRACE_SECONDS'>,
): WorkerTuning {
  return {
    // Bounded, so memory does not grow with the number of live assignments (~1.7 MB each).
    maxCachedWorkflows: env.DONDOC_MAX_CACHED_WORKFLOWS,
    maxConcurrentActivityTaskExecutions: env.DONDOC_MAX_CONCURRENT_ACTIVITIES,
    maxConcurrentWorkflowTaskExecutions: env.DONDOC_MAX_CONCURRENT_WORKFLOW_TASKS,
    // On SIGTERM, running sends and report builds get this long to finish before they are cancelled.
    shutdownGraceTime: `${env.DONDOC_SHUTDOWN_GRACE_SECONDS}s`,
  };
}
