// A worker process for the fault tests: worker/main.ts's registration and dependencies
// (createDondocWorker, the same mailer, file store, sent ledger and links), but loading a
// workflow bundle the test built once (DONDOC_WORKFLOW_BUNDLE) instead of bundling at each
// start. Bundling takes ~25 s on a loaded 2-core machine; tests that kill and restart workers
// many times would spend most of their time there.
import { join } from 'node:path';
import { NativeConnection } from '@temporalio/worker';
import { createMailer } from '../../activities/notify/mailer';
import { createLinkBuilder } from '../../auth/links';
import { loadSecret } from '../../auth/secret';
import { loadEnv } from '../../config/env';
import { FileStore } from '../../storage/file-store';
import { SentLedger } from '../../storage/sent-ledger';
import { createDondocWorker } from '../../worker/create-worker';

async function main(): Promise<void> {
  const env = loadEnv();
  const codePath = process.env.DONDOC_WORKFLOW_BUNDLE;
  if (!codePath) throw new Error('DONDOC_WORKFLOW_BUNDLE: cần đường dẫn tệp bundle (bundle path required)');
  const links = createLinkBuilder({ secret: loadSecret(env), publicUrl: env.PUBLIC_URL, validityDays: env.DONDOC_LINK_DAYS });
  const connection = await NativeConnection.connect({ address: env.TEMPORAL_ADDRESS });
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
        ledger: new SentLedger(join(env.DATA_DIR, 'sent')),
        links,
      },
    });
    console.log(`dondoc worker: task queue "${env.TEMPORAL_TASK_QUEUE}" on ${env.TEMPORAL_ADDRESS}/${env.TEMPORAL_NAMESPACE} (prebuilt bundle)`);
    await worker.run();
  } finally {
    await connection.close();
  }
}

main().catch((err: unknown) => {
  console.error(`dondoc worker: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
