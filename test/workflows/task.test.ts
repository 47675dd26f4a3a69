// A one-off task with evidence, from the program file: asked on its start day, a
// submission without evidence refused, accepted with it; the task closes once every unit
// is settled. The program workflow continues as new along the way and loses nothing.
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyProgram, programWorkflowId } from '../../client/programs';
import { programWorkflow } from '../../workflows';
import { exemptUpdate, reviewUpdate, submitUpdate } from '../../workflows/assignment/messages';
import { programStatusQuery } from '../../workflows/program/messages';
import { reportCycleStatusQuery } from '../../workflows/report-cycle/messages';
import { recordHistory } from '../support/histories';
import { travelTo } from './assignment-fixture';
import { eventually, loadTestProgram, startProgramTestEnv, stepsOf, type ProgramTestEnv } from './program-fixture';

let t: ProgramTestEnv;
const program = loadTestProgram('nhiem-vu-minh-chung.yaml');
const OCC = 'vstbpn-task-2027/chuong-trinh-xa/2027';
const PROGRAM = programWorkflowId('vstbpn-task-2027');

beforeAll(async () => {
  t = await startProgramTestEnv('task');
});
afterAll(async () => t?.stop());

describe('a task with evidence', () => {
  it('refuses a submission without evidence, accepts one with it, and closes when every unit is settled', async () => {
    await travelTo(t.env, '2027-02-26T09:00');
    // A tiny history limit makes the program workflow continue as new after each step.
    const first = await t.env.client.workflow.start(programWorkflow, { taskQueue: t.taskQueue, workflowId: PROGRAM, args: [{ programId: 'vstbpn-task-2027', historyLimit: 12 }] });
    const applied = await applyProgram(t.env.client, t.taskQueue, program);
    expect(applied.added).toEqual([OCC]);

    await travelTo(t.env, '2027-03-01T08:05');
    await t.sink.waitFor((m) => m.messageId.includes(`<${OCC}/`) && /\/request@/.test(m.messageId), { count: 3 });
    const task = await t.env.client.workflow.getHandle(OCC).describe();
    expect(task.type).toBe('taskWorkflow');

    const thoDan = t.env.client.workflow.getHandle(`${OCC}/tho-dan`);
    const refused = await thoDan.executeUpdate(submitUpdate, { args: [{ content: 'Đã ban hành chương trình.' }] }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(WorkflowUpdateFailedError);
    expect(((refused as WorkflowUpdateFailedError).cause as Error).message).toContain('evidence is required');

    const decision = await t.deps.store!.put('Quyết định ban hành chương trình.pdf', 'application/pdf', Buffer.from('%PDF-1.4 quyết định'));
    const receipt = await thoDan.executeUpdate(submitUpdate, {
      args: [{ content: 'Đã ban hành chương trình.', attachments: [{ name: decision.name, ref: decision.ref, size: decision.size, contentType: decision.contentType }] }],
    });
    expect(receipt.receiptNumber).toMatch(/^BN-20270301-/);
    await thoDan.executeUpdate(reviewUpdate, { args: [{ decision: 'accept' }] });
    for (const unit of ['hop-thanh', 'dan-ly']) {
      await t.env.client.workflow.getHandle(`${OCC}/${unit}`).executeUpdate(exemptUpdate, { args: [{ reason: 'Đã ban hành trong chương trình chung của huyện.' }] });
    }

    const closed = await eventually(() => t.env.client.workflow.getHandle(OCC).query(reportCycleStatusQuery), (s) => s.phase === 'closed', 'the task to close');
    expect(closed.rows.map((r) => [r.unitId, r.status])).toEqual([
      ['tho-dan', 'accepted'],
      ['hop-thanh', 'exempted'],
      ['dan-ly', 'exempted'],
    ]);
    expect(stepsOf(t.sink, `${OCC}/tho-dan`)).toEqual(['request', 'r1/receipt', 'r1/submitted', 'r1/accepted']);

    // The program workflow continued as new and kept its state.
    const now = await t.env.client.workflow.getHandle(PROGRAM).describe();
    expect(now.runId).not.toBe(first.firstExecutionRunId);
    const state = await t.env.client.workflow.getHandle(PROGRAM).query(programStatusQuery);
    expect(state.occurrences.map((o) => [o.id, o.status])).toEqual([[OCC, 'started']]);
    expect(await applyProgram(t.env.client, t.taskQueue, program)).toMatchObject({ unchanged: true });

    await recordHistory(t.env.client.workflow.getHandle(OCC), 'task-evidence');
  });
});
