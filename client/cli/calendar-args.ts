// Argument parsing shared by the `dondoc calendar …` commands: node's parseArgs (with
// negative numbers kept as positionals) and zod checks whose errors name the argument.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { HOLIDAY_RULES_FROM, type IsoDate, isIsoDate, LUNAR_MAX_YEAR, LUNAR_MIN_YEAR } from '../../calendar';
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

/**
 * What a command can answer for: lunar dates from 1900 (checked against a published table;
 * earlier years are refused, not guessed), working days from 2000 (the Labour Code 1994
 * holidays and the five-day week of 1999), both up to 2199.
 */
export type YearRange = 'lunar' | 'working-days';
const FIRST: Record<YearRange, number> = { lunar: LUNAR_MIN_YEAR, 'working-days': HOLIDAY_RULES_FROM };
const WHY: Record<YearRange, string> = {
  lunar: `âm lịch trước năm ${LUNAR_MIN_YEAR} chưa đối chiếu được với bảng lịch đã công bố nên không tính (lunar dates before ${LUNAR_MIN_YEAR} are not verified)`,
  'working-days': `lịch làm việc, nghỉ lễ chỉ được mô tả từ năm ${HOLIDAY_RULES_FROM} (Bộ luật Lao động 1994, tuần làm việc 5 ngày theo Quyết định 188/1999/QĐ-TTg) (working days are modelled from ${HOLIDAY_RULES_FROM})`,
};
const supportedYear = (range: YearRange) => (y: number) => y >= FIRST[range] && y <= LUNAR_MAX_YEAR;
const rangeMessage = (range: YearRange) => `năm phải trong khoảng ${FIRST[range]}–${LUNAR_MAX_YEAR}; ${WHY[range]}`;

const dateSchema = (range: YearRange) =>
  z
    .string()
    .refine(isIsoDate, { error: 'cần một ngày có thật dạng YYYY-MM-DD (expected a real date YYYY-MM-DD)' })
    .refine((d) => supportedYear(range)(Number(d.slice(0, 4))), { error: rangeMessage(range) });

const yearSchema = (range: YearRange) =>
  z
    .string()
    .regex(/^\d{4}$/, { error: 'cần một năm 4 chữ số YYYY (expected a year YYYY)' })
    .transform(Number)
    .refine(supportedYear(range), { error: rangeMessage(range) });

function checked<T>(schema: z.ZodType<T>, value: string, name: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new UsageError(`<${name}> "${value}": ${result.error.issues[0]?.message ?? 'không hợp lệ (invalid)'}`);
}

export function dateArg(value: string, name: string, range: YearRange): IsoDate {
  return checked(dateSchema(range), value, name);
}

export function yearArg(value: string, name: string, range: YearRange): number {
  return checked(yearSchema(range), value, name);
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
export function withinRange<T>(fn: () => T, range: YearRange = 'working-days'): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof RangeError) {
      throw new UsageError(`kết quả nằm ngoài phạm vi lịch hỗ trợ, năm ${FIRST[range]}–${LUNAR_MAX_YEAR} (out of range: ${err.message})`);
    }
    throw err;
  }
}
