// A worker process killed (SIGKILL) in the middle of a cycle and another one started: the
// timers the dead worker armed still fire, every notice arrives, none twice, and the cycle
// goes on. Runs on the dev server in real time: the time-skipping server never moves its
// clock while a dead worker's sticky workflow task is outstanding.
//
// Kept short on purpose (it once took 102 s of a 120 s limit and failed under load): the
// workers load one prebuilt workflow bundle instead of bundling at each start, and the due
// the dead worker arms is set by an extension ~20 s ahead just before the kill, rather than
// minutes ahead from the start. ~35–60 s on this 2-core machine; the limits keep 3× headroom.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailSink } from '../../dev/mail-sink/sink';
import { withFirstRound } from '../../client/first-round';
import { reportCycleWorkflow } from '../../workflows';
import { extendUpdate, statusQuery, submitUpdate, type AssignmentInput } from '../../workflows/assignment/messages';
import type { OccurrenceInput } from '../../workflows/occurrence/input';
import { reportCycleStatusQuery } from '../../workflows/report-cycle/messages';
import { startTestMail } from '../support/mail';
import { createDevServerEnv, uniqueQueue } from '../support/temporal';
import { killWorker, startWorkerProcess, writeWorkflowBundle, type WorkerProcess } from '../faults/worker-process';
import { eventually } from './program-fixture';

const OCC = 'restart-test/bao-cao-nhanh/2026-M12';
const UNITS = ['tho-dan', 'tho-the', 'hop-thanh', 'dan-ly'];

let env: TestWorkflowEnvironment;
let sink: MailSink;
let dataDir: string;
let bundlePath: string;
const taskQueue = uniqueQueue('restart');
const workers: WorkerProcess[] = [];

/** Starts a worker process as an operator would run one; resolves once it polls. */
async function startWorker(): Promise<WorkerProcess> {
  const worker = await startWorkerProcess({
    TEMPORAL_ADDRESS: env.address,
    TEMPORAL_TASK_QUEUE: taskQueue,
    SMTP_URL: `smtp://127.0.0.1:${sink.smtpPort}`,
    DATA_DIR: dataDir,
    PUBLIC_URL: 'http://dondoc.test.example.org',
    DONDOC_WORKFLOW_BUNDLE: bundlePath,
  });
  workers.push(worker);
  return worker;
}

function occurrence(dueAt: string): OccurrenceInput {
  const assignment = (unit: string): AssignmentInput =>
    withFirstRound({
    programId: 'restart-test',
    programTitle: 'Chương trình thử nghiệm khởi động lại worker',
    itemId: 'bao-cao-nhanh',
    itemTitle: 'Báo cáo nhanh',
    period: 'Tháng 12/2026',
    unit: { id: unit, name: `UBND xã ${unit}`, emails: [`${unit}@example.org`] },
    office: { name: 'Phòng LĐ-TB&XH', emails: ['ldtbxh@example.org'] },
    dueAt,
    timeZone: 'Asia/Ho_Chi_Minh',
    locale: 'vi',
    // At the due itself: the extension just before the kill puts it after the kill.
    reminders: [{ amount: 0, unit: 'minutes' }],
    escalations: [],
    });
  return {
    occurrenceId: OCC,
    programId: 'restart-test',
    programTitle: 'Chương trình thử nghiệm khởi động lại worker',
    itemId: 'bao-cao-nhanh',
    itemTitle: 'Báo cáo nhanh',
    kind: 'report',
    periodKey: '2026-M12',
    periodLabel: 'Tháng 12/2026',
    timeZone: 'Asia/Ho_Chi_Minh',
    locale: 'vi',
    office: { id: 'ldtbxh', name: 'Phòng LĐ-TB&XH', emails: ['ldtbxh@example.org'] },
    chair: { name: 'Lê Quang Trung', title: 'Trưởng ban', email: 'truongban@example.org' },
    assignments: UNITS.map((u) => ({ id: `${OCC}/${u}`, input: assignment(u) })),
  };
}

