// `npm run bench:live -- --units 3400 --items 6 [--minutes 90]`: many assignments open at
// once. A program of `units` units and `items` task items, each asking every unit now, is
// applied on the dev server (SQLite, as `npm start`), with the dondoc worker in its own
// process tuned as `npm start`'s. Measures the time until every request is in the SMTP sink
// (or how many arrived within `--minutes`), the worker's CPU and its RSS — peak, and once
// every request is out, with units × items assignments open and waiting. Prints figures,
// asserts nothing. No bare side: `bench:scale` compares one item with bare Temporal.
import { loadavg } from 'node:os';
import { loadEnv } from '../config/env';
import { uniqueQueue } from '../dev/harness/temporal';
import { scaleProgram } from '../dev/scale-program';
import { workerTuning } from '../worker/tuning';
import { cpuSeconds, rssBytes, serverPid, startWorker } from './processes';
import { applyByHash, benchMain, intArg, runBench } from './stack';

const UNITS = intArg('units', 200, 1);
const ITEMS = intArg('items', 6, 1);
const MINUTES = intArg('minutes', 90, 1);

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

async function main(): Promise<void> {
  const tuning = workerTuning(loadEnv(process.env));
  const load0 = loadavg()[0]!;
  await runBench('live', 200_000, async ({ dir, sink, env, workers, report }) => {
    const taskQueue = uniqueQueue('live');
    const worker = await startWorker('dondoc', env.address, taskQueue, sink.smtpPort, dir);
    workers.push(worker);
    const server = serverPid();
    let peakRss = 0;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssBytes(worker.pid))), 500);
    const expected = UNITS * ITEMS;
    const requests = () => sink.messages().filter((m) => m.messageId.includes('/request@')).length;

    const scale = scaleProgram(UNITS, 0, { reminders: 3, requestAt: Date.now(), items: ITEMS });
    const cpu0 = cpuSeconds(worker.pid);
    const srv0 = cpuSeconds(server);
    const t0 = Date.now();
    const ticker = setInterval(() => {
      process.stderr.write(`  requests ${requests()}/${expected} after ${((Date.now() - t0) / 1000).toFixed(0)} s; worker RSS ${mb(rssBytes(worker.pid))} MB; load ${loadavg()[0]!.toFixed(1)}\n`);
    }, 30_000);
    await applyByHash(env.client, taskQueue, scale.program, dir);
    let complete = true;
    try {
      await sink.waitFor((m) => m.messageId.includes('/request@'), { count: expected, timeoutMs: MINUTES * 60_000 });
    } catch {
      complete = false;
    }
    clearInterval(ticker);
    const seconds = (Date.now() - t0) / 1000;
    const sent = requests();
    const workerCpu = cpuSeconds(worker.pid) - cpu0;
    const serverCpu = cpuSeconds(server) - srv0;
    // Settled: every assignment open and waiting for its reminders; what the worker holds then.
    await new Promise((r) => setTimeout(r, 30_000));
    const settledRss = rssBytes(worker.pid);
    clearInterval(sampler);
    report.push(
      `workers: cache ${tuning.maxCachedWorkflows}, heap cap ${loadEnv(process.env).DONDOC_WORKER_HEAP_MB} MB, activities ${tuning.maxConcurrentActivityTaskExecutions}, workflow tasks ${tuning.maxConcurrentWorkflowTaskExecutions}; load (1 min) ${load0.toFixed(2)} at start, ${loadavg()[0]!.toFixed(2)} at the end`,
      complete ? `every request out after ${seconds.toFixed(1)} s` : `only ${sent} of ${expected} requests out after ${MINUTES} min`,
      `live: units=${UNITS} items=${ITEMS} assignments=${expected} requests=${sent} seconds=${seconds.toFixed(1)} worker_cpu_s=${workerCpu.toFixed(1)} server_cpu_s=${serverCpu.toFixed(1)} worker_rss_peak_mb=${mb(peakRss)} worker_rss_settled_mb=${mb(settledRss)}`,
    );
  });
}

benchMain(main);
