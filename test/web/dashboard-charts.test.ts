// The dashboard's figures and words without a server: periods in words (both languages),
// the outcome categories, the heat map's worst-of-month and the on-time rate by month.
import { describe, expect, it } from 'vitest';
import type { categoryOf} from '../../client/web/data/charts';
import { chartData } from '../../client/web/data/charts';
import type { MatrixRow } from '../../client/web/data/dashboard';
import { namesFor, periodInWords } from '../../client/web/data/names';
import type { ColumnInfo } from '../../client/web/data/program-index';

describe('periods in words', () => {
  it('reads the standard period keys as offices write them', () => {
    expect(periodInWords('2026-H1', 'vi')).toBe('6 tháng đầu năm 2026');
    expect(periodInWords('2026-Q4', 'vi')).toBe('quý IV/2026');
    expect(periodInWords('2026', 'vi')).toBe('năm 2026');
    expect(periodInWords('2026-M05', 'vi')).toBe('tháng 5/2026');
    expect(periodInWords('2026-9M', 'vi')).toBe('9 tháng năm 2026');
    expect(periodInWords('2026-H1', 'en')).toBe('first half of 2026');
    expect(periodInWords('2026-Q4', 'en')).toBe('Q4 2026');
    expect(periodInWords('2026', 'en')).toBe('year 2026');
    expect(periodInWords('2026-dot-1', 'vi')).toBeUndefined();
  });

  it('falls back to ids only when nothing names them', () => {
    const names = namesFor(undefined, 'vi');
    expect(names.unit('tho-dan', 'UBND xã Thọ Dân')).toBe('UBND xã Thọ Dân');
    expect(names.unit('tho-dan')).toBe('tho-dan');
    expect(names.period('bao-cao-6-thang', '2026-H1')).toBe('6 tháng đầu năm 2026');
  });
});

const col = (itemId: string, period: string, due: string): ColumnInfo => ({ itemId, period, due: new Date(due) });
const cell = (status: Parameters<typeof categoryOf>[0], due: string) => ({ workflowId: `w-${Math.random()}`, status, due: new Date(due) });

describe('chart figures', () => {
  const columns = [col('bao-cao', '2026-H1', '2026-06-19T10:00:00Z'), col('bao-cao', '2026', '2026-12-21T10:00:00Z')];
  const rows: MatrixRow[] = [
    { unitId: 'a', unitName: 'Xã A', cells: { 'bao-cao|2026-H1': cell('accepted', '2026-06-19T10:00:00Z'), 'bao-cao|2026': cell('requested', '2026-12-21T10:00:00Z') } },
    { unitId: 'b', unitName: 'Xã B', cells: { 'bao-cao|2026-H1': cell('late', '2026-06-19T10:00:00Z'), 'bao-cao|2026': cell('escalated', '2026-12-21T10:00:00Z') } },
    { unitId: 'c', unitName: 'Xã C', cells: { 'bao-cao|2026-H1': cell('escalated', '2026-06-19T10:00:00Z'), 'bao-cao|2026': cell('exempt', '2026-12-21T10:00:00Z') } },
  ];
  const data = chartData(columns, rows, 2026, 'Asia/Ho_Chi_Minh', Date.parse('2026-12-22T00:00:00Z'));

  it('counts each item and period by outcome', () => {
    expect(data.bars.map((b) => b.tally)).toEqual([
      { onTime: 1, late: 1, missing: 1, exempt: 0, pending: 0 },
      { onTime: 0, late: 0, missing: 1, exempt: 1, pending: 1 },
    ]);
  });

  it('shows the worst outcome of a unit in a month', () => {
    const b = data.heat.find((r) => r.unitId === 'b')!;
    expect(b.months[5]?.worst).toBe('late');
    expect(b.months[11]?.worst).toBe('missing');
    expect(b.months[0]).toBeUndefined();
    expect(data.heat.find((r) => r.unitId === 'c')!.months[11]?.worst).toBe('exempt');
  });

  it('rates what fell due, leaving exempt and pending out', () => {
    expect(data.rates[5]).toEqual({ month: 6, due: 3, onTime: 1, rate: 1 / 3 });
    // December: the requested one is past due at "now", so the visibility status reads overdue
    // only through cellStatus; as given here it is pending, and the exempt one does not count.
    expect(data.rates[11]).toEqual({ month: 12, due: 1, onTime: 0, rate: 0 });
    expect(data.yearRate).toBe(1 / 4);
  });
});
