// Pages of the program-level workflows: the list of report cycles and tasks, one cycle
// (its consolidations with their files, the chair's approval, the office's "consolidate"),
// the chair's approval queue, and the campaigns' progress (milestones, plans, results).
import type { CampaignState } from '../../../workflows/campaign/messages';
import type { ConsolidationRecord, ReportCycleState } from '../../../workflows/report-cycle/messages';
import { rowStatus } from '../../../workflows/report-cycle/rows';
import { cellStatus } from '../data/cell-status';
import { approverOf, type OpenedCampaign, type OpenedCycle, type ProgramLevelCounts, type Queued } from '../data/occurrences';
import type { OccurrenceRow } from '../data/visibility';
import { formatBytes, formatDate, formatDateTime } from '../format';
import { html, type SafeHtml } from '../html';
import type { Messages } from '../i18n';
import { assignmentPath, occurrenceFilePath, occurrencePath, programPath, unitHistoryPath, withQuery } from '../paths';
import { layout, type Frame } from './layout';
import { badge, csrfField, errorSummary, facts, flash } from './parts';

// Phases reuse the status colours; the words are always written out.
const PHASE_CLASS: Record<string, string> = {
  collecting: 'requested',
  'awaiting-approval': 'submitted',
  'returned-to-office': 'returned',
  forwarding: 'not-yet-due',
  forwarded: 'accepted',
  closed: 'exempt',
  planning: 'not-yet-due',
  running: 'requested',
  results: 'submitted',
  closing: 'accepted',
  pending: 'not-yet-due',
  done: 'accepted',
  skipped: 'exempt',
};

function pill(key: string | undefined, words: Record<string, string>, t: Messages): SafeHtml {
  const k = key ?? 'unknown';
  return html`<span class="s s-${PHASE_CLASS[k] ?? 'unknown'}">${words[k] ?? key ?? t.status.unknown}</span>`;
}

export const phaseBadge = (phase: string | undefined, t: Messages) => pill(phase, t.occ.phases, t);
const campaignBadge = (phase: string | undefined, t: Messages) => pill(phase, t.occ.campaignPhases, t);

function back(programId: string, t: Messages, extra?: [string, string]): SafeHtml {
  return html`<p><a href="${programPath(programId)}">${programId}</a>${extra ? html` › <a href="${extra[0]}">${extra[1]}</a>` : ''}</p>`;
}

/** The dashboard's program-level section: links with counts from visibility, nothing queried. */
export function programLevelLinks(programId: string, counts: ProgramLevelCounts, t: Messages): SafeHtml {
  const base = programPath(programId);
  return html`<p class="muted">${t.office.programLevelNote}</p><ul id="program-level">
    <li><a href="${base}/approvals">${t.occ.approvals}</a> (${counts.awaiting})</li>
    <li><a href="${base}/occurrences">${t.occ.cycles}</a> (${counts.cycles})</li>
    <li><a href="${base}/campaigns">${t.occ.campaigns}</a> (${counts.campaigns})</li>
  </ul>`;
}

const titleOf = (row: OccurrenceRow, titles: Map<string, string>) => titles.get(row.itemId) ?? row.itemTitle ?? row.itemId;

