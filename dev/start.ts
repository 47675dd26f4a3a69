// `npm start`: the whole embedded stack on one machine, as supervised child processes —
// Temporal dev server (SQLite under DATA_DIR, Web UI), the SMTP sink with its inbox, the
// worker and the web server — sets the namespace retention (DONDOC_RETENTION_DAYS), then
// applies the program file (DONDOC_PROGRAM, by default this year's seed program). A child
// that dies is restarted with backoff; Ctrl-C or SIGTERM stops everything.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ADMIN_USERNAME, ensureAdminPassword } from '../auth/accounts';
import { ensureSecretFile } from '../auth/secret';
import { loadEnv, type Env } from '../config/env';
import { closeClient, connectClient } from '../client/temporal';
import { openProgramStore } from '../client/programs';
import { heapFlag } from '../worker/heap';
import { searchAttributeDefinitions } from '../workflows/search-attributes';
import { applyDemoProgram, applyProgramFile } from './apply-program';
import { isListening, isPortFree, keepRunning, startProcess, stopKept, waitUntil, type Kept, type Supervised } from './processes';
import { setNamespaceRetention } from './retention';
import { temporalCliPath } from './tools';

const root = resolve(__dirname, '..');
let stopping = false;
// The dev server complains about every closed connection while it shuts down: noise.
const log = (line: string) => {
  if (!(stopping && line.startsWith('[temporal]'))) console.log(line);
};

function portOf(address: string): number {
  return Number(address.split(':').at(-1));
}

async function checkPorts(env: Env): Promise<void> {
  const wanted: [string, number][] = [
    ['Temporal', portOf(env.TEMPORAL_ADDRESS)],
    ['Temporal Web UI', Number(new URL(env.TEMPORAL_UI_URL).port)],
    ['SMTP', Number(new URL(env.SMTP_URL).port)],
    ['hộp thư (inbox)', Number(new URL(env.MAIL_INBOX_URL).port)],
    ['web', env.WEB_PORT],
  ];
  for (const [what, port] of wanted) {
    if (!(await isPortFree(port))) throw new Error(`cổng ${port} (${what}) đang được dùng (port in use): dừng chương trình đang dùng cổng này hoặc đổi cấu hình`);
  }
}

function tsNode(script: string): [string, string[]] {
  return [process.execPath, ['--import', 'tsx', join(root, script)]];
}

/** How to sign in, for the banner: the embedded admin's generated password, never a configured one. */
function signInLine(env: Env, dataDir: string): string {
  if (env.DONDOC_USERS !== undefined) return 'tài khoản trong DONDOC_USERS (accounts from DONDOC_USERS)';
  if (env.DONDOC_ADMIN_PASSWORD !== undefined) return `${ADMIN_USERNAME} / mật khẩu trong DONDOC_ADMIN_PASSWORD`;
  const { password, path } = ensureAdminPassword(dataDir);
  return `${ADMIN_USERNAME} / ${password}   (lưu tại ${path})`;
}

