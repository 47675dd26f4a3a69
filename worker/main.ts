// The dondoc worker process: connects to Temporal (TLS, mTLS or an API key as configured),
// runs the workflows and the activities (email through the configured SMTP relay), logs one
// line per event, serves metrics and a health endpoint when asked, and drains in-flight
// tasks on SIGINT/SIGTERM.
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { NativeConnection } from '@temporalio/worker';
import { createLinkBuilder } from '../auth/links';
import { loadSecret } from '../auth/secret';
import { loadEnv, redactUrl } from '../config/env';
import { createMailer } from '../activities/notify/mailer';
import { describeTemporalSecurity, temporalConnectionOptions } from '../client/temporal';
import { FileStore } from '../storage/file-store';
import { openRecords, RecordsLedger, type Records } from '../storage/records';
import { createDondocWorker } from './create-worker';
import { startHealthServer } from './health';
import { createLogger } from './log';
import { installRuntime } from './telemetry';
import { workerTuning } from './tuning';
import { heapLimitMb, uncappedHeapWarning } from './heap';

async function main(): Promise<void> {
  const env = loadEnv();
  const log = createLogger(env.DONDOC_LOG_FORMAT);
  // The SDK labels its metrics with the namespace and task queue itself: no global tags
  // (repeating those labels would make the exposition invalid).
  installRuntime({ logger: log, ...(env.DONDOC_WORKER_METRICS_ADDRESS ? { metricsAddress: env.DONDOC_WORKER_METRICS_ADDRESS } : {}) });
  // The web server checks these links with the same secret (DONDOC_SECRET or DATA_DIR/secret).
  const links = createLinkBuilder({ secret: loadSecret(env), publicUrl: env.PUBLIC_URL, validityDays: env.DONDOC_LINK_DAYS });
  // Every worker, on any host, writes to the same records database: it also holds the
  // notice ledger that keeps notices exactly-once across machines.
  let records: Records;
  try {
    records = await openRecords({ url: env.DONDOC_RECORDS_URL, dataDir: env.DATA_DIR });
  } catch (err) {
    throw new Error(`không mở được cơ sở dữ liệu lưu trữ (cannot open the records database): ${(err as Error).message}`, { cause: err });
  }
  let connection: NativeConnection;
  try {
    connection = await NativeConnection.connect(temporalConnectionOptions(env));
  } catch (err) {
    await records.close();
    throw new Error(`không kết nối được Temporal tại ${env.TEMPORAL_ADDRESS} (cannot reach Temporal): ${(err as Error).message}`, { cause: err });
  }
  let health: Server | undefined;
  try {
    const tuning = workerTuning(env);
    const worker = await createDondocWorker({
      connection,
      namespace: env.TEMPORAL_NAMESPACE,
      taskQueue: env.TEMPORAL_TASK_QUEUE,
      deps: {
        mailer: createMailer(env.SMTP_URL),
        from: env.MAIL_FROM,
        messageIdDomain: new URL(env.PUBLIC_URL).hostname,
        store: new FileStore(join(env.DATA_DIR, 'files')),
        ledger: new RecordsLedger(records),
        records,
        links,
      },
      tuning,
      // A bundle built once (tests that restart workers many times; a deployment that ships
      // its bundle): no bundling at start, which takes tens of seconds on a small machine.
      ...(process.env.DONDOC_WORKFLOW_BUNDLE ? { workflowBundle: { codePath: process.env.DONDOC_WORKFLOW_BUNDLE } } : {}),
    });
    if (env.DONDOC_WORKER_HEALTH_ADDRESS) {
      health = await startHealthServer(env.DONDOC_WORKER_HEALTH_ADDRESS, {
        state: () => worker.getState(),
        connected: async () => {
          const check = connection.healthService.check({});
          const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000).unref());
          const answer = await Promise.race([check, timeout]);
          return answer.status === 1; // SERVING
        },
        namespace: env.TEMPORAL_NAMESPACE,
        taskQueue: env.TEMPORAL_TASK_QUEUE,
        identity: `${process.pid}@${hostname()}`,
      });
    }
    // The tests and the cluster scripts wait for this line's text.
    log.info(`dondoc worker: task queue "${env.TEMPORAL_TASK_QUEUE}" on ${env.TEMPORAL_ADDRESS}/${env.TEMPORAL_NAMESPACE}, mail via ${redactUrl(env.SMTP_URL)}, records in ${records.info.where}`, {
      event: 'worker.started',
      taskQueue: env.TEMPORAL_TASK_QUEUE,
      namespace: env.TEMPORAL_NAMESPACE,
      temporal: env.TEMPORAL_ADDRESS,
      security: describeTemporalSecurity(env),
      maxCachedWorkflows: tuning.maxCachedWorkflows ?? 'sdk-default',
      maxConcurrentActivities: tuning.maxConcurrentActivityTaskExecutions,
      maxConcurrentWorkflowTasks: tuning.maxConcurrentWorkflowTaskExecutions,
      heapLimitMb: heapLimitMb(),
      ...(env.DONDOC_WORKER_METRICS_ADDRESS ? { metrics: `http://${env.DONDOC_WORKER_METRICS_ADDRESS}/metrics` } : {}),
      ...(env.DONDOC_WORKER_HEALTH_ADDRESS ? { health: `http://${env.DONDOC_WORKER_HEALTH_ADDRESS}/healthz` } : {}),
    });
    const uncapped = uncappedHeapWarning(env.DONDOC_WORKER_HEAP_MB);
    if (uncapped) log.warn(uncapped, { event: 'worker.heap-uncapped', heapLimitMb: heapLimitMb(), configuredMb: env.DONDOC_WORKER_HEAP_MB });
    // Worker.run resolves after SIGINT/SIGTERM once running tasks are finished (or the grace time is over).
    await worker.run();
    log.info('dondoc worker: stopped', { event: 'worker.stopped', taskQueue: env.TEMPORAL_TASK_QUEUE });
  } finally {
    health?.close();
    await connection.close();
    await records.close();
  }
}

main().catch((err: unknown) => {
  // The runtime may not be installed yet (bad configuration): a plain JSON line either way.
  console.error(JSON.stringify({ time: new Date().toISOString(), level: 'ERROR', msg: `dondoc worker: ${err instanceof Error ? err.message : String(err)}`, event: 'worker.failed' }));
  process.exit(1);
});
