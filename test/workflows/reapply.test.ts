// Re-applying an edited program in the middle of a cycle: the same file changes nothing;
// an edited one moves the due (timers re-armed), adds a unit (asked), removes a unit (told
// it is no longer asked) — and no notice is lost or sent twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyProgram } from '../../client/programs';
import type { Program } from '../../program/types';
import { statusQuery } from '../../workflows/assignment/messages';
import { programStatusQuery } from '../../workflows/program/messages';
import { reportCycleStatusQuery } from '../../workflows/report-cycle/messages';
import { recordHistory } from '../support/histories';
import { iso, travelTo } from './assignment-fixture';
import { eventually, loadTestProgram, officeEdit, startProgramTestEnv, stepsOf, type ProgramTestEnv } from './program-fixture';

let t: ProgramTestEnv;
const original = loadTestProgram('bao-cao-6-thang-12-don-vi.yaml');
const OCC = 'vstbpn-test-2027/bao-cao-6-thang/2027-H1';
const id = (unit: string) => `${OCC}/${unit}`;

const edited = (): Program => officeEdit(original);

beforeAll(async () => {
  t = await startProgramTestEnv('reapply');
});
afterAll(async () => t?.stop());

describe('re-applying a program while a cycle runs', () => {
  it('changes nothing for the same file, and reconfigures for an edited one without a duplicate or lost notice', async () => {
    await travelTo(t.env, '2027-05-31T09:00');
    await applyProgram(t.env.client, t.taskQueue, original);
    await travelTo(t.env, '2027-06-01T08:05');
    await t.sink.waitFor((m) => m.messageId.includes(`${OCC}/`) && /\/request@/.test(m.messageId), { count: 12 });

    await travelTo(t.env, '2027-06-08T09:00');
    const again = await applyProgram(t.env.client, t.taskQueue, original);
    expect(again).toEqual({ unchanged: true, added: [], removed: [], cancelled: [], changed: [], missed: [] });

    const result = await applyProgram(t.env.client, t.taskQueue, edited());
    expect(result.unchanged).toBe(false);
    expect(result.changed).toEqual([
      {
        id: OCC,
        what: [
          'thêm đơn vị: UBND xã Thọ Ngọc',
          'bỏ đơn vị: UBND thị trấn Nưa',
          'hạn 17/06/2027 17:00 → 21/06/2027 17:00 (11 đơn vị)',
          'hạn tổng hợp 21/06/2027 17:00 → 23/06/2027 17:00',
        ],
      },
    ]);

    // Thọ Ngọc is asked; Nưa is told; everyone else learns the new due.
    await t.sink.waitFor((m) => m.messageId.startsWith(`<${id('tho-ngoc')}/request@`));
    const [cancelled] = await t.sink.waitFor((m) => m.messageId.startsWith(`<${id('nua')}/cancelled@`));
    expect(cancelled!.to).toEqual(['nua@trieuson.example.org']);
    await t.sink.waitFor((m) => m.messageId.includes(`${OCC}/`) && /\/r1\/extended-1@/.test(m.messageId), { count: 11 });
    expect((await t.env.client.workflow.getHandle(id('tckh')).query(statusQuery)).dueAt).toBe(iso('2027-06-21T17:00'));

    // Reminders follow the new due: 3 and 1 working days before Mon 21/6 → Wed 16/6 and Fri 18/6.
    await travelTo(t.env, '2027-06-18T09:00');
    await t.sink.waitFor((m) => m.messageId.includes(`${OCC}/`) && /\/r1\/reminder-2@/.test(m.messageId), { count: 12 });
    const tckh = await t.env.client.workflow.getHandle(id('tckh')).query(statusQuery);
    expect(tckh.notices.filter((n) => n.kind === 'reminder').map((n) => n.scheduledFor)).toEqual([iso('2027-06-16T08:00'), iso('2027-06-18T08:00')]);
    expect(stepsOf(t.sink, id('tckh'))).toEqual(['request', 'r1/extended-1', 'r1/reminder-1', 'r1/reminder-2']);
    expect(stepsOf(t.sink, id('tho-ngoc'))).toEqual(['request', 'r1/reminder-1', 'r1/reminder-2']);
    expect(stepsOf(t.sink, id('nua'))).toEqual(['request', 'cancelled']);

    const cycle = await eventually(() => t.env.client.workflow.getHandle(OCC).query(reportCycleStatusQuery), (s) => s.rows.some((r) => r.unitId === 'nua' && r.closed), 'nua closed');
    expect(cycle.rows.filter((r) => !r.removed).map((r) => r.unitId)).not.toContain('nua');
    expect(cycle.rows.filter((r) => !r.removed)).toHaveLength(12);

    const program = await t.env.client.workflow.getHandle('program/vstbpn-test-2027').query(programStatusQuery);
    expect(program.applied).toHaveLength(2);
    const ids = t.sink.messages().map((m) => m.messageId);
    expect(new Set(ids).size).toBe(ids.length);

    await recordHistory(t.env.client.workflow.getHandle('program/vstbpn-test-2027'), 'program-reapplied');
    await recordHistory(t.env.client.workflow.getHandle(OCC), 'report-cycle-reconfigured');
  });
});
