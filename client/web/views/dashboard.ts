// The program dashboard: status counts, program-level panels (cycles, approvals, campaigns),
// the compliance matrix one page of units at a time, and the most urgent overdue work.
import type { ProgramPanel } from '../context';
import { CELL_STATUSES } from '../data/cell-status';
import type { Cell, Matrix, StatusCounts } from '../data/dashboard';
import type { ColumnInfo } from '../data/program-index';
import { columnKey } from '../data/query';
import type { AssignmentRow } from '../data/visibility';
import { formatDate } from '../format';
import { html, type SafeHtml } from '../html';
import type { Messages } from '../i18n';
import { assignmentPath, programPath, unitHistoryPath, withQuery } from '../paths';
import { layout, type Frame } from './layout';
import { rowsTable } from './office-lists';
import { badge } from './parts';
import { chartsSection } from './charts';
import { editorPath } from './editor-page';
import type { Names } from '../data/names';
import type { ProgramCharts } from '../data/program-charts';

export interface DashboardView {
  programId: string;
  counts: StatusCounts;
  allColumns: ColumnInfo[];
  matrix: Matrix;
  overdue: AssignmentRow[];
  overdueMore: boolean;
  unitPrefix?: string | undefined;
  /** The column keys asked for (kept in paging links and exports). */
  cols: string[];
  panels: SafeHtml[];
  hasPanels: boolean;
  /** Unit names, item titles and periods in words (from the program as applied, when known). */
  names: Names;
  /** The program's title; the id when the program itself could not be read. */
  title?: string;
  charts: ProgramCharts;
  hasModel: boolean;
  /** Undeliverable mail, from the records database (absent without one). */
  undeliverable?: SafeHtml;
}

/** Matrix headings: the item's short name and the period (the full title is the heading's tooltip and in the column picker). */
function shortLabelOf(c: ColumnInfo, names: Names): string {
  const period = names.period(c.itemId, c.period);
  return `${names.itemShort(c.itemId, c.itemTitle)}${period ? ` · ${period}` : ''}`;
}

function columnLabelOf(c: ColumnInfo, names: Names): string {
  const period = names.period(c.itemId, c.period);
  return `${names.item(c.itemId, c.itemTitle)}${period ? ` · ${period}` : ''}`;
}

function matrixTable(view: DashboardView, t: Messages): SafeHtml {
  const { matrix, names } = view;
  const columnLabel = (c: ColumnInfo) => columnLabelOf(c, names);
  if (matrix.rows.length === 0) return html`<p class="muted">${t.office.noPrograms}</p>`;
  return html`<div class="scroll" role="region" aria-labelledby="matrix-h" tabindex="0"><table class="matrix">
    <caption class="muted">${t.office.matrixCaption}${matrix.reference ? ` — ${t.office.matrixNote(columnLabel(matrix.reference))}` : ''}</caption>
    <tr><th scope="col">${t.office.unitCol}</th>${matrix.columns.map(
      (c, i) => html`<th scope="col" title="${columnLabel(c)}">${shortLabelOf(c, names)}<br><span class="muted">${t.office.due} ${formatDate(c.due, t.lang)} · ${matrix.columnTotals[i] ?? 0}</span></th>`,
    )}</tr>
    ${matrix.rows.map(
      (r) => html`<tr><th scope="row"><a href="${unitHistoryPath(view.programId, r.unitId)}">${names.unit(r.unitId, r.unitName)}</a></th>${matrix.columns.map((c) => {
        const cell = r.cells[columnKey(c)];
        return cell ? html`<td><a class="s s-${cell.status}" href="${assignmentPath(cell.workflowId)}">${t.status[cell.status]}</a>${recordsMark(cell, t)}</td>` : html`<td>${t.office.noCell}</td>`;
      })}</tr>`,
    )}
  </table></div>`;
}

