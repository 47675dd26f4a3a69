// `dondoc plan <program.yaml> [--from D] [--to D] [--unit ID] [--format table|json|ics]`:
// what the program will ask of whom and when, without starting anything.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { isIsoDate } from '../../calendar';
import { compareDiagnostics, formatDiagnostic } from '../../program/errors';
import { formatIcs } from '../../program/format-ics';
import { formatTable } from '../../program/format-table';
import { loadProgram } from '../../program/load';
import { compilePlan } from '../../program/plan';
import { filterEvents, sortEvents, type EventFilter } from '../../program/plan-query';
import { didYouMean } from '../../program/suggest';
import { UsageError, type Command } from './command';
import { programFileArg } from './validate';

const help = `Cách dùng / usage: dondoc plan <program.yaml> [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--unit ID] [--format table|json|ics] [--locale vi|en]

Lập lịch của chương trình: mọi yêu cầu, nhắc việc, hạn nộp, báo cáo vượt cấp, tổng hợp,
kiểm tra và mốc của đợt cao điểm, theo ngày làm việc Việt Nam. Không khởi chạy gì.
  --from, --to   chỉ lấy các việc trong khoảng ngày này (tính cả hai đầu)
  --unit ID      chỉ lấy các việc của một đơn vị (mã đơn vị trong tệp)
  --format       table (mặc định, bảng theo tháng), json (kế hoạch đầy đủ), ics (lịch iCalendar)
  --locale       ngôn ngữ của bảng và lịch: vi (mặc định của chương trình) hoặc en

Compiles the program into its dated events (nothing is started).`;

const FLAGS = {
  from: { type: 'string' },
  to: { type: 'string' },
  unit: { type: 'string' },
  format: { type: 'string' },
  locale: { type: 'string' },
} as const;

const isoDate = z.string().refine(isIsoDate, { message: 'cần ngày có thật dạng YYYY-MM-DD (expected a real date YYYY-MM-DD)' });
const options = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  unit: z.string().min(1).optional(),
  format: z.enum(['table', 'json', 'ics']).default('table'),
  locale: z.enum(['vi', 'en']).optional(),
});

function parseOptions(args: string[]): { file: string; opts: z.output<typeof options> } {
  const parsed = (() => {
    try {
      return parseArgs({ args, options: FLAGS, allowPositionals: true, strict: true });
    } catch (err) {
      throw new UsageError(`${(err as Error).message.split('\n')[0] ?? ''} (xem dondoc plan --help)`);
    }
  })();
  const checked = options.safeParse(parsed.values);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const flag = `--${String(issue?.path[0] ?? '')}`;
    const message = issue?.code === 'invalid_value' ? `phải là một trong: ${issue.values.join(', ')} (expected one of ${issue.values.join(' | ')})` : (issue?.message ?? '');
    throw new UsageError(`${flag}: ${message}`);
  }
  if (checked.data.from && checked.data.to && checked.data.to < checked.data.from) {
    throw new UsageError(`--to ${checked.data.to} trước --from ${checked.data.from} (empty range)`);
  }
  return { file: programFileArg(parsed.positionals, 'plan'), opts: checked.data };
}

/** `dondoc plan … | head` closes the pipe early; that is not an error. */
function quietOnClosedPipe(): void {
  process.stdout.once('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
}

export const planCommand: Command = {
  path: ['plan'],
  summary: 'Lập lịch các mốc của chương trình (compile the plan)',
  help,
  run(args: string[]): Promise<number> {
    const { file, opts } = parseOptions(args);
    const result = loadProgram(file);
    if (!result.ok) {
      for (const d of [...result.errors, ...result.warnings].sort(compareDiagnostics)) process.stderr.write(`${formatDiagnostic(d)}\n`);
      return Promise.resolve(2);
    }
    for (const d of result.warnings) process.stderr.write(`${formatDiagnostic(d)}\n`);
    const { program } = result;
    const unit = opts.unit === undefined ? undefined : program.units.find((u) => u.id === opts.unit);
    if (opts.unit !== undefined && !unit) {
      throw new UsageError(`--unit: không có đơn vị "${opts.unit}"${didYouMean(opts.unit, program.units.map((u) => u.id))} (unknown unit)`);
    }
    const plan = compilePlan(program);
    const filter: EventFilter = {
      ...(opts.from ? { from: opts.from } : {}),
      ...(opts.to ? { to: opts.to } : {}),
      ...(opts.unit ? { unit: opts.unit } : {}),
    };
    const filtered = Object.keys(filter).length > 0;
    const events = sortEvents(filtered ? filterEvents(plan, filter) : plan.events);
    const locale = opts.locale ?? program.program.locale;
    quietOnClosedPipe();
    switch (opts.format) {
      case 'table':
        process.stdout.write(formatTable(program, plan, events, { locale, collapse: unit === undefined || unit.id === program.program.office }));
        break;
      case 'json':
        process.stdout.write(
          `${JSON.stringify(filtered ? { programId: plan.programId, year: plan.year, timezone: plan.timezone, filter, events } : { ...plan, events }, null, 2)}\n`,
        );
        break;
      case 'ics': {
        const suffix = unit ? (locale === 'en' ? (unit.nameEn ?? unit.name) : unit.name) : undefined;
        process.stdout.write(formatIcs(program, plan, events, suffix ? { locale, calendarSuffix: suffix } : { locale }));
        break;
      }
    }
    return Promise.resolve(0);
  },
};
