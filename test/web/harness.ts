// The whole stack for browser tests: the Temporal dev server, a real worker sending to a
// real SMTP sink, dondoc's web server on a free port, and Debian's Chromium driven by
// playwright-core. Links in the emails are signed with the same secret the server checks.
import { withFirstRound } from '../../client/first-round';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Client } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import type { Account } from '../../auth/accounts';
import { createLinkBuilder } from '../../auth/links';
import { hashPassword } from '../../auth/passwords';
import { createWebServer } from '../../client/web/server';
import { loadEnv, type Env } from '../../config/env';
import type { MailSink, SunkMessage } from '../../dev/mail-sink/sink';
import type { FileStore } from '../../storage/file-store';
import { openRecords, type Records } from '../../storage/records';
import { TABLES } from '../../storage/records/tables';
import { Client as PgClient } from 'pg';
import { createDondocWorker } from '../../worker/create-worker';
import { assignmentWorkflow } from '../../workflows';
import type { AssignmentInput } from '../../workflows/assignment/messages';
import { startTestMail, TEST_SECRET } from '../support/mail';
import { createDevServerEnv, uniqueQueue, workflowBundle } from '../support/temporal';

export const ADMIN = { username: 'admin', password: 'mat-khau-van-phong-2026' };
export const CHAIR = { username: 'truongban', password: 'mat-khau-truong-ban-2026' };
export const UPLOAD_MAX_MB = 1;

export const artifacts = resolve(__dirname, '..', '..', 'test-artifacts', 'web');

import { freePort } from '../../dev/harness/ports';

export { freePort };

export interface Harness {
  temporal: TestWorkflowEnvironment;
  client: Client;
  sink: MailSink;
  web: FastifyInstance;
  webEnv: Env;
  baseUrl: string;
  taskQueue: string;
  /** The file store the worker writes reports into and the web server reads from. */
  store: FileStore;
  /** The records database the worker writes and the web server reads. */
  records: Records;
  browser: Browser;
  /** A fresh browser context sized like a phone (390×844). */
  phone(): Promise<BrowserContext>;
  /** Stops the worker (as a crash would leave it: gone), Temporal and the web server stay up. */
  stopWorker(): Promise<void>;
  close(): Promise<void>;
}

async function openEmptyPostgresRecords(url: string, dataDir: string): Promise<Records> {
  const pg = new PgClient({ connectionString: url });
  await pg.connect();
  await pg.query(`drop table if exists ${[...TABLES, 'dondoc_migrations', 'dondoc_migrations_lock'].join(', ')} cascade`);
  await pg.end();
  return openRecords({ url, dataDir });
}

