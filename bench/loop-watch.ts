// Watches the bench's own event loop from a worker thread: a stall the main loop cannot
// report itself (it is the one blocked) is logged with its length, and, when asked
// (DONDOC_BENCH_PROFILE_DIR), the first long stall is profiled through the inspector
// attached to the main thread, so the profile shows what held the loop.
import { Worker } from 'node:worker_threads';

const WATCHER = `
const { parentPort, workerData } = require('node:worker_threads');
const { Session } = require('node:inspector');
const { writeFileSync, writeSync } = require('node:fs');
// Straight to fd 2: a worker thread's process.stderr goes through the main thread's loop.
const say = (text) => writeSync(2, text);
const { join } = require('node:path');
let last = Date.now();
let reported = 0;
let profiling = false;
let profiled = false;
parentPort.on('message', (t) => { last = t; });
const session = workerData.profileDir ? new Session() : undefined;
if (session) session.connectToMainThread();
const post = (method, params) => new Promise((resolve, reject) => session.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res))));
setInterval(() => {
  const lag = Date.now() - last;
  if (lag >= workerData.thresholdMs && lag - reported >= workerData.thresholdMs) {
    reported = lag;
    say('  loop-watch: bench event loop blocked for ' + lag + ' ms (' + new Date().toISOString() + ')\\n');
    if (session && !profiling && !profiled) {
      profiling = true;
      post('Profiler.enable').then(() => post('Profiler.start')).then(() => new Promise((r) => setTimeout(r, 10000)))
        .then(() => post('Profiler.stop')).then((res) => {
          const file = join(workerData.profileDir, 'stall-' + Date.now() + '.cpuprofile');
          writeFileSync(file, JSON.stringify(res.profile));
          say('  loop-watch: profile of the stall written to ' + file + '\\n');
          profiled = true;
        }).catch((err) => say('  loop-watch: profiling failed: ' + err.message + '\\n'));
    }
  } else if (lag < workerData.thresholdMs) reported = 0;
}, 250).unref();
`;

/** Starts the watch; returns a stop function. */
export function watchLoop(thresholdMs = 1000): () => void {
  const profileDir = process.env.DONDOC_BENCH_PROFILE_DIR;
  const watcher = new Worker(WATCHER, { eval: true, workerData: { thresholdMs, profileDir } });
  watcher.unref();
  const beat = setInterval(() => watcher.postMessage(Date.now()), 100);
  beat.unref();
  return () => {
    clearInterval(beat);
    void watcher.terminate();
  };
}
