// Building visibility queries from values that come from URLs. Ids in dondoc are slugs;
// anything with a quote or a backslash is refused rather than escaped, so no input can
// change the shape of a query.
export class BadQueryValue extends Error {
  override name = 'BadQueryValue';
}

const SAFE = /^[\p{L}\p{N} ._:/@+-]{0,200}$/u;

export function isSafeValue(value: string): boolean {
  return SAFE.test(value);
}

export function lit(value: string): string {
  if (!isSafeValue(value)) throw new BadQueryValue(`giá trị không hợp lệ (invalid value): ${value.slice(0, 40)}`);
  return `'${value}'`;
}

export const ASSIGNMENTS = `WorkflowType = 'assignmentWorkflow'`;

export function programQuery(programId: string): string {
  return `${ASSIGNMENTS} AND DondocProgram = ${lit(programId)}`;
}

export interface Column {
  itemId: string;
  period: string;
}

export function columnKey(c: Column): string {
  return `${c.itemId}|${c.period}`;
}

export function parseColumnKey(key: string): Column | undefined {
  const i = key.indexOf('|');
  if (i <= 0) return undefined;
  const column = { itemId: key.slice(0, i), period: key.slice(i + 1) };
  return isSafeValue(column.itemId) && isSafeValue(column.period) ? column : undefined;
}

export function columnClause(c: Column): string {
  // Stand-alone assignments have no period: the attribute is empty or was never set.
  const period = c.period === '' ? `(DondocPeriod = '' OR DondocPeriod IS NULL)` : `DondocPeriod = ${lit(c.period)}`;
  return `(DondocItem = ${lit(c.itemId)} AND ${period})`;
}

export function anyColumn(columns: Column[]): string {
  return `(${columns.map(columnClause).join(' OR ')})`;
}
