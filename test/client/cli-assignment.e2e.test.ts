// End to end on the Temporal dev server: a clerk drives one assignment through the real
// `dondoc` executable while a real worker sends mail to a real SMTP sink.
import { withFirstRound } from '../../client/first-round';
import { WithStartWorkflowOperation } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailSink } from '../../dev/mail-sink/sink';
import { createDondocWorker } from '../../worker/create-worker';
import { assignmentWorkflow } from '../../workflows';
import { reviewUpdate, statusQuery, submitUpdate } from '../../workflows/assignment/messages';
import { runCli } from '../support/cli';
import { startTestMail } from '../support/mail';
import { createDevServerEnv, uniqueQueue, workflowBundle } from '../support/temporal';

let env: TestWorkflowEnvironment;
let sink: MailSink;
let worker: Worker;
let running: Promise<void>;
let cliEnv: Record<string, string>;

beforeAll(async () => {
  const mail = await startTestMail();
  sink = mail.sink;
  env = await createDevServerEnv();
  const taskQueue = uniqueQueue('cli');
  worker = await createDondocWorker({ connection: env.nativeConnection, namespace: 'default', taskQueue, deps: mail.deps, workflowBundle: await workflowBundle() });
  running = worker.run();
  cliEnv = { TEMPORAL_ADDRESS: env.address, TEMPORAL_TASK_QUEUE: taskQueue, TEMPORAL_NAMESPACE: 'default' };
});

afterAll(async () => {
  worker?.shutdown();
  await running;
  await env?.teardown();
  await sink?.close();
});

