// A national program (3,400 units, the communes and wards of the whole country) applied the
// way `dondoc apply` and the web editor apply it: the version is stored where the worker
// reads it and the update names it by hash, so no payload of the program workflow's history
// comes near the 256 KiB bound — though the program itself, as JSON, is well over it. Only
// the apply runs: the occurrence starts next year, so no cycle runs here.
import { writeSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RecordsProgramStore } from '../../activities/plan/program-store';
import { applyProgram, programHash, programWorkflowId } from '../../client/programs';
import { historyFigures } from '../../dev/harness/history-limits';
import { scaleProgram } from '../../dev/scale-program';
import { programStatusQuery } from '../../workflows/program/messages';
import { startProgramTestEnv, type ProgramTestEnv } from './program-fixture';

const UNITS = 3_400;
const BOUND = 256 * 1024;
// Next year, so the occurrence is ahead of the test server's clock on any day this runs.
const YEAR = new Date().getUTCFullYear() + 1;
const scale = scaleProgram(UNITS, YEAR);

let t: ProgramTestEnv;
beforeAll(async () => {
  t = await startProgramTestEnv('payload');
});
afterAll(async () => t?.stop());

describe(`applying a program of ${UNITS} units`, () => {
  it('keeps every payload of the program workflow under 256 KiB', { timeout: 120_000 }, async () => {
    // The bound means something: the program sent whole would be over it.
    expect(Buffer.byteLength(JSON.stringify(scale.program))).toBeGreaterThan(BOUND);
    const store = new RecordsProgramStore(t.deps.records!);

    // As the CLI and the editor do: a dry run first, then the apply.
    const preview = await applyProgram(t.env.client, t.taskQueue, scale.program, 'quy-mo.yaml', { dryRun: true, store });
    expect(preview).toMatchObject({ unchanged: false, added: [scale.occurrenceId], missed: [] });
    const applied = await applyProgram(t.env.client, t.taskQueue, scale.program, 'quy-mo.yaml', { store });
    expect(applied).toMatchObject({ unchanged: false, added: [scale.occurrenceId], removed: [], cancelled: [] });

    const workflowId = programWorkflowId(scale.program.program.id);
    const state = await t.env.client.workflow.getHandle(workflowId).query(programStatusQuery);
    expect(state.hash).toBe(programHash(scale.program));
    expect(state.occurrences.map((o) => [o.id, o.status])).toEqual([[scale.occurrenceId, 'scheduled']]);
    expect((await t.deps.records!.getProgramVersion(state.hash!))?.programId).toBe(scale.program.program.id);

    const figures = await historyFigures(t.env.client, workflowId);
    writeSync(2, `program payload: units=${UNITS} program_json_bytes=${Buffer.byteLength(JSON.stringify(scale.program))} max_payload_bytes=${figures.maxPayloadBytes} (${figures.maxPayloadEvent}) events=${figures.maxEvents}\n`);
    expect(figures.maxPayloadBytes).toBeLessThan(BOUND);
  });
});
