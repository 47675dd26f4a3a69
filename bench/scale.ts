// `npm run bench:scale -- --units N [--reminders 3] [--sample 50]`: one report item requested
// now for N units on the dev server (SQLite, as `npm start`), beside N bare Temporal workflows
// with the same timers (bench/bare/), in the same run, one after the other. Measures the time
// until every request is in the SMTP sink, the CPU of each worker process and of the server,
// the actions per assignment from the histories (a sample of units submits and is accepted,
// so their histories run request to close), the largest history and payload, and the dondoc
// worker's peak RSS. Prints figures, asserts nothing: timing belongs to benchmarks, not tests.
//
// Each worker runs in its own process (bench/worker-process.ts): its CPU and RSS are its own,
// and this process — the SMTP sink, the client, the progress lines — never waits behind a
// worker's activations. A watch (bench/loop-watch.ts) reports any stall of this loop.
import { loadavg } from 'node:os';
import type { Client } from '@temporalio/client';
import { loadEnv } from '../config/env';
import { workerTuning } from '../worker/tuning';
import { programWorkflowId } from '../client/programs';
import { historyFigures } from '../dev/harness/history-limits';
import { uniqueQueue } from '../dev/harness/temporal';
import { scaleProgram } from '../dev/scale-program';
import { reviewUpdate, submitUpdate } from '../workflows/assignment/messages';
import { compilePlan } from '../program/plan';
import { actionsByKind, countActions, countVersioning } from './actions';
import { bareAcceptUpdate, bareAssignmentWorkflow, bareSubmitUpdate } from './bare/workflows';
import { offset, timeline } from './history-times';
import { cpuSeconds, rssBytes, serverPid, startWorker, type WorkerProcess } from './processes';
import { applyByHash, benchMain, intArg, runBench } from './stack';

const UNITS = intArg('units', 200, 1);
const REMINDERS = intArg('reminders', 3, 0);
/** Units whose whole history (request to acceptance) is counted. */
const SAMPLE = Math.min(UNITS, intArg('sample', 50, 1));

/** Closing 50 accepted workflows takes seconds; ten minutes means something is wrong. */
const SAMPLE_WAIT_MS = 10 * 60_000;

async function inBatches<T>(items: T[], size: number, fn: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(fn));
}

/** Rejects, naming what it waited for, when `p` takes longer than `ms`: a silent wait is what hid the last hang. */
function within<T>(ms: number, what: string, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`bench:scale: still waiting after ${ms / 1000} s for ${what}`)), ms);
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

function progress(label: string, count: () => number, total: number, started: number): NodeJS.Timeout {
  return setInterval(() => process.stderr.write(`  ${label}: ${count()}/${total} after ${((Date.now() - started) / 1000).toFixed(0)} s\n`), 15_000);
}

