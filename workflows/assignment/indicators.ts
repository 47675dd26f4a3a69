// Checks the figures a unit submits against the item's indicator fields: required ones
// present, numbers as numbers, choices among the allowed values. Pure; used by the submit
// validator so a bad form is refused before anything is recorded.
import type { IndicatorField } from './messages';

export function checkIndicators(fields: IndicatorField[], values: Record<string, number | string>): void {
  const problems: string[] = [];
  const known = new Set(fields.map((f) => f.id));
  for (const key of Object.keys(values)) {
    if (!known.has(key)) problems.push(`chỉ tiêu "${key}" không có trong biểu mẫu (unknown indicator)`);
  }
  for (const field of fields) {
    const value = values[field.id];
    if (value === undefined || value === '') {
      if (field.required) problems.push(`thiếu chỉ tiêu "${field.label}" (required)`);
      continue;
    }
    if (field.type === 'number' && (typeof value !== 'number' || !Number.isFinite(value))) {
      problems.push(`chỉ tiêu "${field.label}" phải là số (must be a number)`);
    }
    if (field.type === 'choice' && !(field.choices ?? []).includes(String(value))) {
      problems.push(`chỉ tiêu "${field.label}" phải là một trong: ${(field.choices ?? []).join(', ')}`);
    }
    if (field.type === 'text' && String(value).length > 2000) problems.push(`chỉ tiêu "${field.label}" quá dài (too long)`);
  }
  if (problems.length > 0) throw new Error(problems.join('; '));
}
