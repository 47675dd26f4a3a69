// A one-off task with evidence, from the program file: asked on its start day, a submission
// without evidence refused, accepted with it; the task closes once every unit is settled. The
// program workflow continues as new along the way and loses nothing.
//
// One task occurrence asks three units, and it is that one workflow the cases look at, so the
// program is applied once (beforeAll) and the cases follow its units in order: tho-dan is
// refused then accepted, hop-thanh and dan-ly are exempted, the last exemption closes the task.
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyProgram, programWorkflowId } from '../../client/programs';
import { programWorkflow } from '../../workflows';
import { exemptUpdate, reviewUpdate, submitUpdate } from '../../workflows/assignment/messages';
import { programStatusQuery, type ApplyResult } from '../../workflows/program/messages';
import { reportCycleStatusQuery } from '../../workflows/report-cycle/messages';
import { recordHistory } from '../support/histories';
import { travelTo } from './assignment-fixture';
import { eventually, loadTestProgram, startProgramTestEnv, stepsOf, type ProgramTestEnv } from './program-fixture';

let t: ProgramTestEnv;
const program = loadTestProgram('nhiem-vu-minh-chung.yaml');
const OCC = 'vstbpn-task-2027/chuong-trinh-xa/2027';
const PROGRAM = programWorkflowId('vstbpn-task-2027');
let applied: ApplyResult;
let firstRunId: string;

const unit = (id: string) => t.env.client.workflow.getHandle(`${OCC}/${id}`);
const task = () => t.env.client.workflow.getHandle(OCC).query(reportCycleStatusQuery);

beforeAll(async () => {
  t = await startProgramTestEnv('task');
  await travelTo(t.env, '2027-02-26T09:00');
  // A tiny history limit makes the program workflow continue as new after each step.
  const first = await t.env.client.workflow.start(programWorkflow, { taskQueue: t.taskQueue, workflowId: PROGRAM, args: [{ programId: 'vstbpn-task-2027', historyLimit: 12 }] });
  firstRunId = first.firstExecutionRunId;
  applied = await applyProgram(t.env.client, t.taskQueue, program);
  // The task's start day, Monday 1/3/2027: each of the three units is asked.
  await travelTo(t.env, '2027-03-01T08:05');
  await t.sink.waitFor((m) => m.messageId.includes(`<${OCC}/`) && /\/request@/.test(m.messageId), { count: 3 });
});
afterAll(async () => t?.stop());

describe('a task with evidence', () => {
  it('is started by the program as a task workflow on its start day', async () => {
    expect(applied.added).toEqual([OCC]);
    expect((await t.env.client.workflow.getHandle(OCC).describe()).type).toBe('taskWorkflow');
  });

  it('refuses a submission without evidence, saying evidence is required', async () => {
    const refused = await unit('tho-dan').executeUpdate(submitUpdate, { args: [{ content: 'Đã ban hành chương trình.' }] }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(WorkflowUpdateFailedError);
    expect(((refused as WorkflowUpdateFailedError).cause as Error).message).toContain('evidence is required');
  });

  it('accepts a submission with evidence attached, with a receipt dated the day it arrived', async () => {
    const decision = await t.deps.store!.put('Quyết định ban hành chương trình.pdf', 'application/pdf', Buffer.from('%PDF-1.4 quyết định'));
    const receipt = await unit('tho-dan').executeUpdate(submitUpdate, {
      args: [{ content: 'Đã ban hành chương trình.', attachments: [{ name: decision.name, ref: decision.ref, size: decision.size, contentType: decision.contentType }] }],
    });
    expect(receipt.receiptNumber).toMatch(/^BN-20270301-/);
    await unit('tho-dan').executeUpdate(reviewUpdate, { args: [{ decision: 'accept' }] });
    await t.sink.waitFor((m) => m.headers['x-dondoc-key'] === `${OCC}/tho-dan/r1/accepted`);
    expect(stepsOf(t.sink, `${OCC}/tho-dan`)).toEqual(['request', 'r1/receipt', 'r1/submitted', 'r1/accepted']);
  });

  it('stays open while a unit is still expected, an exempted unit counting as settled', async () => {
    await unit('hop-thanh').executeUpdate(exemptUpdate, { args: [{ reason: 'Đã ban hành trong chương trình chung của huyện.' }] });
    const state = await eventually(task, (s) => s.rows.find((r) => r.unitId === 'hop-thanh')?.status === 'exempted', 'hop-thanh exempted in the task');
    expect(state.phase).not.toBe('closed');
    expect(state.rows.find((r) => r.unitId === 'dan-ly')?.status).toBe('requested');
  });

  it('closes once the last unit is settled, each unit with its standing', async () => {
    await unit('dan-ly').executeUpdate(exemptUpdate, { args: [{ reason: 'Đã ban hành trong chương trình chung của huyện.' }] });
    const closed = await eventually(task, (s) => s.phase === 'closed', 'the task to close');
    expect(closed.rows.map((r) => [r.unitId, r.status])).toEqual([
      ['tho-dan', 'accepted'],
      ['hop-thanh', 'exempted'],
      ['dan-ly', 'exempted'],
    ]);
    await recordHistory(t.env.client.workflow.getHandle(OCC), 'task-evidence');
  });

  it('leaves the program workflow continued as new, its occurrences kept and the program unchanged', async () => {
    const now = await t.env.client.workflow.getHandle(PROGRAM).describe();
    expect(now.runId).not.toBe(firstRunId);
    const state = await t.env.client.workflow.getHandle(PROGRAM).query(programStatusQuery);
    expect(state.occurrences.map((o) => [o.id, o.status])).toEqual([[OCC, 'started']]);
    expect(await applyProgram(t.env.client, t.taskQueue, program)).toMatchObject({ unchanged: true });
  });
});