async function main(): Promise<void> {
  const tuning = workerTuning(loadEnv(process.env));
  const load0 = loadavg()[0]!;
  await runBench('scale', 100_000, async ({ dir, sink, env, workers, report }) => {
    const client: Client = env.client;
    const server = serverPid();
    const taskQueue = uniqueQueue('scale');
    const bareQueue = uniqueQueue('bare');
    // Both bundle their workflows at start: side by side, before anything is timed.
    // The dondoc worker's records (and program versions) in `dir`: the bench stores the program
    // there and sends its hash, as `dondoc apply` does with the worker's DATA_DIR.
    workers.push(...(await Promise.all([startWorker('dondoc', env.address, taskQueue, sink.smtpPort, dir), startWorker('bare', env.address, bareQueue, sink.smtpPort)])));
    const [dondocWorker, bareWorker] = workers as [WorkerProcess, WorkerProcess];
    let peakRss = 0;
    let barePeakRss = 0;
    let memoryAtPeak: NodeJS.MemoryUsage | undefined;
    const sampler = setInterval(() => {
      const rss = rssBytes(dondocWorker.pid);
      if (rss > peakRss) [peakRss, memoryAtPeak] = [rss, dondocWorker.memory];
      barePeakRss = Math.max(barePeakRss, rssBytes(bareWorker.pid));
    }, 500);
    const isRequest = (domain: string) => (m: { messageId: string }) => m.messageId.includes('/request@') && m.messageId.endsWith(`@${domain}>`);
    const requests = (domain: string) => sink.messages().filter(isRequest(domain)).length;
    /** Seconds from `since` to the median, the 90th percentile and the last request, and whose was last. */
    const spread = (domain: string, since: number) => {
      const sent = sink.messages().filter(isRequest(domain)).map((m) => ({ s: (Date.parse(m.receivedAt) - since) / 1000, id: m.messageId }));
      sent.sort((a, b) => a.s - b.s);
      const at = (q: number) => sent[Math.min(sent.length - 1, Math.floor(q * sent.length))]!.s.toFixed(1);
      return { text: `median ${at(0.5)} s, p90 ${at(0.9)} s, last ${sent.at(-1)!.id}`, lastId: sent.at(-1)!.id };
    };

    // dondoc: the program applied, the occurrence pages its assignments, each sends its request.
    const scale = scaleProgram(UNITS, 0, { reminders: REMINDERS, requestAt: Date.now() });
    const cpu0 = cpuSeconds(dondocWorker.pid);
    const srv0 = cpuSeconds(server);
    const t0 = Date.now();
    let ticker = progress('dondoc requests', () => requests('test.example.org'), UNITS, t0);
    await applyByHash(client, taskQueue, scale.program, dir);
    await sink.waitFor(isRequest('test.example.org'), { count: UNITS, timeoutMs: 4 * 3600_000 });
    clearInterval(ticker);
    const seconds = (Date.now() - t0) / 1000;
    const workerCpu = cpuSeconds(dondocWorker.pid) - cpu0;
    const dondocSpread = spread('test.example.org', t0);
    const serverCpu = cpuSeconds(server) - srv0;

    // bare: N workflows started by the client with the same timers.
    const unitIds = Array.from({ length: UNITS }, (_, i) => `don-vi-${i + 1}`);
    const planned = compilePlan(scale.program).assignments[0]!;
    const dueAt = Date.parse(planned.due.at);
    const reminderAts = planned.reminders.map((r) => Date.parse(r.at));
    const bcpu0 = cpuSeconds(bareWorker.pid);
    const bsrv0 = cpuSeconds(server);
    const b0 = Date.now();
    ticker = progress('bare requests', () => requests('bench.example.org'), UNITS, b0);
    await inBatches(unitIds, 50, (u) =>
      client.workflow.start(bareAssignmentWorkflow, { taskQueue: bareQueue, workflowId: `bare/${u}`, args: [{ to: `vanphong@${u}.example.org`, dueAt, reminders: reminderAts }] }),
    );
    await sink.waitFor(isRequest('bench.example.org'), { count: UNITS, timeoutMs: 4 * 3600_000 });
    clearInterval(ticker);
    const bareSeconds = (Date.now() - b0) / 1000;
    const bareWorkerCpu = cpuSeconds(bareWorker.pid) - bcpu0;
    const bareSpread = spread('bench.example.org', b0);
    const bareServerCpu = cpuSeconds(server) - bsrv0;

    // A sample of units submits on time in both and the office accepts (a dondoc assignment
    // closes only on the office's decision), so their histories run request to close.
    process.stderr.write(`  sample: ${SAMPLE} units submit and are accepted in both\n`);
    const sample = unitIds.slice(0, SAMPLE);
    const assignment = (u: string) => client.workflow.getHandle(`${scale.occurrenceId}/${u}`);
    const bareOne = (u: string) => client.workflow.getHandle(`bare/${u}`);
    await inBatches(sample, 10, (u) => assignment(u).executeUpdate(submitUpdate, { args: [{ content: `Báo cáo của ${u}` }] }));
    await inBatches(sample, 10, (u) => assignment(u).executeUpdate(reviewUpdate, { args: [{ decision: 'accept' }] }));
    await inBatches(sample, 10, (u) => bareOne(u).executeUpdate(bareSubmitUpdate, { args: [`Báo cáo của ${u}`] }));
    await inBatches(sample, 10, (u) => bareOne(u).executeUpdate(bareAcceptUpdate));
    await within(SAMPLE_WAIT_MS, `the ${SAMPLE} sampled dondoc assignments to close after their acceptance`, inBatches(sample, 10, (u) => assignment(u).result()));
    await within(SAMPLE_WAIT_MS, `the ${SAMPLE} sampled bare workflows to close after their acceptance`, inBatches(sample, 10, (u) => bareOne(u).result()));
    // The assignments' last summaries reach the occurrence before its history is read.
    await new Promise((r) => setTimeout(r, 5_000));

    process.stderr.write('  reading histories\n');
    const occurrence = await historyFigures(client, scale.occurrenceId);
    const program = await historyFigures(client, programWorkflowId(scale.program.program.id));
    let assignmentActions = 0;
    let assignmentVersioning = 0;
    let bareActions = 0;
    const kinds = { dondoc: new Map<string, number>(), bare: new Map<string, number>() };
    const addKinds = (into: Map<string, number>, events: Parameters<typeof actionsByKind>[0]) => {
      for (const [kind, n] of actionsByKind(events)) into.set(kind, (into.get(kind) ?? 0) + n);
    };
    let maxEvents = Math.max(occurrence.maxEvents, program.maxEvents);
    let maxPayload = Math.max(occurrence.maxPayloadBytes, program.maxPayloadBytes);
    let maxPayloadEvent = occurrence.maxPayloadBytes >= program.maxPayloadBytes ? `occurrence ${occurrence.maxPayloadEvent}` : `program ${program.maxPayloadEvent}`;
    for (const u of sample) {
      const a = await historyFigures(client, `${scale.occurrenceId}/${u}`);
      assignmentActions += countActions(a.events);
      assignmentVersioning += countVersioning(a.events);
      addKinds(kinds.dondoc, a.events);
      maxEvents = Math.max(maxEvents, a.maxEvents);
      if (a.maxPayloadBytes > maxPayload) [maxPayload, maxPayloadEvent] = [a.maxPayloadBytes, `assignment ${a.maxPayloadEvent}`];
      const b = await historyFigures(client, `bare/${u}`);
      bareActions += countActions(b.events);
      addKinds(kinds.bare, b.events);
    }
    // The occurrence's and the program's own actions are shared by every unit.
    const shared = (countActions(occurrence.events) + countActions(program.events)) / UNITS;
    const actionsPerAssignment = assignmentActions / SAMPLE + shared;
    clearInterval(sampler);

    const fixed = (n: number, d = 2) => n.toFixed(d);
    const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
    report.push(
      `workers (each its own process, tuned as npm start's): cache ${tuning.maxCachedWorkflows}, heap cap ${loadEnv(process.env).DONDOC_WORKER_HEAP_MB} MB, activities ${tuning.maxConcurrentActivityTaskExecutions}, workflow tasks ${tuning.maxConcurrentWorkflowTaskExecutions}; ` +
        `machine load (1 min) ${fixed(load0)} at start, ${fixed(loadavg()[0]!)} at the end`,
    );
    report.push(`dondoc: ${fixed(seconds, 1)} s to the last request (${dondocSpread.text}); worker CPU ${fixed(workerCpu, 1)} s, server CPU ${fixed(serverCpu, 1)} s; worker peak RSS ${mb(peakRss)} MB; occurrence runs ${occurrence.runs}, ${occurrence.maxEvents} events; largest payload in ${maxPayloadEvent}`);
    report.push(`bare:   ${fixed(bareSeconds, 1)} s to the last request (${bareSpread.text}); worker CPU ${fixed(bareWorkerCpu, 1)} s, server CPU ${fixed(bareServerCpu, 1)} s; worker peak RSS ${mb(barePeakRss)} MB`);
    report.push(`actions (sample of ${SAMPLE}, request to acceptance, ${REMINDERS} reminders armed): dondoc ${fixed(actionsPerAssignment, 1)} (of which ${fixed(shared, 2)} shared; besides, ${fixed(assignmentVersioning / SAMPLE, 1)} patch markers and TemporalChangeVersion upserts, not billed), bare ${fixed(bareActions / SAMPLE, 1)}`);
    const perUnit = (m: Map<string, number>) => [...m].map(([k, n]) => `${k} ${fixed(n / SAMPLE, 1)}`).join(', ');
    // Why the last one was last: timeouts and failures in its history (a lost completion is
    // retried only when its timeout expires).
    const lastWorkflowId = /^<(.*)\/request@/.exec(dondocSpread.lastId)?.[1];
    if (lastWorkflowId) {
      const last = await historyFigures(client, lastWorkflowId);
      const trouble = last.events.filter((e) => Object.keys(e).some((k) => /(TimedOut|Failed)EventAttributes$/.test(k) && (e as Record<string, unknown>)[k]));
      const kindsOf = trouble.map((e) => Object.keys(e).find((k) => /EventAttributes$/.test(k) && (e as Record<string, unknown>)[k])!.replace(/EventAttributes$/, ''));
      report.push(`  dondoc's last request (${lastWorkflowId}): ${last.maxEvents} events, ${trouble.length ? `timed out or failed: ${kindsOf.join(', ')}` : 'no timeout or failure in its history'}`);
      report.push(`    its first events, seconds after the apply: ${timeline(last.events.slice(0, 20), t0)}`);
      // When the occurrence's pages of starts ran: fan-out pacing, apart from the workers.
      const pages = occurrence.events.filter((e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'startAssignments');
      const done = occurrence.events.filter((e) => e.activityTaskCompletedEventAttributes && pages.some((p) => String(p.eventId) === String(e.activityTaskCompletedEventAttributes!.scheduledEventId)));
      if (pages.length) report.push(`    the occurrence's ${pages.length} pages of starts: scheduled +${offset(pages[0]!, t0)} to +${offset(pages.at(-1)!, t0)} s, the last completed +${done.length ? offset(done.at(-1)!, t0) : '?'} s`);
    }
    if (memoryAtPeak) {
      const m = memoryAtPeak;
      report.push(`  dondoc worker at its peak RSS: main-thread heap ${mb(m.heapUsed)} of ${mb(m.heapTotal)} MB, external ${mb(m.external)} MB (array buffers ${mb(m.arrayBuffers)} MB); the rest (${mb(peakRss - m.heapTotal - m.external)} MB) is native memory and the workflow threads' heaps`);
    }
    report.push(`  dondoc per assignment: ${perUnit(kinds.dondoc)}`, `  bare per workflow: ${perUnit(kinds.bare)}`);
    report.push(
      `scale: units=${UNITS} seconds=${fixed(seconds, 1)} bare_seconds=${fixed(bareSeconds, 1)} ratio=${fixed(seconds / bareSeconds)} ` +
        `cpu_ratio=${fixed((workerCpu + serverCpu) / (bareWorkerCpu + bareServerCpu))} actions_per_assignment=${fixed(actionsPerAssignment, 1)} ` +
        `bare_actions=${fixed(bareActions / SAMPLE, 1)} max_history_events=${maxEvents} max_payload_bytes=${maxPayload} worker_rss_mb=${mb(peakRss)}`,
    );
  });
}

benchMain(main);
