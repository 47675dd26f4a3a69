// The home page of the embedded stack: is everything up, where are the other UIs, and
// where to sign in. It is public, so it shows no assignment data.
import type { Health } from '../health';
import { html } from '../html';
import { layout, type Frame } from './layout';

export interface StatusPageData {
  health: Health;
  temporalUiUrl: string;
  inboxUrl: string;
}

const checkRow = (name: string, check: { ok: boolean; detail: string }, en: boolean) =>
  html`<tr><th scope="row">${name}</th><td class="${check.ok ? 'ok' : 'bad'}">${check.ok ? (en ? 'Up' : 'Hoạt động') : en ? 'Down' : 'Không hoạt động'}</td><td>${check.detail}</td></tr>`;

export function statusPage(frame: Frame, data: StatusPageData): string {
  const { health } = data;
  const en = frame.t.lang === 'en';
  const title = frame.t.status_page.title;
  return layout(
    frame,
    title,
    html`<h1>${title}</h1>
    <table aria-label="${en ? 'Components' : 'Tình trạng các thành phần'}">
      <tr><th scope="col">${en ? 'Component' : 'Thành phần'}</th><th scope="col">${en ? 'State' : 'Tình trạng'}</th><th scope="col">${en ? 'Detail' : 'Chi tiết'}</th></tr>
      ${checkRow(en ? 'Temporal server' : 'Máy chủ Temporal', health.temporal, en)}
      ${checkRow('Worker', health.worker, en)}
      ${checkRow(en ? 'Mail server (SMTP)' : 'Máy chủ thư (SMTP)', health.smtp, en)}
    </table>
    <h2>${en ? 'Links' : 'Liên kết'}</h2>
    <ul>
      <li><a href="/login">${frame.t.login.title}</a> — ${en ? 'standing office and chair' : 'cơ quan thường trực, lãnh đạo Ban'}</li>
      <li><a href="${data.temporalUiUrl}">Temporal Web UI</a> — ${en ? 'history of every workflow (audit trail)' : 'lịch sử từng quy trình (audit trail)'}</li>
      <li><a href="${data.inboxUrl}">${en ? 'Test inbox' : 'Hộp thư thử nghiệm'}</a> — ${en ? 'mail sent' : 'các thư đã gửi'}</li>
      <li><a href="/api/health">/api/health</a> — JSON · <a href="/api/openapi.json">/api/openapi.json</a> — API</li>
    </ul>`,
  );
}
