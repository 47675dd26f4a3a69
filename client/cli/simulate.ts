// `dondoc simulate <program.yaml> [--from D] [--to D] [--behaviour silent|on-time|mixed]
// [--seed N] [--format table|json] [--lang vi|en]`: runs the program on a private
// time-skipping Temporal server with the real workflows, mail to an in-process sink, and
// shows what would be sent to whom and when. Nothing leaves the machine.
import { z } from 'zod';
import { isIsoDate } from '../../calendar';
import { compareDiagnostics, formatDiagnostic } from '../../program/errors';
import { ddmmyyyy } from '../../program/dates-vi';
import { loadProgram } from '../../program/load';
import { compilePlan } from '../../program/plan';
import { BEHAVIOURS, programRange, runSimulation } from '../simulate';
import { formatSimulationTable } from '../simulate/format-table';
import { SimulationStalled } from '../simulate/stall';
import { parse } from './args';
import { UsageError, type Command } from './command';
import { programFileArg } from './validate';

const help = `Cách dùng / usage: dondoc simulate <program.yaml> [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--behaviour silent|on-time|mixed] [--seed N] [--format table|json] [--lang vi|en]

Chạy thử chương trình trên máy này, với thời gian mô phỏng: các quy trình thật, thư gửi vào
hộp thư trong máy (không gửi ra ngoài). Cho biết các đơn vị sẽ nhận thư gì, khi nào.
  --from, --to   khoảng ngày mô phỏng (mặc định: cả chương trình, từ việc đầu đến việc cuối)
  --behaviour    silent (mặc định: không đơn vị nào nộp, mọi nhắc việc và báo cáo vượt cấp đều gửi),
                 on-time (nộp trước hạn một ngày làm việc, được chấp nhận),
                 mixed (ngẫu nhiên theo --seed: đúng hạn, muộn, bị trả lại một lần, được miễn, không nộp)
  --seed N       số khởi tạo cho mixed (mặc định 1): cùng số, cùng kết quả
  --format       table (mặc định, theo tháng) hoặc json
  --lang         ngôn ngữ của bảng: vi hoặc en (mặc định theo chương trình)

Runs the program with simulated time on a private Temporal test server and lists every notice sent.`;

const FLAGS = {
  from: { type: 'string' },
  to: { type: 'string' },
  behaviour: { type: 'string' },
  behavior: { type: 'string' },
  seed: { type: 'string' },
  format: { type: 'string' },
  lang: { type: 'string' },
  locale: { type: 'string' },
} as const;

const isoDate = z.string().refine(isIsoDate, { message: 'cần ngày có thật dạng YYYY-MM-DD (expected a real date YYYY-MM-DD)' });
const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: () => `phải là một trong: ${values.join(', ')} (expected one of ${values.join(' | ')})` });
const options = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  behaviour: oneOf(BEHAVIOURS).default('silent'),
  seed: z
    .string()
    .regex(/^\d{1,9}$/, 'cần số nguyên không âm (expected a non-negative integer)')
    .transform(Number)
    .default(1),
  format: oneOf(['table', 'json'] as const).default('table'),
  lang: oneOf(['vi', 'en'] as const).optional(),
});

export function parseSimulateArgs(args: string[]) {
  const { values, positionals } = parse(args, FLAGS);
  const { behavior, locale, ...rest } = values;
  const opts = checkFlags({ ...rest, ...(rest.behaviour === undefined && behavior !== undefined ? { behaviour: behavior } : {}), ...(rest.lang === undefined && locale !== undefined ? { lang: locale } : {}) });
  if (opts.from && opts.to && opts.to < opts.from) throw new UsageError(`--to ${opts.to} trước --from ${opts.from} (empty range)`);
  return { file: programFileArg(positionals, 'simulate'), opts };
}

function checkFlags(values: Record<string, unknown>): z.output<typeof options> {
  const result = options.safeParse(values);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new UsageError(`--${String(issue?.path[0] ?? '')}: ${issue?.message ?? ''}`);
}

/** One line per simulated month on a log, a line rewritten in place on a terminal. */
function progressPrinter(vi: boolean): { show(date: string): void; end(): void } {
  const tty = process.stderr.isTTY === true;
  let month = '';
  return {
    show(date) {
      const text = vi ? `Đang mô phỏng: ${ddmmyyyy(date)}` : `Simulating: ${date}`;
      if (tty) process.stderr.write(`\r${text}   `);
      else if (date.slice(0, 7) !== month) process.stderr.write(`${text}\n`);
      month = date.slice(0, 7);
    },
    end() {
      if (tty) process.stderr.write('\r\x1b[K');
    },
  };
}

export const simulateCommand: Command = {
  path: ['simulate'],
  summary: 'chạy thử chương trình với thời gian mô phỏng (simulate a program)',
  help,
  async run(args) {
    const { file, opts } = parseSimulateArgs(args);
    const loaded = loadProgram(file);
    if (!loaded.ok) {
      for (const d of [...loaded.errors, ...loaded.warnings].sort(compareDiagnostics)) process.stderr.write(`${formatDiagnostic(d)}\n`);
      return 2;
    }
    for (const d of loaded.warnings) process.stderr.write(`${formatDiagnostic(d)}\n`);
    const { program } = loaded;
    const plan = compilePlan(program);
    const whole = programRange(plan);
    const from = opts.from ?? whole.from;
    const to = opts.to ?? whole.to;
    if (to < from) throw new UsageError(`--to ${to} trước --from ${from} (empty range)`);
    const locale = opts.lang ?? program.program.locale;
    const progress = progressPrinter(locale === 'vi');
    // Ctrl-C stops the run at its next wait and still shuts the test server down (it would
    // outlive this process otherwise); a second Ctrl-C exits at once.
    const stop = new AbortController();
    const interrupted = new Error(locale === 'vi' ? 'đã dừng mô phỏng theo yêu cầu (interrupted)' : 'simulation interrupted');
    const onSignal = () => (stop.signal.aborted ? process.exit(130) : stop.abort(interrupted));
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    let result: Awaited<ReturnType<typeof runSimulation>>;
    try {
      result = await runSimulation(program, plan, { from, to, behaviour: opts.behaviour, seed: opts.seed, progress: (d) => progress.show(d), signal: stop.signal });
    } catch (err) {
      if (err !== interrupted && !(err instanceof SimulationStalled)) throw err;
      progress.end();
      process.stderr.write(`dondoc simulate: ${(err as Error).message}\n`);
      // The server is down and the worker told to stop; whatever a cut-short run still holds
      // (a call the server never answered) must not keep the command from ending.
      const code = err === interrupted ? 130 : 1;
      setTimeout(() => process.exit(code), 3_000).unref();
      return code;
    } finally {
      progress.end();
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
    if (opts.format === 'json') {
      // Every notice has the same fields; null says "none" (an answer to an act fulfils no plan event).
      const notices = result.notices.map((n) => ({
        planUid: n.planUid ?? null,
        kind: n.kind,
        at: n.at,
        assignmentId: n.assignmentId ?? null,
        unitId: n.unitId ?? null,
        to: n.to,
        subject: n.subject,
        messageId: n.messageId,
      }));
      process.stdout.write(`${JSON.stringify({ programId: plan.programId, timezone: plan.timezone, notices, summary: result.summary }, null, 2)}\n`);
    } else {
      process.stdout.write(formatSimulationTable(program, plan, result.notices, result.summary, locale));
    }
    return 0;
  },
};
