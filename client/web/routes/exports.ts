// Downloads for the office: the compliance matrix as CSV or XLSX (every unit, the chosen
// columns or all, with receipt numbers), and one unit's due dates as an iCalendar file.
// Closed work Temporal has forgotten comes from the records database and says so.
import type { FastifyInstance } from 'fastify';
import type { WebContext } from '../context';
import { cellStatus } from '../data/cell-status';
import { isSafeValue } from '../data/query';
import { toCsv } from '../exports/csv';
import { dueCalendar } from '../exports/ics';
import { matrixTable } from '../exports/matrix-table';
import { toXlsx } from '../exports/xlsx';
import { requireSession } from '../guards';
import { assignmentPath } from '../paths';
import { dashboardQuerySchema, notFound } from './office';

const fileSafe = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 80) || 'dondoc';

export function registerExportRoutes(app: FastifyInstance, ctx: WebContext): void {
  for (const format of ['csv', 'xlsx'] as const) {
    app.get<{ Params: { program: string } }>(`/office/programs/:program/matrix.${format}`, async (req, reply) => {
      if (!requireSession(req, reply, ctx)) return reply;
      const programId = req.params.program;
      const query = dashboardQuerySchema.safeParse(req.query);
      if (!isSafeValue(programId) || !query.success) return notFound(req, reply, ctx);
      const { columns, rows } = await ctx.dashboard.fullMatrix(programId, query.data.cols, Date.now(), { receipts: true });
      const table = matrixTable(columns, rows, req.dondoc.t);
      const name = `dondoc-${fileSafe(programId)}`;
      if (format === 'csv') {
        return reply.type('text/csv; charset=utf-8').header('Content-Disposition', `attachment; filename="${name}.csv"`).send(toCsv(table));
      }
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('Content-Disposition', `attachment; filename="${name}.xlsx"`)
        .send(await toXlsx(programId, table));
    });
  }

  app.get<{ Params: { program: string; unit: string } }>('/office/programs/:program/units/:unit/calendar.ics', async (req, reply) => {
    if (!requireSession(req, reply, ctx)) return reply;
    const { program, unit } = req.params;
    if (!isSafeValue(program) || !isSafeValue(unit)) return notFound(req, reply, ctx);
    const { t } = req.dondoc;
    const page = await ctx.dashboard.unitAssignments(program, unit);
    const now = Date.now();
    const events = page.rows
      .filter((r) => r.due !== undefined)
      .map((r) => ({
        uid: r.workflowId,
        title: `${t.unit.due}: ${r.itemTitle ?? r.itemId}${r.period ? ` (${r.period})` : ''}`,
        description: [
          `${r.unitName ?? r.unitId} — ${program}`,
          `${t.records.calendarStatus}: ${t.status[cellStatus(r.status, r.due, now)]}${r.source === 'records' ? ` (${t.records.cellFromRecordsTitle})` : ''}`,
          ...(r.receiptNumber ? [`${t.unit.receiptNumber}: ${r.receiptNumber}`] : []),
        ].join('\n'),
        due: r.due!,
        url: `${ctx.env.PUBLIC_URL}${assignmentPath(r.workflowId)}`,
      }));
    return reply
      .type('text/calendar; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="${fileSafe(`${program}-${unit}`)}.ics"`)
      .send(dueCalendar(`${program} — ${page.rows.find((r) => r.unitName)?.unitName ?? unit}`, events));
  });
}