export function occurrencesPage(frame: Frame, view: { programId: string; rows: OccurrenceRow[]; titles: Map<string, string>; next?: string | undefined }): string {
  const { t } = frame;
  const path = `${programPath(view.programId)}/occurrences`;
  const table = html`<div class="scroll" role="region" aria-label="${t.occ.cycles}" tabindex="0"><table>
    <tr><th scope="col">${t.office.item}</th><th scope="col">${t.office.period}</th><th scope="col">${t.occ.kind}</th><th scope="col">${t.occ.phase}</th><th scope="col">${t.occ.started}</th></tr>
    ${view.rows.map(
      (r) => html`<tr><td><a href="${occurrencePath(r.workflowId)}">${titleOf(r, view.titles)}</a></td><td>${r.period}</td><td>${t.occ.kinds[r.workflowType] ?? r.workflowType}</td>
        <td>${phaseBadge(r.phase, t)}${r.source === 'records' ? html` <span class="muted rec" title="${t.records.cellFromRecordsTitle}">(${t.records.cellFromRecords})</span>` : ''}</td><td>${formatDateTime(r.startedAt, t.lang)}</td></tr>`,
    )}</table></div>`;
  return layout(
    frame,
    t.occ.cycles,
    html`${back(view.programId, t)}<h1>${t.occ.cycles}</h1><p class="muted">${t.occ.cyclesIntro}</p>
    ${view.rows.length === 0 ? html`<p class="muted">${t.occ.noCycles}</p>` : table}
    <p>${view.next ? html`<a rel="next" href="${withQuery(path, { page: view.next })}">${t.office.next}</a> · ` : ''}<a href="${path}">${t.office.first}</a></p>`,
  );
}

function countsList(c: ConsolidationRecord['counts'], t: Messages): SafeHtml {
  const w = t.occ.counts;
  return html`<ul class="counts">${(['total', 'onTime', 'late', 'missing', 'exempt', 'returned'] as const).map((k) => html`<li><b>${c[k]}</b>${w[k]}</li>`)}</ul>`;
}

function fileLinks(workflowId: string, c: ConsolidationRecord, t: Messages): SafeHtml {
  return html`<ul class="files">
    <li><a href="${occurrenceFilePath(workflowId, c.xlsx.ref)}" download>${t.occ.xlsx}</a> <span class="muted">${c.xlsx.name} (${formatBytes(c.xlsx.size, t.lang)})</span></li>
    <li><a href="${occurrenceFilePath(workflowId, c.html.ref)}" download>${t.occ.html}</a> <span class="muted">(${formatBytes(c.html.size, t.lang)})</span></li>
  </ul>`;
}

export interface ActionContext {
  role: 'office' | 'chair';
  csrf: string;
}

/** The chair's form; `key` keeps label ids unique when a page holds several. */
function approvalForm(workflowId: string, state: ReportCycleState, act: ActionContext, t: Messages, key: string): SafeHtml {
  if (act.role !== approverOf(state)) return html`<p class="info">${approverOf(state) === 'chair' ? t.occ.chairOnly : t.occ.officeOnly}</p>`;
  return html`<form method="post" action="${occurrencePath(workflowId)}/approve" class="approval">${csrfField(act.csrf)}
    <p class="muted">${t.occ.approvalIntro}</p>
    <label for="ac-${key}">${t.occ.comment}</label><textarea id="ac-${key}" name="comment" maxlength="4000"></textarea>
    <div class="row"><button type="submit" name="decision" value="approve">${t.occ.approve}</button><button type="submit" name="decision" value="return" class="secondary">${t.occ.returnIt}</button></div>
  </form>`;
}

function cycleActions(opened: OpenedCycle, act: ActionContext, t: Messages): SafeHtml | '' {
  const { state } = opened;
  if (!opened.running) return '';
  if (state.phase === 'awaiting-approval') {
    return html`<section class="card" aria-labelledby="ap-h"><h2 id="ap-h">${t.occ.approval}</h2>${approvalForm(opened.workflowId, state, act, t, 'page')}</section>`;
  }
  if ((state.phase === 'collecting' || state.phase === 'returned-to-office') && act.role === 'office') {
    const again = state.consolidations.length > 0;
    return html`<section class="card" aria-labelledby="co-h"><h2 id="co-h">${again ? t.occ.consolidateAgain : t.occ.consolidateNow}</h2>
      <form method="post" action="${occurrencePath(opened.workflowId)}/consolidate">${csrfField(act.csrf)}
        <p class="muted">${t.occ.consolidateHint}</p>
        <button type="submit">${again ? t.occ.consolidateAgain : t.occ.consolidateNow}</button>
      </form></section>`;
  }
  return '';
}

