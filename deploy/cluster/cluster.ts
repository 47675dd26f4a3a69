// The whole cluster on one machine, as `npm run cluster` and `npm run test:cluster` run it:
// PostgreSQL (Temporal's two databases and dondoc's own), the Temporal server, the namespace
// and search attributes, two dondoc workers on one task queue, the web server and the UI.
// Every process is a supervised child; stop() ends them in reverse order.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensureAdminPassword } from '../../auth/accounts';
import { ensureSecretFile } from '../../auth/secret';
import { isListening, isPortFree, startProcess, stopAll, waitUntil, type Supervised } from '../../dev/processes';
import { ensureDatabase, ensureRole, startPostgres, type Postgres } from './postgres';
import { repoRoot, type ClusterSettings } from './settings';
import { applySchemas, checkBinaries, prepareNamespace, serverVersion, startTemporalServer } from './temporal';
import { ensureClusterTls, type ClusterTls } from './tls';
import { startUi } from './ui';
import { temporalConnectionOptions, type TemporalConnectionOptions } from '../../client/temporal';

export interface ClusterOptions {
  settings: ClusterSettings;
  /** Where notices go: the office relay, or a sink. */
  smtpUrl: string;
  mailInboxUrl?: string;
  workers?: number;
  log: (line: string) => void;
  /** Called with each worker's output lines (the test counts the activities each one ran). */
  onWorkerLine?: (worker: number, line: string) => void;
}

export interface RunningCluster {
  serverVersion: string;
  temporalAddress: string;
  namespace: string;
  taskQueue: string;
  webUrl: string;
  uiUrl: string;
  dataDir: string;
  adminPassword: string;
  recordsUrl: string;
  workers: Supervised[];
  /** How this cluster's clients connect (address, mutual TLS when on). */
  connectionOptions: TemporalConnectionOptions;
  tls: boolean;
  /** Environment the workers and the web server run with (no secrets beyond the local cluster's). */
  env: Record<string, string>;
  startWorker(index: number): Promise<Supervised>;
  stop(): Promise<void>;
}

const TASK_QUEUE = 'dondoc';

function tsNode(script: string): [string, string[]] {
  return [process.execPath, ['--import', 'tsx', join(repoRoot, script)]];
}

async function checkPorts(settings: ClusterSettings, workers: number): Promise<void> {
  const t = settings.DONDOC_CLUSTER_TEMPORAL_PORT;
  const wanted: [string, number][] = [
    ['Temporal frontend', t], ['Temporal history', t + 1], ['Temporal matching', t + 2], ['Temporal worker', t + 6],
    ['Temporal HTTP', t + 10], ['Temporal metrics', t + 57], ['Temporal membership', t + 700], ['Temporal membership', t + 701],
    ['Temporal membership', t + 702], ['Temporal membership', t + 706], ['Temporal UI', settings.DONDOC_CLUSTER_UI_PORT],
    ['web', settings.DONDOC_CLUSTER_WEB_PORT],
    ...Array.from({ length: workers }, (_, i): [string, number][] => [
      [`worker ${i + 1} metrics`, settings.DONDOC_CLUSTER_WORKER_PORT + i],
      [`worker ${i + 1} health`, settings.DONDOC_CLUSTER_WORKER_PORT + 10 + i],
    ]).flat(),
  ];
  for (const [what, port] of wanted) {
    if (!(await isPortFree(port))) throw new Error(`cổng ${port} (${what}) đang được dùng (port in use): dừng chương trình đang dùng hoặc đổi DONDOC_CLUSTER_*_PORT`);
  }
}

