// The page a unit opens from its email: what is asked and by when, the form to submit
// (text, the item's indicator figures, attachments), the office's comments on earlier
// rounds, and requests for an extension or an exemption. Works without JavaScript.
import { OPEN_FOR_SUBMISSION, type AssignmentState, type IndicatorField } from '../../../workflows/assignment/messages';
import { cellStatus } from '../data/cell-status';
import { formatBytes, formatDateTime, workingDaysUntil } from '../format';
import { html, type SafeHtml } from '../html';
import type { Messages } from '../i18n';
import { layout, type Frame } from './layout';
import { badge, csrfField, errorSummary, facts, flash } from './parts';

export interface UploadRules {
  maxFiles: number;
  maxMb: number;
  extensions: string[];
}

export interface UnitFormValues {
  content?: string;
  submittedBy?: string;
  indicators?: Record<string, string>;
  reason?: string;
}

export interface UnitView {
  state: AssignmentState;
  /** `/u/<token>`: every form and link of the page hangs off it. */
  base: string;
  csrf: string;
  rules: UploadRules;
  errors?: string[];
  /** Which form the errors belong to. */
  errorsFor?: 'submit' | 'extension' | 'exemption';
  values?: UnitFormValues;
  message?: string;
  /** Where the page's data comes from, when that is not simply the live workflow (records readers). */
  note?: string;
  /** A record read after Temporal forgot the execution: nothing can be submitted or asked. */
  readOnly?: boolean;
  now?: number;
}

function indicatorInput(field: IndicatorField, value: string | undefined, t: Messages): SafeHtml {
  const id = `ind-${field.id}`;
  const name = `ind.${field.id}`;
  const label = html`<label for="${id}">${field.label}${field.unit ? ` (${field.unit})` : ''} ${field.required ? html`<span class="hint">${t.unit.required}</span>` : ''}</label>`;
  if (field.type === 'choice') {
    return html`${label}<select id="${id}" name="${name}"${field.required ? html` required` : ''}><option value="">${t.unit.choose}</option>${(field.choices ?? []).map(
      (c) => html`<option${c === value ? html` selected` : ''}>${c}</option>`,
    )}</select>`;
  }
  if (field.type === 'number') {
    return html`${label}<input type="number" id="${id}" name="${name}" inputmode="decimal" step="any" value="${value ?? ''}"${field.required ? html` required` : ''}>`;
  }
  return html`${label}<input type="text" id="${id}" name="${name}" maxlength="2000" value="${value ?? ''}"${field.required ? html` required` : ''}>`;
}

function submitForm(view: UnitView, t: Messages): SafeHtml {
  const { state, rules } = view;
  const values = view.errorsFor === 'submit' ? (view.values ?? {}) : {};
  const accept = rules.extensions.map((e) => `.${e}`).join(',');
  return html`<section class="card" aria-labelledby="form-h">
    <h2 id="form-h">${state.round > 1 ? t.unit.formResubmit : t.unit.form}</h2>
    ${view.errorsFor === 'submit' ? errorSummary(view.errors ?? [], t, t.errors.reselectFiles) : ''}
    <form method="post" action="${view.base}/submit" enctype="multipart/form-data">
      ${csrfField(view.csrf)}
      <label for="content">${t.unit.content} <span class="hint">${t.unit.contentHint}</span></label>
      <textarea id="content" name="content" required maxlength="20000">${values.content ?? ''}</textarea>
      ${state.indicators.length > 0 ? html`<fieldset><legend>${t.unit.indicators}</legend>${state.indicators.map((f) => indicatorInput(f, values.indicators?.[f.id], t))}</fieldset>` : ''}
      <label for="files">${t.unit.attachments} <span class="hint" id="files-hint">${t.unit.attachmentsHint(rules.maxFiles, rules.maxMb, rules.extensions.join(', '))}</span></label>
      <input type="file" id="files" name="files" multiple accept="${accept}" aria-describedby="files-hint">
      <label for="submittedBy">${t.unit.submittedBy}</label>
      <input type="text" id="submittedBy" name="submittedBy" maxlength="200" autocomplete="name" value="${values.submittedBy ?? ''}">
      <button type="submit">${t.unit.submit}</button>
    </form></section>`;
}

function requestForms(view: UnitView, t: Messages): SafeHtml | '' {
  const { state } = view;
  if (!OPEN_FOR_SUBMISSION.includes(state.status) || view.readOnly) return '';
  const pending = state.requests.filter((r) => r.status === 'pending');
  const values = view.values ?? {};
  const form = (kind: 'extension' | 'exemption') => {
    if (pending.some((r) => r.kind === kind)) return '';
    const open = view.errorsFor === kind;
    return html`<details${open ? html` open` : ''}><summary>${kind === 'extension' ? t.unit.requestExtension : t.unit.requestExemption}</summary>
      ${open ? errorSummary(view.errors ?? [], t) : ''}
      <form method="post" action="${view.base}/${kind}">
        ${csrfField(view.csrf)}
        <label for="${kind}-reason">${t.unit.reason}</label>
        <textarea id="${kind}-reason" name="reason" required maxlength="4000">${open ? (values.reason ?? '') : ''}</textarea>
        ${kind === 'extension' ? html`<label for="proposed">${t.unit.proposedDue}</label><input type="date" id="proposed" name="proposedDue">` : ''}
        <label for="${kind}-by">${t.unit.requestedBy}</label>
        <input type="text" id="${kind}-by" name="requestedBy" maxlength="200" value="${open ? (values.submittedBy ?? '') : ''}">
        <button type="submit" class="secondary">${t.unit.sendRequest}</button>
      </form></details>`;
  };
  return html`<section class="card" aria-labelledby="req-h"><h2 id="req-h">${t.unit.requestsHeading}</h2>${form('extension')}${form('exemption')}</section>`;
}

