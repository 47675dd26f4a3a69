// One simulation: a private Temporal test server whose clock starts at the range's first day,
// a dondoc worker with the real workflows and activities, mail to an in-process SMTP sink, the
// program applied as `dondoc apply` does, then simulated time driven through the range while
// the scripted people act. Nothing listens beyond 127.0.0.1 and nothing is sent elsewhere.
import { setMaxListeners } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DateTime } from 'luxon';
import { bundleWorkflowCode, DefaultLogger, Runtime, type Worker } from '@temporalio/worker';
import nodemailer from 'nodemailer';
import type { ActivityDeps } from '../../activities';
import { startMailSink, type MailSink, type SunkMessage } from '../../dev/mail-sink/sink';
import type { Plan } from '../../program/plan-types';
import type { Program } from '../../program/types';
import { FileStore } from '../../storage/file-store';
import { FileSentLedger } from '../../storage/sent-ledger';
import { createDondocWorker, workflowsPath } from '../../worker/create-worker';
import { openRecords } from '../../storage/records';
import { applyProgram } from '../programs';
import { Actor, type ActionFailure } from './actions';
import { buildScript, type Behaviour, type Conduct } from './behaviour';
import { startSimulatedServer } from './server';
import { DEFAULT_STALL_MS, StallWatch } from './stall';

export interface SimulationOptions {
  program: Program;
  plan: Plan;
  /** Local dates, both included. */
  from: string;
  to: string;
  behaviour: Behaviour;
  seed: number;
  /** Called with the simulated date as time moves (for progress on stderr). */
  progress?: (date: string) => void;
  /** Real time without progress after which the run fails (stall.ts); default 2 minutes. */
  stallMs?: number;
  /** Stops the run (its reason is the error thrown), e.g. a caller's overall deadline. */
  signal?: AbortSignal;
}

export interface SimulationRun {
  messages: SunkMessage[];
  /** Message-ID → the simulated instant (ms) at which the worker handed it to SMTP. */
  handedAt: Map<string, number>;
  conduct: Map<string, Conduct>;
  failures: ActionFailure[];
  actionsDone: number;
  submitted: Map<string, { late: boolean }>;
  exempted: Set<string>;
  /** Real time the run took, in milliseconds. */
  elapsedMs: number;
  /** The range as instants (ms): from 00:00 of `from` to 24:00 of `to`. */
  startMs: number;
  endMs: number;
}

const DAY = 86_400_000;
/** The longest single jump of simulated time, so progress shows and memory stays flat. */
const MAX_STEP = 7 * DAY;

let runtimeReady = false;
function quietRuntime(): void {
  if (runtimeReady) return;
  runtimeReady = true;
  try {
    // Workers log every state change at INFO, and the SDK's core warns that the test server
    // is not a full server; a simulation wants its own output only.
    Runtime.install({ logger: new DefaultLogger('ERROR'), telemetryOptions: { logging: { filter: { core: 'ERROR', other: 'ERROR' }, forward: {} } } });
  } catch {
    // Installed already (by the host process, e.g. a test runner): keep it.
  }
}