export async function startHarness(name: string): Promise<Harness> {
  const dataDir = mkdtempSync(join(tmpdir(), `dondoc-web-${name}-`));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const temporal = await createDevServerEnv();
  const taskQueue = uniqueQueue(`web-${name}`);
  const webEnv = loadEnv({
    TEMPORAL_ADDRESS: temporal.address,
    TEMPORAL_TASK_QUEUE: taskQueue,
    PUBLIC_URL: baseUrl,
    WEB_PORT: String(port),
    DATA_DIR: dataDir,
    DONDOC_UPLOAD_MAX_MB: String(UPLOAD_MAX_MB),
    DONDOC_UPLOAD_MAX_FILES: '3',
    SMTP_URL: 'smtp://127.0.0.1:1',
  });
  // DONDOC_TEST_WEB_PG_URL: the records database is that PostgreSQL database, emptied first
  // (run one web test file at a time against it); otherwise a temporary SQLite file.
  const pgUrl = process.env.DONDOC_TEST_WEB_PG_URL || undefined;
  const pgRecords = pgUrl ? await openEmptyPostgresRecords(pgUrl, dataDir) : undefined;
  const mail = await startTestMail({ links: createLinkBuilder({ secret: TEST_SECRET, publicUrl: baseUrl }), ...(pgRecords ? { records: pgRecords } : {}) });
  const store = mail.deps.store;
  if (!store) throw new Error('the test mail deps have no file store');
  const records = mail.deps.records;
  if (!records) throw new Error('the test mail deps have no records database');
  const accounts: Account[] = [
    { username: ADMIN.username, role: 'office', passwordHash: await hashPassword(ADMIN.password), displayName: 'Văn phòng' },
    { username: CHAIR.username, role: 'chair', passwordHash: await hashPassword(CHAIR.password), displayName: 'Trưởng ban' },
  ];
  // The web reads the records database the worker writes, as `npm start` wires them.
  const web = createWebServer(temporal.client, webEnv, { secret: TEST_SECRET, accounts, store, records });
  await web.listen({ port, host: '127.0.0.1' });
  const worker: Worker = await createDondocWorker({ connection: temporal.nativeConnection, namespace: 'default', taskQueue, deps: mail.deps, workflowBundle: await workflowBundle() });
  const running = worker.run();
  let workerStopped = false;
  const stopWorker = async () => {
    if (workerStopped) return;
    workerStopped = true;
    worker.shutdown();
    await running;
  };
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  mkdirSync(artifacts, { recursive: true });
  return {
    temporal,
    client: temporal.client,
    sink: mail.sink,
    web,
    webEnv,
    baseUrl,
    taskQueue,
    store,
    records,
    browser,
    phone: () => browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true, locale: 'vi-VN' }),
    stopWorker,
    async close() {
      await browser.close().catch(() => undefined);
      await web.close();
      await stopWorker();
      await temporal.teardown();
      await mail.sink.close();
      await pgRecords?.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function assignmentInput(overrides: Partial<AssignmentInput> & { unitId: string; unitName: string }): AssignmentInput {
  const { unitId, unitName, ...rest } = overrides;
  return withFirstRound({
    programId: 'vstbpn-2026',
    programTitle: 'Chương trình công tác năm 2026 của Ban vì sự tiến bộ của phụ nữ huyện',
    itemId: 'bao-cao-6-thang',
    itemTitle: 'Báo cáo sơ kết 6 tháng đầu năm',
    period: '2026-H1',
    unit: { id: unitId, name: unitName, emails: [`vanphong@${unitId}.example.org`] },
    office: { name: 'Phòng Lao động - Thương binh và Xã hội', emails: ['ldtbxh@trieuson.example.org'] },
    dueAt: '2099-06-19T17:00:00+07:00',
    timeZone: 'Asia/Ho_Chi_Minh',
    locale: 'vi',
    indicators: [
      { id: 'can-bo-nu', label: 'Số cán bộ nữ', type: 'number', required: true, unit: 'người' },
      { id: 'ghi-chu', label: 'Ghi chú số liệu', type: 'text', required: false },
    ],
    ...rest,
  });
}

export async function startAssignment(h: Harness, input: AssignmentInput): Promise<string> {
  const id = `assign/${input.programId}/${input.itemId}/${input.period ?? ''}/${input.unit.id}`;
  // As every starter of 0.5 gives it: the record goes with the notices.
  await h.client.workflow.start(assignmentWorkflow, { taskQueue: h.taskQueue, workflowId: id, args: [{ ...input, recordWithNotices: true }] });
  return id;
}

/** The unit link in a notice, as a person would click it. */
export function linkIn(message: SunkMessage): string {
  const match = /https?:\/\/127\.0\.0\.1:\d+\/u\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/.exec(message.text);
  if (!match) throw new Error(`no unit link in "${message.subject}":\n${message.text}`);
  return match[0];
}

export async function waitForNotice(h: Harness, workflowId: string, step: string): Promise<SunkMessage> {
  const [message] = await h.sink.waitFor((m) => m.messageId.startsWith(`<${workflowId}/${step}@`), { timeoutMs: 20_000 });
  return message!;
}
