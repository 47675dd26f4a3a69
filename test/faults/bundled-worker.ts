// A worker process for the fault tests: worker/main.ts's registration and dependencies, but
// loading a workflow bundle the test built once (DONDOC_WORKFLOW_BUNDLE) instead of bundling
// at each start (~25 s on a loaded 2-core machine). Keep in step with worker/main.ts.
import { join } from 'node:path';
import { NativeConnection } from '@temporalio/worker';
import { createLinkBuilder } from '../../auth/links';
import { loadSecret } from '../../auth/secret';
import { loadEnv, redactUrl } from '../../config/env';
import { createMailer } from '../../activities/notify/mailer';
import { FileStore } from '../../storage/file-store';
import { openRecords, RecordsLedger, type Records } from '../../storage/records';
import { createDondocWorker } from '../../worker/create-worker';

async function main(): Promise<void> {
  const env = loadEnv();
  const codePath = process.env.DONDOC_WORKFLOW_BUNDLE;
  if (!codePath) throw new Error('DONDOC_WORKFLOW_BUNDLE: cần đường dẫn tệp bundle (bundle path required)');
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
    connection = await NativeConnection.connect({ address: env.TEMPORAL_ADDRESS });
  } catch (err) {
    await records.close();
    throw new Error(`không kết nối được Temporal tại ${env.TEMPORAL_ADDRESS} (cannot reach Temporal): ${(err as Error).message}`, { cause: err });
  }
  try {
    const worker = await createDondocWorker({
      connection,
      namespace: env.TEMPORAL_NAMESPACE,
      taskQueue: env.TEMPORAL_TASK_QUEUE,
      workflowBundle: { codePath },
      deps: {
        mailer: createMailer(env.SMTP_URL),
        from: env.MAIL_FROM,
        messageIdDomain: new URL(env.PUBLIC_URL).hostname,
        store: new FileStore(join(env.DATA_DIR, 'files')),
        ledger: new RecordsLedger(records),
        records,
        links,
      },
    });
    console.log(
      `dondoc worker: task queue "${env.TEMPORAL_TASK_QUEUE}" on ${env.TEMPORAL_ADDRESS}/${env.TEMPORAL_NAMESPACE}, mail via ${redactUrl(env.SMTP_URL)}, records in ${records.info.where}`,
    );
    // Worker.run resolves after SIGINT/SIGTERM once running tasks are finished.
    await worker.run();
  } finally {
    await connection.close();
    await records.close();
  }
}

main().catch((err: unknown) => {
  console.error(`dondoc worker: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
