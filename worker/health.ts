// The worker's health endpoint for a load balancer, systemd or Kubernetes: GET /healthz says
// whether the worker is running, whether Temporal answers, and which queue it serves.
// 200 when both hold, 503 otherwise; nothing else is served.
import { createServer, type Server } from 'node:http';

export interface WorkerHealth {
  status: 'up' | 'down';
  /** The SDK worker's state: INITIALIZED, RUNNING, STOPPING, DRAINING, DRAINED, STOPPED, FAILED. */
  state: string;
  connected: boolean;
  namespace: string;
  taskQueue: string;
  identity: string;
}

export interface HealthProbe {
  state(): string;
  /** Resolves true when the Temporal frontend answered a health check in time. */
  connected(): Promise<boolean>;
  namespace: string;
  taskQueue: string;
  identity: string;
}

export async function readHealth(probe: HealthProbe): Promise<WorkerHealth> {
  const state = probe.state();
  const connected = await probe.connected().catch(() => false);
  return { status: state === 'RUNNING' && connected ? 'up' : 'down', state, connected, namespace: probe.namespace, taskQueue: probe.taskQueue, identity: probe.identity };
}

/** Listens on `host:port`; resolves with the server once bound. */
export function startHealthServer(address: string, probe: HealthProbe): Promise<Server> {
  const i = address.lastIndexOf(':');
  const host = address.slice(0, i).replace(/^\[(.*)\]$/, '$1');
  const port = Number(address.slice(i + 1));
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || (req.url !== '/healthz' && req.url !== '/')) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
      return;
    }
    void readHealth(probe).then((health) => {
      res.writeHead(health.status === 'up' ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(health));
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}
