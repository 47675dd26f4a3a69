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
  const assignment = () => t.env.client.workflow.getHandle(`${OCC}/noi-vu`);

  // One occurrence of twelve units, applied once: the cases follow Phòng Nội vụ's assignment
  // in order, from the refused request to the corrected address and its report.
  beforeAll(async () => {
    t.sink.setRejected([BAD]);
    await travelTo(t.env, '2027-05-31T09:00');
    await applyProgram(t.env.client, t.taskQueue, program);
    await travelTo(t.env, '2027-06-01T08:05');
  });

  it('is recorded on the assignment with the relay’s code, and the unit stays asked', async () => {
    const refused = await eventually(() => assignment().query(statusQuery), (s) => s.deliveryFailures.length > 0, 'the refusal recorded');
    expect(refused.status).toBe('requested');
    expect(refused.deliveryFailures).toEqual([
      expect.objectContaining({ key: `${OCC}/noi-vu/request`, to: BAD, code: '550' }),
    ]);
    expect((await assignment().describe()).status.name).toBe('RUNNING');
  });

  it('is reported to the office once, naming the refused address', async () => {
    const [told] = await t.sink.waitFor((m) => m.headers['x-dondoc-key'] === `${OCC}/noi-vu/request/delivery-failed`);
    expect(told!.to).toEqual(['ldtbxh@trieuson.example.org']);
    expect(told!.text).toContain(BAD);
    expect(t.sink.messages().filter((m) => m.headers['x-dondoc-key']?.endsWith('/delivery-failed'))).toHaveLength(1);
  });

  it('sends the refused notice again, with its original Message-ID, once the program corrects the address', async () => {
    const corrected = structuredClone(program);
    corrected.units.find((u) => u.id === 'noi-vu')!.emails = [FIXED];
    await applyProgram(t.env.client, t.taskQueue, corrected);
    const [again] = await t.sink.waitFor((m) => m.to.includes(FIXED) && m.headers['x-dondoc-key'] === `${OCC}/noi-vu/request`);
    expect(again!.messageId).toBe(`<${OCC}/noi-vu/request@test.example.org>`);
  });

  it('never strands the unit: it submits and gets its receipt', async () => {
    const receipt = await assignment().executeUpdate(submitUpdate, { args: [{ content: 'Báo cáo của Phòng Nội vụ', indicators: { 'tong-so-can-bo': 20, 'so-nu': 9 } }] });
    expect(receipt.receiptNumber).toMatch(/^BN-/);
    const [toUnit] = await t.sink.waitFor((m) => m.headers['x-dondoc-key'] === `${OCC}/noi-vu/r1/receipt`);
    expect(toUnit!.to).toEqual([FIXED]);
  });
});

describe('a workflow input that does not fit', () => {
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
