import type { Block, NoticeContent } from './content';

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Escapes and keeps the writer's line breaks (comments are often several lines). */
function escapeLines(value: string): string {
  return escapeHtml(value).replace(/\r?\n/g, '<br>');
}

// Mail clients honour <style> blocks and external CSS unevenly: every style is inline and
// the layout is tables, which is what survives Outlook and webmail alike.
const FONT = "font-family:Arial,'Helvetica Neue',Helvetica,sans-serif;";
const TEXT = '#1f2937';
const MUTED = '#4b5563';
const BANNER = '#7f1d1d';
const ALERT = '#b91c1c';
const ACCENT = '#1d4ed8';

function block(b: Block): string {
  switch (b.kind) {
    case 'paragraph':
      return `<p style="margin:0 0 16px;">${escapeLines(b.text)}</p>`;
    case 'list': {
      const tag = b.ordered ? 'ol' : 'ul';
      return `<${tag} style="margin:0 0 16px;padding-left:24px;">${b.items.map((u) => `<li style="margin:0 0 4px;">${escapeHtml(u)}</li>`).join('')}</${tag}>`;
    }
    case 'quote':
      return `<p style="margin:0 0 4px;font-weight:bold;">${escapeHtml(b.label)}:</p>
<blockquote style="margin:0 0 16px;padding:8px 12px;border-left:4px solid #d97706;background:#fffbeb;">${escapeLines(b.text)}</blockquote>`;
  }
}

export function renderHtml(c: NoticeContent): string {
  const facts = c.facts.length > 0
    ? `<table cellpadding="0" cellspacing="0" style="width:100%;border-collapse:collapse;margin:0 0 20px;font-size:15px;">
${c.facts.map((f) => `<tr><th scope="row" style="text-align:left;vertical-align:top;padding:6px 12px 6px 0;border-bottom:1px solid #e5e7eb;color:${MUTED};font-weight:normal;">${escapeHtml(f.label)}</th><td style="vertical-align:top;padding:6px 0;border-bottom:1px solid #e5e7eb;${f.alert ? `color:${ALERT};font-weight:bold;` : ''}">${escapeHtml(f.value)}</td></tr>`).join('\n')}
</table>`
    : '';
  const action = c.action
    ? `<p style="margin:0 0 8px;"><a href="${escapeHtml(c.action.url)}" style="display:inline-block;padding:12px 20px;background:${ACCENT};color:#ffffff;text-decoration:none;font-weight:bold;border-radius:4px;">${escapeHtml(c.action.label)}</a></p>
<p style="margin:0 0 20px;font-size:13px;color:${MUTED};">${escapeHtml(c.action.fallback)} <a href="${escapeHtml(c.action.url)}" style="color:${ACCENT};word-break:break-all;">${escapeHtml(c.action.url)}</a></p>`
    : '';
  const closing = `<p style="margin:0;">${c.closing.map(escapeHtml).join('<br>')}</p>`;
  const footer = c.footer.map((line) => `<p style="margin:0 0 4px;">${escapeHtml(line)}</p>`).join('\n');

  return `<!DOCTYPE html>
<html lang="${c.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${escapeHtml(c.subject)}</title>
</head>
<body style="margin:0;padding:0;background:#f3f4f6;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f3f4f6;">
<tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:640px;background:#ffffff;border:1px solid #d1d5db;">
<tr><td style="padding:16px 24px;background:${BANNER};color:#ffffff;${FONT}">
<p style="margin:0;font-size:13px;">${escapeHtml(c.sender)}</p>
<h1 style="margin:4px 0 0;font-size:20px;line-height:1.3;font-weight:bold;">${escapeHtml(c.heading)}</h1>
</td></tr>
<tr><td style="padding:24px;${FONT}font-size:16px;line-height:1.5;color:${TEXT};">
<p style="margin:0 0 16px;font-weight:bold;">${escapeHtml(c.greeting)}</p>
${c.body.map(block).join('\n')}
${facts}
${action}
${closing}
</td></tr>
<tr><td style="padding:16px 24px;border-top:1px solid #e5e7eb;${FONT}font-size:13px;line-height:1.4;color:${MUTED};">
${footer}
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;
}
