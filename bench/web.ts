// Web figures on this machine: the program dashboard's time to first byte for a program of
// 3,400 units, and the unit page's size over the wire, measured over HTTP against the
// Temporal dev server, a worker, the SMTP sink and dondoc's web server.
//
// Running 3,400 workflows through one worker on a small machine takes minutes, so most units
// are seeded as assignment executions started with their search attributes on a task queue
// no worker polls: visibility holds exactly the rows a program would put there, and the
// dashboard reads them through the same code path (it never queries a workflow per unit).
// The last BENCH_WEB_REAL units are real workflows run by the worker; they are started last,
// so they are the ones visibility lists first and the ones the unit page is measured on.
//
//   npx tsx bench/web.ts                                  (or through `npm run bench`)
//   BENCH_WEB_UNITS=3400 BENCH_WEB_REAL=300 npx tsx bench/web.ts
import { withFirstRound, type UnscheduledAssignment } from '../client/first-round';
import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLinkBuilder } from '../auth/links';
import { hashPassword } from '../auth/passwords';
import { createWebServer } from '../client/web/server';
import { loadEnv } from '../config/env';
import { createDondocWorker } from '../worker/create-worker';
import { assignmentWorkflow } from '../workflows';
import type { AssignmentInput } from '../workflows/assignment/messages';
import { DUE, ITEM as ITEM_SA, PERIOD as PERIOD_SA, PROGRAM as PROGRAM_SA, STATUS, UNIT } from '../workflows/search-attributes';
import { startTestMail, TEST_SECRET } from '../dev/harness/mail';
import { freePort } from '../dev/harness/ports';
import { createDevServerEnv, uniqueQueue, workflowBundle } from '../dev/harness/temporal';

const PROGRAM = 'bench-web';
const ITEM = 'bao-cao-6-thang';
const PERIOD = '2026-H1';

interface Timed {
  status: number;
  ttfbMs: number;
  totalMs: number;
  /** Body bytes as sent (compressed when the client accepts it) plus the header block. */
  wireBytes: number;
  bodyBytes: number;
}

function get(url: string, headers: Record<string, string> = {}): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const req = request(url, { headers, agent: false }, (res) => {
      const ttfb = performance.now() - start;
      let body = 0;
      res.on('data', (chunk: Buffer) => (body += chunk.length));
      res.on('end', () => {
        const headerBytes = res.rawHeaders.reduce((n, h) => n + Buffer.byteLength(h) + 2, 0) + 16;
        resolve({ status: res.statusCode ?? 0, ttfbMs: ttfb, totalMs: performance.now() - start, wireBytes: body + headerBytes, bodyBytes: body });
      });
    });
    req.once('error', reject);
    req.end();
  });
}

