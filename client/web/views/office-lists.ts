// The office's list pages: programs, overdue assignments, the review queue, pending
// requests and one unit's assignments. All read from visibility, one page at a time.
import type { UnitRequestRecord } from '../../../workflows/assignment/messages';
import { cellStatus } from '../data/cell-status';
import type { AssignmentRow } from '../data/visibility';
import { formatDateTime } from '../format';
import { html, type SafeHtml } from '../html';
import type { Messages } from '../i18n';
import { assignmentPath, programPath, unitHistoryPath, withQuery } from '../paths';
import { layout, type Frame } from './layout';
import { badge } from './parts';
import { periodInWords, type Names } from '../data/names';

export function programsPage(frame: Frame, programs: string[]): string {
  const { t } = frame;
  return layout(
    frame,
    t.office.programs,
    html`<h1>${t.office.programs}</h1>${
      programs.length === 0
        ? html`<p class="muted">${t.office.noPrograms}</p>`
        : html`<ul>${programs.map((p) => html`<li><a href="${programPath(p)}">${p}</a></li>`)}</ul>`
    }`,
  );
}

export function rowsTable(rows: AssignmentRow[], t: Messages, now = Date.now(), names?: Names): SafeHtml {
  return html`<div class="scroll" role="region" aria-label="${t.office.assignment}" tabindex="0"><table>
    <tr><th scope="col">${t.office.unit}</th><th scope="col">${t.office.item}</th><th scope="col">${t.office.period}</th><th scope="col">${t.office.due}</th><th scope="col">${t.office.status}</th></tr>
    ${rows.map(
      (r) => html`<tr><td><a href="${unitHistoryPath(r.programId, r.unitId)}">${names ? names.unit(r.unitId, r.unitName) : (r.unitName ?? r.unitId)}</a></td><td>${names ? names.item(r.itemId, r.itemTitle) : (r.itemTitle ?? r.itemId)}</td><td>${names ? names.period(r.itemId, r.period) : (periodInWords(r.period, t.lang) ?? r.period)}</td>
        <td>${formatDateTime(r.due, t.lang)}</td><td><a href="${assignmentPath(r.workflowId)}">${badge(cellStatus(r.status, r.due, now), t)}</a>${r.source === 'records' ? html` <span class="muted rec" title="${t.records.cellFromRecordsTitle}">(${t.records.cellFromRecords})</span>` : ''}${r.receiptNumber ? html`<br><span class="muted">${t.unit.receiptNumber} ${r.receiptNumber}</span>` : ''}</td></tr>`,
    )}
  </table></div>`;
}

export interface ListView {
  programId: string;
  title: string;
  empty: string;
  rows: AssignmentRow[];
  next?: string | undefined;
  path: string;
}

export function listPage(frame: Frame, view: ListView): string {
  const { t } = frame;
  return layout(
    frame,
    view.title,
    html`<p><a href="${programPath(view.programId)}">${view.programId}</a></p><h1>${view.title}</h1>
    ${view.rows.length === 0 ? html`<p class="muted">${view.empty}</p>` : rowsTable(view.rows, t)}
    <p>${view.next ? html`<a href="${withQuery(view.path, { page: view.next })}" rel="next">${t.office.next}</a> · ` : ''}<a href="${view.path}">${t.office.first}</a></p>`,
  );
}

export function unitHistoryPage(frame: Frame, view: { programId: string; unitId: string; rows: AssignmentRow[] }): string {
  const { t } = frame;
  const name = view.rows.find((r) => r.unitName)?.unitName ?? view.unitId;
  const rows = [...view.rows].sort((a, b) => (a.due?.getTime() ?? 0) - (b.due?.getTime() ?? 0));
  return layout(
    frame,
    t.office.unitHistory(name),
    html`<p><a href="${programPath(view.programId)}">${view.programId}</a></p><h1>${t.office.unitHistory(name)}</h1>
    ${rows.length === 0 ? html`<p class="muted">${t.office.noPrograms}</p>` : rowsTable(rows, t)}
    <p><a href="${unitHistoryPath(view.programId, view.unitId)}/calendar.ics">${t.office.unitCalendar}</a></p>`,
  );
}

export interface PendingRequest {
  row: AssignmentRow;
  unitName: string;
  itemTitle: string;
  request: UnitRequestRecord;
}

export function requestsPage(frame: Frame, view: { programId: string; items: PendingRequest[]; scanned: number; total: number }): string {
  const { t } = frame;
  return layout(
    frame,
    t.office.requests,
    html`<p><a href="${programPath(view.programId)}">${view.programId}</a></p><h1>${t.office.requests}</h1>
    ${view.items.length === 0 ? html`<p class="muted">${t.office.noRequests}</p>` : html`<div class="scroll" role="region" aria-label="${t.office.requests}" tabindex="0"><table>
      <tr><th scope="col">${t.office.unit}</th><th scope="col">${t.office.item}</th><th scope="col">${t.unit.requestKinds.extension}/${t.unit.requestKinds.exemption}</th><th scope="col">${t.unit.reason}</th><th scope="col">${t.office.due}</th></tr>
      ${view.items.map(
        (i) => html`<tr><td>${i.unitName}</td><td><a href="${assignmentPath(i.row.workflowId)}#requests">${i.itemTitle}</a>${i.row.period ? html` (${i.row.period})` : ''}</td>
          <td>${t.unit.requestKinds[i.request.kind]}${i.request.proposedDueAt ? html`<br><span class="muted">${formatDateTime(i.request.proposedDueAt, t.lang)}</span>` : ''}</td>
          <td class="pre">${i.request.reason}</td><td>${formatDateTime(i.row.due, t.lang)}</td></tr>`,
      )}</table></div>`}
    <p class="muted">${t.office.requestsScanned(view.scanned, view.total)}</p>`,
  );
}
