import { DateTime } from 'luxon';
import type { SunkMessage } from './types';

// The product serves Vietnamese offices, so times read the way its users read them,
// whatever zone the developer's machine is in.
const DISPLAY_ZONE = 'Asia/Ho_Chi_Minh';

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export function renderInboxPage(messages: readonly SunkMessage[]): string {
  const newestFirst = [...messages].reverse();
  const items = newestFirst.map((m) => `
      <li><a href="/messages/${m.id}">
        <span class="subject">${escapeHtml(m.subject || '(không có tiêu đề)')}</span>
        <span class="meta">${time(m.receivedAt)} · Từ: ${escapeHtml(m.from)} · Đến: ${escapeHtml(recipients(m))}</span>
      </a></li>`);
  const body = `
    <header>
      <h1>Hộp thư thử nghiệm</h1>
      <p class="meta">${messages.length} thư · mới nhất ở trên · <a href="/api/messages">JSON</a></p>
      <form method="post" action="/clear"><button type="submit">Xoá tất cả thư</button></form>
    </header>
    ${messages.length === 0 ? '<p class="empty">Chưa có thư nào.</p>' : `<ul class="inbox">${items.join('')}\n    </ul>`}`;
  return page('Hộp thư thử nghiệm', body);
}

export function renderMessagePage(m: SunkMessage): string {
  const facts: [string, string][] = [
    ['Từ', m.headers['from'] ?? m.from],
    ['Đến', m.headers['to'] ?? m.to.join(', ')],
    ...(m.cc.length > 0 ? [['Cc', m.headers['cc'] ?? m.cc.join(', ')] as [string, string]] : []),
    ['Người nhận (phong bì)', m.envelopeTo.join(', ')],
    ['Ngày gửi', `${localTime(m.date)} (${m.date})`],
    ['Nhận lúc', `${localTime(m.receivedAt)} (${m.receivedAt})`],
    ['Message-ID', m.messageId],
  ];
  const factRows = facts.map(([k, v]) => `<tr><th scope="row">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`);
  const attachments = m.attachments.map(
    (a) => `<li>${escapeHtml(a.filename || '(không tên)')} <span class="meta">${escapeHtml(a.contentType)}, ${a.size} byte</span></li>`,
  );
  const headerRows = Object.entries(m.headers).map(
    ([k, v]) => `<tr><th scope="row">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`,
  );
  const body = `
    <p><a href="/">← Hộp thư</a> · <a href="/api/messages/${m.id}">JSON</a></p>
    <h1>${escapeHtml(m.subject || '(không có tiêu đề)')}</h1>
    <table class="facts">${factRows.join('')}</table>
    ${attachments.length > 0 ? `<h2>Tệp đính kèm</h2><ul>${attachments.join('')}</ul>` : ''}
    <h2>Nội dung văn bản</h2>
    ${m.text ? `<pre>${escapeHtml(m.text)}</pre>` : '<p class="empty">Không có phần văn bản.</p>'}
    <h2>Nội dung HTML</h2>
    ${m.html
      // sandbox="" gives the mail no scripts, forms, navigation or origin; srcdoc keeps it
      // off the network path entirely, and escaping the attribute keeps it inside the frame.
      ? `<iframe title="Nội dung HTML của thư" sandbox="" referrerpolicy="no-referrer" srcdoc="${escapeHtml(m.html)}"></iframe>`
      : '<p class="empty">Không có phần HTML.</p>'}
    <details><summary>Tất cả tiêu đề thư (headers)</summary><table class="facts">${headerRows.join('')}</table></details>`;
  return page(m.subject || 'Thư', body);
}

export function renderNotFoundPage(): string {
  return page('Không tìm thấy', '<p><a href="/">← Hộp thư</a></p><h1>Không tìm thấy thư</h1><p>Thư này không có hoặc đã bị xoá.</p>');
}

function recipients(m: SunkMessage): string {
  const list = m.to.length > 0 ? m.to : m.envelopeTo;
  return list.join(', ');
}

function localTime(iso: string): string {
  return DateTime.fromISO(iso).setZone(DISPLAY_ZONE).toFormat('HH:mm:ss dd/MM/yyyy');
}

function time(iso: string): string {
  return `<time datetime="${escapeHtml(iso)}">${escapeHtml(localTime(iso))}</time>`;
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="vi">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(title)}</title>
  <style>
    body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0 auto; padding: 1rem; max-width: 60rem; color: #1f2328; background: #fff; }
    h1 { font-size: 1.4rem; margin: .5rem 0; overflow-wrap: anywhere; }
    h2 { font-size: 1.1rem; margin-top: 1.5rem; }
    a { color: #0b57d0; }
    .meta { color: #57606a; font-size: .9rem; }
    .empty { color: #57606a; font-style: italic; }
    header form { margin: .5rem 0 1rem; }
    button { font: inherit; padding: .3rem .8rem; border: 1px solid #d0d7de; border-radius: 6px; background: #f6f8fa; cursor: pointer; }
    .inbox { list-style: none; padding: 0; margin: 0; border-top: 1px solid #d0d7de; }
    .inbox a { display: block; padding: .6rem .25rem; border-bottom: 1px solid #d0d7de; text-decoration: none; color: inherit; }
    .inbox a:hover, .inbox a:focus { background: #f6f8fa; }
    .inbox .subject { display: block; font-weight: 600; overflow-wrap: anywhere; }
    .inbox .meta { display: block; overflow-wrap: anywhere; }
    .facts { border-collapse: collapse; width: 100%; }
    .facts th, .facts td { text-align: left; vertical-align: top; padding: .25rem .5rem; border-bottom: 1px solid #eaeef2; overflow-wrap: anywhere; }
    .facts th { white-space: nowrap; color: #57606a; font-weight: 500; width: 1%; }
    pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #f6f8fa; padding: .75rem; border-radius: 6px; font-size: .9rem; }
    iframe { width: 100%; height: 70vh; border: 1px solid #d0d7de; border-radius: 6px; }
    details { margin-top: 1.5rem; }
  </style>
</head>
<body>
${body}
</body>
</html>
`;
}
