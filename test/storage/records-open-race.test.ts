// The worker and the web open the embedded records database together when `npm start` runs
// on a fresh DATA_DIR: every process must open it (one of them migrates, the others find the
// schema in place). Before the retry, one of three processes failed with "table … already
// exists" in about one round out of three.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const child = resolve(__dirname, 'open-records-child.ts');

function openIn(dir: string): Promise<string> {
  return new Promise((done) => {
    const p = spawn(process.execPath, ['--import', 'tsx', child, dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr.on('data', (d: Buffer) => (out += d.toString()));
    p.on('close', (code) => done(code === 0 ? out.trim() : `exit ${code}: ${out.trim()}`));
  });
}

describe('several processes opening a fresh records database at once', () => {
  it('all open it, round after round', { timeout: 240_000 }, async () => {
    for (let round = 0; round < 4; round++) {
      const dir = await mkdtemp(join(tmpdir(), 'dondoc-open-race-'));
      try {
        const results = await Promise.all([openIn(dir), openIn(dir), openIn(dir), openIn(dir)]);
        expect(results).toEqual(['opened', 'opened', 'opened', 'opened']);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }
  });
});
