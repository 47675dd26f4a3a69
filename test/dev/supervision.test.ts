// `npm start`'s supervision: the restart policy alone (pure), then keepRunning with real
// processes: a child that dies once is restarted, one that keeps dying is given up on with
// one line naming it and its last output.
import { describe, expect, it } from 'vitest';
import { keepRunning, startProcess, stopKept, type Supervised } from '../../dev/processes';
import { DEFAULT_RESTART_POLICY, RestartPolicy } from '../../dev/restart-policy';

describe('restart policy', () => {
  it('backs off 1 s, 2 s, 4 s, 8 s … capped at 30 s while failures stay under the window limit', () => {
    const policy = new RestartPolicy();
    // A child that lives 40 s each time: never 5 failures in 2 minutes, so it is always restarted.
    let t = 0;
    const delays: number[] = [];
    for (let i = 0; i < 8; i++) {
      const started = t;
      t += 40_000;
      const d = policy.onExit(started, t);
      expect(d.action).toBe('restart');
      if (d.action === 'restart') {
        delays.push(d.delayMs);
        t += d.delayMs;
      }
    }
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
  });

  it('gives up at the 5th failure within 2 minutes', () => {
    const policy = new RestartPolicy();
    const decisions = [0, 1_000, 3_000, 7_000, 15_000].map((t) => policy.onExit(t, t + 10));
    expect(decisions.map((d) => d.action)).toEqual(['restart', 'restart', 'restart', 'restart', 'give-up']);
    expect(decisions[4]).toEqual({ action: 'give-up', failuresInWindow: 5 });
  });

  it('starts the backoff over after a healthy run, and forgets failures older than the window', () => {
    const policy = new RestartPolicy();
    expect(policy.onExit(0, 100)).toMatchObject({ delayMs: 1_000 });
    expect(policy.onExit(1_100, 1_200)).toMatchObject({ delayMs: 2_000 });
    // Ran 10 minutes: healthy, the next failure waits 1 s again and the old ones are out of the window.
    expect(policy.onExit(3_200, 603_200)).toEqual({ action: 'restart', delayMs: 1_000, failuresInWindow: 1 });
  });
});

const fast = { ...DEFAULT_RESTART_POLICY, initialDelayMs: 50, maxDelayMs: 400 };

function node(name: string, script: string, lines: string[]): () => Supervised {
  return () => startProcess(name, process.execPath, ['-e', script], process.env, (l) => lines.push(l));
}

describe('keepRunning', () => {
  it('restarts a child that died, and stops it for good with stopKept', async () => {
    const lines: string[] = [];
    let starts = 0;
    const kept = keepRunning(
      'worker',
      () => {
        starts++;
        // The first run dies at once, the second one stays up.
        return node('worker', starts === 1 ? 'console.error("mất kết nối"); process.exit(3)' : 'setInterval(() => {}, 1000)', lines)();
      },
      (l) => lines.push(l),
      fast,
    );
    const deadline = Date.now() + 20_000;
    while (starts < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(starts).toBe(2);
    const second = kept.current();
    expect(second?.child.pid).toBeGreaterThan(0);
    expect(lines).toContain('dondoc: worker dừng bất thường (mã 3 (exit code): mất kết nối); khởi động lại sau 0.1 s (restarting in 0.1 s, failure 1/5 within 120 s)');
    await stopKept([kept]);
    expect(second?.child.exitCode !== null || second?.child.signalCode !== null).toBe(true);
    await new Promise((r) => setTimeout(r, 300));
    expect(starts).toBe(2);
  });

  it('gives up on a child that keeps dying, with one line saying which and why', async () => {
    const lines: string[] = [];
    let starts = 0;
    const kept = keepRunning(
      'web',
      () => {
        starts++;
        return node('web', 'console.error("cổng 3000 đang được dùng (port in use)"); process.exit(1)', lines)();
      },
      (l) => lines.push(l),
      fast,
    );
    const reason = await kept.gaveUp;
    expect(starts).toBe(5);
    expect(reason).toBe(
      'dondoc: web dừng bất thường 5 lần trong 120 s, lần cuối mã 1 (exit code): cổng 3000 đang được dùng (port in use); dừng toàn bộ (web failed 5 times within 120 s; stopping everything)',
    );
    expect(kept.current()).toBeUndefined();
    await new Promise((r) => setTimeout(r, 500));
    expect(starts).toBe(5);
  });

  it('names the signal when a child is killed', async () => {
    const lines: string[] = [];
    let starts = 0;
    const kept = keepRunning('mail', () => (starts++, node('mail', 'setInterval(() => {}, 1000)', lines)()), (l) => lines.push(l), fast);
    await new Promise((r) => setTimeout(r, 200));
    kept.current()!.child.kill('SIGKILL');
    const deadline = Date.now() + 20_000;
    while (starts < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(lines.find((l) => l.startsWith('dondoc: mail dừng bất thường'))).toContain('tín hiệu SIGKILL (signal)');
    await stopKept([kept]);
  });
});