function lastReturn(state: ReportCycleState): ReportCycleState['approvals'][number] | undefined {
  const last = state.approvals.at(-1);
  return state.phase === 'returned-to-office' && last?.decision === 'return' ? last : undefined;
}

export interface CycleView {
  opened: OpenedCycle;
  act: ActionContext;
  temporalUrl?: string;
  message?: string;
  errors?: string[];
  now?: number;
}

export function cyclePage(frame: Frame, view: CycleView): string {
  const { t } = frame;
  const { opened } = view;
  const { state } = opened;
  const now = view.now ?? Date.now();
  const title = `${state.itemTitle} — ${state.periodLabel}`;
  const returned = lastReturn(state);
  const consolidations = [...state.consolidations].reverse();
  const rows = state.rows.filter((r) => !r.removed);
  const body = html`
    ${back(opened.programId, t, [`${programPath(opened.programId)}/occurrences`, t.occ.cycles])}
    <h1>${title}</h1>
    ${flash(view.message)}
    ${errorSummary(view.errors ?? [], t)}
    <section class="card" id="summary" aria-label="${t.occ.phase}">${facts([
      [t.occ.phase, phaseBadge(state.phase, t)],
      [t.occ.kind, t.occ.kinds[opened.workflowType] ?? opened.workflowType],
      [t.office.period, state.periodLabel],
      [t.occ.forwarded, state.forwarded ? `${formatDateTime(state.forwarded.at, t.lang)} — ${t.occ.forwardedTo}: ${state.forwarded.to.join(', ')}` : undefined],
      [t.occ.workflow, html`<span class="muted">${opened.workflowId}</span>`],
    ])}</section>
    ${returned ? html`<div class="alert" role="status"><strong>${t.occ.returnedBox}</strong>${returned.comment ? html`<div class="quote">${returned.comment}</div>` : ''}</div>` : ''}
    ${cycleActions(opened, view.act, t)}
    <h2 id="cons-h">${t.occ.consolidations}</h2>
    ${consolidations.length === 0 ? html`<p class="muted">${t.occ.noConsolidation}</p>` : consolidations.map(
      (c) => html`<section class="card" id="consolidation-${c.version}" aria-label="${t.occ.latest(c.version)}"><h3>${t.occ.latest(c.version)} <span class="muted">${formatDateTime(c.at, t.lang)}</span></h3>
        ${countsList(c.counts, t)}${fileLinks(opened.workflowId, c, t)}</section>`,
    )}
    ${state.approvals.length > 0 ? html`<h2>${t.occ.decisionsH}</h2><ol class="timeline" id="approvals">${state.approvals.map(
      (a) => html`<li><time datetime="${a.at}">${formatDateTime(a.at, t.lang)}</time><strong>${t.occ.decisions[a.decision] ?? a.decision}</strong>${a.by ? html`<br><span class="muted">${t.office.by}: ${a.by}</span>` : ''}${a.comment ? html`<div class="quote">${a.comment}</div>` : ''}</li>`,
    )}</ol>` : ''}
    ${state.addenda.length > 0 ? html`<h2>${t.occ.addenda}</h2><ul>${state.addenda.map(
      (a) => html`<li><a href="${occurrenceFilePath(opened.workflowId, a.xlsx.ref)}" download>${t.occ.addendum(a.version)}</a> <span class="muted">${formatDateTime(a.at, t.lang)} — ${a.units.join(', ')}</span></li>`,
    )}</ul>` : ''}
    <h2>${t.occ.units}</h2>
    <div class="scroll" role="region" aria-label="${t.occ.units}" tabindex="0"><table id="units">
      <tr><th scope="col">${t.office.unit}</th><th scope="col">${t.office.status}</th><th scope="col">${t.occ.receipt}</th><th scope="col">${t.occ.submittedAt}</th><th scope="col">${t.office.due}</th></tr>
      ${rows.map(
        (r) => html`<tr><td><a href="${unitHistoryPath(opened.programId, r.unitId)}">${r.unitName}</a></td>
          <td><a href="${assignmentPath(r.assignmentId)}">${badge(cellStatus(r.status, new Date(r.dueAt), now), t)}</a> <span class="muted">${t.occ.rowStatus[rowStatus(r)] ?? ''}</span></td>
          <td>${r.receiptNumber ?? '—'}</td><td>${formatDateTime(r.submittedAt, t.lang)}</td><td>${formatDateTime(r.dueAt, t.lang)}</td></tr>`,
      )}</table></div>
    ${view.temporalUrl ? html`<p class="muted"><a href="${view.temporalUrl}">Temporal Web UI</a></p>` : ''}`;
  return layout(frame, title, body);
}

