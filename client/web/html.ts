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
