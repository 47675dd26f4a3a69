// Nothing strands a unit: a mailbox that refuses mail (550) is recorded on the assignment and
// reported to the office — the workflow keeps running and the unit can still submit — and
// once the address is corrected (the program re-applied) the refused notice goes out again
// with its original Message-ID. A bad workflow input fails at once, naming the field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkflowFailedError } from '@temporalio/client';
import { applyProgram } from '../../client/programs';
import { assignmentWorkflow } from '../../workflows';
import { statusQuery, submitUpdate } from '../../workflows/assignment/messages';
import { travelTo } from './assignment-fixture';
import { eventually, loadTestProgram, startProgramTestEnv, type ProgramTestEnv } from './program-fixture';

let t: ProgramTestEnv;
const program = loadTestProgram('bao-cao-6-thang-12-don-vi.yaml');
const OCC = 'vstbpn-test-2027/bao-cao-6-thang/2027-H1';
const BAD = 'noi-vu@trieuson.example.org';
const FIXED = 'vanphong.noi-vu@trieuson.example.org';

beforeAll(async () => {
  t = await startProgramTestEnv('undeliverable');
});
afterAll(async () => t?.stop());

describe('a mailbox that refuses mail', () => {
  it('is recorded and reported, strands nobody, and gets the notice again once corrected', async () => {
    t.sink.setRejected([BAD]);
    await travelTo(t.env, '2027-05-31T09:00');
    await applyProgram(t.env.client, t.taskQueue, program);
    await travelTo(t.env, '2027-06-01T08:05');
    const assignment = t.env.client.workflow.getHandle(`${OCC}/noi-vu`);
    const refused = await eventually(() => assignment.query(statusQuery), (s) => s.deliveryFailures.length > 0, 'the refusal recorded');
    expect(refused.status).toBe('requested');
    expect(refused.deliveryFailures).toEqual([
      expect.objectContaining({ key: `${OCC}/noi-vu/request`, to: BAD, code: '550' }),
    ]);
    // The office hears of it once, with the relay's answer.
    const [told] = await t.sink.waitFor((m) => m.headers['x-dondoc-key'] === `${OCC}/noi-vu/request/delivery-failed`);
    expect(told!.to).toEqual(['ldtbxh@trieuson.example.org']);
    expect(told!.text).toContain(BAD);
    expect((await assignment.describe()).status.name).toBe('RUNNING');

    // The office corrects the address and applies the program again: the request goes out
    // to the new address with its original Message-ID.
    const corrected = structuredClone(program);
    corrected.units.find((u) => u.id === 'noi-vu')!.emails = [FIXED];
    await applyProgram(t.env.client, t.taskQueue, corrected);
    const [again] = await t.sink.waitFor((m) => m.to.includes(FIXED) && m.headers['x-dondoc-key'] === `${OCC}/noi-vu/request`);
    expect(again!.messageId).toBe(`<${OCC}/noi-vu/request@test.example.org>`);

    // The unit was never stranded: it submits and gets its receipt.
    const receipt = await assignment.executeUpdate(submitUpdate, { args: [{ content: 'Báo cáo của Phòng Nội vụ', indicators: { 'tong-so-can-bo': 20, 'so-nu': 9 } }] });
    expect(receipt.receiptNumber).toMatch(/^BN-/);
  });

  it('fails a workflow started with a bad input at once, naming the fields', async () => {
    const handle = await t.env.client.workflow.start(assignmentWorkflow, {
      taskQueue: t.taskQueue,
      workflowId: 'test/invalid-input',
      args: [{ programId: 'x' } as never],
    });
    const err = await handle.result().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkflowFailedError);
    const cause = (err as WorkflowFailedError).cause as { type?: string; message?: string; nonRetryable?: boolean };
    expect(cause.type).toBe('InvalidWorkflowInput');
    expect(cause.nonRetryable).toBe(true);
    expect(cause.message).toContain('unit');
    expect(cause.message).toContain('steps');
  });
});
