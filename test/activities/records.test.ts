// End to end on the Temporal dev server (the time-skipping test server does not implement
// DeleteWorkflowExecution; no timer is needed here, the due is years ahead): an assignment is submitted and accepted while a
// real worker writes its records; the closing write fails once after it reached the
// database (a worker dying before it could report) and is retried by Temporal. The record
// is written once. Then the execution is deleted, as the namespace retention would, and
// `dondoc status <id> --format json` still shows the final status and receipt number.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { ApplicationFailure } from '@temporalio/common';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../../activities';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRecordActivities } from '../../activities/records';
import type { MailSink } from '../../dev/mail-sink/sink';
import { openRecords, type AssignmentSnapshot } from '../../storage/records';
import { assignmentWorkflow } from '../../workflows';
import { reviewUpdate, submitUpdate } from '../../workflows/assignment/messages';
import { runCli } from '../support/cli';
import { startTestMail } from '../support/mail';
import { createTestRecords, type TestRecords } from '../support/records';
import { createDevServerEnv, uniqueQueue, workflowBundle } from '../support/temporal';
import { assignmentInput } from '../workflows/assignment-fixture';

let env: TestWorkflowEnvironment;
let sink: MailSink;
let store: TestRecords;
// With DONDOC_TEST_PG_URL set the records live in that PostgreSQL database (README, "Records
// and retention"); otherwise in a temporary SQLite file.
const pgUrl = process.env.DONDOC_TEST_PG_URL || undefined;
const dialect = pgUrl ? 'PostgreSQL (DONDOC_TEST_PG_URL)' : 'SQLite';
let worker: Worker;
let running: Promise<void>;
let taskQueue: string;
const attempts: { version: number; closed: boolean }[] = [];

beforeAll(async () => {
  if (pgUrl) {
    const dataDir = await mkdtemp(join(tmpdir(), 'dondoc-records-pg-'));
    const records = await openRecords({ url: pgUrl, dataDir });
    store = { records, dataDir, cleanup: async () => { await records.close(); await rm(dataDir, { recursive: true, force: true }); } };
  } else {
    store = await createTestRecords();
  }
  const mail = await startTestMail({ records: store.records });
  sink = mail.sink;
  env = await createDevServerEnv();
  taskQueue = uniqueQueue('records');
  const activities = createActivities(mail.deps);
  let failedOnce = false;
  worker = await Worker.create({
    connection: env.nativeConnection,
    namespace: env.namespace ?? 'default',
    taskQueue,
    workflowBundle: await workflowBundle(),
    activities: {
      ...activities,
      // The closing write reaches the database, then the "worker" dies before reporting.
      async recordAssignment(snapshot: AssignmentSnapshot) {
        attempts.push({ version: snapshot.version, closed: snapshot.closed });
        await activities.recordAssignment(snapshot);
        if (snapshot.closed && !failedOnce) {
          failedOnce = true;
          throw ApplicationFailure.retryable('worker lost after the write (test)');
        }
      },
    },
  });
  running = worker.run();
});

afterAll(async () => {
  worker?.shutdown();
  await running;
  await env?.teardown();
  await sink?.close();
  await store?.cleanup();
});

