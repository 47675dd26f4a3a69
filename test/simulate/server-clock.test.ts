// The simulation's test server: its clock starts where the simulation starts and moves only by
// skipping, never while something is in flight (the cause of the runs that stopped: a timer
// fired under a running workflow task, clock-shim.ts); and a run that cannot move fails with
// what is pending instead of waiting for ever.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulatedServer } from '../../client/simulate/server';
import { SimulationStalled, StallWatch } from '../../client/simulate/stall';

const START = Date.parse('2021-10-12T00:00:00+07:00');
const DAY = 86_400_000;

describe('the simulation server', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await startSimulatedServer(START);
  }, 60_000);
  afterAll(async () => {
    await env?.teardown();
  });

  it('starts at the simulated instant and does not move with the wall clock', async () => {
    expect(await env.currentTimeMs()).toBe(START);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await env.currentTimeMs()).toBe(START);
  });

  it('moves by exactly the time skipped', async () => {
    await env.sleep(DAY);
    expect(await env.currentTimeMs()).toBe(START + DAY);
  });

  it('a wait that cannot end (a workflow task nobody takes) fails, naming the workflow', async () => {
    // No worker polls this queue: the task stays scheduled, so time can never skip forward.
    await env.client.workflow.start('programWorkflow', { taskQueue: 'nobody-polls-here', workflowId: 'stalled/program', args: [{ programId: 'stalled' }] });
    const watch = new StallWatch(env, () => 0, 3_000, new Promise(() => undefined));
    const started = Date.now();
    const outcome = await watch.guard('time to reach the next day', env.sleep(DAY)).then(
      () => 'returned',
      (err: unknown) => err,
    );
    expect(outcome).toBeInstanceOf(SimulationStalled);
    const message = (outcome as Error).message;
    expect(message).toMatch(/stopped making progress\): nothing moved for \d+ s while waiting for time to reach the next day/);
    expect(message).toContain('stalled/program: workflow task not completed');
    expect(Date.now() - started).toBeLessThan(15_000);
  }, 30_000);

  it('a worker that stops ends the wait at once', async () => {
    const watch = new StallWatch(env, () => 0, 60_000, Promise.reject(new Error('worker crashed')));
    await expect(watch.guard('apply', new Promise(() => undefined))).rejects.toThrow('worker crashed');
  });
});
