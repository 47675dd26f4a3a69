// A tagged template that escapes every interpolated value unless it is already markup
// produced by this same tag, so pages cannot forget to escape user-provided text.

const MARK = Symbol('safe-html');

export interface SafeHtml {
  readonly [MARK]: true;
  readonly value: string;
}

function safe(value: string): SafeHtml {
  return { [MARK]: true, value };
}

/** Markup written by us, not derived from input (the inlined stylesheet): passed through as is. */
export function raw(constant: string): SafeHtml {
  return safe(constant);
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function render(value: unknown): string {
  if (value === undefined || value === null || value === false) return '';
  if (Array.isArray(value)) return value.map(render).join('');
  if (typeof value === 'object' && MARK in value) return (value as SafeHtml).value;
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += render(v) + (strings[i + 1] ?? '');
  });
  return safe(out);
}

export function page(title: string, body: SafeHtml, lang: 'vi' | 'en' = 'vi'): string {
  return `<!doctype html>${html`<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title><style>${safe(STYLE)}</style></head><body><main>${body}</main></body></html>`.value}`;
}

const STYLE = `
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1a1a1a;background:#f6f7f9}
main{max-width:60rem;margin:0 auto;padding:1rem}
h1{font-size:1.4rem;margin:.5rem 0 1rem}
h2{font-size:1.1rem;margin:1.5rem 0 .5rem}
table{border-collapse:collapse;width:100%;background:#fff}
th,td{border:1px solid #d0d4da;padding:.4rem .6rem;text-align:left;vertical-align:top}
th{background:#eef1f5}
.ok{color:#0a6b2d;font-weight:600}.bad{color:#a3140b;font-weight:600}
a{color:#0b4fa3}
.muted{color:#555;font-size:.9rem}
`;
