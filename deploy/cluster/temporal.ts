// The Temporal side of the cluster: the schemas applied by the official SQL tool from the
// module's own files, the server started with deploy/cluster/temporal.yaml, then the
// namespace (explicit retention) and dondoc's search attributes through the APIs.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time';
import { registerSearchAttributes } from '../../client/search-attributes';
import { isListening, startProcess, waitUntil, type Supervised } from '../../dev/processes';
import { searchAttributeDefinitions } from '../../workflows/search-attributes';
import type { TemporalConnectionOptions } from '../../client/temporal';
import type { Postgres } from './postgres';
import type { ClusterTls } from './tls';
import { clusterBin, repoRoot, type ClusterSettings } from './settings';

export const serverBinary = join(clusterBin, 'temporal-server');
const sqlTool = join(clusterBin, 'temporal-sql-tool');
const schemaRoot = join(repoRoot, 'tools', 'cluster', 'schema', 'postgresql', 'v12');

export function serverVersion(): string {
  return readFileSync(join(clusterBin, 'temporal-server.version'), 'utf8').trim().replace(/^v/, '');
}

export function checkBinaries(): void {
  for (const file of [serverBinary, sqlTool, join(schemaRoot, 'temporal', 'versioned')]) {
    if (!existsSync(file)) throw new Error(`thiếu ${file} (missing): chạy deploy/cluster/install.sh`);
  }
}

/** Creates (first time) and upgrades (every time; a no-op when current) both Temporal databases. */
export function applySchemas(pg: Postgres, settings: ClusterSettings, log: (line: string) => void): void {
  const password = settings.DONDOC_CLUSTER_TEMPORAL_DB_PASSWORD;
  for (const [database, dir] of [['temporal', 'temporal'], ['temporal_visibility', 'visibility']] as const) {
    const tool = (...args: string[]) =>
      execFileSync(sqlTool, ['--plugin', 'postgres12', '--ep', '127.0.0.1', '-p', String(pg.port), '-u', 'temporal', '--pw', password, '--db', database, ...args], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    const exists = pg.sql('postgres', `SELECT 1 FROM pg_database WHERE datname = '${database}';`).trim() === '1';
    if (!exists) {
      log(`temporal-sql-tool: create-database ${database}`);
      tool('create-database');
    }
    const versioned = pg.sql(database, `SELECT to_regclass('public.schema_version') IS NOT NULL;`).trim() === 't';
    if (!versioned) {
      log(`temporal-sql-tool: setup-schema ${database}`);
      tool('setup-schema', '-v', '0.0');
    }
    tool('update-schema', '-d', join(schemaRoot, dir, 'versioned'));
    const version = pg.sql(database, `SELECT curr_version FROM schema_version WHERE version_partition = 0 AND db_name = '${database}';`).trim();
    log(`temporal-sql-tool: ${database} schema ${version}`);
  }
}

export function temporalServerEnv(settings: ClusterSettings, pgPort: number, tls?: ClusterTls): NodeJS.ProcessEnv {
  return {
    ...(tls
      ? {
          TEMPORAL_TLS_SERVER_CERT: tls.serverCert,
          TEMPORAL_TLS_SERVER_KEY: tls.serverKey,
          TEMPORAL_TLS_CLIENT_CA: tls.ca,
          TEMPORAL_TLS_CA: tls.ca,
          TEMPORAL_TLS_SERVER_NAME: tls.serverName,
          TEMPORAL_TLS_WORKER_CERT: tls.clientCert,
          TEMPORAL_TLS_WORKER_KEY: tls.clientKey,
        }
      : {}),
    ...process.env,
    TEMPORAL_DB_PORT: String(pgPort),
    TEMPORAL_DB_PASSWORD: settings.DONDOC_CLUSTER_TEMPORAL_DB_PASSWORD,
    TEMPORAL_FRONTEND_PORT: String(settings.DONDOC_CLUSTER_TEMPORAL_PORT),
    TEMPORAL_METRICS_ADDRESS: `127.0.0.1:${settings.DONDOC_CLUSTER_TEMPORAL_PORT + 57}`,
    TEMPORAL_DYNAMIC_CONFIG: join(repoRoot, 'deploy', 'cluster', 'dynamicconfig.yaml'),
  };
}

/** Starts the server (all four services in one process) and waits until its frontend answers. */
export async function startTemporalServer(settings: ClusterSettings, pgPort: number, log: (line: string) => void, tls?: ClusterTls): Promise<Supervised> {
  const server = startProcess(
    'temporal-server',
    serverBinary,
    ['--config-file', join(repoRoot, 'deploy', 'cluster', 'temporal.yaml'), '--allow-no-auth', 'start'],
    temporalServerEnv(settings, pgPort, tls),
    log,
  );
  await waitUntil('Temporal frontend', () => isListening(settings.DONDOC_CLUSTER_TEMPORAL_PORT), 120_000, server.exited);
  return server;
}

async function retry<T>(what: string, attempt: () => Promise<T>, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await attempt();
    } catch (err) {
      if (Date.now() > deadline) throw new Error(`${what}: ${(err as Error).message.split('\n')[0]}`, { cause: err });
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

/**
 * The namespace with its retention, then the search attributes; waits until visibility
 * accepts a query on them (the namespace cache refreshes every few seconds).
 */
export async function prepareNamespace(options: TemporalConnectionOptions, namespace: string, retentionDays: number, log: (line: string) => void): Promise<string> {
  const connection = await retry('Temporal', () => Connection.connect({ ...options, connectTimeout: '5s' }));
  try {
    const info = await retry('getSystemInfo', () => connection.workflowService.getSystemInfo({}));
    const retention = msToTs(retentionDays * 86_400_000);
    await retry('registerNamespace', async () => {
      try {
        await connection.workflowService.registerNamespace({ namespace, workflowExecutionRetentionPeriod: retention, description: 'dondoc' });
        log(`temporal: namespace "${namespace}" created (retention ${retentionDays} days)`);
      } catch (err) {
        if ((err as { code?: number }).code !== 6) throw err; // 6 = ALREADY_EXISTS
        await connection.workflowService.updateNamespace({
          namespace,
          config: { workflowExecutionRetentionTtl: retention },
        });
        log(`temporal: namespace "${namespace}" exists (retention set to ${retentionDays} days)`);
      }
    });
    const existing = await retry('listSearchAttributes', () => connection.operatorService.listSearchAttributes({ namespace }));
    const missing = Object.keys(searchAttributeDefinitions).filter((name) => !(name in (existing.customAttributes ?? {})));
    if (missing.length > 0) {
      await retry('addSearchAttributes', () => registerSearchAttributes(connection, namespace));
      log(`temporal: search attributes registered: ${missing.join(', ')}`);
    }
    await retry(
      'visibility query on the search attributes',
      () => connection.workflowService.countWorkflowExecutions({ namespace, query: `DondocProgram = '_' AND DondocDue > '2000-01-01T00:00:00Z' AND DondocPending = '_'` }),
    );
    return info.serverVersion ?? 'unknown';
  } finally {
    await connection.close();
  }
}
