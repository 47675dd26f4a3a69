// A simulation must end: every wait of the driver (apply, each step of time, each scripted act)
// is watched, and if nothing moves for a while (neither the server's clock, nor the mail, nor
// the worker's workflows and tasks) the run fails with what was still pending instead of
// waiting for ever. The known cause of such a stop is kept out by the still clock
// (clock-shim.ts); this is the net under anything else (a worker that died, a server that broke).
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { temporal } from '@temporalio/proto';

export class SimulationStalled extends Error {
  override readonly name = 'SimulationStalled';
}

/** Real time without any progress after which a run is declared stopped. */
export const DEFAULT_STALL_MS = 120_000;
const PROBE_MS = 2_000;

export class StallWatch {
  constructor(
    private readonly env: TestWorkflowEnvironment,
    /** Anything that changes when work is done (messages sent, workflows the worker holds). */
    private readonly work: () => number | string,
    private readonly limitMs: number,
    /** Rejects if the worker stops: no need to wait for the limit then. */
    private readonly worker: Promise<void>,
    /** The caller's own limit (a test's deadline): the run stops at the next wait. */
    private readonly signal?: AbortSignal,
  ) {}

  /** `task` as it is, or a SimulationStalled error once nothing has moved for the limit. */
  async guard<T>(what: string, task: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const stalled = new Promise<never>((_, reject) => {
      let last = '';
      let since = Date.now();
      const probe = async () => {
        const mark = `${await this.clock()}|${this.work()}`;
        if (mark !== last) {
          last = mark;
          since = Date.now();
        } else if (Date.now() - since >= this.limitMs) {
          reject(new SimulationStalled(await this.describe(what, since)));
          return;
        }
        timer = setTimeout(() => void probe(), PROBE_MS);
      };
      timer = setTimeout(() => void probe(), PROBE_MS);
    });
    const died = this.worker.then(() => {
      throw new Error(`worker đã dừng giữa chừng (the worker stopped during: ${what})`);
    });
    // Settles at the end of every run (shutdown); only the race below cares.
    died.catch(() => undefined);
    let onAbort: (() => void) | undefined;
    const aborted = new Promise<never>((_, reject) => {
      onAbort = () => reject(this.signal?.reason instanceof Error ? this.signal.reason : new Error(`simulation aborted during ${what}`));
      if (this.signal?.aborted) onAbort();
      else this.signal?.addEventListener('abort', onAbort, { once: true });
    });
    try {
      return await Promise.race([task, stalled, died, aborted]);
    } finally {
      clearTimeout(timer);
      if (onAbort) this.signal?.removeEventListener('abort', onAbort);
      task.catch(() => undefined);
    }
  }

  /** The server's clock, or a mark that never repeats-as-progress if it does not answer. */
  private async clock(): Promise<string> {
    const answer = this.env.currentTimeMs().then(String, () => 'no answer');
    return Promise.race([answer, new Promise<string>((r) => setTimeout(() => r('no answer'), PROBE_MS))]);
  }

  private async describe(what: string, since: number): Promise<string> {
    const seconds = Math.round((Date.now() - since) / 1000);
    const at = await this.clock();
    const when = /^\d+$/.test(at) ? new Date(Number(at)).toISOString() : at;
    const pending = await Promise.race([this.pending(), new Promise<string[]>((r) => setTimeout(() => r(['(the server did not answer)']), 10_000))]);
    return [
      `mô phỏng ngừng tiến triển (the simulation stopped making progress): nothing moved for ${seconds} s while waiting for ${what}; server clock ${when}.`,
      ...(pending.length > 0 ? ['Pending:', ...pending.map((p) => `  ${p}`)] : ['No workflow has a task or an activity in flight.']),
    ].join('\n');
  }

  /** Workflows whose last event is a task not completed, and activities in flight. */
  private async pending(): Promise<string[]> {
    const svc = this.env.connection.workflowService;
    const namespace = this.env.namespace ?? 'default';
    const out: string[] = [];
    try {
      const open = await svc.listOpenWorkflowExecutions({ namespace, maximumPageSize: 10_000 });
      for (const ex of open.executions) {
        const execution = { workflowId: ex.execution?.workflowId ?? '', runId: ex.execution?.runId ?? '' };
        const [history, described] = await Promise.all([
          svc.getWorkflowExecutionHistory({ namespace, execution, maximumPageSize: 100_000 }),
          svc.describeWorkflowExecution({ namespace, execution }),
        ]);
        const last = history.history?.events?.at(-1);
        const type = temporal.api.enums.v1.EventType[last?.eventType ?? 0] ?? String(last?.eventType);
        if (/WORKFLOW_TASK_(SCHEDULED|STARTED)$/.test(type)) out.push(`${execution.workflowId}: workflow task not completed (last event ${last?.eventId?.toString()} ${type})`);
        for (const a of described.pendingActivities ?? []) out.push(`${execution.workflowId}: activity ${a.activityType?.name ?? '?'} attempt ${a.attempt ?? 0}${a.lastFailure?.message ? ` (${a.lastFailure.message})` : ''}`);
        if (out.length >= 20) break;
      }
    } catch (err) {
      out.push(`(could not list workflows: ${(err as Error).message})`);
    }
    return out;
  }
}
