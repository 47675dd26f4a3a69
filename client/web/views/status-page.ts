// The home page of the embedded stack: is everything up, where are the other UIs, and
// which assignments are running (read from Temporal visibility).
import { DateTime } from 'luxon';
import type { AssignmentStatus } from '../../../workflows/assignment/messages';
import { statusLabels } from '../../labels';
import type { Health } from '../health';
import { html, page } from '../html';

export interface AssignmentRow {
  workflowId: string;
  unit: string;
  item: string;
  status: AssignmentStatus | undefined;
  due: Date | undefined;
}

export interface StatusPageData {
  health: Health;
  temporalUiUrl: string;
  inboxUrl: string;
  namespace: string;
  assignments: AssignmentRow[];
}

const checkRow = (name: string, check: { ok: boolean; detail: string }) =>
  html`<tr><th scope="row">${name}</th><td class="${check.ok ? 'ok' : 'bad'}">${check.ok ? 'Hoạt động' : 'Không hoạt động'}</td><td>${check.detail}</td></tr>`;

export function statusPage(data: StatusPageData): string {
  const { health } = data;
  const rows = data.assignments.map(
    (a) => html`<tr>
      <td><a href="${`${data.temporalUiUrl}/namespaces/${encodeURIComponent(data.namespace)}/workflows/${encodeURIComponent(a.workflowId)}`}">${a.workflowId}</a></td>
      <td>${a.unit}</td><td>${a.item}</td>
      <td>${a.status ? statusLabels.vi[a.status] : '—'}</td>
      <td>${a.due ? DateTime.fromJSDate(a.due, { zone: 'Asia/Ho_Chi_Minh' }).toFormat('HH:mm dd/MM/yyyy') : '—'}</td>
    </tr>`,
  );
  return page(
    'dondoc — Tình trạng hệ thống',
    html`<h1>dondoc — Tình trạng hệ thống</h1>
    <table aria-label="Tình trạng các thành phần">
      <tr><th>Thành phần</th><th>Tình trạng</th><th>Chi tiết</th></tr>
      ${checkRow('Máy chủ Temporal', health.temporal)}
      ${checkRow('Worker', health.worker)}
      ${checkRow('Máy chủ thư (SMTP)', health.smtp)}
    </table>
    <h2>Liên kết</h2>
    <ul>
      <li><a href="${data.temporalUiUrl}">Temporal Web UI</a> — lịch sử từng quy trình (audit trail)</li>
      <li><a href="${data.inboxUrl}">Hộp thư thử nghiệm</a> — các thư đã gửi</li>
      <li><a href="/api/health">/api/health</a> — JSON</li>
    </ul>
    <h2>Hồ sơ đang theo dõi</h2>
    ${
      rows.length > 0
        ? html`<table><tr><th>Hồ sơ</th><th>Đơn vị</th><th>Việc</th><th>Trạng thái</th><th>Hạn nộp</th></tr>${rows}</table>`
        : html`<p class="muted">Chưa có hồ sơ nào.</p>`
    }`,
  );
}
