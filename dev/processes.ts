// Child-process supervision for `npm start` and the tests: start a command, wait until it
// is ready, restart it with backoff when it dies (giving up when it keeps dying), stop a
// whole set in reverse order (SIGTERM, then SIGKILL after a grace period).
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, createConnection } from 'node:net';
import { DEFAULT_RESTART_POLICY, RestartPolicy, type RestartPolicyOptions } from './restart-policy';

export interface Supervised {
  name: string;
  child: ChildProcess;
  exited: Promise<number | null>;
  /** The last line the child printed: usually why it stopped. */
  lastLine(): string | undefined;
}

export function startProcess(name: string, command: string, args: string[], env: NodeJS.ProcessEnv, log: (line: string) => void): Supervised {
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let last: string | undefined;
  const prefix = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line.trim()) continue;
      last = line.trim();
      log(`[${name}] ${line}`);
    }
  };
  child.stdout?.on('data', prefix);
  child.stderr?.on('data', prefix);
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? (signal ? null : 0)));
    child.once('error', (err) => {
      log(`[${name}] ${err.message}`);
      resolve(127);
    });
  });
  return { name, child, exited, lastLine: () => last };
}

/** A child kept running: restarted after each unexpected exit until the policy gives up. */
export interface Kept {
  name: string;
  /** The running child; undefined while waiting to restart. */
  current(): Supervised | undefined;
  /** Resolves with one line saying which child and why, once supervision gives up on it. */
  gaveUp: Promise<string>;
  /** No more restarts from now on (synchronous, so a shutdown can halt every keeper first). */
  halt(): void;
}

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}

function exitText(p: Supervised, code: number | null): string {
  const signal = p.child.signalCode;
  return signal ? `tín hiệu ${signal} (signal)` : `mã ${String(code)} (exit code)`;
}

export function keepRunning(
  name: string,
  start: () => Supervised,
  log: (line: string) => void,
  options: RestartPolicyOptions = DEFAULT_RESTART_POLICY,
): Kept {
  const policy = new RestartPolicy(options);
  let halted = false;
  let running: Supervised | undefined;
  let timer: NodeJS.Timeout | undefined;
  let giveUp: (reason: string) => void = () => undefined;
  const gaveUp = new Promise<string>((resolve) => (giveUp = resolve));

  const launch = () => {
    timer = undefined;
    if (halted) return;
    const startedAt = Date.now();
    const p = start();
    running = p;
    void p.exited.then((code) => {
      if (running === p) running = undefined;
      if (halted) return;
      const decision = policy.onExit(startedAt, Date.now());
      const last = p.lastLine();
      const why = `${exitText(p, code)}${last ? `: ${last}` : ''}`;
      if (decision.action === 'give-up') {
        halted = true;
        giveUp(
          `dondoc: ${name} dừng bất thường ${decision.failuresInWindow} lần trong ${seconds(options.windowMs)}, lần cuối ${why}; dừng toàn bộ ` +
            `(${name} failed ${decision.failuresInWindow} times within ${seconds(options.windowMs)}; stopping everything)`,
        );
        return;
      }
      log(
        `dondoc: ${name} dừng bất thường (${why}); khởi động lại sau ${seconds(decision.delayMs)} ` +
          `(restarting in ${seconds(decision.delayMs)}, failure ${decision.failuresInWindow}/${options.maxFailures} within ${seconds(options.windowMs)})`,
      );
      timer = setTimeout(launch, decision.delayMs);
    });
  };
  launch();
  return {
    name,
    current: () => running,
    gaveUp,
    halt() {
      halted = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
  };
}

/** Halts every keeper first (a dying child must not be restarted mid-shutdown), then stops them in reverse order. */
export async function stopKept(kept: Kept[], graceMs = 10_000): Promise<void> {
  for (const k of kept) k.halt();
  await stopAll(kept.flatMap((k) => k.current() ?? []), graceMs);
}

export async function stopAll(processes: Supervised[], graceMs = 10_000): Promise<void> {
  for (const p of [...processes].reverse()) {
    if (p.child.exitCode !== null || p.child.signalCode !== null) continue;
    p.child.kill('SIGTERM');
    const timer = setTimeout(() => p.child.kill('SIGKILL'), graceMs);
    await p.exited;
    clearTimeout(timer);
  }
}

/** Resolves true when something accepts TCP connections on host:port. */
export function isListening(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port });
    socket.setTimeout(1000, () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Resolves true when the port can be bound, i.e. nothing else uses it. */
export function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

export async function waitUntil(what: string, test: () => Promise<boolean>, timeoutMs: number, failed?: Promise<unknown>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let gaveUp = false;
  void failed?.then(() => {
    gaveUp = true;
  });
  while (Date.now() < deadline) {
    if (gaveUp) throw new Error(`${what}: tiến trình đã dừng khi đang khởi động (process exited during start)`);
    if (await test()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what}: không sẵn sàng sau ${Math.round(timeoutMs / 1000)} s (not ready)`);
}
