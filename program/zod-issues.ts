// zod issues as findings a clerk can act on: Vietnamese first, the English gist after,
// always saying what was expected. Unions are unwrapped to the branch the clerk meant
// (a map under `due:` is an offset, not a date), and unknown keys get "did you mean".
import type { z } from 'zod';
import { error, type Finding, type PathSegment } from './errors';
import { closest, didYouMean } from './suggest';

/** Marks zod's own English messages, so that only those are rewritten. */
export const DEFAULT_MESSAGE = '\u0000default';
export const errorMap = (): string => DEFAULT_MESSAGE;
const MISSING = '\u0000missing';

type Issue = z.core.$ZodIssue & { input?: unknown };

const TYPE_VI: Record<string, string> = {
  string: 'chuỗi văn bản (string)',
  number: 'số (number)',
  int: 'số nguyên (integer)',
  boolean: 'true hoặc false (boolean)',
  array: 'danh sách các dòng "- …" (list)',
  object: 'bảng "khóa: giá trị" (map)',
};

function describeInput(input: unknown): string {
  if (input === null) return 'để trống (empty)';
  if (Array.isArray(input)) return 'một danh sách (a list)';
  if (typeof input === 'object') return 'một bảng (a map)';
  if (typeof input === 'string') return `"${input}"`;
  return String(input);
}

function lastKey(path: readonly PathSegment[]): string {
  const k = path[path.length - 1];
  return k === undefined ? '' : String(k);
}

export function issueToFindings(issue: Issue, root: z.ZodType, value: unknown, prefix: PathSegment[] = []): Finding[] {
  const path: PathSegment[] = [...prefix, ...(issue.path as PathSegment[])];
  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = knownKeys(root, path, value);
      return issue.keys.map((key) => {
        const best = closest(key, known);
        if (best === undefined) {
          // "label: Số người chết, mất tích" inside { … } splits at the comma: the stray
          // "key" is then a piece of Vietnamese text, not a misspelt key.
          if (/[\s\u0080-\uffff]/.test(key)) {
            return error(
              [...path, key],
              `khóa không hợp lệ "${key}" — có thể do dấu phẩy trong một chuỗi chưa đặt trong ngoặc kép, ví dụ label: "Số người chết, mất tích" (unknown key; quote text that contains commas)`,
              true,
            );
          }
          return error([...path, key], `khóa không hợp lệ "${key}"; các khóa hợp lệ ở đây: ${known.join(', ')} (unknown key)`, true);
        }
        const f = error([...path, key], `khóa không hợp lệ "${key}" — có phải "${best}"? (unknown key; did you mean "${best}"?)`, true);
        return { ...f, suggestion: best };
      });
    }
    case 'invalid_union':
      return unionFindings(issue, root, value, path);
    default:
      break;
  }
  if (issue.message !== DEFAULT_MESSAGE) return [error(path, issue.message)];
  const message = defaultMessage(issue, path);
  if (message.startsWith(MISSING)) return [{ ...error(path, message.slice(MISSING.length)), missingKey: true }];
  return [error(path, message)];
}

function defaultMessage(issue: Issue, path: readonly PathSegment[]): string {
  switch (issue.code) {
    case 'invalid_type': {
      const expected = TYPE_VI[issue.expected] ?? issue.expected;
      if (issue.input === undefined) {
        return MISSING + `thiếu khóa bắt buộc "${lastKey(path)}": cần ${expected} (missing required key "${lastKey(path)}")`;
      }
      return `phải là ${expected}, không phải ${describeInput(issue.input)} (expected ${issue.expected})`;
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'array') return `danh sách cần ít nhất ${min} phần tử (expected at least ${min} entries)`;
      if (issue.origin === 'string') return `cần ít nhất ${min} ký tự (expected at least ${min} characters)`;
      return `phải lớn hơn hoặc bằng ${min} (expected a number >= ${min})`;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'array') return `danh sách có tối đa ${max} phần tử (expected at most ${max} entries)`;
      if (issue.origin === 'string') return `tối đa ${max} ký tự (expected at most ${max} characters)`;
      return `phải nhỏ hơn hoặc bằng ${max} (expected a number <= ${max})`;
    }
    case 'invalid_value': {
      const values = issue.values.map((v) => String(v));
      const got = issue.input === undefined ? '' : ` ${describeInput(issue.input)}`;
      const hint = typeof issue.input === 'string' ? didYouMean(issue.input, values) : '';
      return `giá trị không hợp lệ${got}${hint}; phải là một trong: ${values.join(', ')} (expected one of: ${values.join(' | ')})`;
    }
    case 'invalid_format':
      return `định dạng không hợp lệ, cần ${issue.format} (invalid format, expected ${issue.format})`;
    case 'not_multiple_of':
      return `phải là bội số của ${String(issue.divisor)} (expected a multiple of ${String(issue.divisor)})`;
    default:
      return `giá trị không hợp lệ (invalid value)`;
  }
}