async function until<T>(what: string, get: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const value = await get();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe(`records written by activities, read after Temporal forgets (${dialect})`, () => {
  // Deleting an execution is asynchronous on the dev server and slow on a loaded machine:
  // the waits below keep several times the headroom a quiet run needs.
  it('keeps an accepted assignment once, through a retried write and after its execution is deleted', { timeout: 360_000 }, async () => {
    // Unique per run: a PostgreSQL database may keep the records of an earlier run.
    const id = `records/e2e-${Date.now().toString(36)}/bao-cao-6-thang/tho-dan`;
    const handle = await env.client.workflow.start(assignmentWorkflow, { taskQueue, workflowId: id, args: [assignmentInput()] });
    await sink.waitFor((m) => m.headers['x-dondoc-key'] === `${id}/request`, { timeoutMs: 20_000 });
    await until('the first record', async () => (await store.records.getAssignment(id))?.notices.length ? true : undefined);

    const receipt = await handle.executeUpdate(submitUpdate, { args: [{ content: 'Báo cáo kết quả 6 tháng: 12 lớp tập huấn.', indicators: {} }] });
    await handle.executeUpdate(reviewUpdate, { args: [{ decision: 'accept', reviewer: 'Phòng LĐ-TB&XH' }] });
    await until('the closing write and its retry', async () => (attempts.filter((a) => a.closed).length >= 2 ? true : undefined));
    await until('the execution to complete', async () => ((await handle.describe()).status.name === 'COMPLETED' ? true : undefined));

    const record = (await store.records.getAssignment(id))!;
    expect(record).toMatchObject({ status: 'accepted', closed: true, round: 1 });
    expect(record.submissions.map((s) => s.receiptNumber)).toEqual([receipt.receiptNumber]);
    expect(record.reviews.map((r) => [r.decision, r.reviewer])).toEqual([['accept', 'Phòng LĐ-TB&XH']]);
    expect(record.notices.map((n) => n.key.slice(id.length + 1))).toEqual(['request', 'r1/receipt', 'r1/submitted', 'r1/accepted']);
    // The retried write (same version) added nothing.
    const closing = attempts.filter((a) => a.closed);
    expect(closing[0]!.version).toBe(closing[1]!.version);
    const rows = await store.records.db.selectFrom('submissions').select('receipt_number').where('assignment_id', '=', id).execute();
    expect(rows).toHaveLength(1);
    // The ledger on the records database holds every notice sent, with its Message-ID.
    expect((await store.records.listNotices(id)).map((n) => [n.kind, n.messageId])).toEqual(
      expect.arrayContaining([['accepted', `<${id}/r1/accepted@test.example.org>`]]),
    );

    // What retention does when it runs out.
    await env.client.workflowService.deleteWorkflowExecution({ namespace: env.namespace ?? 'default', workflowExecution: { workflowId: id } });
    await until(
      'the execution to be gone',
      async () =>
        handle.describe().then(
          () => undefined,
          () => true,
        ),
      180_000,
    );

    const cliEnv = { TEMPORAL_ADDRESS: env.address, TEMPORAL_NAMESPACE: env.namespace ?? 'default', DATA_DIR: store.dataDir, DONDOC_RECORDS_URL: pgUrl ?? '' };
    const json = await runCli(['status', id, '--format', 'json'], cliEnv);
    expect(json.stderr).toBe('');
    expect(json.code).toBe(0);
    const shown = JSON.parse(json.stdout) as Record<string, unknown> & { submissions: { receiptNumber: string }[] };
    expect(shown).toMatchObject({ workflowId: id, source: 'records', status: 'accepted', closed: true, deliveryFailures: [] });
    expect(shown.submissions.map((s) => s.receiptNumber)).toEqual([receipt.receiptNumber]);

    const table = await runCli(['status', id], cliEnv);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('Hồ sơ đã đóng — đọc từ cơ sở dữ liệu lưu trữ (from the records database)');
    expect(table.stdout).toContain(receipt.receiptNumber);
    expect(table.stdout).toContain('Đã chấp nhận');

    // The program's list still has it, marked as read from the records database.
    const list = await runCli(['status', '--program', 'vstbpn-test', '--format', 'json'], cliEnv);
    expect(list.code).toBe(0);
    expect((JSON.parse(list.stdout) as { workflowId: string; status: string; source: string }[]).find((r) => r.workflowId === id)).toMatchObject({
      status: 'accepted',
      source: 'records',
    });

    // An id neither Temporal nor the records database knows is still an error.
    const unknown = await runCli(['status', 'records/e2e/none', '--format', 'json'], cliEnv);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('không tìm thấy hồ sơ');
  });
});

// createRecordActivities without a database: the calls are accepted and do nothing.
describe('record activities without a records database', () => {
  it('accept a snapshot and keep nothing', async () => {
    const { recordAssignment } = createRecordActivities({});
    await expect(recordAssignment({} as AssignmentSnapshot)).resolves.toBeUndefined();
  });
});