function history(view: UnitView, t: Messages): SafeHtml {
  const { state } = view;
  const locale = t.lang;
  if (state.submissions.length === 0) return html`<p class="muted">${t.unit.noHistory}</p>`;
  return html`${[...state.submissions].reverse().map((s) => {
    const review = state.reviews.find((r) => r.round === s.round);
    return html`<article class="card"><h3>${t.unit.submission(s.round)}</h3>
      ${facts([
        [t.unit.receiptNumber, s.receiptNumber],
        [t.unit.receivedAt, `${formatDateTime(s.receivedAt, locale)} — ${s.late ? t.unit.lateYes : t.unit.lateNo}`],
      ])}
      <div class="pre">${s.content}</div>
      ${Object.keys(s.indicators).length > 0 ? html`<table><tr><th scope="col">${t.office.indicatorsCol}</th><th scope="col">${t.office.valueCol}</th></tr>${Object.entries(s.indicators).map(
        ([k, v]) => html`<tr><td>${state.indicators.find((f) => f.id === k)?.label ?? k}</td><td>${v}</td></tr>`,
      )}</table>` : ''}
      ${s.attachments.length > 0 ? html`<p>${t.unit.files}:</p><ul>${s.attachments.map(
        (a) => html`<li><a href="${view.base}/files/${encodeURIComponent(a.ref)}">${a.name}</a> <span class="muted">(${formatBytes(a.size, locale)})</span></li>`,
      )}</ul>` : ''}
      ${review ? html`<p><strong>${review.decision === 'accept' ? t.unit.accepted : t.unit.returned}</strong> — ${formatDateTime(review.at, locale)}</p>${review.comment ? html`<div class="quote">${review.comment}</div>` : ''}` : ''}
    </article>`;
  })}`;
}

export function unitPage(frame: Frame, view: UnitView): string {
  const { t } = frame;
  const { state } = view;
  const locale = t.lang;
  const now = view.now ?? Date.now();
  const status = cellStatus(state.status, new Date(state.dueAt), now);
  const open = OPEN_FOR_SUBMISSION.includes(state.status) && !view.readOnly;
  const lastReturn = state.status === 'returned' ? [...state.reviews].reverse().find((r) => r.decision === 'return') : undefined;
  const pending = state.requests.some((r) => r.status === 'pending');
  const body = html`
    <p class="muted">${t.unit.heading}</p>
    <h1>${state.itemTitle}</h1>
    ${flash(view.message)}
    ${view.note ? html`<p class="info" id="records-note">${view.note}</p>` : ''}
    <section class="card" id="summary" aria-label="${t.unit.status}">
      ${facts([
        [t.unit.unit, state.unitName],
        [t.unit.period, state.period],
        [t.unit.due, open ? `${formatDateTime(state.dueAt, locale)} (${t.days.left(workingDaysUntil(state.dueAt, now))})` : formatDateTime(state.dueAt, locale)],
        [t.unit.status, badge(status, t)],
      ])}
    </section>
    ${lastReturn ? html`<section class="card" aria-labelledby="ret-h"><h2 id="ret-h">${t.unit.returnedBox}</h2><div class="quote">${lastReturn.comment ?? ''}</div><p>${t.unit.returnedNewDue(formatDateTime(state.dueAt, locale))}</p></section>` : ''}
    ${pending ? html`<p class="info">${t.unit.pendingRequest}</p>` : ''}
    ${open ? submitForm(view, t) : ''}
    ${state.status === 'submitted' ? html`<p class="info">${t.unit.waitingReview}</p>` : ''}
    ${state.status === 'accepted' ? html`<p class="notice">${t.unit.closedAccepted}</p>` : ''}
    ${state.status === 'exempted' ? html`<p class="notice">${t.unit.closedExempt}</p>` : ''}
    ${requestForms(view, t)}
    <h2>${t.unit.history}</h2>
    ${history(view, t)}
    ${state.requests.length > 0 ? html`<h2>${t.unit.requestsSent}</h2><ul>${state.requests.map(
      (r) => html`<li>${t.unit.requestKinds[r.kind]} — ${t.unit.requestStatus[r.status]} (${formatDateTime(r.requestedAt, locale)}): ${r.reason}${r.comment ? html`<div class="quote">${r.comment}</div>` : ''}</li>`,
    )}</ul>` : ''}
    ${state.extensions.length > 0 ? html`<h2>${t.unit.extensions}</h2><ul>${state.extensions.map(
      (e) => html`<li>${t.unit.extensionLine(formatDateTime(e.from, locale), formatDateTime(e.to, locale))}: ${e.reason}</li>`,
    )}</ul>` : ''}
    <p><a href="${view.base}/calendar.ics">${t.unit.calendar}</a></p>`;
  return layout(frame, state.itemTitle, body);
}
