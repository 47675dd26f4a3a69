// The worker's heap cap is a node flag given by the launcher: the worker must see it, and
// warn when it was started without it (its RSS would then grow past 1 GiB at scale).
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { heapFlag } from '../../worker/heap';

const root = resolve(__dirname, '..', '..');

/** heapLimitMb() and uncappedHeapWarning(384) as seen by a node process started with `flags`. */
function seenWith(flags: string[]): { limit: number; warning: string | null } {
  const script = "const h = require('./worker/heap'); console.log(JSON.stringify({ limit: h.heapLimitMb(), warning: h.uncappedHeapWarning(384) ?? null }))";
  return JSON.parse(execFileSync(process.execPath, [...flags, '--import', 'tsx', '-e', script], { cwd: root, encoding: 'utf8' })) as { limit: number; warning: string | null };
}

describe('worker heap cap', () => {
  it('a worker started with the configured flag has that cap and no warning', () => {
    const seen = seenWith([heapFlag(384)]);
    expect(seen.limit).toBeGreaterThanOrEqual(384);
    expect(seen.limit).toBeLessThanOrEqual(384 + 128);
    expect(seen.warning).toBeNull();
  });

  it('a worker started with a far larger heap is told, in Vietnamese with the flag to use', () => {
    const seen = seenWith([heapFlag(2048)]);
    expect(seen.warning).toContain('không có giới hạn bộ nhớ heap');
    expect(seen.warning).toContain('--max-old-space-size=384');
  });
});
