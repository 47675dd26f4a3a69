// The suite's worker: always one running, killed with SIGKILL on demand and started again at
// once (as a supervisor would), and started again too if it ever exits on its own, which is
// counted and reported rather than hidden.
import { killWorker, startWorkerProcess, type WorkerProcess } from './worker-process';

export class Workers {
  kills = 0;
  selfExits = 0;
  private current: WorkerProcess | undefined;
  private starting: Promise<void> | undefined;
  private stopped = false;
  private readonly watch: NodeJS.Timeout;

  constructor(
    private readonly env: Record<string, string>,
    private readonly log: (line: string) => void,
  ) {
    this.watch = setInterval(() => {
      const w = this.current;
      if (this.stopped || !w || (w.child.exitCode === null && w.child.signalCode === null)) return;
      this.current = undefined;
      this.selfExits++;
      this.log(`worker exited on its own (code ${String(w.child.exitCode)}): ${w.output().trim().split('\n').slice(-3).join(' | ')}; starting another`);
      void this.ensure();
    }, 1000);
  }

  /** Resolves once a worker polls; retried while the server is down (the worker cannot connect). */
  ensure(): Promise<void> {
    if (this.current || this.stopped) return Promise.resolve();
    this.starting ??= (async () => {
      const deadline = Date.now() + 5 * 60_000;
      for (;;) {
        try {
          this.current = await startWorkerProcess(this.env, 90_000);
          return;
        } catch (err) {
          if (Date.now() > deadline || this.stopped) throw err;
          this.log(`worker start failed (${(err as Error).message.split('\n').slice(-2).join(' ')}); retrying`);
          await new Promise((r) => setTimeout(r, 2000));
        }
      }
    })().finally(() => (this.starting = undefined));
    return this.starting;
  }

  /** kill -9 the running worker, then start a new one. */
  async killAndRestart(): Promise<void> {
    await this.ensure();
    const w = this.current;
    if (!w) return;
    this.current = undefined;
    await killWorker(w);
    this.kills++;
    this.log(`kill -9 worker pid ${w.child.pid} (#${this.kills}); starting another`);
    await this.ensure();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.watch);
    await this.starting?.catch(() => undefined);
    if (this.current) await killWorker(this.current);
    this.current = undefined;
  }
}
