// What `bench:scale` and `bench:live` both stand on: a dev server on SQLite in a temporary
// directory, an SMTP sink, the worker processes they start, a watch on this process's event
// loop — all stopped whatever happens — and a report printed only once everything is
// stopped, so a bench's figures line is the last line of its run.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import { applyProgram, openProgramStore } from '../client/programs';
import { createDevServerEnv } from '../dev/harness/temporal';
import { startMailSink } from '../dev/mail-sink/sink';
import type { Program } from '../program/types';
import { watchLoop } from './loop-watch';
import { stopWorker, type WorkerProcess } from './processes';

export interface BenchStack {
  /** Temporary: the server's SQLite file and the dondoc worker's records. */
  dir: string;
  sink: Awaited<ReturnType<typeof startMailSink>>;
  env: Awaited<ReturnType<typeof createDevServerEnv>>;
  /** Started by the bench; stopped at the end. */
  workers: WorkerProcess[];
  /** Lines printed after everything is stopped. */
  report: string[];
}

/** `--name N` from the command line, a whole number of at least `min`. */
export function intArg(name: string, fallback: number, min: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value < min) throw new Error(`--${name}: expected a whole number of at least ${min}, got ${process.argv[i + 1]}`);
  return value;
}

export async function runBench(name: string, maxMessages: number, body: (stack: BenchStack) => Promise<void>): Promise<void> {
  const stopWatch = watchLoop();
  const dir = await mkdtemp(join(tmpdir(), `dondoc-${name}-`));
  const sink = await startMailSink({ smtpPort: 0, httpPort: 0, maxMessages });
  const env = await createDevServerEnv({ dbFilename: join(dir, 'temporal.sqlite') });
  const stack: BenchStack = { dir, sink, env, workers: [], report: [] };
  try {
    await body(stack);
  } finally {
    // Whatever happened, nothing is left running: the workers, the server, the sink.
    await Promise.all(stack.workers.map(stopWorker));
    await env.teardown();
    await sink.close();
    await rm(dir, { recursive: true, force: true });
    stopWatch();
  }
  for (const line of stack.report) console.log(line);
}

/** Runs a bench's main and exits 1 on any error. */
export function benchMain(main: () => Promise<void>): void {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}

/**
 * Applies as `dondoc apply` does with the worker's DATA_DIR: the version is stored in the
 * dondoc worker's records (in `dir`) and the update carries its hash.
 */
export async function applyByHash(client: Client, taskQueue: string, program: Program, dir: string): Promise<void> {
  const versions = await openProgramStore({ DATA_DIR: dir, DONDOC_RECORDS_URL: undefined });
  try {
    await applyProgram(client, taskQueue, program, 'quy-mo.yaml', { store: versions.store });
  } finally {
    await versions.close();
  }
}
