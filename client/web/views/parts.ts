// Small pieces several pages share: status badges, the error summary, fact lists.
import type { CellStatus } from '../data/cell-status';
import { html, type SafeHtml } from '../html';
import type { Messages } from '../i18n';

export function badge(status: CellStatus, t: Messages): SafeHtml {
  return html`<span class="s s-${status}">${t.status[status]}</span>`;
}

/** Errors at the top of a form, announced to screen readers and reachable by keyboard. */
export function errorSummary(errors: string[], t: Messages, extra?: string): SafeHtml | '' {
  if (errors.length === 0) return '';
  return html`<div class="alert" role="alert" tabindex="-1" id="errors"><strong>${t.errors.fixBelow}</strong><ul>${errors.map((e) => html`<li>${e}</li>`)}</ul>${extra ? html`<p>${extra}</p>` : ''}</div>`;
}

export function facts(entries: [string, unknown][]): SafeHtml {
  return html`<dl class="facts">${entries.filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>`;
}

export function flash(text: string | undefined): SafeHtml | '' {
  return text ? html`<p class="notice" role="status">${text}</p>` : '';
}

export function csrfField(token: string): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${token}">`;
}
