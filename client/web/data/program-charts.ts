// The dashboard's chart figures for one program: every column of the year, read once from
// visibility (the same rows the exports read), unless the program is too large to draw.
import { chartData, type ChartData } from './charts';
import type { Dashboard } from './dashboard';
import type { ProgramModel } from './program-catalog';

/** Beyond this many assignments the charts are not drawn: reading every row would be slow. */
export const MAX_CHART_ASSIGNMENTS = 20_000;

export type ProgramCharts = { ok: true; data: ChartData } | { ok: false; total: number };

export async function programCharts(dashboard: Dashboard, programId: string, total: number, model: ProgramModel | undefined, now = Date.now()): Promise<ProgramCharts> {
  if (total > MAX_CHART_ASSIGNMENTS) return { ok: false, total };
  const { columns, rows } = await dashboard.fullMatrix(programId, undefined, now);
  const header = model?.program.program;
  const year = header?.year ?? commonYear(columns.map((c) => c.due?.getFullYear()), new Date(now).getFullYear());
  return { ok: true, data: chartData(columns, rows, year, header?.timezone ?? 'Asia/Ho_Chi_Minh', now) };
}

/** Without the program, the year most columns fall due in. */
function commonYear(years: (number | undefined)[], fallback: number): number {
  const counts = new Map<number, number>();
  for (const y of years) if (y !== undefined) counts.set(y, (counts.get(y) ?? 0) + 1);
  let best = fallback;
  let most = 0;
  for (const [y, n] of counts) if (n > most) [best, most] = [y, n];
  return best;
}
