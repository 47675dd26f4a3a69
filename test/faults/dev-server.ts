// The Temporal dev server as `npm start` runs it (SQLite file, the project's search
// attributes), as a process the fault suite can stop and start again from the same file.
import { spawn, type ChildProcess } from 'node:child_process';
import { Connection } from '@temporalio/client';
import { temporalCliPath } from '../../dev/tools';
import { freePort } from '../../dev/harness/ports';
import { isListening } from '../../dev/processes';
import { searchAttributeDefinitions } from '../../workflows/search-attributes';

export { freePort };

export class DevServer {
  private child: ChildProcess | undefined;
  private output = '';

  constructor(
    readonly dbFile: string,
    readonly port: number,
    private readonly log: (line: string) => void,
  ) {}

  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  /** Starts from the SQLite file (created on the first start); ready once the namespace answers. */
  async start(timeoutMs = 90_000): Promise<void> {
    // The dev server binds internal ports it picked a moment earlier; a start lost to another
    // process taking one is tried again.
    for (let attempt = 1; ; attempt++) {
      try {
        await this.startOnce(timeoutMs);
        return;
      } catch (err) {
        await this.stop();
        if (attempt >= 3) throw err;
        this.log(`dev server start failed (${(err as Error).message.split('\n')[0]}); retrying`);
      }
    }
  }

  private async startOnce(timeoutMs: number): Promise<void> {
    const args = [
      'server', 'start-dev', '--headless',
      '--db-filename', this.dbFile,
      '--ip', '127.0.0.1',
      '--port', String(this.port),
      '--namespace', 'default',
      '--log-level', 'error',
      ...Object.entries(searchAttributeDefinitions).flatMap(([k, v]) => ['--search-attribute', `${k}=${v}`]),
    ];
    this.output = '';
    const child = spawn(temporalCliPath(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    child.stdout!.on('data', (d: Buffer) => (this.output += d.toString('utf8')));
    child.stderr!.on('data', (d: Buffer) => (this.output += d.toString('utf8')));
    const deadline = Date.now() + timeoutMs;
    while (!(await isListening(this.port))) {
      if (child.exitCode !== null) throw new Error(`dev server exited (code ${child.exitCode}): ${this.output.slice(-2000)}`);
      if (Date.now() > deadline) throw new Error(`dev server not listening after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 250));
    }
    const connection = await Connection.connect({ address: this.address });
    try {
      for (;;) {
        try {
          await connection.workflowService.describeNamespace({ namespace: 'default' });
          return;
        } catch (err) {
          if (Date.now() > deadline) throw err;
          await new Promise((r) => setTimeout(r, 250));
        }
      }
    } finally {
      await connection.close();
    }
  }

  /** SIGTERM, as an operator's restart does; SIGKILL after a grace period. */
  async stop(graceMs = 15_000): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  }
}
