// The units part of the program editor: the upload form with the templates (the draft's
// units), and the errors placed on their rows and columns. A valid file goes into the draft;
// the editor's preview shows what applying it would change and send.
import { html, type SafeHtml } from '../html';
import { programPath } from '../paths';
import { layout, type Frame } from './layout';
import { csrfField, flash } from './parts';

/** The editor of a program (linked from its dashboard). */
export const editorPath = (programId: string) => `${programPath(programId)}/editor`;
export const unitsEditorPath = (programId: string) => `${editorPath(programId)}/units`;

export interface FieldError {
  /** Row in the uploaded file, when the error is about one unit. */
  row?: number;
  column?: string;
  message: string;
}

export interface EditorView {
  programId: string;
  title: string;
  unitCount: number;
  errors?: FieldError[];
  message?: string;
  backText?: string;
}

function uploadForm(frame: Frame, view: EditorView): SafeHtml {
  const { t } = frame;
  const base = unitsEditorPath(view.programId);
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
    <p><a href="${editorPath(view.programId)}">${view.backText ?? t.editor.back}</a></p>`;
  return layout(frame, t.editor.title(view.title), body);
}
