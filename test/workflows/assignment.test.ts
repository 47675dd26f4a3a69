// The whole life of assignments over weeks, on the time-skipping server, with every
// notice delivered to a real SMTP sink and checked there (recipients, subject, Message-ID).
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailSink, SunkMessage } from '../../dev/mail-sink/sink';
import { createDondocWorker } from '../../worker/create-worker';
import { assignmentWorkflow } from '../../workflows';
import { extendUpdate, reviewUpdate, statusQuery, submitUpdate, type AssignmentState } from '../../workflows/assignment/messages';
import { recordHistory } from '../support/histories';
import { startTestMail } from '../support/mail';
import { createTimeSkippingEnv, uniqueQueue, workflowBundle } from '../support/temporal';
import { assignmentInput, iso, travelTo } from './assignment-fixture';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let env: TestWorkflowEnvironment;
let sink: MailSink;
let worker: Worker;
let taskQueue: string;
let running: Promise<void>;

beforeAll(async () => {
  const mail = await startTestMail();
  sink = mail.sink;
  env = await createTimeSkippingEnv();
  taskQueue = uniqueQueue('assignment');
  worker = await createDondocWorker({
    connection: env.nativeConnection,
    namespace: env.namespace ?? 'default',
    taskQueue,
    deps: mail.deps,
    workflowBundle: await workflowBundle(),
  });
  running = worker.run();
  await travelTo(env, '2030-06-03T08:00');
});

afterAll(async () => {
  worker?.shutdown();
  await running;
  await env?.teardown();
  await sink?.close();
});

/** Messages of one workflow, in the order they reached the SMTP server. */
const mailOf = (workflowId: string) => sink.messages().filter((m) => m.headers['x-dondoc-key']?.startsWith(`${workflowId}/`));
/** The step part of a notice key: `request`, `r1/reminder-1`, … */
const stepsOf = (workflowId: string) => mailOf(workflowId).map((m: SunkMessage) => m.headers['x-dondoc-key']!.slice(workflowId.length + 1));
const waitForKey = (workflowId: string, step: string) =>
  sink.waitFor((m) => m.headers['x-dondoc-key'] === `${workflowId}/${step}`, { timeoutMs: 20_000 });
/** Queries until the workflow has no notice waiting for its send activity. */
async function settled(workflowId: string): Promise<AssignmentState> {
  for (let i = 0; i < 100; i++) {
    const state = await env.client.workflow.getHandle(workflowId).query(statusQuery);
    if (state.notices.every((n) => n.sentAt || n.skipped)) return state;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`notices of ${workflowId} never settled`);
}

/** The validator's reason behind a rejected update. */
async function rejection(promise: Promise<unknown>): Promise<string> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
  return ((err as WorkflowUpdateFailedError).cause as Error).message;
}

/**
 * The final state of a workflow that has just been accepted, read by a query once the
 * execution is closed. The testing client's `result()` unlocks time skipping, and the test
 * server then jumps years ahead, so these tests never call it.
 */