export async function startCluster(options: ClusterOptions): Promise<RunningCluster> {
  const { settings, log } = options;
  const workerCount = options.workers ?? 2;
  checkBinaries();
  await checkPorts(settings, workerCount);
  mkdirSync(settings.dir, { recursive: true });

  const children: Supervised[] = [];
  let pg: Postgres | undefined;
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await stopAll(children);
    pg?.stop();
  };
  const supervise = (p: Supervised) => {
    children.push(p);
    void p.exited.then((code) => {
      if (!stopping && code !== null) log(`cluster: ${p.name} exited (code ${String(code)})`);
    });
    return p;
  };

  try {
    pg = startPostgres(settings.dir, settings.DONDOC_CLUSTER_PG_PORT, log);
    ensureRole(pg, 'temporal', settings.DONDOC_CLUSTER_TEMPORAL_DB_PASSWORD, 'CREATEDB');
    ensureRole(pg, 'dondoc', settings.DONDOC_CLUSTER_DONDOC_DB_PASSWORD);
    // dondoc's records (the sent ledger among them) live beside Temporal's, so workers on
    // different hosts share one ledger; see README "Running in production".
    ensureDatabase(pg, 'dondoc', 'dondoc');
    applySchemas(pg, settings, log);

    const tls: ClusterTls | undefined = settings.DONDOC_CLUSTER_TLS ? ensureClusterTls(settings.dir, log) : undefined;
    supervise(await startTemporalServer(settings, pg.port, log, tls));
    const temporalAddress = `127.0.0.1:${settings.DONDOC_CLUSTER_TEMPORAL_PORT}`;
    // Every client of the cluster, this script included, connects with the same settings.
    const temporalEnv: Record<string, string> = {
      TEMPORAL_ADDRESS: temporalAddress,
      TEMPORAL_NAMESPACE: settings.DONDOC_CLUSTER_NAMESPACE,
      ...(tls ? { TEMPORAL_TLS_CA: tls.ca, TEMPORAL_TLS_CERT: tls.clientCert, TEMPORAL_TLS_KEY: tls.clientKey, TEMPORAL_TLS_SERVER_NAME: tls.serverName } : {}),
    };
    const connectionOptions = temporalConnectionOptions({ TEMPORAL_ADDRESS: temporalAddress, TEMPORAL_NAMESPACE: settings.DONDOC_CLUSTER_NAMESPACE, ...temporalEnv });
    const version = await prepareNamespace(connectionOptions, settings.DONDOC_CLUSTER_NAMESPACE, settings.DONDOC_CLUSTER_RETENTION_DAYS, log);
    log(`temporal: server ${version} (built ${serverVersion()}) at ${temporalAddress}, namespace "${settings.DONDOC_CLUSTER_NAMESPACE}"`);

    const dataDir = join(settings.dir, 'data');
    ensureSecretFile(dataDir);
    const { password: adminPassword } = ensureAdminPassword(dataDir);
    const webUrl = `http://127.0.0.1:${settings.DONDOC_CLUSTER_WEB_PORT}`;
    const uiUrl = `http://127.0.0.1:${settings.DONDOC_CLUSTER_UI_PORT}`;
    const recordsUrl = `postgres://dondoc:${encodeURIComponent(settings.DONDOC_CLUSTER_DONDOC_DB_PASSWORD)}@127.0.0.1:${pg.port}/dondoc`;
    const env: Record<string, string> = {
      ...temporalEnv,
      TEMPORAL_TASK_QUEUE: TASK_QUEUE,
      TEMPORAL_UI_URL: uiUrl,
      SMTP_URL: options.smtpUrl,
      ...(options.mailInboxUrl ? { MAIL_INBOX_URL: options.mailInboxUrl } : {}),
      PUBLIC_URL: webUrl,
      WEB_HOST: '127.0.0.1',
      WEB_PORT: String(settings.DONDOC_CLUSTER_WEB_PORT),
      // One DATA_DIR here stands for the shared volume (NFS) that holds uploads and reports.
      DATA_DIR: dataDir,
      DONDOC_RECORDS_URL: recordsUrl,
      DONDOC_LOG_FORMAT: 'json',
    };
    const childEnv = (extra: Record<string, string>) => ({ ...process.env, ...env, ...extra });

    const workers: Supervised[] = [];
    const startWorker = async (index: number): Promise<Supervised> => {
      let ready = false;
      const worker = supervise(
        startProcess(
          `worker-${index}`,
          ...tsNode('worker/main.ts'),
          childEnv({
            DONDOC_WORKER_METRICS_ADDRESS: `127.0.0.1:${settings.DONDOC_CLUSTER_WORKER_PORT + index - 1}`,
            DONDOC_WORKER_HEALTH_ADDRESS: `127.0.0.1:${settings.DONDOC_CLUSTER_WORKER_PORT + 10 + index - 1}`,
          }),
          (line) => {
            if (line.includes('dondoc worker: task queue')) ready = true;
            if (options.onWorkerLine) options.onWorkerLine(index, line);
            else log(line);
          },
        ),
      );
      await waitUntil(`worker ${index}`, async () => ready, 120_000, worker.exited);
      workers[index - 1] = worker;
      return worker;
    };
    // One after the other: bundling the workflows takes a few CPU seconds each.
    for (let i = 1; i <= workerCount; i++) await startWorker(i);

    const web = supervise(startProcess('web', ...tsNode('client/web/main.ts'), childEnv({ DONDOC_ADMIN_PASSWORD: adminPassword }), log));
    await waitUntil('web', () => isListening(settings.DONDOC_CLUSTER_WEB_PORT), 60_000, web.exited);
    if (settings.DONDOC_CLUSTER_UI) supervise(await startUi(settings, temporalAddress, log, tls));
    else log('cluster: Temporal UI left out (DONDOC_CLUSTER_UI=false)');

    return {
      serverVersion: version,
      temporalAddress,
      namespace: settings.DONDOC_CLUSTER_NAMESPACE,
      taskQueue: TASK_QUEUE,
      webUrl,
      uiUrl,
      dataDir,
      adminPassword,
      recordsUrl,
      workers,
      connectionOptions,
      tls: tls !== undefined,
      env,
      startWorker,
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
