// The dashboard's matrix merged by assignment id, on the dev server's visibility and a real
// SQLite records database: 150 units whose closed assignments Temporal has forgotten, two
// live ones that the records database also has (they are counted once, as live), and one
// live column the records database has no row of yet. Pages of 100 are cut by the web
// (every unit exactly once), the unit filter applies to forgotten rows too, and the counts,
// the column list, one unit's history and the export read the same rows.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Dashboard } from '../../client/web/data/dashboard';
import { ProgramIndex } from '../../client/web/data/program-index';
import { RecordsView } from '../../client/web/data/records-view';
import { Visibility } from '../../client/web/data/visibility';
import { DUE, ITEM, PERIOD, PROGRAM, STATUS, UNIT } from '../../workflows/search-attributes';
import { base } from '../storage/records-fixtures';
import { createTestRecords, type TestRecords } from '../support/records';
import { createDevServerEnv, uniqueQueue } from '../support/temporal';

let env: TestWorkflowEnvironment;
let t: TestRecords;
let dashboard: Dashboard;
const P = 'ma-tran-2026';
const unit = (i: number) => `don-vi-${String(i).padStart(3, '0')}`;
const idOf = (item: string, i: number) => `${P}/${item}/2026/${unit(i)}`;

beforeAll(async () => {
  env = await createDevServerEnv();
  t = await createTestRecords();
  // Forgotten by Temporal: closed, accepted, with a receipt — in the records database only.
  for (let i = 2; i < 152; i++) {
    await t.records.writeAssignment({
      ...base,
      workflowId: idOf('bao-cao', i),
      programId: P,
      itemId: 'bao-cao',
      itemTitle: 'Báo cáo năm',
      period: '2026',
      unitId: unit(i),
      unitName: `Đơn vị ${String(i).padStart(3, '0')}`,
      status: 'accepted',
      dueAt: '2026-01-15T17:00:00+07:00',
      submissions: [{ round: 1, receiptNumber: `BN-${i}`, receivedAt: '2026-01-10T09:00:00+07:00', late: false, content: 'x', attachments: [], indicators: {} }],
      version: 4,
      closed: true,
    });
  }
  // Live: visibility lists them (no worker is needed for a started workflow to be listed).
  const queue = uniqueQueue('records-matrix');
  for (const [item, i] of [['bao-cao', 0], ['bao-cao', 1], ['ke-hoach', 0]] as const) {
    await env.client.workflow.start('assignmentWorkflow', {
      taskQueue: queue,
      workflowId: idOf(item, i),
      args: [],
      typedSearchAttributes: [
        { key: PROGRAM, value: P },
        { key: ITEM, value: item },
        { key: PERIOD, value: '2026' },
        { key: UNIT, value: unit(i) },
        { key: STATUS, value: 'requested' },
        { key: DUE, value: new Date('2099-01-15T10:00:00Z') },
      ],
      memo: { unitName: `Đơn vị ${String(i).padStart(3, '0')}`, itemTitle: item === 'bao-cao' ? 'Báo cáo năm' : 'Kế hoạch năm' },
    });
    // The records database has the live ones of the first column too (an older snapshot).
    if (item === 'bao-cao') await t.records.writeAssignment({ ...base, workflowId: idOf(item, i), programId: P, itemId: item, period: '2026', unitId: unit(i), unitName: `Đơn vị ${i}`, status: 'requested', version: 1, closed: false });
  }
  const visibility = new Visibility(env.client, env.namespace ?? 'default');
  const expected = 3;
  for (let n = 0; n < 100 && Number((await env.client.workflowService.countWorkflowExecutions({ namespace: 'default', query: `DondocProgram = '${P}'` })).count) < expected; n++) {
    await new Promise((r) => setTimeout(r, 100));
  }
  dashboard = new Dashboard(visibility, new ProgramIndex(visibility), new RecordsView(t.records, visibility));
}, 120_000);

afterAll(async () => {
  await env?.teardown();
  await t?.cleanup();
});

describe('the matrix merged with the records database', () => {
  it('pages every unit once, live cells from visibility and forgotten ones from the records', async () => {
    const cols = ['bao-cao|2026', 'ke-hoach|2026'];
    const first = await dashboard.matrix(P, { cols });
    expect(first.columns.map((c) => `${c.itemId}|${c.period}`)).toEqual(cols);
    expect(first.columnTotals).toEqual([152, 1]);
    expect(first.rows).toHaveLength(100);
    expect(first.next).toBe('rec-100');
    const second = await dashboard.matrix(P, { cols, page: first.next! });
    expect(second.rows).toHaveLength(52);
    expect(second.next).toBeUndefined();
    const all = [...first.rows, ...second.rows];
    expect(new Set(all.map((r) => r.unitId)).size).toBe(152);
    const live = all.find((r) => r.unitId === unit(0))!;
    expect(live.cells['bao-cao|2026']).toMatchObject({ workflowId: idOf('bao-cao', 0), status: 'requested' });
    expect(live.cells['bao-cao|2026']!.source).toBeUndefined();
    expect(live.cells['ke-hoach|2026']).toMatchObject({ status: 'requested' });
    const gone = all.find((r) => r.unitId === unit(77))!;
    expect(gone.cells['bao-cao|2026']).toMatchObject({ workflowId: idOf('bao-cao', 77), status: 'accepted', source: 'records' });

    const filtered = await dashboard.matrix(P, { cols, unitPrefix: 'don-vi-00' });
    expect(filtered.rows.map((r) => r.unitId)).toEqual(['don-vi-000', 'don-vi-001', 'don-vi-002', 'don-vi-003', 'don-vi-004', 'don-vi-005', 'don-vi-006', 'don-vi-007', 'don-vi-008', 'don-vi-009']);
  });

  it('counts each assignment once and lists the forgotten column', async () => {
    const counts = await dashboard.counts(P);
    expect(counts.total).toBe(153);
    expect(counts.accepted).toBe(150);
    expect(counts.requested).toBe(3);
    expect((await dashboard.columns(P)).map((c) => c.itemId).sort()).toEqual(['bao-cao', 'ke-hoach']);
  });

  it('gives one unit’s history and the export the same rows, with receipt numbers', async () => {
    const history = await dashboard.unitAssignments(P, unit(5));
    expect(history.rows.map((r) => [r.workflowId, r.status, r.source, r.receiptNumber])).toEqual([[idOf('bao-cao', 5), 'accepted', 'records', 'BN-5']]);
    const full = await dashboard.fullMatrix(P, undefined, Date.now(), { receipts: true });
    expect(full.rows).toHaveLength(152);
    expect(full.rows.find((r) => r.unitId === unit(150))!.cells['bao-cao|2026']).toMatchObject({ receiptNumber: 'BN-150', source: 'records' });
  });
});
