// A worker process killed (SIGKILL) in the middle of a cycle and another one started: the
// timers the dead worker armed still fire, every notice arrives, none twice, and the cycle
// goes on. Runs on the dev server in real time (minutes-long offsets): the time-skipping
// server never moves its clock while a dead worker's sticky workflow task is outstanding.
import { withFirstRound } from '../../client/first-round';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailSink } from '../../dev/mail-sink/sink';
import { reportCycleWorkflow } from '../../workflows';
import { statusQuery, submitUpdate, type AssignmentInput } from '../../workflows/assignment/messages';
import type { OccurrenceInput } from '../../workflows/occurrence/input';
import { reportCycleStatusQuery } from '../../workflows/report-cycle/messages';
import { startTestMail } from '../support/mail';
import { createDevServerEnv, uniqueQueue } from '../support/temporal';
import { eventually } from './program-fixture';

const root = resolve(__dirname, '..', '..');
const OCC = 'restart-test/bao-cao-nhanh/2026-M12';
const UNITS = ['tho-dan', 'tho-the', 'hop-thanh', 'dan-ly'];

let env: TestWorkflowEnvironment;
let sink: MailSink;
let dataDir: string;
const taskQueue = uniqueQueue('restart');
const workers: ChildProcess[] = [];

/** Starts `worker/main.ts` as an operator would; resolves once it polls. */
async function startWorker(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'worker', 'main.ts')], {
    cwd: root,
    env: {
      ...process.env,
      TEMPORAL_ADDRESS: env.address,
      TEMPORAL_TASK_QUEUE: taskQueue,
      SMTP_URL: `smtp://127.0.0.1:${sink.smtpPort}`,
      DATA_DIR: dataDir,
      PUBLIC_URL: 'http://dondoc.test.example.org',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  workers.push(child);
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString('utf8')));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString('utf8')));
  await eventually(async () => output, (o) => o.includes('dondoc worker: task queue'), 'the worker to start', 60_000);
  return child;
}

function occurrence(dueAt: string): OccurrenceInput {
  const assignment = (unit: string): AssignmentInput => withFirstRound({
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
    // One minute before the due: after the first worker is killed and the second is up.
    reminders: [{ amount: 1, unit: 'minutes' }],
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
  ({ sink } = await startTestMail());
  env = await createDevServerEnv();
  dataDir = await mkdtemp(join(tmpdir(), 'dondoc-restart-'));
});

afterAll(async () => {
  for (const w of workers) if (w.exitCode === null) w.kill('SIGKILL');
  await env?.teardown();
  await sink?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('a worker killed in the middle of a cycle', () => {
  it('loses nothing and sends nothing twice once a new worker runs', async () => {
    const first = await startWorker();
    const dueAt = new Date(Date.now() + 90_000).toISOString();
    await env.client.workflow.start(reportCycleWorkflow, { taskQueue, workflowId: OCC, args: [occurrence(dueAt)] });
    await sink.waitFor((m) => m.messageId.includes(`${OCC}/`) && /\/request@/.test(m.messageId), { count: UNITS.length, timeoutMs: 30_000 });
    await env.client.workflow.getHandle(`${OCC}/tho-dan`).executeUpdate(submitUpdate, { args: [{ content: 'Báo cáo trước hạn' }] });
    await sink.waitFor((m) => m.messageId.startsWith(`<${OCC}/tho-dan/r1/receipt@`));
    // Killed between two steps, once the last notice is recorded as sent. (A kill in the
    // middle of a send is covered by the sent ledger and the Message-ID; see send-notice.test.ts.)
    await eventually(
      () => env.client.workflow.getHandle(`${OCC}/tho-dan`).query(statusQuery),
      (s) => s.notices.every((n) => n.sentAt !== undefined),
      'the receipt notices to be recorded as sent',
    );

    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    expect(messagesOf('r1/reminder-1')).toHaveLength(0);
    await startWorker();

    // The reminders armed by the dead worker fire through the new one.
    await sink.waitFor((m) => m.messageId.includes(`${OCC}/`) && /\/r1\/reminder-1@/.test(m.messageId), { count: UNITS.length - 1, timeoutMs: 90_000 });
    const open = UNITS.filter((u) => u !== 'tho-dan');
    expect(messagesOf('request').map((m) => m.to[0]).sort()).toEqual(UNITS.map((u) => `${u}@example.org`).sort());
    expect(messagesOf('r1/reminder-1').map((m) => m.to[0]).sort()).toEqual(open.map((u) => `${u}@example.org`).sort());

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
