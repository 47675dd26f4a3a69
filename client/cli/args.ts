// Argument helpers shared by the commands: node's parseArgs with errors as UsageError,
// zod checks with the flag named, and dates written the way offices write them.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { DateTime } from 'luxon';
import type { z } from 'zod';
import { UsageError } from './command';

export function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T, allowPositionals = true) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true, allowNegative: false });
  } catch (err) {
    throw new UsageError(`${(err as Error).message.split('\n')[0]} (xem --help)`);
  }
}

export function check<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => `${[what, ...i.path].join('.')}: ${i.message}`);
  throw new UsageError(issues.join('; '));
}

/**
 * A due as written by a person: an ISO instant with offset, "YYYY-MM-DD HH:mm", or
 * "YYYY-MM-DD" (17:00, the end of an office day), read in the program's time zone.
 */
export function parseDue(text: string, timeZone: string, flag = '--due'): string {
  const trimmed = text.trim();
  const withZone = /[zZ]|[+-]\d\d:?\d\d$/.test(trimmed);
  const normalized = trimmed.replace(' ', 'T');
  const dt = withZone
    ? DateTime.fromISO(normalized, { setZone: true })
    : DateTime.fromISO(/^\d{4}-\d{2}-\d{2}$/.test(normalized) ? `${normalized}T17:00` : normalized, { zone: timeZone });
  if (!dt.isValid) {
    throw new UsageError(`${flag} "${text}": cần ngày giờ dạng YYYY-MM-DD HH:mm hoặc ISO 8601 (expected a date and time)`);
  }
  return dt.setZone(timeZone).toISO({ suppressMilliseconds: true })!;
}

export function requirePositional(positionals: string[], index: number, name: string): string {
  const value = positionals[index];
  if (value === undefined || value === '') throw new UsageError(`thiếu tham số <${name}> (missing <${name}>)`);
  return value;
}