export function approvalsPage(frame: Frame, view: { programId: string; items: Queued<ReportCycleState>[]; total: number; titles: Map<string, string>; act: ActionContext }): string {
  const { t } = frame;
  const cards = view.items.map((item, i) => {
    const { row, state } = item;
    const latest = state?.consolidations.at(-1);
    const heading = state ? `${state.itemTitle} — ${state.periodLabel}` : `${titleOf(row, view.titles)} — ${row.period}`;
    return html`<section class="card approval-item" aria-labelledby="aq-${i}"><h2 id="aq-${i}"><a href="${occurrencePath(row.workflowId)}">${heading}</a></h2>
      ${!state ? html`<p class="muted">${t.occ.unreadable}</p>` : latest ? html`<p class="muted">${t.occ.latest(latest.version)} — ${formatDateTime(latest.at, t.lang)}</p>${countsList(latest.counts, t)}${fileLinks(row.workflowId, latest, t)}` : ''}
      ${state && state.phase === 'awaiting-approval' ? approvalForm(row.workflowId, state, view.act, t, String(i)) : ''}
    </section>`;
  });
  return layout(
    frame,
    t.occ.approvals,
    html`${back(view.programId, t)}<h1>${t.occ.approvals}</h1>
    ${view.items.length === 0 ? html`<p class="muted">${t.occ.noApprovals}</p>` : cards}
    ${view.total > view.items.length ? html`<p class="muted">${t.occ.shown(view.items.length, view.total)}</p>` : ''}`,
  );
}

function planCounts(state: CampaignState): { total: number; received: number; onTime: number; late: number; missing: number; exempt: number } {
  const rows = state.plans.filter((p) => !p.removed);
  const received = rows.filter((r) => r.receiptNumber !== undefined);
  const exempt = rows.filter((r) => r.status === 'exempted' && r.receiptNumber === undefined).length;
  return { total: rows.length, received: received.length, onTime: received.filter((r) => !r.late).length, late: received.filter((r) => r.late).length, missing: rows.length - received.length - exempt, exempt };
}

