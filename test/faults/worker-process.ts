// Worker processes the fault tests kill with SIGKILL: started from a workflow bundle built
// once per suite (DONDOC_WORKFLOW_BUNDLE, read by worker/main.ts), ready once they poll.
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { workflowsPath } from '../../worker/create-worker';

const root = resolve(__dirname, '..', '..');

/** Bundles the workflows once into `dir`; the path goes to every worker as DONDOC_WORKFLOW_BUNDLE. */
export async function writeWorkflowBundle(dir: string): Promise<string> {
  const quiet = { trace() {}, debug() {}, info() {}, warn() {}, error: console.error, log() {} };
  const { code } = await bundleWorkflowCode({ workflowsPath, logger: quiet as never });
  const path = join(dir, 'workflow-bundle.js');
  await writeFile(path, code);
  return path;
}

export interface WorkerProcess {
  child: ChildProcess;
  output(): string;
}

/** Starts a worker with `env` on top of this process's; resolves once it polls its task queue. */
export async function startWorkerProcess(env: Record<string, string>, timeoutMs = 60_000): Promise<WorkerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'worker', 'main.ts')], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString('utf8')));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString('utf8')));
  const deadline = Date.now() + timeoutMs;
  while (!output.includes('dondoc worker: task queue')) {
    if (child.exitCode !== null) throw new Error(`worker exited during start (code ${child.exitCode}):\n${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`worker not ready after ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, output: () => output };
}

/** SIGKILL, as a crash or an OOM kill would: no drain, no goodbye. */
export async function killWorker(worker: WorkerProcess): Promise<void> {
  if (worker.child.exitCode !== null || worker.child.signalCode !== null) return;
  const exited = new Promise((r) => worker.child.once('exit', r));
  worker.child.kill('SIGKILL');
  await exited;
}