export async function simulate(opts: SimulationOptions): Promise<SimulationRun> {
  const started = Date.now();
  const zone = opts.plan.timezone;
  const startMs = DateTime.fromISO(`${opts.from}T00:00`, { zone }).toMillis();
  const endMs = DateTime.fromISO(opts.to, { zone }).plus({ days: 1 }).toMillis();
  const script = buildScript(opts.program, opts.plan, opts.behaviour, opts.seed);
  const actions = script.actions.filter((a) => a.at >= startMs && a.at < endMs);

  quietRuntime();
  const files = await mkdtemp(join(tmpdir(), 'dondoc-simulate-'));
  const cleanup: (() => Promise<unknown>)[] = [() => rm(files, { recursive: true, force: true })];
  try {
    const [sink, bundle] = await Promise.all([
      startMailSink({ smtpPort: 0, httpPort: 0, maxMessages: 1_000_000 }),
      workflowBundle(),
    ]);
    cleanup.unshift(() => sink.close());
    const store = new FileStore(join(files, 'files'));
    // Report cycles keep their unit rows in the records database: the simulation gets its
    // own, in its temporary directory, gone with it.
    const records = await openRecords({ dataDir: join(files, 'records') });
    cleanup.unshift(() => records.close());
    // The simulated instant each message leaves the worker: what the Date header must say
    // (issue #8 contract), kept to check it and to stand in while workflows do not set it.
    // The server's clock does not move while the sending activity runs.
    const handedAt = new Map<string, number>();
    const clock: { env?: TestWorkflowEnvironment } = {};
    // Pooled connections to the sink: a year of a program is a few thousand messages, and a
    // connection per message (the relay transport's way) is most of the sending time.
    const mailer = nodemailer.createTransport({ host: '127.0.0.1', port: sink.smtpPort, ignoreTLS: true, pool: true, maxConnections: 4 });
    cleanup.push(async () => mailer.close());
    mailer.use('compile', (mail, done) => {
      const id = mail.data.messageId;
      if (!clock.env || !id) return done();
      clock.env.currentTimeMs().then(
        (ms) => {
          handedAt.set(id, ms);
          done();
        },
        () => done(),
      );
    });
    const deps: ActivityDeps = {
      mailer,
      from: '"dondoc (mô phỏng)" <dondoc@simulate.invalid>',
      messageIdDomain: 'simulate.invalid',
      store,
      records,
      ledger: new FileSentLedger(join(files, 'sent')),
    };
    const env: TestWorkflowEnvironment = await startSimulatedServer(startMs);
    cleanup.unshift(() => env.teardown());
    clock.env = env;
    const taskQueue = 'dondoc-simulate';
    // A run cut short (a stall, Ctrl-C) leaves work in flight; its worker must still stop, or
    // the process would never exit.
    const tuning = { shutdownForceTime: '10 seconds' } as const;
    const worker: Worker = await createDondocWorker({ connection: env.nativeConnection, namespace: env.namespace ?? 'default', taskQueue, deps, workflowBundle: bundle, tuning });
    const running = worker.run();
    cleanup.unshift(async () => {
      // On Ctrl-C the SDK's runtime has begun stopping it already.
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running;
    });
    // Calls the driver still has in flight when a run ends early (a stall, an interruption)
    // are cancelled before the connection closes: left alone, the client retries them on the
    // closed channel from a timer, and the process dies of it.
    const calls = new AbortController();
    // Every call of the run listens to it; dozens at once are expected, not a leak.
    setMaxListeners(0, calls.signal);
    cleanup.unshift(async () => calls.abort());
    const actor = new Actor(env.client, opts.plan, store);
    await env.connection.withAbortSignal(calls.signal, async () => {
      const work = () => {
        // A large program starts hundreds of workflows at one instant before any mail.
        const w = worker.getStatus();
        return `${sink.messages().length}|${w.numCachedWorkflows}|${w.numInFlightWorkflowActivations}|${w.numInFlightActivities}`;
      };
      const watch = new StallWatch(env, work, opts.stallMs ?? DEFAULT_STALL_MS, running, opts.signal);

      await watch.guard('apply', applyProgram(env.client, taskQueue, opts.program, 'simulate'));
      let now = await env.currentTimeMs();
      let shown = '';
      const show = () => {
        const date = DateTime.fromMillis(now, { zone }).toISODate()!;
        if (date !== shown) opts.progress?.((shown = date));
      };
      const advanceTo = async (target: number) => {
        while (now < target) {
          await watch.guard(`time to reach ${new Date(target).toISOString()}`, env.sleep(Math.min(target - now, MAX_STEP)));
          now = await env.currentTimeMs();
          show();
        }
      };
      for (let i = 0; i < actions.length; ) {
        const at = actions[i]!.at;
        let j = i;
        while (j < actions.length && actions[j]!.at === at) j++;
        await advanceTo(at);
        // The server's clock stays at `at` while they run (it moves only when the driver sleeps).
        await watch.guard(`the ${j - i} simulated act(s) of ${new Date(at).toISOString()}`, actor.performAll(actions.slice(i, j)));
        i = j;
      }
      await advanceTo(endMs);
      await settled(sink);
    });
    return {
      messages: sink.messages(),
      handedAt,
      conduct: script.conduct,
      failures: actor.failures,
      actionsDone: actor.done,
      submitted: actor.submitted,
      exempted: actor.exempted,
      elapsedMs: Date.now() - started,
      startMs,
      endMs,
    };
  } finally {
    // Bounded: after a stall the worker or the server may not answer, and the run must end.
    for (const step of cleanup) await Promise.race([step().catch(() => undefined), new Promise((r) => setTimeout(r, 20_000).unref())]);
  }
}

/** The last notices' activities may still be sending when the clock reaches the end. */
async function settled(sink: MailSink): Promise<void> {
  let count = -1;
  let stable = 0;
  while (stable < 3) {
    await new Promise((r) => setTimeout(r, 300));
    const n = sink.messages().length;
    stable = n === count ? stable + 1 : 0;
    count = n;
  }
}

const silentLogger = { trace() {}, debug() {}, info() {}, warn() {}, error() {}, log() {} } as never;

let bundle: ReturnType<typeof bundleWorkflowCode> | undefined;
/** Bundling takes seconds; simulations in one process (the oracle test) share one bundle. */
function workflowBundle(): ReturnType<typeof bundleWorkflowCode> {
  bundle ??= bundleWorkflowCode({ workflowsPath, logger: silentLogger });
  return bundle;
}
