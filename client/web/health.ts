// The checks the status page shows: is Temporal answering, is a worker polling the task
// queue, does the SMTP relay greet us. Each check has a short timeout and never throws.
import { createConnection } from 'node:net';
import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import type { Env } from '../../config/env';

export interface Check {
  ok: boolean;
  detail: string;
}

export interface Health {
  temporal: Check;
  worker: Check;
  smtp: Check;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`quá ${ms} ms (timeout)`)), ms).unref())]);
}

async function checkTemporal(client: Client): Promise<Check> {
  try {
    const info = await withTimeout(client.workflowService.getSystemInfo({}), 3000);
    return { ok: true, detail: `server ${info.serverVersion || 'ok'}` };
  } catch (err) {
    return { ok: false, detail: (err as Error).message.split('\n')[0] ?? 'error' };
  }
}

async function checkWorker(client: Client, env: Env): Promise<Check> {
  try {
    const response = await withTimeout(
      client.workflowService.describeTaskQueue({
        namespace: env.TEMPORAL_NAMESPACE,
        taskQueue: { name: env.TEMPORAL_TASK_QUEUE },
        taskQueueType: temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
      }),
      3000,
    );
    const pollers = response.pollers?.length ?? 0;
    return pollers > 0
      ? { ok: true, detail: `${pollers} worker đang nhận việc trên "${env.TEMPORAL_TASK_QUEUE}"` }
      : { ok: false, detail: `chưa có worker nào trên "${env.TEMPORAL_TASK_QUEUE}" (no poller)` };
  } catch (err) {
    return { ok: false, detail: (err as Error).message.split('\n')[0] ?? 'error' };
  }
}

/** Reads the SMTP greeting (220) without sending mail; enough to know the relay is there. */
function checkSmtp(smtpUrl: string): Promise<Check> {
  const url = new URL(smtpUrl);
  const port = Number(url.port || (url.protocol === 'smtps:' ? 465 : 587));
  return new Promise((resolve) => {
    const socket = createConnection({ host: url.hostname, port });
    const done = (check: Check) => {
      socket.destroy();
      resolve(check);
    };
    socket.setTimeout(3000, () => done({ ok: false, detail: 'không phản hồi (timeout)' }));
    socket.once('error', (err) => done({ ok: false, detail: err.message }));
    socket.once('data', (data) => {
      const greeting = data.toString('utf8').split('\r\n')[0] ?? '';
      done(greeting.startsWith('220') ? { ok: true, detail: `${url.hostname}:${port}` } : { ok: false, detail: greeting });
    });
    if (url.protocol === 'smtps:') socket.once('connect', () => done({ ok: true, detail: `${url.hostname}:${port} (TLS)` }));
  });
}

export async function checkHealth(client: Client, env: Env): Promise<Health> {
  const [temporalCheck, worker, smtp] = await Promise.all([checkTemporal(client), checkWorker(client, env), checkSmtp(env.SMTP_URL)]);
  return { temporal: temporalCheck, worker, smtp };
}