async function main(): Promise<void> {
  const env = loadEnv();
  const dataDir = resolve(root, env.DATA_DIR);
  mkdirSync(dataDir, { recursive: true });
  // Created before the children start, so the worker and the web server read one secret.
  if (env.DONDOC_SECRET === undefined) ensureSecretFile(dataDir);
  const signIn = signInLine(env, dataDir);
  await checkPorts(env);
  const temporal = temporalCliPath();

  const kept: Kept[] = [];
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log('dondoc: đang dừng (stopping)…');
    await stopKept(kept);
    log('dondoc: đã dừng (stopped).');
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  // A child that dies is restarted with backoff while the others keep running; one that
  // keeps dying stops the stack with one line naming it and its last words.
  const keep = (name: string, start: () => Supervised): Kept => {
    const k = keepRunning(name, start, log);
    kept.push(k);
    void k.gaveUp.then((reason) => {
      if (stopping) return;
      log(reason);
      void shutdown(1);
    });
    return k;
  };
  const childEnv = { ...process.env, DATA_DIR: dataDir };

  try {
    const uiPort = new URL(env.TEMPORAL_UI_URL).port;
    const serverArgs = [
      'server', 'start-dev',
      '--db-filename', join(dataDir, 'temporal.sqlite'),
      '--ip', '127.0.0.1',
      '--port', String(portOf(env.TEMPORAL_ADDRESS)),
      '--ui-port', uiPort,
      '--namespace', env.TEMPORAL_NAMESPACE,
      '--log-level', 'warn',
      ...Object.entries(searchAttributeDefinitions).flatMap(([k, v]) => ['--search-attribute', `${k}=${v}`]),
    ];
    // The dev server picks free ports for its internal services and binds them a moment
    // later; another program can take one in between. Such a start fails and is restarted
    // like any other exit; a port of ours in use was already reported by checkPorts.
    const server = keep('temporal', () => startProcess('temporal', temporal, serverArgs, childEnv, log));
    await waitUntil('Temporal', () => isListening(portOf(env.TEMPORAL_ADDRESS)), 60_000, server.gaveUp);

    const client = await connectClient(env);
    let retentionDays: number;
    try {
      retentionDays = await setNamespaceRetention(client.connection, env.TEMPORAL_NAMESPACE, env.DONDOC_RETENTION_DAYS);
    } finally {
      await closeClient(client);
    }

    const sink = keep('mail', () =>
      startProcess('mail', ...tsNode('dev/mail-sink/main.ts'), {
        ...childEnv,
        SMTP_SINK_PORT: new URL(env.SMTP_URL).port,
        SMTP_SINK_HTTP_PORT: new URL(env.MAIL_INBOX_URL).port,
      }, log),
    );
    await waitUntil('SMTP', () => isListening(Number(new URL(env.SMTP_URL).port)), 30_000, sink.gaveUp);

    // The heap cap is a node flag: it must be given at the start (worker/heap.ts).
    const [node, workerArgs] = tsNode('worker/main.ts');
    keep('worker', () => startProcess('worker', node, [heapFlag(env.DONDOC_WORKER_HEAP_MB), ...workerArgs], childEnv, log));
    const web = keep('web', () => startProcess('web', ...tsNode('client/web/main.ts'), childEnv, log));
    await waitUntil('web', () => isListening(env.WEB_PORT), 30_000, web.gaveUp);

    const applyClient = await connectClient(env);
    // The versions go where the worker reads them (as `dondoc apply` does): the updates carry hashes.
    const versions = await openProgramStore({ ...env, DATA_DIR: dataDir });
    try {
      log(await applyProgramFile(applyClient, env.TEMPORAL_TASK_QUEUE, resolve(root, env.DONDOC_PROGRAM), versions.store));
      log(await applyDemoProgram(applyClient, env.TEMPORAL_TASK_QUEUE, dataDir, Date.now(), versions.store));
    } finally {
      await versions.close();
      await closeClient(applyClient);
    }
    log('');
    log(`  dondoc           ${env.PUBLIC_URL}`);
    log(`  Temporal Web UI  ${env.TEMPORAL_UI_URL}`);
    log(`  Hộp thư (inbox)  ${env.MAIL_INBOX_URL}   (lưu tại ${join(dataDir, 'mail-sink')})`);
    log(`  Dữ liệu (data)   ${dataDir}`);
    log(`  Lưu lịch sử      Temporal giữ lịch sử quy trình đã xong ${retentionDays} ngày (namespace ${env.TEMPORAL_NAMESPACE} retention ${retentionDays} days, DONDOC_RETENTION_DAYS)`);
    log(`  Đăng nhập        ${signIn}`);
    log('  Ctrl-C để dừng (to stop).');
    log('');
  } catch (err) {
    log(`dondoc: ${(err as Error).message}`);
    await shutdown(1);
  }
}

main().catch((err: unknown) => {
  console.error(`dondoc: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
