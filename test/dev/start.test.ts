// `npm start` as a user runs it: the whole stack comes up on free ports, the status page
// reports every part healthy, the demo's requests land in the inbox, the namespace retention
// is the configured one, a killed worker or sink is restarted while the rest keeps running
// (the sink's inbox survives), and SIGTERM stops every process it started.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Connection } from '@temporalio/client';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(__dirname, '..', '..');

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const server = createServer();
    server.once('error', rej);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => res(port));
    });
  });
}

/** Every live descendant of `pid`, read from /proc. */
function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended while we looked
    }
  }
  const out: number[] = [];
  const walk = (p: number) => (children.get(p) ?? []).forEach((c) => (out.push(c), walk(c)));
  walk(pid);
  return out;
}

/** The live descendant whose command line runs `script`. */
function childRunning(root: number, script: string): number | undefined {
  return descendants(root).find((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(script);
    } catch {
      return false;
    }
  });
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function poll<T>(what: string, fn: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await fn().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/**
 * A program whose one task is open whatever day the suite runs: handed out two weeks ago
 * (a start on a day off rolls to the next working day, still in the past, so the request
 * goes out at once), due in ten days. The shipped programs are for fixed years.
 */
function programOpenToday(): string {
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const units = ['tho-dan', 'tho-the', 'hop-thanh'];
  return [
    'program:',
    '  id: start-test',
    `  title: Chương trình thử nghiệm khởi động`,
    `  year: ${day(-14).slice(0, 4)}`,
    '  issuer: Ban Vì sự tiến bộ của phụ nữ huyện',
    '  office: ldtbxh',
    '  chair: { name: Lê Quang Trung, title: Trưởng ban, email: truongban@trieuson.example.org }',
    'units:',
    '  - { id: ldtbxh, name: Phòng Lao động - Thương binh và Xã hội, kind: department, emails: [ldtbxh@trieuson.example.org] }',
    ...units.map((u) => `  - { id: ${u}, name: UBND xã ${u}, kind: commune, emails: [${u}@trieuson.example.org] }`),
    'items:',
    '  - id: thang-hanh-dong',
    '    kind: task',
    '    title: Báo cáo nhanh Tháng hành động vì bình đẳng giới',
    `    assignees: [${units.join(', ')}]`,
    `    start: ${day(-14)}`,
    `    due: ${day(10)}`,
    '',
  ].join('\n');
}

let child: ChildProcess | undefined;
const dataDir = mkdtempSync(join(tmpdir(), 'dondoc-start-'));

afterAll(() => {
  if (child?.exitCode === null) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('npm start', () => {
  // ~85 s alone on this 2-core machine: a 300 s limit keeps 3× headroom under load.
  it('brings the stack up with mail in the inbox, then stops with no process left', { timeout: 300_000 }, async () => {
    const [temporal, ui, smtp, inbox, web] = await Promise.all([freePort(), freePort(), freePort(), freePort(), freePort()]);
    const env = {
      ...process.env,
      TEMPORAL_ADDRESS: `127.0.0.1:${temporal}`,
      TEMPORAL_UI_URL: `http://127.0.0.1:${ui}`,
      SMTP_URL: `smtp://127.0.0.1:${smtp}`,
      MAIL_INBOX_URL: `http://127.0.0.1:${inbox}`,
      WEB_PORT: String(web),
      PUBLIC_URL: `http://127.0.0.1:${web}`,
      DATA_DIR: dataDir,
      DONDOC_PROGRAM: join(dataDir, 'program.yaml'),
      DONDOC_RETENTION_DAYS: '7',
    };
    writeFileSync(env.DONDOC_PROGRAM, programOpenToday());
    // Exactly what a user runs, so the signal reaches npm first, as from a service manager.
    child = spawn('npm', ['start', '--silent'], { env, cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout!.on('data', (d: Buffer) => (output += d.toString('utf8')));
    child.stderr!.on('data', (d: Buffer) => (output += d.toString('utf8')));
    const exited = new Promise<number | null>((r) => child!.once('exit', (code) => r(code)));

    await poll('the stack to be ready', async () => (output.includes('Ctrl-C') ? true : undefined), 90_000).catch((err: Error) => {
      throw new Error(`${err.message}\n${output}`);
    });
    const health = await poll(
      'a healthy status',
      async () => {
        const res = await fetch(`http://127.0.0.1:${web}/api/health`);
        return res.status === 200 ? ((await res.json()) as { ok: boolean }) : undefined;
      },
      30_000,
    );
    expect(health.ok).toBe(true);
    expect(output).toContain('Chương trình program/start-test');
    const page = await (await fetch(`http://127.0.0.1:${web}/`)).text();
    expect(page).toContain('dondoc — Tình trạng hệ thống');
    expect(page).toContain(`http://127.0.0.1:${ui}`);

    const requests = await poll(
      'the demo requests in the inbox',
      async () => {
        const list = (await (await fetch(`http://127.0.0.1:${inbox}/api/messages`)).json()) as { messageId: string; subject: string }[];
        // The program applied at start asks its units at once.
        const found = list.filter((m) => /\/request@/.test(m.messageId) && m.subject.includes('Tháng hành động'));
        return found.length >= 3 ? found : undefined;
      },
      60_000,
    ).catch((err: Error) => {
      throw new Error(`${err.message}\n${output}`);
    });
    expect(requests[0]!.subject).toMatch(/^\[Đề nghị thực hiện\] /);
    expect(readdirSync(dataDir)).toEqual(expect.arrayContaining(['temporal.sqlite', 'secret', 'admin-password', 'mail-sink']));

    // Retention set on purpose, said once.
    const connection = await Connection.connect({ address: env.TEMPORAL_ADDRESS });
    try {
      const ns = await connection.workflowService.describeNamespace({ namespace: 'default' });
      expect(Number(ns.config?.workflowExecutionRetentionTtl?.seconds)).toBe(7 * 86_400);
    } finally {
      await connection.close();
    }
    expect(output.match(/retention 7 days/g)).toHaveLength(1);

    // A worker killed outright is started again; the web server is not touched.
    const webPid = childRunning(child.pid!, 'client/web/main.ts');
    const workerPid = childRunning(child.pid!, 'worker/main.ts');
    expect(webPid && workerPid).toBeTruthy();
    process.kill(workerPid!, 'SIGKILL');
    await poll('a new worker', async () => {
      const pid = childRunning(child!.pid!, 'worker/main.ts');
      return pid !== undefined && pid !== workerPid && output.split('dondoc worker: task queue').length === 3 ? pid : undefined;
    }, 60_000).catch((err: Error) => {
      throw new Error(`${err.message}\n${output}`);
    });
    expect(output).toMatch(/dondoc: worker dừng bất thường \(tín hiệu SIGKILL \(signal\)[^\n]*khởi động lại sau 1 s/);
    expect(childRunning(child.pid!, 'client/web/main.ts')).toBe(webPid);
    expect((await fetch(`http://127.0.0.1:${web}/api/health`)).status).toBe(200);

    // The sink killed outright comes back with the mail it had.
    const sinkPid = childRunning(child.pid!, 'dev/mail-sink/main.ts');
    process.kill(sinkPid!, 'SIGKILL');
    const after = await poll(
      'the restarted inbox',
      async () => {
        const pid = childRunning(child!.pid!, 'dev/mail-sink/main.ts');
        if (pid === undefined || pid === sinkPid) return undefined;
        return (await (await fetch(`http://127.0.0.1:${inbox}/api/messages`)).json()) as { messageId: string }[];
      },
      60_000,
    );
    expect(after.map((m) => m.messageId)).toEqual(expect.arrayContaining(requests.map((m) => m.messageId)));
    expect(await (await fetch(`http://127.0.0.1:${inbox}/`)).text()).toContain('Tháng hành động');

    const started = descendants(child.pid!);
    expect(started.length).toBeGreaterThanOrEqual(4);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    await poll('every child to end', async () => (started.every((pid) => !alive(pid)) ? true : undefined), 15_000);
    expect(output).toContain('đã dừng (stopped)');
  });
});
