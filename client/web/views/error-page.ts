// A page that says what went wrong and what to do, and shows no data: used for refused
// links, missing assignments, upload limits, CSRF failures and server errors.
import { html } from '../html';
import { layout, type Frame } from './layout';

export function errorPage(frame: Frame, title: string, body: string, back?: string): string {
  return layout(
    frame,
    title,
    html`<h1>${title}</h1><div class="card"><p>${body}</p>${back ? html`<p><a href="${back}">${frame.t.errors.back}</a></p>` : ''}</div>`,
  );
}
