// The processes `npm run bench:scale` measures: each worker in its own process
// (bench/worker-process.ts) and the dev server, their CPU time and memory read from /proc.
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadEnv } from '../config/env';
import { heapFlag } from '../worker/heap';

/** CPU seconds (user + system) of a process, from /proc. */
export function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Resident memory of a process in bytes, from /proc (0 once it is gone). */
export function rssBytes(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** The dev server the bench started (the newest `server start-dev`). */
export function serverPid(): number {
  const out = execFileSync('pgrep', ['-n', '-f', 'server start-dev'], { encoding: 'utf8' }).trim();
  return Number(out.split('\n').at(-1));
}

export interface WorkerProcess {
  child: ChildProcess;
  pid: number;
  /** Resolves when the process has exited. */
  exited: Promise<void>;
  /** The worker's last `process.memoryUsage()` (its main thread), sent each second. */
  memory?: NodeJS.MemoryUsage;
}

/** Starts a worker process and waits until it polls. */
/** `recordsDir`: where the dondoc worker keeps its records (and the applied program versions). */
export async function startWorker(kind: 'dondoc' | 'bare', address: string, taskQueue: string, smtpPort: number, recordsDir?: string): Promise<WorkerProcess> {
  const child = fork(resolve(__dirname, 'worker-process.ts'), [kind, address, taskQueue, String(smtpPort), ...(recordsDir ? [recordsDir] : [])], {
    // Capped as `npm start` caps its worker (DONDOC_WORKER_HEAP_MB; worker/heap.ts).
    execArgv: [heapFlag(loadEnv(process.env).DONDOC_WORKER_HEAP_MB), '--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  await new Promise<void>((ready, fail) => {
    child.once('message', (m) => (m === 'ready' ? ready() : fail(new Error(`${kind} worker: unexpected message ${JSON.stringify(m)}`))));
    child.once('exit', (code) => fail(new Error(`${kind} worker exited with code ${code} before it polled`)));
  });
  const w: WorkerProcess = { child, pid: child.pid!, exited };
  child.on('message', (m: { memory?: NodeJS.MemoryUsage }) => {
    if (typeof m === 'object' && m.memory) w.memory = m.memory;
  });
  return w;
}

export async function stopWorker(w: WorkerProcess): Promise<void> {
  w.child.kill('SIGTERM');
  await w.exited;
}