async function closedState(workflowId: string): Promise<AssignmentState> {
  const handle = env.client.workflow.getHandle(workflowId);
  for (let i = 0; i < 100; i++) {
    if ((await handle.describe()).status.name === 'COMPLETED') return handle.query(statusQuery);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${workflowId} did not complete`);
}

async function start(id: string, overrides = {}) {
  return env.client.workflow.start(assignmentWorkflow, { taskQueue, workflowId: id, args: [assignmentInput(overrides)] });
}

describe('assignmentWorkflow', () => {
  it('requests, reminds at the working-day offsets, gives a receipt and closes on acceptance', async () => {
    const id = 'test/on-time/tho-dan';
    const handle = await start(id);
    const [request] = await waitForKey(id, 'request');
    expect(request!.to).toEqual(['vanphong@tho-dan.example.org']);
    expect(request!.messageId).toBe(`<${id}/request@test.example.org>`);
    expect(request!.subject).toContain('Báo cáo sơ kết 6 tháng');

    // 3 working days before Friday 14/6 is Tuesday 11/6, at 08:00.
    await travelTo(env, '2030-06-11T07:59');
    expect((await settled(id)).notices.map((n) => n.kind)).toEqual(['request']);
    await travelTo(env, '2030-06-11T08:01');
    const [reminder] = await waitForKey(id, 'r1/reminder-1');
    expect(reminder!.to).toEqual(['vanphong@tho-dan.example.org']);
    expect((await settled(id)).notices.find((n) => n.kind === 'reminder')?.scheduledFor).toBe(iso('2030-06-11T08:00'));

    await travelTo(env, '2030-06-12T10:00');
    const receipt = await handle.executeUpdate(submitUpdate, { args: [{ content: 'Báo cáo kết quả 6 tháng: 12 lớp tập huấn, 480 lượt người.' }] });
    expect(receipt.receiptNumber).toMatch(/^BN-20300612-[0-9A-Z]{6}-1$/);
    expect(receipt.late).toBe(false);
    const [toUnit] = await waitForKey(id, 'r1/receipt');
    const [toOffice] = await waitForKey(id, 'r1/submitted');
    expect(toUnit!.to).toEqual(['vanphong@tho-dan.example.org']);
    expect(toUnit!.text).toContain(receipt.receiptNumber);
    expect(toOffice!.to).toEqual(['ldtbxh@trieuson.example.org']);

    // A submission awaiting review stops reminders and escalations.
    await travelTo(env, '2030-06-24T09:00');
    expect((await settled(id)).status).toBe('submitted');
    await handle.executeUpdate(reviewUpdate, { args: [{ decision: 'accept', reviewer: 'Phòng LĐ-TB&XH' }] });
    const final = await closedState(id);
    expect(final.status).toBe('accepted');
    await waitForKey(id, 'r1/accepted');
    expect(stepsOf(id)).toEqual(['request', 'r1/reminder-1', 'r1/receipt', 'r1/submitted', 'r1/accepted']);
  });

  it('returns with a comment, re-arms reminders for the new due, then accepts the resubmission', async () => {
    const id = 'test/returned/hop-thanh';
    await travelTo(env, '2030-07-01T08:00');
    const handle = await start(id, { dueAt: iso('2030-07-12T17:00'), unit: { id: 'hop-thanh', name: 'UBND xã Hợp Thành', emails: ['vanphong@hop-thanh.example.org'] } });
    await handle.executeUpdate(submitUpdate, { args: [{ content: 'Số liệu chưa đủ' }] });
    const returned = await handle.executeUpdate(reviewUpdate, {
      args: [{ decision: 'return', comment: 'Đề nghị bổ sung số liệu cán bộ nữ theo biểu mẫu.' }],
    });
    // Returned on Monday 1/7: 5 working days later is Monday 8/7, at the old due's time of day.
    expect(returned).toEqual({ status: 'returned', dueAt: iso('2030-07-08T17:00') });
    const [notice] = await waitForKey(id, 'r1/returned');
    expect(notice!.text).toContain('Đề nghị bổ sung số liệu cán bộ nữ theo biểu mẫu.');
    expect(notice!.cc).toEqual(['ldtbxh@trieuson.example.org']);

    // Round 2 reminders: 3 and 1 working days before Monday 8/7 → Wed 3/7 and Fri 5/7.
    await travelTo(env, '2030-07-05T09:00');
    await waitForKey(id, 'r2/reminder-2');
    const state = await settled(id);
    expect(state.notices.filter((n) => n.kind === 'reminder').map((n) => n.scheduledFor)).toEqual([iso('2030-07-03T08:00'), iso('2030-07-05T08:00')]);

    const second = await handle.executeUpdate(submitUpdate, { args: [{ content: 'Đã bổ sung đầy đủ số liệu.' }] });
    expect(second.receiptNumber).toMatch(/-2$/);
    await handle.executeUpdate(reviewUpdate, { args: [{ decision: 'accept' }] });
    const final = await closedState(id);
    expect(final.round).toBe(2);
    expect(final.submissions).toHaveLength(2);
    expect(final.reviews.map((r) => r.decision)).toEqual(['return', 'accept']);
    await recordHistory(handle, 'assignment-returned-accepted');
  });

  it('escalates in order, once per level, when nothing is submitted; a late submission stops it', async () => {
    const id = 'test/silent/dan-ly';
    await travelTo(env, '2030-08-05T08:00');
    const handle = await start(id, {
      unit: { id: 'dan-ly', name: 'UBND xã Dân Lý', emails: ['vanphong@dan-ly.example.org'], head: { name: 'Trần Thị Bình', email: 'chutich@dan-ly.example.org' } },
      dueAt: iso('2030-08-16T17:00'),
    });
    // Due Fri 16/8; +1 wd Mon 19/8 08:00 to the head; +3 wd Wed 21/8 to the office; +5 wd Fri 23/8 to the chair.
    await travelTo(env, '2030-08-20T09:00');
    await waitForKey(id, 'r1/escalation-1');
    expect((await settled(id)).status).toBe('escalated');
    await travelTo(env, '2030-08-30T09:00');
    await waitForKey(id, 'r1/escalation-3');
    const state = await settled(id);
    const escalations = state.notices.filter((n) => n.kind === 'escalation');
    expect(escalations.map((n) => [n.scheduledFor, n.to])).toEqual([
      [iso('2030-08-19T08:00'), ['chutich@dan-ly.example.org']],
      [iso('2030-08-21T08:00'), ['ldtbxh@trieuson.example.org']],
      [iso('2030-08-23T08:00'), ['truongban@trieuson.example.org']],
    ]);
    const receipt = await handle.executeUpdate(submitUpdate, { args: [{ content: 'Xin lỗi vì nộp muộn.' }] });
    expect(receipt.late).toBe(true);
    await waitForKey(id, 'r1/submitted');
    await travelTo(env, '2030-08-31T09:00');
    const keys = stepsOf(id);
    expect(keys).toEqual(['request', 'r1/reminder-1', 'r1/reminder-2', 'r1/escalation-1', 'r1/escalation-2', 'r1/escalation-3', 'r1/receipt', 'r1/submitted']);
    expect(new Set(mailOf(id).map((m) => m.messageId)).size).toBe(keys.length);
    await handle.terminate('test done');
  });

  it('extends the due: timers re-armed, a reminder already sent is not sent again', async () => {
    const id = 'test/extended/minh-son';
    const now = await env.currentTimeMs();
    const handle = await start(id, {
      unit: { id: 'minh-son', name: 'UBND xã Minh Sơn', emails: ['vanphong@minh-son.example.org'] },
      dueAt: new Date(now + 10 * DAY).toISOString(),
      reminders: [{ amount: 2, unit: 'calendarDays' }, { amount: 6, unit: 'hours' }],
      escalations: [{ amount: 1, unit: 'calendarDays', audience: 'office' }],
    });
    await env.sleep(8 * DAY + HOUR);
    await waitForKey(id, 'r1/reminder-1');
    const newDue = new Date(now + 20 * DAY).toISOString();
    await handle.executeUpdate(extendUpdate, { args: [{ newDueAt: newDue, reason: 'Đơn vị xin gia hạn do mưa lũ' }] });
    await waitForKey(id, 'r1/extended-1');
    // Past the old due and the old escalation: nothing but the re-armed reminder fires.
    await env.sleep(11 * DAY + 20 * HOUR);
    await waitForKey(id, 'r1/reminder-2');
    const state = await settled(id);
    expect(state.status).toBe('requested');
    const reminder2 = state.notices.find((n) => n.key.endsWith('r1/reminder-2'));
    expect(Date.parse(reminder2!.scheduledFor)).toBe(Date.parse(newDue) - 6 * HOUR);
    // One calendar day after the due, moved to the next working day when that is a day off
    // (as the plan shows it); four days cover the longest weekend.
    await env.sleep(4 * DAY);
    await waitForKey(id, 'r1/escalation-1');
    const escalated = (await settled(id)).notices.find((n) => n.key.endsWith('r1/escalation-1'));
    expect(Date.parse(escalated!.scheduledFor)).toBeGreaterThanOrEqual(Date.parse(newDue) + DAY);
    expect(stepsOf(id)).toEqual(['request', 'r1/reminder-1', 'r1/extended-1', 'r1/reminder-2', 'r1/escalation-1']);
    await recordHistory(handle, 'assignment-extended-escalated');
    await handle.terminate('test done');
  });

  it('rejects an empty submission, a review with nothing submitted, and an extension into the past', async () => {
    const id = 'test/validators/tho-ngoc';
    const handle = await start(id, { unit: { id: 'tho-ngoc', name: 'UBND xã Thọ Ngọc', emails: ['vanphong@tho-ngoc.example.org'] } });
    expect(await rejection(handle.executeUpdate(submitUpdate, { args: [{ content: '   ' }] }))).toContain('nội dung báo cáo không được để trống');
    expect(await rejection(handle.executeUpdate(submitUpdate, { args: [{ content: 'x'.repeat(20_001) }] }))).toContain('content too long');
    expect(await rejection(handle.executeUpdate(reviewUpdate, { args: [{ decision: 'accept' }] }))).toContain('nothing to review');
    expect(await rejection(handle.executeUpdate(extendUpdate, { args: [{ newDueAt: '2001-01-01T00:00:00Z', reason: 'x' }] }))).toContain('future');
    // Rejected updates leave no trace in the state.
    const state = await settled(id);
    expect(state.submissions).toEqual([]);
    expect(state.extensions).toEqual([]);
    await handle.terminate('test done');
  });
});