function unionFindings(issue: Extract<Issue, { code: 'invalid_union' }>, root: z.ZodType, value: unknown, path: PathSegment[]): Finding[] {
  const disc = (issue as { discriminator?: string }).discriminator;
  if (disc !== undefined) {
    const options = ((issue as { options?: unknown[] }).options ?? []).map(String);
    const input = getIn(value, path);
    if (input === undefined) {
      return [error(path, `thiếu khóa bắt buộc "${disc}": một trong ${options.join(', ')} (missing "${disc}")`)];
    }
    const hint = typeof input === 'string' ? didYouMean(input, options) : '';
    return [
      error(path, `"${disc}" không hợp lệ ${describeInput(input)}${hint}; phải là một trong: ${options.join(', ')} (expected one of: ${options.join(' | ')})`),
    ];
  }
  // Keep the branches whose type matched (a map given where a map is allowed): their
  // issues are what the clerk needs. If none matched, say which types were expected.
  const branches = issue.errors as Issue[][];
  const matched = branches.filter((b) => !b.some((i) => i.path.length === 0 && i.code === 'invalid_type'));
  const chosen = matched[0];
  if (chosen) return chosen.flatMap((i) => issueToFindings(i, root, value, path));
  const expected = new Set<string>();
  for (const b of branches) for (const i of b) if (i.code === 'invalid_type' && i.path.length === 0) expected.add(i.expected);
  const input = getIn(value, path);
  if (expected.has('string') && expected.has('object')) {
    return [
      error(
        path,
        `phải là một ngày YYYY-MM-DD hoặc một bảng như { workingDays: 5, after: closing }, không phải ${describeInput(input)} (expected a date or an offset)`,
      ),
    ];
  }
  const list = [...expected].map((t) => TYPE_VI[t] ?? t).join(' hoặc ');
  return [error(path, `phải là ${list}, không phải ${describeInput(input)} (expected ${[...expected].join(' or ')})`)];
}

export function getIn(value: unknown, path: readonly PathSegment[]): unknown {
  let v = value;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}

// --- the keys an object schema allows at a path, for "did you mean" -------------------

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  options?: z.ZodType[];
  discriminator?: string;
  values?: unknown[];
}

function def(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

function unwrap(schema: z.ZodType): z.ZodType[] {
  const d = def(schema);
  if (d.innerType) return unwrap(d.innerType);
  if (d.type === 'pipe' && d.in) return unwrap(d.in);
  if (d.type === 'union' && d.options) return d.options.flatMap(unwrap);
  return [schema];
}

function matches(schema: z.ZodType, value: unknown): boolean {
  const d = def(schema);
  if (d.type === 'object') {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
    for (const [k, s] of Object.entries(d.shape ?? {})) {
      const lit = def(s);
      if (lit.type === 'literal' && lit.values && k in value) {
        if (!lit.values.includes((value as Record<string, unknown>)[k])) return false;
      }
    }
    return true;
  }
  if (d.type === 'array') return Array.isArray(value);
  return false;
}

function knownKeys(root: z.ZodType, path: readonly PathSegment[], value: unknown): string[] {
  let schemas = unwrap(root);
  let v = value;
  for (const seg of path) {
    const next: z.ZodType[] = [];
    const fitting = schemas.filter((s) => matches(s, v));
    for (const s of fitting.length > 0 ? fitting : schemas) {
      const d = def(s);
      if (d.type === 'object' && typeof seg === 'string' && d.shape?.[seg]) next.push(...unwrap(d.shape[seg]));
      if (d.type === 'array' && typeof seg === 'number' && d.element) next.push(...unwrap(d.element));
    }
    schemas = next;
    v = v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[seg] : undefined;
  }
  const fitting = schemas.filter((s) => matches(s, v));
  const keys = new Set<string>();
  for (const s of fitting.length > 0 ? fitting : schemas) {
    const d = def(s);
    if (d.type === 'object') for (const k of Object.keys(d.shape ?? {})) keys.add(k);
  }
  return [...keys];
}