describe('dondoc CLI against the dev server', () => {
  it('assigns, shows status, takes a submission, returns it, takes the resubmission and accepts', async () => {
    const id = 'assign/e2e/bao-cao-quy/tho-dan';
    const assign = await runCli(
      [
        'assign', '--program', 'e2e', '--item', 'bao-cao-quy', '--title', 'Báo cáo biến động cán bộ nữ quý IV',
        '--unit', 'tho-dan', '--unit-name', 'UBND xã Thọ Dân', '--unit-email', 'vanphong@tho-dan.example.org',
        '--office-email', 'ldtbxh@trieuson.example.org', '--due', '2099-12-15 17:00', '--reminder', '3wd@08:00', '--escalate', '1wd:office',
      ],
      cliEnv,
    );
    expect(assign.stderr).toBe('');
    expect(assign.stdout.trim()).toBe(id);
    const request = await sink.waitFor((m) => m.messageId.startsWith(`<${id}/request@`));
    expect(request[0]!.to).toEqual(['vanphong@tho-dan.example.org']);

    const status = await runCli(['status', id], cliEnv);
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('Đã yêu cầu');
    expect(status.stdout).toContain('17:00 15/12/2099');

    const submit = await runCli(['submit', id, '--content', 'Quý IV: không có biến động.', '--format', 'json'], cliEnv);
    expect(submit.code).toBe(0);
    const receipt = JSON.parse(submit.stdout) as { receiptNumber: string };
    expect(receipt.receiptNumber).toMatch(/^BN-\d{8}-[0-9A-Z]{6}-1$/);
    await sink.waitFor((m) => m.messageId.startsWith(`<${id}/r1/receipt@`) && m.text.includes(receipt.receiptNumber));

    const ret = await runCli(['review', id, 'return', '--comment', 'Đề nghị ghi rõ số liệu.', '--due', '2099-12-20 17:00'], cliEnv);
    expect(ret.code).toBe(0);
    expect(ret.stdout).toContain('Trả lại để bổ sung');
    await sink.waitFor((m) => m.messageId.startsWith(`<${id}/r1/returned@`) && m.text.includes('Đề nghị ghi rõ số liệu.'));

    const extend = await runCli(['extend', id, '--due', '2099-12-22', '--reason', 'Chờ số liệu từ thôn'], cliEnv);
    expect(extend.code).toBe(0);
    expect(extend.stdout).toContain('2099-12-22T17:00:00+07:00');

    expect((await runCli(['submit', id, '--content', 'Quý IV: 0 biến động; 12 cán bộ nữ.'], cliEnv)).code).toBe(0);
    expect((await runCli(['review', id, 'accept'], cliEnv)).code).toBe(0);
    await sink.waitFor((m) => m.messageId.startsWith(`<${id}/r2/accepted@`));

    const json = await runCli(['status', id, '--format', 'json'], cliEnv);
    expect(JSON.parse(json.stdout)).toMatchObject({ status: 'accepted', round: 2 });

    // The program's list comes from visibility, which catches up within moments.
    let listed: unknown[] = [];
    for (let i = 0; i < 10 && !JSON.stringify(listed).includes('"accepted"'); i++) {
      listed = JSON.parse((await runCli(['status', '--program', 'e2e', '--format', 'json'], cliEnv)).stdout) as unknown[];
    }
    expect(listed).toEqual([expect.objectContaining({ workflowId: id, unitId: 'tho-dan', unitName: 'UBND xã Thọ Dân', status: 'accepted' })]);
    const overdue = await runCli(['status', '--program', 'e2e', '--overdue'], cliEnv);
    expect(overdue.stdout.trim()).toBe('Không có hồ sơ quá hạn (no overdue assignment).');
  });

  it('keeps a submission sent together with the start (update-with-start)', async () => {
    // The update reaches the very first workflow task, as soon as its handler exists: the
    // assignment must already be requested then, and must not fall back to "requested".
    const id = 'assign/e2e/with-start/tho-dan';
    const start = new WithStartWorkflowOperation(assignmentWorkflow, {
      workflowId: id,
      taskQueue: cliEnv.TEMPORAL_TASK_QUEUE!,
      workflowIdConflictPolicy: 'FAIL',
      args: [
        withFirstRound({
          programId: 'e2e',
          programTitle: 'Chương trình thử nghiệm',
          itemId: 'with-start',
          itemTitle: 'Báo cáo nhanh',
          unit: { id: 'tho-dan', name: 'UBND xã Thọ Dân', emails: ['vanphong@tho-dan.example.org'] },
          office: { name: 'Phòng LĐ-TB&XH', emails: ['ldtbxh@trieuson.example.org'] },
          dueAt: '2099-12-15T17:00:00+07:00',
        }),
      ],
    });
    const receipt = await env.client.workflow.executeUpdateWithStart(submitUpdate, { args: [{ content: 'Nộp ngay khi nhận yêu cầu' }], startWorkflowOperation: start });
    expect(receipt.receiptNumber).toMatch(/^BN-/);
    const state = await env.client.workflow.getHandle(id).query(statusQuery);
    expect(state.status).toBe('submitted');
    expect(state.notices.map((n) => n.kind)).toEqual(['request', 'receipt', 'submitted']);
    await env.client.workflow.getHandle(id).executeUpdate(reviewUpdate, { args: [{ decision: 'accept' }] });
  });

  it('says clearly when a workflow does not exist, an argument is wrong, or the server is down', async () => {
    const unknown = await runCli(['status', 'assign/khong-co'], cliEnv);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim()).toBe('dondoc status: không tìm thấy hồ sơ "assign/khong-co" (unknown workflow)');

    const badDue = await runCli(['extend', 'x', '--due', '31/12/2099', '--reason', 'r'], cliEnv);
    expect(badDue.code).toBe(2);
    expect(badDue.stderr).toContain('--due "31/12/2099"');

    const empty = await runCli(['submit', 'x', '--content', '  '], cliEnv);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('nội dung báo cáo không được để trống');

    const down = await runCli(['status', 'x'], { ...cliEnv, TEMPORAL_ADDRESS: '127.0.0.1:1' });
    expect(down.code).toBe(2);
    expect(down.stderr).toContain('không kết nối được máy chủ Temporal tại 127.0.0.1:1');
    expect(down.stderr.trim().split('\n')).toHaveLength(1);

    const help = await runCli(['submit', '--help'], cliEnv);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('dondoc submit <id>');
  });
});
