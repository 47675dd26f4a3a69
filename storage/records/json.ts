// Small helpers for rows: nullable columns to optional properties (exactOptionalPropertyTypes
// forbids `prop: undefined`), flags to 0/1, and JSON columns.

/** `{ [key]: value }` when the column is not null, `{}` otherwise: spread into a record. */
export function opt<K extends string, V>(key: K, value: V | null | undefined): { [P in K]?: V } {
  return (value === null || value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

export const flag = (b: boolean): number => (b ? 1 : 0);
export const isSet = (n: number | string | boolean): boolean => Number(n) === 1 || n === true;

export function parseJson<T>(text: string): T {
  return JSON.parse(text) as T;
}
