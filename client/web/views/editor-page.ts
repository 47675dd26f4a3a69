// The units editor's pages: the upload form with the templates, the errors placed on their
// rows and columns, the preview of the change with its mails, and the confirmation.
import type { FieldError, UnitsPreview } from '../editor/preview';
import { html, type SafeHtml } from '../html';
import { programPath } from '../paths';
import { layout, type Frame } from './layout';
import { csrfField, flash } from './parts';

export const editorPath = (programId: string) => `${programPath(programId)}/editor/units`;

export interface EditorView {
  programId: string;
  title: string;
  unitCount: number;
  errors?: FieldError[];
  message?: string;
}

function uploadForm(frame: Frame, view: EditorView): SafeHtml {
  const { t } = frame;
  const base = editorPath(view.programId);
  return html`<p>${t.editor.intro}</p><p>${t.editor.current(view.unitCount)}</p>
    <p><a class="button" href="${base}/template.xlsx">${t.editor.templateXlsx}</a> <a class="button" href="${base}/template.csv">${t.editor.templateCsv}</a></p>
    <form method="post" action="${base}" enctype="multipart/form-data" class="card">
      ${csrfField(frame.csrf ?? '')}
      <label for="file">${t.editor.file}</label><input type="file" id="file" name="file" accept=".xlsx,.csv" required>
      <button type="submit">${t.editor.upload}</button>
    </form>`;
}

export function editorPage(frame: Frame, view: EditorView): string {
  const { t } = frame;
  const errors = view.errors ?? [];
  const body = html`<h1>${t.editor.title(view.title)}</h1>${flash(view.message)}
    ${
      errors.length > 0
        ? html`<div class="alert" role="alert" tabindex="-1" id="errors"><strong>${t.editor.errorsTitle}</strong><ul>${errors.map(
            (e) => html`<li>${e.row !== undefined ? html`<b>${t.editor.row(e.row)}${e.column ? `, ${e.column}` : ''}:</b> ` : ''}${e.message}</li>`,
          )}</ul></div>`
        : ''
    }
    ${uploadForm(frame, view)}
    <p><a href="${programPath(view.programId)}">${t.editor.back}</a></p>`;
  return layout(frame, t.editor.title(view.title), body);
}

export function previewPage(frame: Frame, view: { programId: string; title: string; preview: UnitsPreview; draft: string; names: Map<string, string> }): string {
  const { t } = frame;
  const { preview } = view;
  const list = (ids: string[]) => (ids.length === 0 ? html`<p class="muted">${t.editor.none}</p>` : html`<ul>${ids.map((id) => html`<li>${view.names.get(id) ?? id}</li>`)}</ul>`);
  const occurrences =
    preview.occurrences.length === 0
      ? html`<p class="muted">${t.editor.noOccurrences}</p>`
      : html`<div class="scroll" role="region" tabindex="0" aria-label="${t.editor.occurrences}"><table>
      <tr><th scope="col">${t.office.item}</th><th scope="col">${t.office.period}</th><th scope="col">${t.editor.unitsAdded}</th><th scope="col">${t.editor.unitsRemoved}</th><th scope="col">${t.editor.mailsCol}</th></tr>
      ${preview.occurrences.map((o) => {
        const mails =
          o.status === 'started'
            ? [o.added.length > 0 ? t.editor.mailsNow(o.added.reduce((n, a) => n + a.emails.length, 0)) : '', o.removed.length > 0 ? t.editor.cancelNow(o.removed.reduce((n, a) => n + a.emails.length, 0)) : ''].filter(Boolean).join('; ')
            : o.status === 'scheduled'
              ? t.editor.mailsLater
              : t.editor.notStarted;
        return html`<tr><td>${o.itemTitle}</td><td>${o.periodLabel}</td><td>${o.added.map((a) => a.unitName).join(', ')}</td><td>${o.removed.map((a) => a.unitName).join(', ')}</td><td>${mails}</td></tr>`;
      })}
    </table></div>`;
  const base = editorPath(view.programId);
  const body = html`<h1>${t.editor.previewTitle}</h1><p>${view.title}</p>
    <section class="card"><h2>${t.editor.unitsAdded}</h2>${list(preview.added)}<h2>${t.editor.unitsRemoved}</h2>${list(preview.removed)}<h2>${t.editor.unitsChanged}</h2>${list(preview.changed)}</section>
    <section><h2>${t.editor.occurrences}</h2>${occurrences}</section>
    ${preview.warnings.length > 0 ? html`<ul class="muted">${preview.warnings.map((w) => html`<li>${w}</li>`)}</ul>` : ''}
    <details><summary>${t.editor.yaml}</summary><pre class="pre card">${preview.yaml}</pre></details>
    <form method="post" action="${base}/apply" class="card">${csrfField(frame.csrf ?? '')}<input type="hidden" name="draft" value="${view.draft}">
      <p>${t.editor.confirmNote}</p><button type="submit">${t.editor.confirm}</button> <a href="${base}">${t.editor.cancel}</a></form>`;
  return layout(frame, t.editor.previewTitle, body);
}
