// `npm run cluster`: dondoc on a real Temporal cluster on this machine, no Docker —
// install.sh (the pinned server, its SQL tool and the UI, PostgreSQL if missing), then
// PostgreSQL, schemas, the server, the namespace and search attributes, the SMTP sink
// (unless DONDOC_CLUSTER_SMTP_URL names a relay), two workers, the web server and the UI.
// Ctrl-C or SIGTERM stops everything; the data stays in DONDOC_CLUSTER_DIR for next time.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { isListening, startProcess, stopAll, waitUntil, type Supervised } from '../../dev/processes';
import { startCluster, type RunningCluster } from './cluster';
import { clusterSettings, repoRoot } from './settings';

const log = (line: string) => console.log(line);

async function main(): Promise<void> {
  const started = Date.now();
  const settings = clusterSettings();
  if (process.env.DONDOC_CLUSTER_SKIP_INSTALL !== 'true') {
    execFileSync('bash', [join(repoRoot, 'deploy', 'cluster', 'install.sh')], { stdio: 'inherit' });
  }
  const installed = Date.now();

  const extra: Supervised[] = [];
  let smtpUrl = process.env.DONDOC_CLUSTER_SMTP_URL;
  let inboxUrl: string | undefined;
  if (!smtpUrl) {
    const sink = startProcess('mail', process.execPath, ['--import', 'tsx', join(repoRoot, 'dev', 'mail-sink', 'main.ts')], {
      ...process.env,
      SMTP_SINK_PORT: String(settings.DONDOC_CLUSTER_SMTP_PORT),
      SMTP_SINK_HTTP_PORT: String(settings.DONDOC_CLUSTER_INBOX_PORT),
    }, log);
    extra.push(sink);
    await waitUntil('SMTP sink', () => isListening(settings.DONDOC_CLUSTER_SMTP_PORT), 30_000, sink.exited);
    smtpUrl = `smtp://127.0.0.1:${settings.DONDOC_CLUSTER_SMTP_PORT}`;
    inboxUrl = `http://127.0.0.1:${settings.DONDOC_CLUSTER_INBOX_PORT}`;
  }

  let cluster: RunningCluster | undefined;
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log('cluster: stopping…');
    await cluster?.stop();
    await stopAll(extra);
    log('cluster: stopped.');
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  try {
    cluster = await startCluster({ settings, smtpUrl, ...(inboxUrl ? { mailInboxUrl: inboxUrl } : {}), log });
  } catch (err) {
    log(`cluster: ${(err as Error).message}`);
    await shutdown(1);
    return;
  }
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  log('');
  log(`  Temporal ${cluster.serverVersion}  ${cluster.temporalAddress}  namespace ${cluster.namespace} (PostgreSQL 127.0.0.1:${settings.DONDOC_CLUSTER_PG_PORT})`);
  log(`  Temporal Web UI  ${cluster.uiUrl}`);
  log(`  dondoc           ${cluster.webUrl}   (admin / ${cluster.adminPassword})`);
  if (inboxUrl) log(`  Hộp thư (inbox)  ${inboxUrl}`);
  cluster.workers.forEach((_, i) => log(`  worker ${i + 1}         metrics http://127.0.0.1:${settings.DONDOC_CLUSTER_WORKER_PORT + i}/metrics  health http://127.0.0.1:${settings.DONDOC_CLUSTER_WORKER_PORT + 10 + i}/healthz`));
  log(`  Dữ liệu (data)   ${settings.dir}`);
  log(`  install ${seconds(installed - started)}, up ${seconds(Date.now() - installed)}. Ctrl-C để dừng (to stop).`);
  log('');
}

main().catch((err: unknown) => {
  console.error(`cluster: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
