// Argument parsing shared by the `dondoc calendar …` commands: node's parseArgs (with
// negative numbers kept as positionals) and zod checks whose errors name the argument.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { type IsoDate, isIsoDate, LUNAR_MAX_YEAR, LUNAR_MIN_YEAR } from '../../calendar';
import { UsageError } from './command';

// parseArgs reads "-1" as the short option "-1"; `calendar add D -1` must mean minus one.
const NEGATIVE_NUMBER = /^-\d+$/;
const SHIELD = 'neg\u241f';

export interface CalendarArgs {
  positionals: string[];
  format?: string;
}

export function parseCalendarArgs(args: string[], expected: readonly string[], withFormat = false): CalendarArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: args.map((a) => (NEGATIVE_NUMBER.test(a) ? SHIELD + a : a)),
      options: withFormat ? { format: { type: 'string' } } : {},
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    throw new UsageError(`tham số không hợp lệ: ${(err as Error).message.split('\n')[0]} (xem --help)`);
  }
  const positionals = parsed.positionals.map((p) => (p.startsWith(SHIELD) ? p.slice(SHIELD.length) : p));
  for (const [i, name] of expected.entries()) {
    if (positionals[i] === undefined || positionals[i] === '') throw new UsageError(`thiếu tham số <${name}> (missing <${name}>)`);
  }
  if (positionals.length > expected.length) {
    throw new UsageError(`thừa tham số "${positionals.slice(expected.length).join(' ')}" (unexpected argument)`);
  }
  const format = (parsed.values as { format?: string }).format;
  return format === undefined ? { positionals } : { positionals, format };
}

const supportedYear = (y: number) => y >= LUNAR_MIN_YEAR && y <= LUNAR_MAX_YEAR;
const RANGE_VI = `${LUNAR_MIN_YEAR}–${LUNAR_MAX_YEAR}`;

const dateSchema = z
  .string()
  .refine(isIsoDate, { error: 'cần một ngày có thật dạng YYYY-MM-DD (expected a real date YYYY-MM-DD)' })
  .refine((d) => supportedYear(Number(d.slice(0, 4))), { error: `năm phải trong khoảng ${RANGE_VI} (year out of range)` });

const yearSchema = z
  .string()
  .regex(/^\d{4}$/, { error: 'cần một năm 4 chữ số YYYY (expected a year YYYY)' })
  .transform(Number)
  .refine(supportedYear, { error: `năm phải trong khoảng ${RANGE_VI} (year out of range)` });

function checked<T>(schema: z.ZodType<T>, value: string, name: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new UsageError(`<${name}> "${value}": ${result.error.issues[0]?.message ?? 'không hợp lệ (invalid)'}`);
}

export function dateArg(value: string, name: string): IsoDate {
  return checked(dateSchema, value, name);
}

export function yearArg(value: string, name: string): number {
  return checked(yearSchema, value, name);
}

export function integerArg(value: string, name: string, limit: number): number {
  const schema = z
    .string()
    .regex(/^[+-]?\d+$/, { error: 'cần một số nguyên: âm, 0 hoặc dương (expected an integer)' })
    .transform(Number)
    .refine((n) => Math.abs(n) <= limit, { error: `tối đa ±${limit} (at most ±${limit})` });
  return checked(schema, value, name);
}

/** Runs calendar code, turning a result beyond the supported years into a one-line usage error. */
export function withinRange<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof RangeError) {
      throw new UsageError(`kết quả nằm ngoài phạm vi lịch hỗ trợ, năm ${RANGE_VI} (out of range: ${err.message})`);
    }
    throw err;
  }
}
