// `npm run bench:scale -- --units N [--reminders 3]`: one report item requested now for N
// units on the dev server (SQLite, as `npm start`), beside N bare Temporal workflows with
// the same timers (bench/bare/), in the same run. Measures the time until every request is
// in the SMTP sink, the CPU of the worker process and of the server, the actions per
// assignment from the histories (a sample of units submits, so their histories are whole),
// the largest history and payload, and the worker's peak RSS. Prints figures, asserts
// nothing: timing belongs to benchmarks, not tests.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import type { Client } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import { createMailer } from '../activities/notify/mailer';
import { DEFAULT_MAX_CACHED_WORKFLOWS } from '../config/env';
import { applyProgram, programWorkflowId } from '../client/programs';
import { historyFigures } from '../dev/harness/history-limits';
import { startTestMail } from '../dev/harness/mail';
import { createDevServerEnv, uniqueQueue, workflowBundle } from '../dev/harness/temporal';
import { scaleProgram } from '../dev/scale-program';
import { createDondocWorker } from '../worker/create-worker';
import { submitUpdate } from '../workflows/assignment/messages';
import { compilePlan } from '../program/plan';
import { countActions } from './actions';
import { createBareActivities } from './bare/activities';
import { bareAssignmentWorkflow, bareSubmitUpdate } from './bare/workflows';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const UNITS = arg('units', 200);
const REMINDERS = arg('reminders', 3);
/** Units whose whole history (request to receipt) is counted. */
const SAMPLE = Math.min(UNITS, arg('sample', 50));
const CACHE = Number(process.env.DONDOC_MAX_CACHED_WORKFLOWS ?? DEFAULT_MAX_CACHED_WORKFLOWS);

