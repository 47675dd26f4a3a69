// The worker's log lines and health endpoint, on their own (the cluster test runs them in
// real worker processes).
import type { AddressInfo } from 'node:net';
import type { LogEntry } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { startHealthServer } from '../../worker/health';
import { createLogger, formatEntry } from '../../worker/log';

const entry = (meta: Record<string, unknown>): LogEntry => ({ level: 'INFO', message: 'Activity completed', meta, timestampNanos: 1_764_583_200_000_000_000n });

describe('worker log lines', () => {
  it('writes one JSON object per event with the time, level, message and fields', () => {
    const line = formatEntry(entry({ workflowId: 'p/i/2026/unit', attempt: 2 }), 'json');
    expect(line).not.toContain('\n');
    expect(JSON.parse(line)).toEqual({ time: '2025-12-01T10:00:00.000Z', level: 'INFO', msg: 'Activity completed', workflowId: 'p/i/2026/unit', attempt: 2 });
  });

  it('never writes secrets, wherever they sit, and reduces errors to name and first line', () => {
    const line = formatEntry(entry({ apiKey: 'sekrit', nested: { password: 'hunter2', smtpUrl: 'smtp://u:p@relay' }, error: new Error('boom\nstack') }), 'json');
    expect(line).not.toMatch(/sekrit|hunter2|u:p@/);
    expect(JSON.parse(line)).toMatchObject({ apiKey: '***', nested: { password: '***', smtpUrl: '***' }, error: { name: 'Error', message: 'boom' } });
  });

  it('writes plain text on request, and routes warnings to the error stream through the writer', () => {
    expect(formatEntry(entry({ taskQueue: 'dondoc' }), 'text')).toBe('2025-12-01T10:00:00.000Z INFO Activity completed taskQueue=dondoc');
    const lines: string[] = [];
    createLogger('json', 'INFO', (line) => lines.push(line)).debug('hidden');
    createLogger('json', 'INFO', (line) => lines.push(line)).warn('shown', { event: 'x' });
    expect(lines.map((l) => JSON.parse(l) as { msg: string })).toMatchObject([{ msg: 'shown', level: 'WARN' }]);
  });
});

describe('worker health endpoint', () => {
  it('answers 200 while the worker runs and Temporal answers, 503 otherwise', async () => {
    let state = 'RUNNING';
    let connected = true;
    const server = await startHealthServer('127.0.0.1:0', { state: () => state, connected: async () => connected, namespace: 'dondoc', taskQueue: 'dondoc', identity: '1@host' });
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/healthz`;
    try {
      const up = await fetch(url);
      expect(up.status).toBe(200);
      expect(await up.json()).toEqual({ status: 'up', state: 'RUNNING', connected: true, namespace: 'dondoc', taskQueue: 'dondoc', identity: '1@host' });
      connected = false;
      expect((await fetch(url)).status).toBe(503);
      connected = true;
      state = 'DRAINING';
      const draining = await fetch(url);
      expect(draining.status).toBe(503);
      expect(await draining.json()).toMatchObject({ status: 'down', state: 'DRAINING' });
      expect((await fetch(url.replace('/healthz', '/other'))).status).toBe(404);
    } finally {
      server.close();
    }
  });
});
