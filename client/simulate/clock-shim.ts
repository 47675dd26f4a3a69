// The time-skipping test server starts at the machine's clock and only moves forward, and its
// command line has no option for another start (TestServer.main takes a port and one flag).
// A program year in the past (the 2021 seed) or one already begun can only be simulated if the
// server believes it is that day: a tiny LD_PRELOAD library, built here with the system's C
// compiler and cached, shifts the clock the server reads (clock_gettime, gettimeofday, time)
// by an offset from the environment. Only the server process gets it; the worker takes its
// workflow time from the server's history, so workflows see simulated time throughout.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const OFFSET_VAR = 'DONDOC_CLOCK_OFFSET_MS';

const SOURCE = `#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdlib.h>
#include <time.h>
#include <sys/time.h>
static long long offset_ns;
static int ready;
static int (*real_clock_gettime)(clockid_t, struct timespec *);
static void init(void) {
  if (ready) return;
  const char *s = getenv("${OFFSET_VAR}");
  offset_ns = s ? atoll(s) * 1000000LL : 0;
  real_clock_gettime = (int (*)(clockid_t, struct timespec *))dlsym(RTLD_NEXT, "clock_gettime");
  ready = 1;
}
int clock_gettime(clockid_t id, struct timespec *ts) {
  init();
  int r = real_clock_gettime(id, ts);
  if (r == 0 && (id == CLOCK_REALTIME || id == CLOCK_REALTIME_COARSE)) {
    long long ns = (long long)ts->tv_sec * 1000000000LL + ts->tv_nsec + offset_ns;
    ts->tv_sec = ns / 1000000000LL;
    ts->tv_nsec = ns % 1000000000LL;
    if (ts->tv_nsec < 0) { ts->tv_nsec += 1000000000LL; ts->tv_sec -= 1; }
  }
  return r;
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
      `không dựng được thư viện đặt giờ cho máy chủ thử (cannot build the clock shim; a C compiler "cc" is needed to simulate dates before today): ${(err as Error).message.split('\n')[0]}`,
      { cause: err },
    );
  }
  // Several simulations may build it at once; the rename makes the finished file appear whole.
  renameSync(tmp, lib);
  return lib;
}
