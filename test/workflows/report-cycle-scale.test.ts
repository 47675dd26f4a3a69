// A report cycle of N units from a generated program on the time-skipping server: every unit
// is asked, the consolidation has every row, and the cycle stays within Temporal's limits —
// no child workflows (2,000 pending is the limit), every run under the 10,240-event warning,
// no payload over 256 KiB (the rows live in the records database, not in payloads).
// `npm test` runs it with 2,500 units (~2 min here); `npm run test:scale` with 3,400, the
// communes and wards of the whole country (~3 min). The figures are printed.
import { writeSync } from 'node:fs';
import { Client } from '@temporalio/client';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyProgram } from '../../client/programs';
import { historyFigures } from '../../dev/harness/history-limits';
import { scaleProgram } from '../../dev/scale-program';
import { consolidateUpdate, reportCycleStatusQuery } from '../../workflows/report-cycle/messages';
import { travelTo } from './assignment-fixture';
import { eventually, startProgramTestEnv, type ProgramTestEnv } from './program-fixture';

const UNITS = Number(process.env.DONDOC_SCALE_UNITS ?? 2500);
// Next year, so the dates are ahead of the test server's clock on any day this runs.
const YEAR = new Date().getUTCFullYear() + 1;
const scale = scaleProgram(UNITS, YEAR);
const MINUTES = 60_000;
const began = Date.now();
/** Where a long run is, straight to stderr as it happens (vitest holds console output back). */
const stage = (what: string) => writeSync(2, `scale ${UNITS}: ${what} at ${Math.round((Date.now() - began) / 1000)} s\n`);

let t: ProgramTestEnv;
beforeAll(async () => {
  t = await startProgramTestEnv('scale', { stillClock: true });
});
afterAll(async () => {
  await t?.stop();
  stage('stopped');
});

describe(`a report cycle of ${UNITS} units`, () => {
  it('asks every unit, consolidates every row, and stays within Temporal limits', { timeout: 20 * MINUTES }, async () => {
    await travelTo(t.env, `${YEAR}-01-02T09:00`);
    const applied = await applyProgram(t.env.client, t.taskQueue, scale.program, 'quy-mo.yaml');
    expect(applied.added).toEqual([scale.occurrenceId]);

    // The request goes to every unit on 5/3 at 08:00, and the clock stops there: with
    // thousands of executions open, the time-skipping server spins at full CPU for many
    // minutes to move its clock even by an hour, so nothing after this point waits for time.
    await travelTo(t.env, `${YEAR}-03-05T08:00`);
    stage('applied');
    await t.sink.waitFor((m) => /\/request@/.test(m.messageId), { count: UNITS, timeoutMs: 15 * MINUTES });
    stage('every request sent');
    expect(new Set(t.sink.messages().filter((m) => /\/request@/.test(m.messageId)).map((m) => m.messageId)).size).toBe(UNITS);

    // Nobody reported: the office consolidates now (no need to wait for 24/3), and every unit
    // is listed as missing.
    // A plain client from here on: the testing client lets the server skip time while some of
    // its calls wait, and the year of 2,500 assignments would then run (minutes at full CPU).
    const client = new Client({ connection: t.env.connection, namespace: t.env.namespace ?? 'default' });
    const cycle = client.workflow.getHandle(scale.occurrenceId);
    await cycle.executeUpdate(consolidateUpdate, { args: [{ by: 'Văn phòng' }] });
    const state = await eventually(() => cycle.query(reportCycleStatusQuery), (s) => s.consolidations.length === 1, 'the consolidation', 10 * MINUTES);
    stage('consolidated');
    expect(state.rows).toHaveLength(UNITS);
    expect(state.consolidations[0]!.counts).toMatchObject({ total: UNITS, missing: UNITS });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await t.deps.store!.read(state.consolidations[0]!.xlsx.ref)) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const unitRows: string[] = [];
    sheet.eachRow((row) => {
      const text = row.values as unknown[];
      if (text.some((v) => typeof v === 'string' && /^Đơn vị số \d+$/.test(v))) unitRows.push(String(text.find((v) => typeof v === 'string' && /^Đơn vị số/.test(v))));
    });
    expect(new Set(unitRows).size).toBe(UNITS);

    stage('workbook read');
    const figures = await historyFigures(client, scale.occurrenceId);
    stage('histories read');
    console.log(
      `scale test: units=${UNITS} runs=${figures.runs} max_history_events=${figures.maxEvents} ` +
        `max_payload_bytes=${figures.maxPayloadBytes} (${figures.maxPayloadEvent}) child_starts=${figures.childStarts}`,
    );
    expect(figures.childStarts).toBe(0);
    expect(figures.maxEvents).toBeLessThan(10_240);
    expect(figures.maxPayloadBytes).toBeLessThan(256 * 1024);
  });
});
