// The preview of a draft: the plan as a month calendar (a table, one cell per day, each
// event written out, so the table is its own text alternative and prints as it shows), the
// change against the running version as `dondoc apply --dry-run` prints it, the mails that
// follow, and the confirmation that applies it.
import { DateTime } from 'luxon';
import type { MailGroup } from '../editor/changes';
import type { MonthView } from '../editor/calendar';
import type { EditorText } from '../editor/text';
import { formatDateTime } from '../format';
import { html, type SafeHtml } from '../html';
import { withQuery } from '../paths';
import { editorBase } from './editor-forms';
import { layout, type Frame } from './layout';
import { csrfField } from './parts';

export interface PreviewView {
  programId: string;
  title: string;
  running: boolean;
  month: MonthView;
  /** formatApplyResult's text: the CLI's words. */
  change: string;
  unchanged: boolean;
  reasons: string[];
  mails: MailGroup[];
  yaml: string;
  /** What the confirmation applies: the draft's and the running version's hashes when previewed. */
  token: string;
  error?: string;
}

function monthName(month: string, lang: string): string {
  // "tháng 12/2026" as offices write it; "December 2026" in English.
  return lang === 'en' ? DateTime.fromISO(`${month}-01`).setLocale('en').toFormat('LLLL yyyy') : `${Number(month.slice(5))}/${month.slice(0, 4)}`;
}

function calendar(frame: Frame, e: EditorText, v: PreviewView): SafeHtml {
  const base = `${editorBase(v.programId)}/preview`;
  const m = v.month;
  const caption = e.calendarCaption(monthName(m.month, frame.t.lang), m.count);
  return html`<section aria-labelledby="cal-h"><h2 id="cal-h">${e.calendar}</h2>
    <p><a href="${withQuery(base, { month: m.prev })}" rel="prev">← ${e.prevMonth}</a> · <a href="${withQuery(base, { month: m.next })}" rel="next">${e.nextMonth} →</a></p>
    <div class="scroll" role="region" tabindex="0" aria-label="${caption}"><table class="month" data-month="${m.month}">
      <caption>${caption}</caption>
      <tr>${e.weekdays.map((d) => html`<th scope="col">${d}</th>`)}</tr>
      ${m.weeks.map(
        (week) => html`<tr>${week.map((day) =>
          day
            ? html`<td data-date="${day.date}"><b>${Number(day.date.slice(8))}</b>${
                day.events.length > 0
                  ? html`<ul>${day.events.map((ev) => html`<li data-item="${ev.itemId}" data-kind="${ev.kind}">${ev.time} ${e.eventKinds[ev.kind] ?? ev.kind}: ${ev.itemTitle} — ${ev.periodLabel}${e.unitsN(ev.units)}</li>`)}</ul>`
                  : ''
              }</td>`
            : html`<td aria-hidden="true"></td>`,
        )}</tr>`,
      )}
    </table></div>${m.count === 0 ? html`<p class="muted">${e.noEvents}</p>` : ''}</section>`;
}

function mailsTable(frame: Frame, e: EditorText, mails: MailGroup[]): SafeHtml {
  if (mails.length === 0) return html`<p class="muted">${e.noMails}</p>`;
  return html`<div class="scroll" role="region" tabindex="0" aria-label="${e.mails}"><table class="mails">
    <tr><th scope="col">${e.mailCols.when}</th><th scope="col">${e.mailCols.what}</th><th scope="col">${e.mailCols.item}</th><th scope="col">${e.mailCols.to}</th></tr>
    ${mails.map(
      (g) => html`<tr><td>${g.at ? formatDateTime(g.at, frame.t.lang) : e.atOnce}</td><td>${e.mailKinds[g.kind]}</td><td>${g.itemTitle} — ${g.periodLabel}</td>
        <td>${e.mailCount(g.units.length, g.units.reduce((n, u) => n + u.emails.length, 0))}<ul>${g.units.map((u) => html`<li>${u.name}: ${u.emails.join(', ')}</li>`)}</ul></td></tr>`,
    )}</table></div>`;
}

export function previewPage(frame: Frame, e: EditorText, v: PreviewView): string {
  const base = editorBase(v.programId);
  const body = html`<h1>${e.previewTitle(v.title)}</h1>
    ${v.error ? html`<div class="alert" role="alert" tabindex="-1" id="errors">${v.error}</div>` : ''}
    ${calendar(frame, e, v)}
    <section class="card" aria-labelledby="change-h"><h2 id="change-h">${v.running ? e.change : e.changeNew}</h2><pre class="pre" id="change">${v.change}</pre>
      ${v.reasons.length > 0 ? html`<div class="alert"><strong>${e.confirmNeeded}</strong><ul>${v.reasons.map((r) => html`<li>${r}</li>`)}</ul></div>` : ''}</section>
    <section aria-labelledby="mails-h"><h2 id="mails-h">${e.mails}</h2>${mailsTable(frame, e, v.mails)}</section>
    <details><summary>${e.yaml}</summary><pre class="pre card">${v.yaml}</pre></details>
    ${
      v.unchanged
        ? html`<p class="info">${e.unchanged}</p>`
        : html`<form method="post" action="${base}/apply" class="card">${csrfField(frame.csrf ?? '')}<input type="hidden" name="token" value="${v.token}">
      <label><input type="checkbox" name="confirm" value="yes" required> ${e.confirmBox}</label>
      <p><button type="submit">${e.apply}</button> <a href="${base}">${e.backEditor}</a></p></form>`
    }`;
  return layout(frame, e.previewTitle(v.title), body);
}
