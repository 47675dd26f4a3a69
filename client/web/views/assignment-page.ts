// One assignment for the office: the facts, the latest submission with its figures and
// files, the review and request decisions (office role only), and the timeline from the
// workflow's own state: notices, submissions, reviews, extensions, requests.
import { OPEN_FOR_SUBMISSION, type AssignmentState, type SubmissionRecord } from '../../../workflows/assignment/messages';
import { cellStatus } from '../data/cell-status';
import { formatBytes, formatDateTime, workingDaysUntil } from '../format';
import { html, type SafeHtml } from '../html';
import type { Messages } from '../i18n';
import { assignmentPath, programPath, unitHistoryPath } from '../paths';
import { layout, type Frame } from './layout';
import { badge, csrfField, errorSummary, facts, flash } from './parts';

export interface AssignmentView {
  state: AssignmentState;
  canAct: boolean;
  csrf: string;
  temporalUrl?: string;
  message?: string;
  /** Where the page's data comes from, when that is not simply the live workflow (records readers). */
  note?: string;
  errors?: string[];
  now?: number;
}

interface TimelineEntry {
  at: string;
  label: string;
  detail?: string;
  quote?: string;
}

function timeline(state: AssignmentState, t: Messages): TimelineEntry[] {
  const e = t.office.events;
  const entries: TimelineEntry[] = [];
  for (const n of state.notices) {
    entries.push({ at: n.sentAt ?? n.scheduledFor, label: `${e.notice}: ${t.office.noticeKinds[n.kind] ?? n.kind}`, detail: n.skipped ? '—' : `${t.office.to}: ${n.to.join(', ')}` });
  }
  for (const s of state.submissions) {
    entries.push({ at: s.receivedAt, label: `${e.submission} (${t.unit.submission(s.round)})`, detail: `${t.unit.receiptNumber} ${s.receiptNumber} — ${s.late ? t.unit.lateYes : t.unit.lateNo}${s.submittedBy ? ` — ${s.submittedBy}` : ''}` });
  }
  for (const r of state.reviews) {
    entries.push({
      at: r.at,
      label: r.decision === 'accept' ? e.accept : e.return,
      ...(r.reviewer ? { detail: `${t.office.by}: ${r.reviewer}${r.newDueAt ? ` — ${t.unit.due} ${formatDateTime(r.newDueAt, t.lang)}` : ''}` } : {}),
      ...(r.comment ? { quote: r.comment } : {}),
    });
  }
  for (const x of state.extensions) {
    entries.push({ at: x.at, label: e.extension, detail: t.unit.extensionLine(formatDateTime(x.from, t.lang), formatDateTime(x.to, t.lang)), quote: x.reason });
  }
  for (const r of state.requests) {
    entries.push({ at: r.requestedAt, label: `${e.request}: ${t.unit.requestKinds[r.kind]}`, ...(r.requestedBy ? { detail: r.requestedBy } : {}), quote: r.reason });
    if (r.decidedAt) entries.push({ at: r.decidedAt, label: `${e.decision}: ${t.unit.requestStatus[r.status]}`, ...(r.decidedBy ? { detail: `${t.office.by}: ${r.decidedBy}` } : {}), ...(r.comment ? { quote: r.comment } : {}) });
  }
  return entries.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

function submissionBlock(s: SubmissionRecord, state: AssignmentState, t: Messages): SafeHtml {
  const path = assignmentPath(state.workflowId);
  return html`${facts([
    [t.unit.receiptNumber, s.receiptNumber],
    [t.unit.receivedAt, `${formatDateTime(s.receivedAt, t.lang)} — ${s.late ? t.unit.lateYes : t.unit.lateNo}`],
    [t.unit.submittedBy.split(' (')[0] ?? '', s.submittedBy],
  ])}
  <div class="pre card">${s.content}</div>
  ${Object.keys(s.indicators).length > 0 ? html`<table><tr><th scope="col">${t.office.indicatorsCol}</th><th scope="col">${t.office.valueCol}</th></tr>${Object.entries(s.indicators).map(
    ([k, v]) => html`<tr><td>${state.indicators.find((f) => f.id === k)?.label ?? k}</td><td>${v}${state.indicators.find((f) => f.id === k)?.unit ? ` ${state.indicators.find((f) => f.id === k)?.unit}` : ''}</td></tr>`,
  )}</table>` : ''}
  ${s.attachments.length > 0 ? html`<ul>${s.attachments.map((a) => html`<li><a href="${path}/files/${encodeURIComponent(a.ref)}">${a.name}</a> <span class="muted">(${formatBytes(a.size, t.lang)})</span></li>`)}</ul>` : ''}`;
}

function actions(view: AssignmentView, t: Messages): SafeHtml | '' {
  const { state } = view;
  const path = assignmentPath(state.workflowId);
  if (!view.canAct) return html`<p class="info">${t.office.readOnly}</p>`;
  const pending = state.requests.filter((r) => r.status === 'pending');
  const open = OPEN_FOR_SUBMISSION.includes(state.status);
  const closed = state.status === 'accepted' || state.status === 'exempted';
  return html`
    ${state.status === 'submitted' ? html`<section class="card" aria-labelledby="rev-h"><h2 id="rev-h">${t.office.review}</h2>
      <form method="post" action="${path}/review">${csrfField(view.csrf)}
        <label for="comment">${t.office.commentRequired}</label><textarea id="comment" name="comment" maxlength="4000"></textarea>
        <label for="newDue">${t.office.newDue}</label><input type="datetime-local" id="newDue" name="newDue">
        <div class="row"><button type="submit" name="decision" value="accept">${t.office.accept}</button><button type="submit" name="decision" value="return" class="secondary">${t.office.returnIt}</button></div>
      </form></section>` : ''}
    ${pending.map((r) => html`<section class="card" id="requests" aria-labelledby="req-${r.id}"><h2 id="req-${r.id}">${t.office.decide}: ${t.unit.requestKinds[r.kind]}</h2>
      <div class="quote">${r.reason}</div>${r.proposedDueAt ? html`<p>${t.unit.proposedDue}: ${formatDateTime(r.proposedDueAt, t.lang)}</p>` : ''}
      <form method="post" action="${path}/decide">${csrfField(view.csrf)}<input type="hidden" name="requestId" value="${r.id}">
        <label for="dc-${r.id}">${t.office.comment}</label><textarea id="dc-${r.id}" name="comment" maxlength="4000"></textarea>
        ${r.kind === 'extension' ? html`<label for="dd-${r.id}">${t.office.grantDue}</label><input type="datetime-local" id="dd-${r.id}" name="newDue">` : ''}
        <div class="row"><button type="submit" name="grant" value="true">${t.office.grant}</button><button type="submit" name="grant" value="false" class="secondary">${t.office.refuse}</button></div>
      </form></section>`)}
    ${open ? html`<details class="card"><summary>${t.office.extend}</summary><form method="post" action="${path}/extend">${csrfField(view.csrf)}
        <label for="extDue">${t.office.extendDue}</label><input type="datetime-local" id="extDue" name="newDue" required>
        <label for="extReason">${t.office.extendReason}</label><textarea id="extReason" name="reason" required maxlength="4000"></textarea>
        <button type="submit" class="secondary">${t.office.extend}</button></form></details>` : ''}
    ${!closed ? html`<details class="card"><summary>${t.office.exempt}</summary><form method="post" action="${path}/exempt">${csrfField(view.csrf)}
        <label for="exReason">${t.office.exemptReason}</label><textarea id="exReason" name="reason" required maxlength="4000"></textarea>
        <button type="submit" class="danger">${t.office.exempt}</button></form></details>` : ''}`;
}

/** Notices the relay refused for good: the office corrects the address (units list) and they go again. */
function undeliverable(state: AssignmentState, t: Messages): SafeHtml | '' {
  const failures = state.deliveryFailures ?? [];
  if (failures.length === 0) return '';
  return html`<section class="card" id="delivery-failures" aria-labelledby="df-h"><h2 id="df-h">${t.records.undeliverable}</h2>
    <p>${t.records.undeliverableIntro}</p>
    <table><thead><tr><th scope="col">${t.records.notice}</th><th scope="col">${t.records.address}</th><th scope="col">${t.records.reply}</th><th scope="col">${t.records.at}</th></tr></thead>
    <tbody>${failures.map((f) => html`<tr><td>${f.key.split('/').at(-1) ?? f.key}</td><td>${f.to}</td><td>${f.code} ${f.message}</td><td><time datetime="${f.at}">${formatDateTime(f.at, t.lang)}</time></td></tr>`)}</tbody></table></section>`;
}

export function assignmentPage(frame: Frame, view: AssignmentView): string {
  const { t } = frame;
  const { state } = view;
  const now = view.now ?? Date.now();
  const open = OPEN_FOR_SUBMISSION.includes(state.status);
  const latest = state.submissions.at(-1);
  const earlier = state.submissions.slice(0, -1).reverse();
  const title = `${state.itemTitle} — ${state.unitName}`;
  const body = html`
    <p><a href="${programPath(state.programId)}">${state.programId}</a></p>
    <h1>${title}</h1>
    ${flash(view.message)}
    ${view.note ? html`<p class="info" id="records-note">${view.note}</p>` : ''}
    ${errorSummary(view.errors ?? [], t)}
    <section class="card" id="summary" aria-label="${t.unit.status}">${facts([
      [t.office.unit, html`<a href="${unitHistoryPath(state.programId, state.unitId)}">${state.unitName}</a>`],
      [t.office.item, state.itemTitle],
      [t.office.period, state.period],
      [t.office.due, open ? `${formatDateTime(state.dueAt, t.lang)} (${t.days.left(workingDaysUntil(state.dueAt, now))})` : formatDateTime(state.dueAt, t.lang)],
      [t.office.status, badge(cellStatus(state.status, new Date(state.dueAt), now), t)],
      [t.unit.round, String(state.round)],
      [t.office.assignment, html`<span class="muted">${state.workflowId}</span>`],
    ])}</section>
    ${actions(view, t)}
    ${undeliverable(state, t)}
    <h2>${t.office.latest}</h2>
    ${latest ? submissionBlock(latest, state, t) : html`<p class="muted">${t.unit.noHistory}</p>`}
    ${earlier.map((s) => html`<details><summary>${t.unit.submission(s.round)}</summary>${submissionBlock(s, state, t)}</details>`)}
    <h2>${t.office.timeline}</h2>
    <ol class="timeline">${timeline(state, t).map(
      (e) => html`<li><time datetime="${e.at}">${formatDateTime(e.at, t.lang)}</time><strong>${e.label}</strong>${e.detail ? html`<br><span class="muted">${e.detail}</span>` : ''}${e.quote ? html`<div class="quote">${e.quote}</div>` : ''}</li>`,
    )}${state.nextStep ? html`<li><time datetime="${state.nextStep.at}">${formatDateTime(state.nextStep.at, t.lang)}</time><strong>${t.office.events.scheduled}: ${t.office.noticeKinds[state.nextStep.kind] ?? state.nextStep.kind}</strong></li>` : ''}</ol>
    ${view.temporalUrl ? html`<p class="muted"><a href="${view.temporalUrl}">Temporal Web UI</a></p>` : ''}`;
  return layout(frame, title, body);
}