/** One campaign: phase, dates, milestones, plans received and the results cycle. */
export function campaignPanel(workflowId: string, state: CampaignState, resultsPhase: string | undefined, t: Messages, headingLevel: 2 | 3 = 2): SafeHtml {
  const plans = planCounts(state);
  const heading = `${state.itemTitle} — ${state.periodLabel}`;
  const h = headingLevel === 2 ? html`<h2><a href="${occurrencePath(workflowId)}">${heading}</a></h2>` : html`<h3>${heading}</h3>`;
  const results = state.results;
  const phase = results ? (results.closedAt ? (results.phase ?? resultsPhase) : (resultsPhase ?? results.phase)) : undefined;
  return html`<section class="card campaign" aria-label="${heading}">${h}
    ${facts([
      [t.occ.phase, campaignBadge(state.phase, t)],
      [t.occ.window, state.window ? `${formatDate(state.window.start, t.lang)} – ${formatDate(state.window.end, t.lang)}` : undefined],
      [t.occ.plans, `${t.occ.plansReceived(plans.received, plans.total)} (${t.occ.plansDetail(plans.onTime, plans.late, plans.missing, plans.exempt)})`],
      [t.occ.results, results ? html`<a href="${occurrencePath(results.workflowId)}">${phaseBadge(phase, t)}</a>` : t.occ.resultsNotStarted],
      [t.occ.summarySent, state.summary ? formatDateTime(state.summary.at, t.lang) : undefined],
    ])}
    <table class="milestones"><caption class="muted">${t.occ.milestonesH}</caption>
      <tr><th scope="col">${t.occ.milestone}</th><th scope="col">${t.occ.at}</th><th scope="col">${t.occ.phase}</th><th scope="col">${t.occ.firedAt}</th></tr>
      ${state.milestones.map(
        (m) => html`<tr><td>${t.occ.milestones[m.kind] ?? m.kind}</td><td>${formatDateTime(m.at, t.lang)}</td><td>${pill(m.status, t.occ.milestoneStatus, t)}</td><td>${m.firedAt ? formatDateTime(m.firedAt, t.lang) : '—'}</td></tr>`,
      )}
    </table>
  </section>`;
}

export function campaignsPage(frame: Frame, view: { programId: string; items: Queued<CampaignState>[]; total: number; titles: Map<string, string>; resultPhases: Map<string, string | undefined> }): string {
  const { t } = frame;
  const panels = view.items.map(({ row, state }) =>
    state
      ? campaignPanel(row.workflowId, state, state.results ? view.resultPhases.get(state.results.workflowId) : undefined, t)
      : html`<section class="card"><h2><a href="${occurrencePath(row.workflowId)}">${titleOf(row, view.titles)} — ${row.period}</a></h2><p>${campaignBadge(row.phase, t)}</p><p class="muted">${t.occ.unreadable}</p></section>`,
  );
  return layout(
    frame,
    t.occ.campaigns,
    html`${back(view.programId, t)}<h1>${t.occ.campaigns}</h1>
    ${view.items.length === 0 ? html`<p class="muted">${t.occ.noCampaigns}</p>` : panels}
    ${view.total > view.items.length ? html`<p class="muted">${t.occ.shown(view.items.length, view.total)}</p>` : ''}`,
  );
}

export function campaignPage(frame: Frame, view: { opened: OpenedCampaign; resultsPhase: string | undefined; temporalUrl?: string; now?: number }): string {
  const { t } = frame;
  const { opened } = view;
  const { state } = opened;
  const now = view.now ?? Date.now();
  const title = `${state.itemTitle} — ${state.periodLabel}`;
  const plans = state.plans.filter((p) => !p.removed);
  return layout(
    frame,
    title,
    html`${back(opened.programId, t, [`${programPath(opened.programId)}/campaigns`, t.occ.campaigns])}
    <h1>${title}</h1>
    ${campaignPanel(opened.workflowId, state, view.resultsPhase, t, 3)}
    <h2>${t.occ.plans}</h2>
    <div class="scroll" role="region" aria-label="${t.occ.plans}" tabindex="0"><table id="plans">
      <tr><th scope="col">${t.office.unit}</th><th scope="col">${t.office.status}</th><th scope="col">${t.occ.receipt}</th><th scope="col">${t.office.due}</th></tr>
      ${plans.map(
        (p) => html`<tr><td>${p.unitName}</td><td><a href="${assignmentPath(p.assignmentId)}">${badge(cellStatus(p.status, new Date(p.dueAt), now), t)}</a></td><td>${p.receiptNumber ?? '—'}</td><td>${formatDateTime(p.dueAt, t.lang)}</td></tr>`,
      )}</table></div>
    <p class="muted">${t.occ.workflow}: ${opened.workflowId}</p>
    ${view.temporalUrl ? html`<p class="muted"><a href="${view.temporalUrl}">Temporal Web UI</a></p>` : ''}`,
  );
}
