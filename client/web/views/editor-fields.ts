// Form pieces of the program editor: a labelled field with its errors beside it (tied to it
// by aria-describedby, so a screen reader reads them with the field), select boxes and
// check lists. Plain HTML: the forms work without any script, on any connection.
import { html, type SafeHtml } from '../html';

export type Errors = Map<string, string[]>;

export function pushError(errors: Errors, key: string, message: string): void {
  const list = errors.get(key) ?? [];
  if (!list.includes(message)) list.push(message);
  errors.set(key, list);
}

const idOf = (name: string) => `f-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;

export function fieldErrors(errors: Errors, key: string): SafeHtml | '' {
  const list = errors.get(key);
  if (!list || list.length === 0) return '';
  return html`<span class="bad field-error" id="${idOf(key)}-err">${list.map((m, i) => html`${i > 0 ? html`<br>` : ''}${m}`)}</span>`;
}

const describedBy = (errors: Errors, key: string, hint?: string) => {
  const ids = [hint ? `${idOf(key)}-hint` : '', errors.get(key)?.length ? `${idOf(key)}-err` : ''].filter(Boolean).join(' ');
  return ids ? html` aria-describedby="${ids}"` : '';
};

const invalid = (errors: Errors, key: string) => (errors.get(key)?.length ? html` aria-invalid="true"` : '');

export function textField(o: { label: string; name: string; value: string; errors: Errors; errorKey?: string; hint?: string | undefined; type?: string; required?: boolean; readonly?: boolean }): SafeHtml {
  const key = o.errorKey ?? o.name;
  return html`<label for="${idOf(o.name)}">${o.label}${o.hint ? html`<span class="hint" id="${idOf(key)}-hint">${o.hint}</span>` : ''}</label>
    <input type="${o.type ?? 'text'}" id="${idOf(o.name)}" name="${o.name}" value="${o.value}"${o.required ? html` required` : ''}${o.readonly ? html` readonly` : ''}${describedBy(o.errors, key, o.hint)}${invalid(o.errors, key)}>
    ${fieldErrors(o.errors, key)}`;
}

export function selectField(o: { label: string; name: string; value: string; options: [string, string][]; errors: Errors; errorKey?: string; hint?: string | undefined }): SafeHtml {
  const key = o.errorKey ?? o.name;
  return html`<label for="${idOf(o.name)}">${o.label}${o.hint ? html`<span class="hint" id="${idOf(key)}-hint">${o.hint}</span>` : ''}</label>
    <select id="${idOf(o.name)}" name="${o.name}"${describedBy(o.errors, key, o.hint)}${invalid(o.errors, key)}>${o.options.map(([v, text]) => html`<option value="${v}"${v === o.value ? html` selected` : ''}>${text}</option>`)}</select>
    ${fieldErrors(o.errors, key)}`;
}

/** A bare control for tables and rows, labelled by `label` for assistive technology. */
export function cellInput(name: string, value: string, label: string, errors: Errors, errorKey: string, type = 'text'): SafeHtml {
  return html`<input type="${type}" name="${name}" value="${value}" aria-label="${label}"${describedBy(errors, errorKey)}${invalid(errors, errorKey)}>${fieldErrors(errors, errorKey)}`;
}

export function cellSelect(name: string, value: string, label: string, options: [string, string][]): SafeHtml {
  return html`<select name="${name}" aria-label="${label}">${options.map(([v, text]) => html`<option value="${v}"${v === value ? html` selected` : ''}>${text}</option>`)}</select>`;
}

export function checkList(o: { legend: string; name: string; values: string[]; options: [string, string][]; errors: Errors; errorKey?: string; hint?: string | undefined }): SafeHtml {
  const key = o.errorKey ?? o.name;
  return html`<fieldset class="columns"${describedBy(o.errors, key, o.hint)}><legend>${o.legend}</legend>${o.hint ? html`<span class="hint" id="${idOf(key)}-hint">${o.hint}</span>` : ''}
    ${o.options.map(([v, text]) => html`<label><input type="checkbox" name="${o.name}" value="${v}"${o.values.includes(v) ? html` checked` : ''}> ${text}</label>`)}
    ${fieldErrors(o.errors, key)}</fieldset>`;
}

export function checkbox(name: string, checked: boolean, label: string, errors: Errors, errorKey = name): SafeHtml {
  return html`<label><input type="checkbox" name="${name}"${checked ? html` checked` : ''}${describedBy(errors, errorKey)}> ${label}</label>${fieldErrors(errors, errorKey)}`;
}

/** Errors that belong to no field of the form, at the top. */
export function otherErrors(title: string, messages: string[]): SafeHtml {
  return html`<div class="alert" role="alert" tabindex="-1" id="errors"><strong>${title}</strong>${messages.length > 0 ? html`<ul>${messages.map((m) => html`<li>${m}</li>`)}</ul>` : ''}</div>`;
}
