// One time-skipping server, one worker with the real activities and one real SMTP sink for a
// whole assignment test file, and the few reads every case makes of them: the mail of one
// workflow, its notice keys, its settled state. Each case starts its own workflow through
// `start`; `stopStarted` ends whatever a case left running, so no workflow of an
// earlier case keeps firing timers while later cases move the shared clock.
//
// A case's workflow is never terminated: `stopStarted` has the office exempt it, so it ends by
// its own code once its last notice is sent and its record written. Terminated with an activity
// or a workflow task in flight, the test server keeps that activity's time-skipping lock
// (temporalio/sdk-java#1138) and every later `env.sleep` runs in real time; waiting for no
// pending activity first was not enough (seen here, one run in three). A cancellation is sent
// only once the workflow is `quiet`: the test server refuses the cancellation of an activity
// completing in the same task (ACTIVITY_UNKNOWN, temporalio/sdk-typescript#1058) and the
// workflow is then stuck.
import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { expect } from 'vitest';
import type { MailSink, SunkMessage } from '../../dev/mail-sink/sink';
import { createDondocWorker } from '../../worker/create-worker';
import { assignmentWorkflow } from '../../workflows';
import { assignmentStartAttributes } from '../../workflows/search-attributes';
import { exemptUpdate, statusQuery, type AssignmentInput, type AssignmentState } from '../../workflows/assignment/messages';
import { startTestMail } from '../support/mail';
import { createTimeSkippingEnv, uniqueQueue, workflowBundle } from '../support/temporal';
import { assignmentInput } from './assignment-fixture';

export interface AssignmentTestEnv {
  env: TestWorkflowEnvironment;
  sink: MailSink;
  /** Starts an assignment of the fixture input with `overrides`, under its own id. */
  start(id: string, overrides?: Partial<AssignmentInput>, options?: { searchAttributes?: boolean }): Promise<WorkflowHandle<typeof assignmentWorkflow>>;
  /** Ends the workflows started by the case that just ran, if they still run (exempted). */
  stopStarted(): Promise<void>;
  /** Waits until the workflow has no activity in flight (its notices sent, its record written). */
  quiet(workflowId: string): Promise<void>;
  /** Messages of one workflow, in the order they reached the SMTP server. */
  mailOf(workflowId: string): SunkMessage[];
  /** The step part of each notice key of one workflow: `request`, `r1/reminder-1`, … */
  stepsOf(workflowId: string): string[];
  /** The message with the key `<workflowId>/<step>`, once it has arrived. */
  waitForKey(workflowId: string, step: string): Promise<SunkMessage>;
  /** The state once no notice waits for its send activity any more. */
  settled(workflowId: string): Promise<AssignmentState>;
  /**
   * The final state of a workflow that has just closed, read by a query. The testing client's
   * `result()` unlocks time skipping and the test server then jumps years ahead, so these
   * tests never call it.
   */
  closedState(workflowId: string, status?: 'COMPLETED' | 'CANCELLED'): Promise<AssignmentState>;
  stop(): Promise<void>;
}

const poll = () => new Promise((r) => setTimeout(r, 100));

export async function startAssignmentTestEnv(name: string): Promise<AssignmentTestEnv> {
  const mail = await startTestMail();
  const sink = mail.sink;
  const env = await createTimeSkippingEnv();
  const taskQueue = uniqueQueue(name);
  const worker: Worker = await createDondocWorker({
    connection: env.nativeConnection,
    namespace: env.namespace ?? 'default',
    taskQueue,
    deps: mail.deps,
    workflowBundle: await workflowBundle(),
  });
  const running = worker.run();
  let started: WorkflowHandle[] = [];

  const mailOf = (workflowId: string) => sink.messages().filter((m) => m.headers['x-dondoc-key']?.startsWith(`${workflowId}/`));
  const t: AssignmentTestEnv = {
    env,
    sink,
    async start(id, overrides = {}, options = {}) {
      // Search attributes with the start, as the occurrence's activity and `dondoc assign` give
      // them; `searchAttributes: false` starts as a client of an earlier release would.
      const input = assignmentInput(overrides);
      const attributes = options.searchAttributes === false ? {} : { typedSearchAttributes: assignmentStartAttributes(input) };
      const handle = await env.client.workflow.start(assignmentWorkflow, { taskQueue, workflowId: id, args: [input], ...attributes });
      started.push(handle);
      return handle;
    },
    async stopStarted() {
      const handles = started;
      started = [];
      for (const handle of handles) {
        if ((await handle.describe()).status.name !== 'RUNNING') continue;
        await handle.executeUpdate(exemptUpdate, { args: [{ reason: 'test case done' }] });
        await t.closedState(handle.workflowId);
      }
    },
    async quiet(workflowId) {
      const handle = env.client.workflow.getHandle(workflowId);
      // Two idle reads in a row: an activity that just completed may schedule the next one.
      let idle = 0;
      for (let i = 0; i < 200 && idle < 2; i++) {
        const { raw, status } = await handle.describe();
        idle = status.name !== 'RUNNING' || (raw.pendingActivities ?? []).length === 0 ? idle + 1 : 0;
        if (idle < 2) await poll();
      }
      if (idle < 2) throw new Error(`${workflowId} never went quiet`);
    },
    mailOf,
    stepsOf: (workflowId) => mailOf(workflowId).map((m) => m.headers['x-dondoc-key']!.slice(workflowId.length + 1)),
    async waitForKey(workflowId, step) {
      const [message] = await sink.waitFor((m) => m.headers['x-dondoc-key'] === `${workflowId}/${step}`, { timeoutMs: 20_000 });
      return message!;
    },
    async settled(workflowId) {
      for (let i = 0; i < 100; i++) {
        const state = await env.client.workflow.getHandle(workflowId).query(statusQuery);
        if (state.notices.every((n) => n.sentAt || n.skipped)) return state;
        await poll();
      }
      throw new Error(`notices of ${workflowId} never settled`);
    },
    async closedState(workflowId, status = 'COMPLETED') {
      const handle = env.client.workflow.getHandle(workflowId);
      for (let i = 0; i < 100; i++) {
        if ((await handle.describe()).status.name === status) return handle.query(statusQuery);
        await poll();
      }
      throw new Error(`${workflowId} did not end ${status}`);
    },
    async stop() {
      worker.shutdown();
      await running;
      await env.teardown();
      await sink.close();
    },
  };
  return t;
}

/** The validator's reason behind a rejected update. */
export async function rejection(promise: Promise<unknown>): Promise<string> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
  return ((err as WorkflowUpdateFailedError).cause as Error).message;
}
