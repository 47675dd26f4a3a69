// A report cycle's unit rows in the records database: written as they change (an older write
// arriving late changes nothing), read back in table order a page at a time, withdrawn units
// left out of what a consolidation lists, and the rows of an earlier execution of the same
// occurrence dropped by the first write of the next one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CycleRow } from '../../workflows/report-cycle/messages';
import { createTestRecords, type TestRecords } from '../support/records';

const OCC = 'vstbpn-2030/bao-cao-quy/2030-Q1';
let r: TestRecords;
beforeAll(async () => {
  r = await createTestRecords();
});
afterAll(async () => r?.cleanup());

function row(unit: string, extra: Partial<CycleRow> = {}): CycleRow {
  return {
    assignmentId: `${OCC}/${unit}`, unitId: unit, unitName: `UBND xã ${unit}`, status: 'requested', dueAt: '2030-03-19T17:00:00+07:00',
    round: 1, late: false, indicators: {}, closed: false, ...extra,
  };
}
const write = (seq: number, rows: CycleRow[], fresh = false) =>
  r.records.writeOccurrenceRows({ occurrenceId: OCC, seq, rows: rows.map((row, i) => ({ position: i, row })), ...(fresh ? { fresh: true } : {}) });

describe('occurrence rows', () => {
  it('keeps the newest write of each row, in table order, a page at a time', async () => {
    await write(1_000, [row('tho-dan'), row('dan-ly'), row('minh-son')], true);
    await r.records.writeOccurrenceRows({ occurrenceId: OCC, seq: 3_000, rows: [{ position: 1, row: row('dan-ly', { status: 'submitted', receiptNumber: '12/BC' }) }] });
    // A retried write of an earlier page arrives after the newer one: ignored.
    await r.records.writeOccurrenceRows({ occurrenceId: OCC, seq: 2_000, rows: [{ position: 1, row: row('dan-ly', { status: 'overdue' }) }] });
    const first = await r.records.readOccurrenceRows(OCC, 0, 2);
    expect(first.total).toBe(3);
    expect(first.rows.map((x) => [x.unitId, x.status, x.receiptNumber])).toEqual([['tho-dan', 'requested', undefined], ['dan-ly', 'submitted', '12/BC']]);
    expect((await r.records.readOccurrenceRows(OCC, 2, 2)).rows.map((x) => x.unitId)).toEqual(['minh-son']);
    expect((await r.records.getOccurrence(OCC))).toBeUndefined();
  });

  it('lists for a consolidation only the units the program still asks', async () => {
    await r.records.writeOccurrenceRows({ occurrenceId: OCC, seq: 4_000, rows: [{ position: 2, row: row('minh-son', { removed: true, closed: true }) }] });
    expect((await r.records.liveOccurrenceRows(OCC)).map((x) => x.unitId)).toEqual(['tho-dan', 'dan-ly']);
  });

  it('shows the rows with the occurrence record once the execution is gone', async () => {
    await r.records.writeOccurrence({
      occurrenceId: OCC, itemTitle: 'Báo cáo quý', periodLabel: 'Quý I/2030', phase: 'collecting', consolidations: [], approvals: [], addenda: [],
      notices: [], deliveryFailures: [], version: 1, closed: false,
    });
    expect((await r.records.getOccurrence(OCC))?.rows.map((x) => x.unitId)).toEqual(['tho-dan', 'dan-ly', 'minh-son']);
  });

  it('drops an earlier execution’s rows at the first write of the next one (removed and added back)', async () => {
    await write(5_000, [row('nua')], true);
    expect((await r.records.readOccurrenceRows(OCC, 0, 10)).rows.map((x) => x.unitId)).toEqual(['nua']);
  });
});

describe('one order for every reader', () => {
  const OCC2 = 'vstbpn-2030/bao-cao-quy/2030-Q2';
  const row2 = (unit: string, extra: Partial<CycleRow> = {}): CycleRow => ({ ...row(unit, extra), assignmentId: `${OCC2}/${unit}` });

  it('pages, the consolidation list and the record read the rows in the same order, ties by assignment id', async () => {
    // Two runs wrote at the same positions: Nưa (added back) and Dân Lý (withdrawn) share 1.
    await r.records.writeOccurrenceRows({ occurrenceId: OCC2, seq: 1_000, fresh: true, rows: [
      { position: 0, row: row2('tho-dan') }, { position: 1, row: row2('nua') }, { position: 2, row: row2('minh-son') },
    ] });
    await r.records.writeOccurrenceRows({ occurrenceId: OCC2, seq: 2_000, rows: [{ position: 1, row: row2('dan-ly', { removed: true, closed: true }) }, { position: 0, row: row2('hop-thanh') }] });
    const order = ['hop-thanh', 'tho-dan', 'dan-ly', 'nua', 'minh-son'];
    const pages = [...(await r.records.readOccurrenceRows(OCC2, 0, 2)).rows, ...(await r.records.readOccurrenceRows(OCC2, 2, 2)).rows, ...(await r.records.readOccurrenceRows(OCC2, 4, 2)).rows];
    expect(pages.map((x) => x.unitId)).toEqual(order);
    expect((await r.records.readOccurrenceRows(OCC2, 4, 2)).total).toBe(5);
    expect((await r.records.liveOccurrenceRows(OCC2)).map((x) => x.unitId)).toEqual(order.filter((u) => u !== 'dan-ly'));
    await r.records.writeOccurrence({
      occurrenceId: OCC2, itemTitle: 'Báo cáo quý', periodLabel: 'Quý II/2030', phase: 'collecting', consolidations: [], approvals: [], addenda: [],
      notices: [], deliveryFailures: [], version: 1, closed: false,
    });
    expect((await r.records.getOccurrence(OCC2))?.rows.map((x) => x.unitId)).toEqual(order);
  });
});
