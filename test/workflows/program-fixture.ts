// Loads the test programs and builds the time-skipping environment every program test
// needs: a test server, a worker with real activities, a real SMTP sink and a file store.
import { resolve } from 'node:path';
import { WorkflowNotFoundError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import type { ActivityDeps } from '../../activities';
import type { MailSink, SunkMessage } from '../../dev/mail-sink/sink';
import { loadProgram } from '../../program/load';
import type { Program } from '../../program/types';
import type { Records } from '../../storage/records';
import { startSimulatedServer } from '../../client/simulate/server';
import { createDondocWorker } from '../../worker/create-worker';
import { startTestMail } from '../support/mail';
import { createTimeSkippingEnv, uniqueQueue, workflowBundle } from '../support/temporal';

export function loadTestProgram(name: string): Program {
  const loaded = loadProgram(resolve(__dirname, '..', 'fixtures', 'programs', name));
  if (!loaded.ok) throw new Error(loaded.errors.map((e) => e.message).join('\n'));
  return loaded.program;
}

export interface ProgramTestEnv {
  env: TestWorkflowEnvironment;
  sink: MailSink;
  deps: ActivityDeps;
  taskQueue: string;
  worker: Worker;
  running: Promise<void>;
  stop(): Promise<void>;
}

/**
 * `stillClock`: the server's clock moves only by skipping (client/simulate/server.ts), never
 * at wall-clock speed while work is in flight: a timer can then not come due under a task
 * that cancels it, which the test server mishandles by locking time for good
 * (temporalio/sdk-java#2606). Long runs with thousands of workflows need it.
 */
export async function startProgramTestEnv(name: string, options: { stillClock?: boolean; records?: Records } = {}): Promise<ProgramTestEnv> {
  // `records`: the worker's records database (and program store), when the test reaches it too.
  const { sink, deps } = await startTestMail(options.records ? { records: options.records } : {});
  const env = options.stillClock ? await startSimulatedServer(Date.now()) : await createTimeSkippingEnv();
  const taskQueue = uniqueQueue(name);
  const worker = await createDondocWorker({ connection: env.nativeConnection, namespace: env.namespace ?? 'default', taskQueue, deps, workflowBundle: await workflowBundle() });
  const running = worker.run();
  return {
    env,
    sink,
    deps,
    taskQueue,
    worker,
    running,
    async stop() {
      worker.shutdown();
      await running;
      await env.teardown();
      await sink.close();
    },
  };
}

/** The step part of a notice key (`request`, `r1/reminder-1`, …) for messages of one workflow. */
export function stepsOf(sink: MailSink, workflowId: string): string[] {
  return sink
    .messages()
    .filter((m: SunkMessage) => m.headers['x-dondoc-key']?.startsWith(`${workflowId}/`))
    .map((m) => m.headers['x-dondoc-key']!.slice(workflowId.length + 1));
}

/**
 * Polls a query until `ready` holds (real time; the test server's clock does not move). A
 * workflow not started yet (its parent is still building its input) is waited for too.
 */
export async function eventually<T>(read: () => Promise<T>, ready: (value: T) => boolean, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    try {
      last = await read();
    } catch (err) {
      if (!(err instanceof WorkflowNotFoundError)) throw err;
      await new Promise((r) => setTimeout(r, 150));
      continue;
    }
    if (ready(last)) return last;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(last)?.slice(0, 2000)}`);
}

/**
 * The office's edit of the 12-unit six-month program (`bao-cao-6-thang-12-don-vi.yaml`), as
 * the re-apply tests make it: due 5 working days after closing; Thọ Ngọc joins; Nưa leaves.
 */
export function officeEdit(original: Program): Program {
  const program = structuredClone(original);
  program.items[0]!.due = { workingDays: 5, after: 'closing' };
  program.units.push({
    id: 'tho-ngoc',
    name: 'UBND xã Thọ Ngọc',
    kind: 'commune',
    emails: ['tho-ngoc@trieuson.example.org'],
    head: { name: 'Thủ trưởng UBND xã Thọ Ngọc', title: 'Chủ tịch UBND xã', email: 'thutruong.tho-ngoc@trieuson.example.org' },
  });
  const group = program.groups[0]!;
  group.members = [...(group.members ?? []).filter((m) => m !== 'nua'), 'tho-ngoc'];
  return program;
}
