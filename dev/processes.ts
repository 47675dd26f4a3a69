// Child-process supervision for `npm start` and the tests: start a command, wait until it
// is ready, stop a whole set in reverse order (SIGTERM, then SIGKILL after a grace period).
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, createConnection } from 'node:net';

export interface Supervised {
  name: string;
  child: ChildProcess;
  exited: Promise<number | null>;
}

export function startProcess(name: string, command: string, args: string[], env: NodeJS.ProcessEnv, log: (line: string) => void): Supervised {
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) log(`[${name}] ${line}`);
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
  return { name, child, exited };
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