async function signIn(baseUrl: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(0)} ms`;
const kb = (x: number) => `${(x / 1024).toFixed(1)} kB`;

function input(i: number, now: number): AssignmentInput {
  return withFirstRound(unscheduled(i, now));
}

function unscheduled(i: number, now: number): UnscheduledAssignment {
  const id = `don-vi-${String(i + 1).padStart(4, '0')}`;
  // One unit in ten is already past its due, so the overdue list and counts have work to do.
  const due = i % 10 === 0 ? new Date(now - 86_400_000) : new Date(now + 30 * 86_400_000);
  return {
    programId: PROGRAM,
    programTitle: 'Chương trình đo hiệu năng (3.400 đơn vị)',
    itemId: ITEM,
    itemTitle: 'Báo cáo sơ kết 6 tháng đầu năm',
    period: PERIOD,
    unit: { id, name: `UBND xã số ${i + 1}`, emails: [`vanphong@${id}.example.org`] },
    office: { name: 'Phòng Lao động - Thương binh và Xã hội', emails: ['ldtbxh@example.org'] },
    dueAt: due.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    indicators: [
      { id: 'can-bo-nu', label: 'Số cán bộ nữ', type: 'number', required: true, unit: 'người' },
      { id: 'ty-le', label: 'Tỷ lệ nữ lãnh đạo', type: 'number', required: false, unit: '%' },
    ],
  };
}

export async function benchWeb(): Promise<void> {
  const units = Number(process.env.BENCH_WEB_UNITS ?? 3400);
  const dataDir = mkdtempSync(join(tmpdir(), 'dondoc-bench-web-'));
  const temporal = await createDevServerEnv();
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const taskQueue = uniqueQueue('bench-web');
  const mail = await startTestMail({ links: createLinkBuilder({ secret: TEST_SECRET, publicUrl: baseUrl }) });
  const worker = await createDondocWorker({ connection: temporal.nativeConnection, namespace: 'default', taskQueue, deps: mail.deps, workflowBundle: await workflowBundle() });
  const running = worker.run();
  try {
    const now = Date.now();
    const seedStart = performance.now();
    const real = Math.min(units, Number(process.env.BENCH_WEB_REAL ?? 300));
    const statuses = ['requested', 'requested', 'submitted', 'accepted', 'returned', 'overdue', 'escalated', 'exempted'];
    const idOf = (i: number) => `assign/${PROGRAM}/${ITEM}/${PERIOD}/${input(i, now).unit.id}`;
    let next = 0;
    const startAll = (until: number, start: (i: number) => Promise<unknown>) =>
      Promise.all(
        Array.from({ length: 32 }, async () => {
          while (next < until) await start(next++);
        }),
      );
    await startAll(units - real, (i) => {
      const data = input(i, now);
      return temporal.client.workflow.start(assignmentWorkflow, {
        taskQueue: `${taskQueue}-visibility-only`,
        workflowId: idOf(i),
        args: [data],
        typedSearchAttributes: [
          { key: PROGRAM_SA, value: PROGRAM },
          { key: ITEM_SA, value: ITEM },
          { key: PERIOD_SA, value: PERIOD },
          { key: UNIT, value: data.unit.id },
          { key: STATUS, value: statuses[i % statuses.length]! },
          { key: DUE, value: new Date(data.dueAt) },
        ],
      });
    });
    await startAll(units, (i) => temporal.client.workflow.start(assignmentWorkflow, { taskQueue, workflowId: idOf(i), args: [input(i, now)] }));
    const startedMs = performance.now() - seedStart;
    // Visibility is eventually consistent: wait until it lists every unit with a status.
    const counted = async () => Number((await temporal.client.workflowService.countWorkflowExecutions({ namespace: 'default', query: `DondocProgram = '${PROGRAM}' AND DondocStatus IS NOT NULL` })).count ?? 0);
    while ((await counted()) < units) await new Promise((r) => setTimeout(r, 500));
    const seedMs = performance.now() - seedStart;

    const env = loadEnv({ TEMPORAL_ADDRESS: temporal.address, TEMPORAL_TASK_QUEUE: taskQueue, PUBLIC_URL: baseUrl, WEB_PORT: String(port), DATA_DIR: dataDir, SMTP_URL: 'smtp://127.0.0.1:1' });
    const password = 'bench-mat-khau-2026';
    const web = createWebServer(temporal.client, env, { secret: TEST_SECRET, accounts: [{ username: 'admin', role: 'office', passwordHash: await hashPassword(password) }] });
    await web.listen({ port, host: '127.0.0.1' });
    try {
      const cookie = await signIn(baseUrl, 'admin', password);
      const dashboard = `${baseUrl}/office/programs/${PROGRAM}`;
      const headers = { cookie, 'accept-encoding': 'br, gzip' };
      const cold = await get(dashboard, headers);
      if (cold.status !== 200) throw new Error(`dashboard answered ${cold.status}`);
      const warm: Timed[] = [];
      for (let i = 0; i < 10; i++) warm.push(await get(dashboard, headers));
      const page2 = await get(`${dashboard}?page=${await nextToken(baseUrl, cookie)}`, headers);
      const plain = await get(dashboard, { cookie });

      const last = units - 1;
      const link = createLinkBuilder({ secret: TEST_SECRET, publicUrl: baseUrl }).unit(idOf(last), input(last, now).dueAt);
      const unitBr = await get(link, { 'accept-encoding': 'br, gzip' });
      const unitGzip = await get(link, { 'accept-encoding': 'gzip' });
      const unitPlain = await get(link);
      if (unitPlain.status !== 200) throw new Error(`unit page answered ${unitPlain.status}`);

      const verdict = (ok: boolean) => (ok ? 'OK' : 'SLOW');
      console.log(`web: seeded one program of ${units} unit assignments in ${(seedMs / 1000).toFixed(1)} s: ${units - real} visibility rows (started with their search attributes, no worker) + ${real} real workflows run by the worker (started after ${(startedMs / 1000).toFixed(1)} s)`);
      console.log(
        `web: dashboard of ${units} units (counts, 1 column, page of 100 units, overdue list) — time to first byte: cold ${ms(cold.ttfbMs)} ` +
          `[${verdict(cold.ttfbMs < 500)}, target < 500 ms], warm median ${ms(median(warm.map((w) => w.ttfbMs)))}, next page ${ms(page2.ttfbMs)}; ` +
          `${kb(cold.bodyBytes)} on the wire with brotli (${kb(plain.bodyBytes)} uncompressed)`,
      );
      console.log(
        `web: unit page (no attachments) over the wire: ${kb(unitBr.wireBytes)} with brotli, ${kb(unitGzip.wireBytes)} with gzip, ${kb(unitPlain.wireBytes)} uncompressed ` +
          `[${unitPlain.wireBytes < 50 * 1024 ? 'OK' : 'LARGE'}, target < 50 kB]; time to first byte ${ms(unitPlain.ttfbMs)}`,
      );
    } finally {
      await web.close();
    }
  } finally {
    worker.shutdown();
    await running;
    await temporal.teardown();
    await mail.sink.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The second page of the matrix, as a person clicking "next" would ask for it. */
async function nextToken(baseUrl: string, cookie: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/programs/${PROGRAM}/matrix`, { headers: { cookie } });
  const body = (await res.json()) as { next: string | null };
  return body.next ?? '';
}

if (require.main === module) {
  benchWeb().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
