import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMailSink, type MailSink } from '../../dev/mail-sink/sink';

const ROOT = resolve(__dirname, '../..');
const TSX = resolve(ROOT, 'node_modules/.bin/tsx');
const MAIN = resolve(ROOT, 'dev/mail-sink/main.ts');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs main.ts; `whenReady` is called once it printed its ready line. */
async function run(env: Record<string, string>, whenReady?: (line: string, kill: (signal: NodeJS.Signals) => void) => void): Promise<Run> {
  const child = spawn(TSX, [MAIN], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    const line = stdout.split('\n')[0];
    if (whenReady && stdout.includes('\n') && line !== undefined) {
      const ready = whenReady;
      whenReady = undefined;
      ready(line, (signal) => child.kill(signal));
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout, stderr };
}

describe('mail sink main', () => {
  let busy: MailSink;
  beforeAll(async () => {
    busy = await startMailSink({});
  });
  afterAll(async () => {
    await busy.close();
  });

  it('prints one ready line with the real ports and exits 0 on SIGTERM', async () => {
    let ready = '';
    const result = await run({ SMTP_SINK_PORT: '0', SMTP_SINK_HTTP_PORT: '0' }, (line, kill) => {
      ready = line;
      kill('SIGTERM');
    });
    expect(ready).toMatch(/^Hộp thư thử nghiệm: smtp:\/\/127\.0\.0\.1:\d+, http:\/\/127\.0\.0\.1:\d+$/);
    expect(ready).not.toContain(':0,');
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
  });

  it('exits 1 with one line naming a port in use', async () => {
    const result = await run({ SMTP_SINK_PORT: String(busy.smtpPort), SMTP_SINK_HTTP_PORT: '0' });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim()).toBe(`cổng ${busy.smtpPort} đang được dùng (port in use)`);
  });

  it('rejects a port that is not a number', async () => {
    const result = await run({ SMTP_SINK_PORT: '0', SMTP_SINK_HTTP_PORT: 'abc' });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('SMTP_SINK_HTTP_PORT');
  });
});
