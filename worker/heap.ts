// The V8 heap cap of a worker process. With the reused V8 context, one workflow thread holds
// every cached workflow; V8 sizes a heap by the machine's memory (gigabytes on a server), so
// without a cap it collects late and the worker's RSS grows with the number of assignments
// it has run, not with what it holds (measured: README "Scale and cost", worker memory).
// `--max-old-space-size` is a process-wide V8 flag: it caps the main thread (activities) and
// the workflow thread alike. It must be given when the process starts, so the launchers
// (`npm start`, docker-compose, the bench) pass it; the worker reports what it got.
import { getHeapStatistics } from 'node:v8';

/** The node flag for a cap of `mb` megabytes. */
export function heapFlag(mb: number): string {
  return `--max-old-space-size=${mb}`;
}

/** This isolate's heap limit in MB (the old space cap plus the young generation). */
export function heapLimitMb(): number {
  return Math.round(getHeapStatistics().heap_size_limit / 1024 / 1024);
}

/**
 * A warning when this process was started without the configured cap (its heap limit is
 * well above it): its memory will not stay where the configuration says.
 */
export function uncappedHeapWarning(configuredMb: number): string | undefined {
  const limit = heapLimitMb();
  // The young generation adds tens of MB to the limit the flag sets.
  if (limit <= configuredMb + 128) return undefined;
  return `tiến trình worker chạy không có giới hạn bộ nhớ heap (${limit} MB > DONDOC_WORKER_HEAP_MB=${configuredMb}): hãy chạy node ${heapFlag(configuredMb)} (worker started without the heap cap; its RSS can grow past 1 GiB)`;
}