/** CPU seconds (user + system) of a process, from /proc. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function serverPid(): number {
  const out = execFileSync('pgrep', ['-n', '-f', 'server start-dev'], { encoding: 'utf8' }).trim();
  return Number(out.split('\n').at(-1));
}

async function inBatches<T>(items: T[], size: number, fn: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(fn));
}

function progress(label: string, count: () => number, total: number, started: number): NodeJS.Timeout {
  return setInterval(() => process.stderr.write(`  ${label}: ${count()}/${total} after ${((Date.now() - started) / 1000).toFixed(0)} s\n`), 15_000);
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'dondoc-scale-'));
  const { sink, deps } = await startTestMail();
  const env = await createDevServerEnv({ dbFilename: join(dir, 'temporal.sqlite') });
  const client: Client = env.client;
  const server = serverPid();
  const taskQueue = uniqueQueue('scale');
  const bareQueue = uniqueQueue('bare');
  const worker = await createDondocWorker({ connection: env.nativeConnection, namespace: 'default', taskQueue, deps, workflowBundle: await workflowBundle(), tuning: { maxCachedWorkflows: CACHE } });
  const bare = await Worker.create({
    connection: env.nativeConnection,
    taskQueue: bareQueue,
    workflowsPath: resolve(__dirname, 'bare', 'workflows.ts'),
    activities: createBareActivities(createMailer(`smtp://127.0.0.1:${sink.smtpPort}`)),
    maxCachedWorkflows: CACHE,
  });
  const running = Promise.all([worker.run(), bare.run()]);
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 500);
  const requests = (domain: string) => sink.messages().filter((m) => m.messageId.includes('/request@') && m.messageId.endsWith(`@${domain}>`)).length;

  // dondoc: the program applied, the occurrence pages its assignments, each sends its request.
  const scale = scaleProgram(UNITS, 0, { reminders: REMINDERS, requestAt: Date.now() });
  const cpu0 = process.cpuUsage();
  const srv0 = cpuSeconds(server);
  const t0 = Date.now();
  let ticker = progress('dondoc requests', () => requests('test.example.org'), UNITS, t0);
  await applyProgram(client, taskQueue, scale.program, 'quy-mo.yaml');
  await sink.waitFor((m) => m.messageId.includes('/request@') && m.messageId.endsWith('@test.example.org>'), { count: UNITS, timeoutMs: 4 * 3600_000 });
  clearInterval(ticker);
  const seconds = (Date.now() - t0) / 1000;
  const cpu1 = process.cpuUsage(cpu0);
  const workerCpu = (cpu1.user + cpu1.system) / 1e6;
  const serverCpu = cpuSeconds(server) - srv0;
  const rssDondoc = peakRss;

  // bare: N workflows started by the client with the same timers.
  const unitIds = Array.from({ length: UNITS }, (_, i) => `don-vi-${i + 1}`);
  const planned = compilePlan(scale.program).assignments[0]!;
  const dueAt = Date.parse(planned.due.at);
  const reminderAts = planned.reminders.map((r) => Date.parse(r.at));
  const bcpu0 = process.cpuUsage();
  const bsrv0 = cpuSeconds(server);
  const b0 = Date.now();
  ticker = progress('bare requests', () => requests('bench.example.org'), UNITS, b0);
  await inBatches(unitIds, 50, (u) =>
    client.workflow.start(bareAssignmentWorkflow, { taskQueue: bareQueue, workflowId: `bare/${u}`, args: [{ to: `vanphong@${u}.example.org`, dueAt, reminders: reminderAts }] }),
  );
  await sink.waitFor((m) => m.messageId.includes('/request@') && m.messageId.endsWith('@bench.example.org>'), { count: UNITS, timeoutMs: 4 * 3600_000 });
  clearInterval(ticker);
  const bareSeconds = (Date.now() - b0) / 1000;
  const bcpu1 = process.cpuUsage(bcpu0);
  const bareWorkerCpu = (bcpu1.user + bcpu1.system) / 1e6;
  const bareServerCpu = cpuSeconds(server) - bsrv0;

  // A sample of units submits on time in both, so their histories run request to receipt.
  const sample = unitIds.slice(0, SAMPLE);
  await inBatches(sample, 10, (u) => client.workflow.getHandle(`${scale.occurrenceId}/${u}`).executeUpdate(submitUpdate, { args: [{ content: `Báo cáo của ${u}` }] }));
  await inBatches(sample, 10, (u) => client.workflow.getHandle(`bare/${u}`).executeUpdate(bareSubmitUpdate, { args: [`Báo cáo của ${u}`] }));
  await inBatches(sample, 10, (u) => client.workflow.getHandle(`${scale.occurrenceId}/${u}`).result());
  await inBatches(sample, 10, (u) => client.workflow.getHandle(`bare/${u}`).result());
  // The assignments' last summaries reach the occurrence before its history is read.
  await new Promise((r) => setTimeout(r, 5_000));

  const occurrence = await historyFigures(client, scale.occurrenceId);
  const program = await historyFigures(client, programWorkflowId(scale.program.program.id));
  let assignmentActions = 0;
  let bareActions = 0;
  let maxEvents = Math.max(occurrence.maxEvents, program.maxEvents);
  let maxPayload = Math.max(occurrence.maxPayloadBytes, program.maxPayloadBytes);
  let maxPayloadEvent = occurrence.maxPayloadBytes >= program.maxPayloadBytes ? `occurrence ${occurrence.maxPayloadEvent}` : `program ${program.maxPayloadEvent}`;
  for (const u of sample) {
    const a = await historyFigures(client, `${scale.occurrenceId}/${u}`);
    assignmentActions += countActions(a.events);
    maxEvents = Math.max(maxEvents, a.maxEvents);
    if (a.maxPayloadBytes > maxPayload) [maxPayload, maxPayloadEvent] = [a.maxPayloadBytes, `assignment ${a.maxPayloadEvent}`];
    bareActions += countActions((await historyFigures(client, `bare/${u}`)).events);
  }
  // The occurrence's and the program's own actions are shared by every unit.
  const shared = (countActions(occurrence.events) + countActions(program.events)) / UNITS;
  const actionsPerAssignment = assignmentActions / SAMPLE + shared;

  clearInterval(sampler);
  worker.shutdown();
  bare.shutdown();
  await running;
  await env.teardown();
  await sink.close();
  await rm(dir, { recursive: true, force: true });

  const fixed = (n: number, d = 2) => n.toFixed(d);
  console.log(`dondoc: ${fixed(seconds, 1)} s to the last request; worker CPU ${fixed(workerCpu, 1)} s, server CPU ${fixed(serverCpu, 1)} s; occurrence runs ${occurrence.runs}, largest payload in ${maxPayloadEvent}`);
  console.log(`bare:   ${fixed(bareSeconds, 1)} s to the last request; worker CPU ${fixed(bareWorkerCpu, 1)} s, server CPU ${fixed(bareServerCpu, 1)} s`);
  console.log(`actions (sample of ${SAMPLE}, request to receipt, ${REMINDERS} reminders armed): dondoc ${fixed(actionsPerAssignment, 1)} (of which ${fixed(shared, 2)} shared), bare ${fixed(bareActions / SAMPLE, 1)}`);
  console.log(
    `scale: units=${UNITS} seconds=${fixed(seconds, 1)} bare_seconds=${fixed(bareSeconds, 1)} ratio=${fixed(seconds / bareSeconds)} ` +
      `cpu_ratio=${fixed((workerCpu + serverCpu) / (bareWorkerCpu + bareServerCpu))} actions_per_assignment=${fixed(actionsPerAssignment, 1)} ` +
      `bare_actions=${fixed(bareActions / SAMPLE, 1)} max_history_events=${maxEvents} max_payload_bytes=${maxPayload} worker_rss_mb=${Math.round(rssDondoc / 1024 / 1024)}`,
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
