// The clock of the time-skipping test server, held still. A tiny LD_PRELOAD library, built here
// with the system's C compiler and cached, makes the wall clock the server reads
// (clock_gettime, gettimeofday, time) return one fixed instant from the environment: the
// simulation's start. Only the server process gets it; the worker takes its workflow time from
// the server's history, so workflows see simulated time throughout. Monotonic clocks (timeouts
// of waits and of gRPC calls) are untouched.
//
// Why still and not merely shifted: the server's time moves in two ways, by skipping to the
// next timer when nothing is in flight, and at wall-clock speed while something is (a workflow
// task, an activity, a caller's lock). The second way lets a timer come due while a workflow
// task that cancels it is running (a campaign's `condition(…, timeout)` woken by a signal a
// second before its milestone). The worker's CancelTimer then names a timer the server has
// already fired; the test server refuses the completion ("invalid history builder state for
// action", temporalio/sdk-java#2606, #3088) and leaves the task started for ever, holding
// time-skipping locked: the whole simulation stops. With the wall clock still, time moves only
// by skipping, which the server does only when no task is in flight, so no timer can come due
// under a running task. It also makes every instant exact: a notice planned at 07:30 is sent
// at 07:30:00.000 however loaded the machine is.
//
// The server's start time is also where a simulation begins: a year in the past (the 2021
// seed) or in the future needs no skipping to reach it.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CLOCK_VAR = 'DONDOC_SERVER_CLOCK_MS';

const SOURCE = `#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdlib.h>
#include <time.h>
#include <sys/time.h>
static long long fixed_ns;
static int ready, fixed;
static int (*real_clock_gettime)(clockid_t, struct timespec *);
static void init(void) {
  if (ready) return;
  const char *s = getenv("${CLOCK_VAR}");
  fixed = s != NULL;
  fixed_ns = s ? atoll(s) * 1000000LL : 0;
  real_clock_gettime = (int (*)(clockid_t, struct timespec *))dlsym(RTLD_NEXT, "clock_gettime");
  ready = 1;
}
int clock_gettime(clockid_t id, struct timespec *ts) {
  init();
  if (fixed && ts && (id == CLOCK_REALTIME || id == CLOCK_REALTIME_COARSE)) {
    ts->tv_sec = fixed_ns / 1000000000LL;
    ts->tv_nsec = fixed_ns % 1000000000LL;
    return 0;
  }
  return real_clock_gettime(id, ts);
}
int gettimeofday(struct timeval *tv, void *tz) {
  struct timespec ts;
  int r = clock_gettime(CLOCK_REALTIME, &ts);
  (void)tz;
  if (r == 0 && tv) { tv->tv_sec = ts.tv_sec; tv->tv_usec = ts.tv_nsec / 1000; }
  return r;
}
time_t time(time_t *t) {
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  if (t) *t = ts.tv_sec;
  return ts.tv_sec;
}
`;

/** Path of the compiled shim (built once per source version, in the temp directory). */
export function clockShimPath(): string {
  const hash = createHash('sha256').update(SOURCE).digest('hex').slice(0, 12);
  const dir = join(tmpdir(), 'dondoc-simulate');
  const lib = join(dir, `clock-shim-${hash}.so`);
  if (existsSync(lib)) return lib;
  mkdirSync(dir, { recursive: true });
  const src = join(dir, `clock-shim-${hash}-${process.pid}.c`);
  const tmp = `${lib}.${process.pid}`;
  writeFileSync(src, SOURCE);
  try {
    execFileSync(process.env.CC ?? 'cc', ['-shared', '-fPIC', '-O2', '-o', tmp, src, '-ldl'], { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (err) {
    throw new Error(
      `không dựng được thư viện đặt giờ cho máy chủ thử (cannot build the clock shim; a C compiler "cc" is needed to simulate): ${(err as Error).message.split('\n')[0]}`,
      { cause: err },
    );
  }
  // Several simulations may build it at once; the rename makes the finished file appear whole.
  renameSync(tmp, lib);
  return lib;
}
