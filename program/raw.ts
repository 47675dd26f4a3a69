// Safe reads of the parsed YAML before (or without) schema validation: the semantic checks
// run on whatever parts are there, so one pass can report everything.

export type Raw = Record<string, unknown>;

export function rec(v: unknown): Raw | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Raw) : undefined;
}

export function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

export function strings(v: unknown): Array<{ value: string; index: number }> {
  return arr(v).flatMap((x, index) => (typeof x === 'string' ? [{ value: x, index }] : []));
}