/** Where a cell was read from, when that is not simply the live workflow. */
function recordsMark(cell: Cell, t: Messages): SafeHtml | '' {
  if (cell.source === 'records') return html` <span class="muted rec" title="${t.records.cellFromRecordsTitle}">(${t.records.cellFromRecords})</span>`;
  if (cell.recordPending) return html` <span class="muted rec" title="${t.records.cellPendingTitle}">(${t.records.cellPending})</span>`;
  return '';
}

function columnPicker(view: DashboardView, t: Messages): SafeHtml {
  const columnLabel = (c: ColumnInfo) => columnLabelOf(c, view.names);
  const shown = new Set(view.matrix.columns.map(columnKey));
  return html`<form method="get" action="${programPath(view.programId)}" class="card">
    <fieldset class="columns"><legend>${t.office.columns}</legend>${view.allColumns.map((c) => {
      const key = columnKey(c);
      return html`<label><input type="checkbox" name="cols" value="${key}"${shown.has(key) ? html` checked` : ''}> ${columnLabel(c)}</label>`;
    })}</fieldset>
    <div class="row"><div><label for="unit">${t.office.unitFilter}</label><input type="text" id="unit" name="unit" value="${view.unitPrefix ?? ''}" autocapitalize="none" spellcheck="false"></div><button type="submit" class="secondary">${t.office.show}</button></div>
  </form>`;
}

export function dashboardPage(frame: Frame, view: DashboardView): string {
  const { t } = frame;
  const base = programPath(view.programId);
  const keep = { cols: view.cols, unit: view.unitPrefix };
  const title = view.title ?? view.programId;
  const body = html`
    <h1>${t.board.dashboard(title)}</h1>
    ${view.hasModel ? '' : html`<p class="muted">${t.board.noProgram}</p>`}
    <section aria-labelledby="sum-h"><h2 id="sum-h">${t.office.summary}</h2>
      <ul class="counts"><li><b>${view.counts.total}</b>${t.office.total}</li>${CELL_STATUSES.filter((s) => view.counts[s as keyof StatusCounts] > 0).map(
        (s) => html`<li><b>${view.counts[s as keyof StatusCounts]}</b>${badge(s, t)}</li>`,
      )}</ul>
      <p><a href="${base}/review">${t.office.reviewQueue}</a> (${view.counts.submitted}) · <a href="${base}/overdue">${t.office.overdue}</a> · <a href="${base}/requests">${t.office.requests}</a>${view.hasModel && frame.session?.role === 'office' ? html` · <a href="${editorPath(view.programId)}">${t.editor.link}</a>` : ''}</p>
    </section>
    ${view.undeliverable ?? ''}
    ${view.charts.ok ? chartsSection(view.charts.data, view.names, t) : html`<p class="muted">${t.board.tooMany(view.charts.total)}</p>`}
    <section aria-labelledby="pl-h"><h2 id="pl-h">${t.office.programLevel}</h2>
      ${view.hasPanels ? view.panels : html`<p class="muted">${t.office.programLevelNote}</p>`}
    </section>
    <section aria-labelledby="matrix-h"><h2 id="matrix-h">${t.office.matrix}</h2>
      ${columnPicker(view, t)}
      ${matrixTable(view, t)}
      <p>${view.matrix.next ? html`<a rel="next" href="${withQuery(base, { ...keep, page: view.matrix.next })}">${t.office.next}</a> · ` : ''}<a href="${withQuery(base, keep)}">${t.office.first}</a></p>
      <p>${t.office.exports}: <a href="${withQuery(`${base}/matrix.csv`, { cols: view.cols })}">${t.office.csv}</a> · <a href="${withQuery(`${base}/matrix.xlsx`, { cols: view.cols })}">${t.office.xlsx}</a></p>
    </section>
    <section aria-labelledby="od-h"><h2 id="od-h">${t.office.overdue}</h2>
      ${view.overdue.length === 0 ? html`<p class="muted">${t.office.noOverdue}</p>` : rowsTable(view.overdue, t, Date.now(), view.names)}
      ${view.overdueMore ? html`<p><a href="${base}/overdue">${t.office.overdueAll}</a></p>` : ''}
    </section>`;
  return layout(frame, t.board.dashboard(title), body);
}

export type { ProgramPanel };
