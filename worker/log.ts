// The worker's log: one line per event, JSON by default (journald, Loki and the like parse
// it), plain text on request. The SDK's own messages (workflow and activity logs, the core's
// warnings) come through the same function once the runtime is installed with it.
import { DefaultLogger, type LogEntry, type Logger, type LogLevel } from '@temporalio/worker';

export type LogFormat = 'json' | 'text';

// Values under these keys never reach a log line, wherever the SDK or our code puts them.
const SECRET_KEY = /pass(word)?|secret|token|api.?key|authorization|cookie|smtp.?url/i;

function plain(value: unknown, depth = 0): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message.split('\n')[0] };
  if (typeof value === 'bigint') return value.toString();
  if (value === null || typeof value !== 'object') return value;
  if (depth > 4) return '[…]';
  if (Array.isArray(value)) return value.map((v) => plain(v, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, SECRET_KEY.test(k) ? '***' : plain(v, depth + 1)]));
}

/** One log line for an entry; exported for the test of the format. */
export function formatEntry(entry: LogEntry, format: LogFormat): string {
  const time = new Date(Number(entry.timestampNanos / 1_000_000n)).toISOString();
  const meta = (plain(entry.meta ?? {}) ?? {}) as Record<string, unknown>;
  if (format === 'json') return JSON.stringify({ time, level: entry.level, msg: entry.message, ...meta });
  const fields = Object.entries(meta).map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`);
  return [time, entry.level, entry.message, ...fields].join(' ');
}

/** A logger writing one line per event to stdout (errors and warnings to stderr). */
export function createLogger(format: LogFormat, level: LogLevel = 'INFO', write?: (line: string, entry: LogEntry) => void): Logger {
  const out = write ?? ((line: string, entry: LogEntry) => (entry.level === 'ERROR' || entry.level === 'WARN' ? process.stderr : process.stdout).write(`${line}\n`));
  return new DefaultLogger(level, (entry) => out(formatEntry(entry, format), entry));
}
