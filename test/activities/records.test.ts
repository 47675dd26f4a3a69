// End to end on the Temporal dev server (the time-skipping test server does not implement
// DeleteWorkflowExecution; no timer is needed here, the due is years ahead): an assignment is submitted and accepted while a
// real worker writes its records; the closing write fails once after it reached the
// database (a worker dying before it could report) and is retried by Temporal. The record
// is written once. Then the execution is deleted, as the namespace retention would, and
// `dondoc status <id> --format json` still shows the final status and receipt number.
// Both paths: an execution of 0.4 (its own recordAssignment activity) and one whose record
// goes with its notices (the closing write is then the acceptance notice's activity, whose
// retry must find the notice in the sent ledger and send nothing twice).
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
import type { BatchDelivery, DeliveryResult, NoticeBatch } from '../../activities/notify/send-notice';
import type { NoticeRequest } from '../../contract/notices';
import { assignmentInput, legacyAssignmentInput } from '../workflows/assignment-fixture';

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
/** Every record write the worker attempted, by workflow and by the activity that made it. */
const attempts: { workflowId: string; via: 'recordAssignment' | 'deliverNotices'; version: number; closed: boolean }[] = [];

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
  const failedOnce = new Set<string>();
  // The closing write reaches the database, then the "worker" dies before reporting.
  const lostAfter = (workflowId: string, closed: boolean) => {
    if (!closed || failedOnce.has(workflowId)) return;
    failedOnce.add(workflowId);
    throw ApplicationFailure.retryable('worker lost after the write (test)');
  };
  async function deliverNotices(input: NoticeRequest[]): Promise<DeliveryResult[]>;
  async function deliverNotices(input: NoticeBatch): Promise<BatchDelivery>;
  async function deliverNotices(input: NoticeRequest[] | NoticeBatch): Promise<DeliveryResult[] | BatchDelivery> {
    if (Array.isArray(input)) return activities.deliverNotices(input);
    const delivery = await activities.deliverNotices(input);
    const snapshot = input.record?.snapshot;
    if (snapshot) {
      attempts.push({ workflowId: snapshot.workflowId, via: 'deliverNotices', version: snapshot.version, closed: snapshot.closed });
      lostAfter(snapshot.workflowId, snapshot.closed);
    }
    return delivery;
  }
  worker = await Worker.create({
    connection: env.nativeConnection,
    namespace: env.namespace ?? 'default',
    taskQueue,
    workflowBundle: await workflowBundle(),
    activities: {
      ...activities,
      async recordAssignment(snapshot: AssignmentSnapshot) {
        attempts.push({ workflowId: snapshot.workflowId, via: 'recordAssignment', version: snapshot.version, closed: snapshot.closed });
        await activities.recordAssignment(snapshot);
        lostAfter(snapshot.workflowId, snapshot.closed);
      },
      deliverNotices,
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
  const paths = [
    { path: 'started by 0.4 (a record activity of its own)', input: legacyAssignmentInput, via: 'recordAssignment' },
    { path: 'its record going with its notices', input: assignmentInput, via: 'deliverNotices' },
  ] as const;
  it.each(paths)('keeps an accepted assignment once, through a retried write and after its execution is deleted: $path', { timeout: 360_000 }, async ({ input, via }) => {
    // Unique per run: a PostgreSQL database may keep the records of an earlier run.
    const id = `records/e2e-${Date.now().toString(36)}/bao-cao-6-thang/tho-dan`;
    const handle = await env.client.workflow.start(assignmentWorkflow, { taskQueue, workflowId: id, args: [input()] });
    await sink.waitFor((m) => m.headers['x-dondoc-key'] === `${id}/request`, { timeoutMs: 20_000 });
    await until('the first record', async () => (await store.records.getAssignment(id))?.notices.length ? true : undefined);

    const receipt = await handle.executeUpdate(submitUpdate, { args: [{ content: 'Báo cáo kết quả 6 tháng: 12 lớp tập huấn.', indicators: {} }] });
    await handle.executeUpdate(reviewUpdate, { args: [{ decision: 'accept', reviewer: 'Phòng LĐ-TB&XH' }] });
    const closing = () => attempts.filter((a) => a.workflowId === id && a.closed);
    await until('the closing write and its retry', async () => (closing().length >= 2 ? true : undefined));
    await until('the execution to complete', async () => ((await handle.describe()).status.name === 'COMPLETED' ? true : undefined));

    const record = (await store.records.getAssignment(id))!;
    expect(record).toMatchObject({ status: 'accepted', closed: true, round: 1 });
    expect(record.submissions.map((s) => s.receiptNumber)).toEqual([receipt.receiptNumber]);
    expect(record.reviews.map((r) => [r.decision, r.reviewer])).toEqual([['accept', 'Phòng LĐ-TB&XH']]);
    expect(record.notices.map((n) => n.key.slice(id.length + 1))).toEqual(['request', 'r1/receipt', 'r1/submitted', 'r1/accepted']);
    // The retried write (same version) added nothing; it was made by the activity of its path.
    expect(closing().map((a) => a.via)).toEqual([via, via]);
    expect(closing()[0]!.version).toBe(closing()[1]!.version);
    expect(attempts.filter((a) => a.workflowId === id && a.via !== via)).toEqual([]);
    // Each notice reached the relay once, the acceptance too though its activity ran twice.
    const keys = sink.messages().map((m) => m.headers['x-dondoc-key']).filter((k) => k?.startsWith(`${id}/`));
    expect(keys.sort()).toEqual(['request', 'r1/accepted', 'r1/receipt', 'r1/submitted'].map((step) => `${id}/${step}`).sort());
    // The record carries every notice's Message-ID, as the workflow's own state does.
    expect(record.notices.map((n) => n.messageId)).toEqual(['request', 'r1/receipt', 'r1/submitted', 'r1/accepted'].map((step) => `<${id}/${step}@test.example.org>`));
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
