// Applying a program must never do what the office did not mean: two applies at once are
// serialised (a removed occurrence is never left running, nor a wanted one cancelled), an
// edited file never starts periods that are already over, a dry run changes nothing, and
// an apply that cancels running work or names another program asks for confirmation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkflowNotFoundError } from '@temporalio/client';
import { applyProgram, needsConfirmation, programWorkflowId } from '../../client/programs';
import type { Program } from '../../program/types';
import { programStatusQuery } from '../../workflows/program/messages';
import { travelTo } from './assignment-fixture';
import { eventually, loadTestProgram, startProgramTestEnv, type ProgramTestEnv } from './program-fixture';

let t: ProgramTestEnv;
const base = loadTestProgram('bao-cao-6-thang-12-don-vi.yaml');

/** The same program under another id and year, so each test has its own program workflow. */
function programFor(id: string): Program {
  const p = structuredClone(base);
  p.program.id = id;
  return p;
}

/** A monthly report item added to a program (the edit that once restarted January–November). */
function withMonthly(p: Program): Program {
  const next = structuredClone(p);
  const item = structuredClone(next.items[0]!);
  if (item.kind !== 'report') throw new Error('the fixture item is a report');
  Object.assign(item, { id: 'bao-cao-thang', title: 'Báo cáo tháng', period: 'monthly', due: { workingDays: 3, after: 'closing' } });
  delete (item as { request?: unknown }).request;
  delete (item as { consolidation?: unknown }).consolidation;
  next.items.push(item);
  return next;
}

const status = (programId: string) => t.env.client.workflow.getHandle(programWorkflowId(programId)).query(programStatusQuery);

async function isRunning(workflowId: string): Promise<boolean> {
  try {
    const d = await t.env.client.workflow.getHandle(workflowId).describe();
    return d.status.name === 'RUNNING';
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) return false;
    throw err;
  }
}

beforeAll(async () => {
  t = await startProgramTestEnv('apply-safety');
});
afterAll(async () => t?.stop());

describe('applying a program safely', () => {
  it('never starts periods that are already over when an edited program is applied again', async () => {
    await travelTo(t.env, '2027-12-06T09:00');
    const id = 'vstbpn-test-late-edit';
    const first = programFor(id);
    await applyProgram(t.env.client, t.taskQueue, first);
    const before = t.sink.messages().length;
    const result = await applyProgram(t.env.client, t.taskQueue, withMonthly(first));
    const monthly = (m: string) => `${id}/bao-cao-thang/2027-${m}`;
    // January to October closed before 6 December (data to the 14th, due 3 working days later).
    for (const m of ['M01', 'M02', 'M03', 'M04', 'M05', 'M06', 'M07', 'M08', 'M09', 'M10']) {
      expect(result.missed).toContain(monthly(m));
      expect(result.added).not.toContain(monthly(m));
    }
    expect(result.added).toContain(monthly('M12'));
    const s = await status(id);
    expect(s.occurrences.filter((o) => o.id.startsWith(`${id}/bao-cao-thang/`) && o.status === 'missed').length).toBeGreaterThanOrEqual(10);
    // Nothing about the past months reaches anybody.
    await new Promise((r) => setTimeout(r, 1_000));
    const past = t.sink.messages().slice(before).filter((m) => /bao-cao-thang\/2027-M(0\d|10)\//.test(m.headers['x-dondoc-key'] ?? ''));
    expect(past).toEqual([]);
  });

  it('previews without changing anything, and asks for confirmation before cancelling or replacing', async () => {
    await travelTo(t.env, '2027-12-07T09:00');
    const id = 'vstbpn-test-dry-run';
    const running = withMonthly(programFor(id));
    await applyProgram(t.env.client, t.taskQueue, running);
    const m12 = `${id}/bao-cao-thang/2027-M12`;
    await eventually(() => status(id), (s) => s.occurrences.some((o) => o.id === m12 && o.status === 'started'), 'December started');
    const applied = (await status(id)).hash;

    // Another committee's file under the same id, without the monthly report.
    const other = structuredClone(running);
    other.program.title = 'Chương trình công tác của một ban khác';
    other.program.issuer = 'Ban khác';
    other.items = other.items.filter((i) => i.id !== 'bao-cao-thang');
    const preview = await applyProgram(t.env.client, t.taskQueue, other, 'khac.yaml', { dryRun: true });
    expect(preview.cancelled).toContain(m12);
    expect(preview.identityChanged?.after.issuer).toBe('Ban khác');
    const reasons = needsConfirmation(preview);
    expect(reasons).toHaveLength(2);
    expect(reasons[0]).toContain(m12);
    expect(reasons[1]).toContain('Ban khác');

    // The dry run changed nothing: same version, December still running.
    const after = await status(id);
    expect(after.hash).toBe(applied);
    expect(after.occurrences.find((o) => o.id === m12)!.status).toBe('started');
    expect(await isRunning(m12)).toBe(true);
  });
  it('serialises two applies sent at once: the occurrences end as the last applied version says', { timeout: 240_000 }, async () => {
    await travelTo(t.env, '2027-12-08T09:00');
    const id = 'vstbpn-test-concurrent';
    const first = withMonthly(programFor(id));
    await applyProgram(t.env.client, t.taskQueue, first);
    const occ = `${id}/bao-cao-thang/2027-M12`;
    await eventually(() => status(id), (s) => s.occurrences.some((o) => o.id === occ && o.status === 'started'), 'December started');

    // One version drops the monthly report, the other keeps it under a new title: sent together.
    const without = structuredClone(first);
    without.items = without.items.filter((i) => i.id !== 'bao-cao-thang');
    const kept = structuredClone(first);
    kept.program.title = `${kept.program.title} (sửa đổi)`;
    const results = await Promise.all([applyProgram(t.env.client, t.taskQueue, without), applyProgram(t.env.client, t.taskQueue, kept)]);
    expect(results.some((r) => r.removed.includes(occ))).toBe(true);

    // Whatever the order, the record and the running workflow agree: a removed occurrence is
    // not left running, and one the last version keeps is not left cancelled.
    const agreed = await eventually(
      async () => ({ record: (await status(id)).occurrences.find((o) => o.id === occ)!, running: await isRunning(occ) }),
      // A run cancelled by the first apply and wanted by the second is started again once it
      // has closed (the program retries every 30 s of its clock, real time here).
      ({ record: r, running }) => (r.status === 'started' && running) || (r.status === 'removed' && !running),
      'record and workflow agree',
      100_000,
    );
    expect(['started', 'removed']).toContain(agreed.record.status);
  });
});