const messagesOf = (step: string) => sink.messages().filter((m) => m.messageId.includes(`${OCC}/`) && m.messageId.includes(`/${step}@`));

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'dondoc-restart-'));
  [{ sink }, env, bundlePath] = await Promise.all([startTestMail(), createDevServerEnv(), writeWorkflowBundle(dataDir)]);
}, 180_000);

afterAll(async () => {
  for (const w of workers) await killWorker(w);
  await env?.teardown();
  await sink?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('a worker killed in the middle of a cycle', () => {
  it('loses nothing and sends nothing twice once a new worker runs', { timeout: 180_000 }, async () => {
    const first = await startWorker();
    // Far enough that nothing but the request happens before the extension below.
    const dueAt = new Date(Date.now() + 10 * 60_000).toISOString();
    await env.client.workflow.start(reportCycleWorkflow, { taskQueue, workflowId: OCC, args: [occurrence(dueAt)] });
    await sink.waitFor((m) => m.messageId.includes(`${OCC}/`) && /\/request@/.test(m.messageId), { count: UNITS.length, timeoutMs: 30_000 });
    await env.client.workflow.getHandle(`${OCC}/tho-dan`).executeUpdate(submitUpdate, { args: [{ content: 'Báo cáo trước hạn' }] });
    await sink.waitFor((m) => m.messageId.startsWith(`<${OCC}/tho-dan/r1/receipt@`));
    // The first worker arms the timers the kill must not lose: the open units' due (and their
    // reminder, at the due) moved to 20 s from now.
    const open = UNITS.filter((u) => u !== 'tho-dan');
    const newDue = new Date(Date.now() + 20_000).toISOString();
    await Promise.all(open.map((u) => env.client.workflow.getHandle(`${OCC}/${u}`).executeUpdate(extendUpdate, { args: [{ newDueAt: newDue, reason: 'Thử nghiệm' }] })));
    // Killed between two steps, once the last notices are recorded as sent. (A kill in the
    // middle of a send is covered by the sent ledger and the Message-ID; see send-notice.test.ts.)
    for (const u of UNITS) {
      await eventually(
        () => env.client.workflow.getHandle(`${OCC}/${u}`).query(statusQuery),
        (s) => s.notices.length >= 2 && s.notices.every((n) => n.sentAt !== undefined),
        `${u}'s notices to be recorded as sent`,
      );
    }

    await killWorker(first);
    expect(Date.now()).toBeLessThan(Date.parse(newDue));
    expect(messagesOf('r1/reminder-1')).toHaveLength(0);
    await startWorker();

    // The reminders armed by the dead worker fire through the new one.
    await sink.waitFor((m) => m.messageId.includes(`${OCC}/`) && /\/r1\/reminder-1@/.test(m.messageId), { count: UNITS.length - 1, timeoutMs: 90_000 });
    expect(messagesOf('request').map((m) => m.to[0]).sort()).toEqual(UNITS.map((u) => `${u}@example.org`).sort());
    expect(messagesOf('r1/reminder-1').map((m) => m.to[0]).sort()).toEqual(open.map((u) => `${u}@example.org`).sort());
    expect(messagesOf('r1/extended-1').map((m) => m.to[0]).sort()).toEqual(open.map((u) => `${u}@example.org`).sort());

    // Past the due the others are overdue, and the cycle still takes a (late) submission.
    await eventually(() => env.client.workflow.getHandle(`${OCC}/dan-ly`).query(statusQuery), (s) => s.status === 'overdue', 'dan-ly overdue', 90_000);
    const receipt = await env.client.workflow.getHandle(`${OCC}/dan-ly`).executeUpdate(submitUpdate, { args: [{ content: 'Nộp muộn' }] });
    expect(receipt.late).toBe(true);
    const cycle = await eventually(
      () => env.client.workflow.getHandle(OCC).query(reportCycleStatusQuery),
      (s) => s.rows.find((r) => r.unitId === 'dan-ly')?.status === 'submitted',
      'the cycle to see the late report',
    );
    expect(cycle.rows.find((r) => r.unitId === 'tho-dan')?.receiptNumber).toMatch(/^BN-/);

    const ids = sink.messages().map((m) => m.messageId);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });
});
