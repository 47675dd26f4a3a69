// One worker of `npm run bench:scale`, in its own process: the dondoc worker (as
// worker/main.ts builds it, records in a temporary SQLite file) or the bare one. Apart from
// the bench, its CPU time and RSS are its own (read from /proc by the bench), and a busy
// worker cannot hold up the bench's SMTP sink or its client.
//
//   node --import tsx bench/worker-process.ts <dondoc|bare> <address> <taskQueue> <smtpPort> [recordsDir]
//
// Both take the tuning `npm start`'s worker takes (worker/tuning.ts, DONDOC_MAX_CACHED_WORKFLOWS
// and the other DONDOC_* settings from the environment, else their defaults).
//
// Tells the bench it polls with an IPC message 'ready', then sends its memory figures each
// second; stops on SIGTERM (the SDK's runtime
// drains the worker) or when the bench goes away.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { NativeConnection, Worker } from '@temporalio/worker';
import { z } from 'zod';
import { createMailer } from '../activities/notify/mailer';
import { createTestRecords } from '../dev/harness/records';
import { workflowBundle } from '../dev/harness/temporal';
import { FileStore } from '../storage/file-store';
import { RecordsLedger } from '../storage/records';
import { loadEnv } from '../config/env';
import { createDondocWorker } from '../worker/create-worker';
import { workerTuning } from '../worker/tuning';
import { createBareActivities } from './bare/activities';

const argsSchema = z.tuple([z.enum(['dondoc', 'bare']), z.string().min(1), z.string().min(1), z.coerce.number().int().positive()], z.string().min(1));

async function main(): Promise<void> {
  const parsed = argsSchema.safeParse(process.argv.slice(2));
  if (!parsed.success) throw new Error(`usage: worker-process.ts <dondoc|bare> <address> <taskQueue> <smtpPort> [recordsDir]: ${parsed.error.message}`);
  const [kind, address, taskQueue, smtpPort, recordsDir] = parsed.data;
  const tuning = workerTuning(loadEnv(process.env));
  const mailer = createMailer(`smtp://127.0.0.1:${smtpPort}`);
  const connection = await NativeConnection.connect({ address });
  const cleanups: Array<() => Promise<void>> = [() => connection.close()];
  try {
    let worker: Worker;
    if (kind === 'dondoc') {
      // The bench stores the program version there before it applies (as `dondoc apply` does).
      const records = await createTestRecords(recordsDir);
      const files = await mkdtemp(join(tmpdir(), 'dondoc-bench-files-'));
      cleanups.push(records.cleanup, () => rm(files, { recursive: true, force: true }));
      worker = await createDondocWorker({
        connection,
        namespace: 'default',
        taskQueue,
        workflowBundle: await workflowBundle(),
        tuning,
        deps: {
          mailer,
          from: '"dondoc" <dondoc@test.example.org>',
          messageIdDomain: 'test.example.org',
          store: new FileStore(files),
          ledger: new RecordsLedger(records.records),
          records: records.records,
        },
      });
    } else {
      worker = await Worker.create({
        connection,
        taskQueue,
        workflowsPath: resolve(__dirname, 'bare', 'workflows.ts'),
        activities: createBareActivities(mailer),
        ...tuning,
      });
    }
    // The bench is the only reason to run: without it, stop (the runtime drains the worker).
    const stop = () => {
      if (worker.getState() === 'RUNNING') worker.shutdown();
    };
    process.on('disconnect', stop);
    const running = worker.run();
    // A bench that went away while this worker was starting has already disconnected.
    if (process.connected) process.send?.('ready');
    else stop();
    // Where the memory is (this thread's heap, buffers; the rest is native and the workflow
    // threads' own heaps), for the bench to report at the peak of RSS.
    const memory = setInterval(() => {
      if (process.connected) process.send?.({ memory: process.memoryUsage() });
    }, 1000);
    void running.finally(() => clearInterval(memory));
    await running;
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
