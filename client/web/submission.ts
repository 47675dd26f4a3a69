// Turns a unit's form fields into the workflow's argument shapes, checked with the
// workflow's own zod schemas, so a bad form is answered on the page with readable errors
// before anything reaches Temporal.
import type { StoredFile } from '../../storage/file-store';
import {
  requestExemptionArgsSchema,
  requestExtensionArgsSchema,
  submitArgsSchema,
  type IndicatorField,
  type RequestExemptionArgs,
  type RequestExtensionArgs,
  type SubmitArgs,
} from '../../workflows/assignment/messages';
import { parseLocalDateTime } from './format';

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: string[] };

function issues(error: { issues: { message: string }[] }): string[] {
  return error.issues.map((i) => i.message);
}

/** Indicator inputs arrive as `ind.<id>` strings; numbers become numbers, empty ones are left out. */
export function indicatorValues(fields: IndicatorField[], form: Record<string, unknown>): Checked<Record<string, number | string>> {
  const values: Record<string, number | string> = {};
  const errors: string[] = [];
  for (const field of fields) {
    const raw = form[`ind.${field.id}`];
    const text = typeof raw === 'string' ? raw.trim() : '';
    if (text === '') {
      if (field.required) errors.push(`${field.label}: bắt buộc (required)`);
      continue;
    }
    if (field.type === 'number') {
      // Number inputs submit a dot decimal; a comma typed into a text fallback is one too.
      const n = Number(text.replace(',', '.'));
      if (!Number.isFinite(n)) errors.push(`${field.label}: phải là số (must be a number)`);
      else values[field.id] = n;
    } else if (field.type === 'choice' && !(field.choices ?? []).includes(text)) {
      errors.push(`${field.label}: giá trị không hợp lệ (not one of the choices)`);
    } else {
      values[field.id] = text;
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: values };
}

export function submission(form: Record<string, unknown>, indicators: IndicatorField[], files: StoredFile[]): Checked<SubmitArgs> {
  const figures = indicatorValues(indicators, form);
  const submittedBy = typeof form.submittedBy === 'string' && form.submittedBy.trim() ? form.submittedBy.trim() : undefined;
  const parsed = submitArgsSchema.safeParse({
    content: typeof form.content === 'string' ? form.content : '',
    ...(submittedBy ? { submittedBy } : {}),
    attachments: files.map((f) => ({ name: f.name, ref: f.ref, size: f.size, contentType: f.contentType })),
    indicators: figures.ok ? figures.value : {},
  });
  const errors = [...(parsed.success ? [] : issues(parsed.error)), ...(figures.ok ? [] : figures.errors)];
  return errors.length > 0 || !parsed.success ? { ok: false, errors } : { ok: true, value: parsed.data };
}

export function extensionRequest(form: Record<string, unknown>): Checked<RequestExtensionArgs> {
  const proposed = typeof form.proposedDue === 'string' && form.proposedDue !== '' ? parseLocalDateTime(form.proposedDue) : undefined;
  if (typeof form.proposedDue === 'string' && form.proposedDue !== '' && proposed === undefined) return { ok: false, errors: ['Hạn đề xuất không hợp lệ (invalid date)'] };
  const requestedBy = typeof form.requestedBy === 'string' && form.requestedBy.trim() ? form.requestedBy.trim() : undefined;
  const parsed = requestExtensionArgsSchema.safeParse({ reason: form.reason ?? '', ...(proposed ? { proposedDueAt: proposed } : {}), ...(requestedBy ? { requestedBy } : {}) });
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: issues(parsed.error) };
}

export function exemptionRequest(form: Record<string, unknown>): Checked<RequestExemptionArgs> {
  const requestedBy = typeof form.requestedBy === 'string' && form.requestedBy.trim() ? form.requestedBy.trim() : undefined;
  const parsed = requestExemptionArgsSchema.safeParse({ reason: form.reason ?? '', ...(requestedBy ? { requestedBy } : {}) });
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: issues(parsed.error) };
}
