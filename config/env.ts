// Settings from the environment, validated once with zod. Every process (worker, web,
// CLI, `npm start`) reads the same names so one .env describes a deployment.
import { accessSync, constants } from 'node:fs';
import { z } from 'zod';

const port = z.coerce.number().int().min(1).max(65535);
const flag = z.enum(['true', 'false']).transform((v) => v === 'true');
/** `host:port` for a listener (metrics, health); `:port` alone is not accepted, to be explicit about the interface. */
const listenAddress = z
  .string()
  .regex(/^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+):\d{1,5}$/, 'dạng host:cổng, ví dụ 127.0.0.1:9464 (host:port expected)')
  .refine((v) => Number(v.slice(v.lastIndexOf(':') + 1)) <= 65535, 'cổng tối đa 65535 (port above 65535)');
const count = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/** Variables naming a file Temporal's TLS needs: checked to be readable when the config is loaded, not at first connect. */
const TLS_FILES = ['TEMPORAL_TLS_CA', 'TEMPORAL_TLS_CERT', 'TEMPORAL_TLS_KEY'] as const;


/**
 * Workflows a worker keeps in memory between tasks unless told otherwise (~1.7 MB each): the
 * worker stays under 1 GiB whatever the number of live assignments, and creating a workflow's
 * context in the shared V8 context stays quick (with thousands cached it passed the SDK's 5 s).
 */
export const DEFAULT_MAX_CACHED_WORKFLOWS = 100;
export const DEFAULT_WORKER_HEAP_MB = 384;
export const envSchema = z.object({
  TEMPORAL_ADDRESS: z.string().min(1).default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('dondoc'),
  TEMPORAL_UI_URL: z.url().default('http://127.0.0.1:8233'),
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).default('smtp://127.0.0.1:1025'),
  MAIL_FROM: z.string().min(3).default('"Hệ thống đôn đốc dondoc" <dondoc@localhost>'),
  MAIL_INBOX_URL: z.url().default('http://127.0.0.1:1080'),
  PUBLIC_URL: z.url().default('http://127.0.0.1:3000'),
  WEB_PORT: port.default(3000),
  WEB_HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('data'),
  /**
   * The records database (the system of record, kept after Temporal's retention): a
   * postgres:// URL (e.g. the cluster's PostgreSQL); absent: DATA_DIR/records.sqlite.
   */
  DONDOC_RECORDS_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/i, 'cần một URL postgres://… (expected a postgres:// URL)')
    .optional(),
  DONDOC_LOCALE: z.enum(['vi', 'en']).default('vi'),
  /** The program file `npm start` applies. */
  DONDOC_PROGRAM: z.string().min(1).default('programs/vstbpn-thanh-hoa-2026.yaml'),
  /**
   * Days Temporal keeps a closed workflow's history (namespace retention, set by `npm start`).
   * For debugging and replay only: the records database keeps the legal record.
   */
  DONDOC_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  /** Signs unit links, sessions and CSRF tokens; absent: DATA_DIR/secret, created once. */
  DONDOC_SECRET: z.string().min(32, 'ít nhất 32 ký tự (at least 32 characters)').optional(),
  /** `username:role:scrypt-hash[:display name]` entries separated by `;` (auth/accounts.ts). */
  DONDOC_USERS: z.string().optional(),
  /** Password of the embedded `admin` account when DONDOC_USERS is not set. */
  DONDOC_ADMIN_PASSWORD: z.string().min(8, 'ít nhất 8 ký tự (at least 8 characters)').optional(),
  DONDOC_SESSION_HOURS: z.coerce.number().int().min(1).max(720).default(8),
  /** Days a unit link stays valid after the due it was sent with. */
  DONDOC_LINK_DAYS: z.coerce.number().int().min(1).max(3650).default(60),
  DONDOC_UPLOAD_MAX_MB: z.coerce.number().positive().max(1024).default(10),
  DONDOC_UPLOAD_MAX_FILES: z.coerce.number().int().min(1).max(20).default(5),
  /** Bytes one assignment may hold in the file store through its link, all uploads together. */
  DONDOC_UPLOAD_QUOTA_MB: z.coerce.number().positive().max(10240).default(50),
  /** Accepted attachment extensions, comma-separated. */
  DONDOC_UPLOAD_TYPES: z
    .string()
    .regex(/^[a-z0-9]+(,[a-z0-9]+)*$/i, 'danh sách đuôi tệp, ví dụ pdf,docx (comma-separated extensions)')
    .default('pdf,doc,docx,xls,xlsx,odt,ods,ppt,pptx,txt,csv,jpg,jpeg,png,zip'),
  /** Behind a reverse proxy: take the client address from X-Forwarded-For (rate limits). */
  WEB_TRUST_PROXY: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),

  // --- Connection to Temporal: TLS, mutual TLS, Temporal Cloud (see README "Running in production").
  /** TLS to the frontend; implied by any TEMPORAL_TLS_* file or TEMPORAL_API_KEY. `false` forces plain text. */
  TEMPORAL_TLS: flag.optional(),
  /** PEM file of the CA that signed the server's certificate; absent: the system's trusted roots (Temporal Cloud). */
  TEMPORAL_TLS_CA: z.string().min(1).optional(),
  /** PEM client certificate and its key, for mutual TLS (a self-hosted cluster, or Temporal Cloud with mTLS). */
  TEMPORAL_TLS_CERT: z.string().min(1).optional(),
  TEMPORAL_TLS_KEY: z.string().min(1).optional(),
  /** Name checked against the server certificate when it differs from TEMPORAL_ADDRESS's host. */
  TEMPORAL_TLS_SERVER_NAME: z.string().min(1).optional(),
  /** Temporal Cloud API key (sent as a bearer token over TLS). Never logged. */
  TEMPORAL_API_KEY: z.string().min(16, 'khóa API quá ngắn (API key too short)').optional(),

  // --- Worker tuning (worker/main.ts). Defaults explained in README "Running in production".
  /**
   * Workflows kept in the worker's memory between tasks (~1 MB each here). 100, with the heap
   * cap below, keeps a worker under 1 GiB however many assignments are live; a workflow
   * evicted from the cache is replayed from its history at its next task (README "Scale and cost").
   */
  DONDOC_MAX_CACHED_WORKFLOWS: count(0, 100_000).default(DEFAULT_MAX_CACHED_WORKFLOWS),
  /**
   * The worker's V8 heap cap in MB (`node --max-old-space-size`, given by the launchers:
   * `npm start`, docker-compose, the bench). With the cache above it keeps the worker under
   * 1 GiB; measured figures and the cost in README "Scale and cost" (worker memory).
   */
  DONDOC_WORKER_HEAP_MB: count(128, 65_536).default(DEFAULT_WORKER_HEAP_MB),
  /** Activities run at once by one worker: sends through the office relay and report builds. */
  DONDOC_MAX_CONCURRENT_ACTIVITIES: count(1, 1000).default(20),
  /** Workflow tasks run at once by one worker (the SDK's default; at least 2). */
  DONDOC_MAX_CONCURRENT_WORKFLOW_TASKS: count(2, 1000).default(40),
  /** On SIGTERM/SIGINT, seconds running activities (a send, a report build) get to finish before they are cancelled. */
  DONDOC_SHUTDOWN_GRACE_SECONDS: count(0, 3600).default(30),
  /** Where the worker serves its Prometheus metrics (SDK runtime telemetry); absent: no metrics. */
  DONDOC_WORKER_METRICS_ADDRESS: listenAddress.optional(),
  /** Where the worker answers GET /healthz (up, connected, task queue); absent: no health endpoint. */
  DONDOC_WORKER_HEALTH_ADDRESS: listenAddress.optional(),
  /** Worker log lines: one JSON object per event (for journald, Loki…) or plain text. */
  DONDOC_LOG_FORMAT: z.enum(['json', 'text']).default('json'),
  /** Bearer token for the web server's /metrics; absent: /metrics answers only local, unproxied requests. */
  DONDOC_METRICS_TOKEN: z.string().min(16, 'ít nhất 16 ký tự (at least 16 characters)').optional(),
}).superRefine((env, ctx) => {
  const problem = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  if (env.TEMPORAL_TLS_CERT !== undefined && env.TEMPORAL_TLS_KEY === undefined) {
    problem('TEMPORAL_TLS_KEY', 'thiếu khóa riêng đi kèm TEMPORAL_TLS_CERT (the client certificate needs its key)');
  }
  if (env.TEMPORAL_TLS_KEY !== undefined && env.TEMPORAL_TLS_CERT === undefined) {
    problem('TEMPORAL_TLS_CERT', 'thiếu chứng thư đi kèm TEMPORAL_TLS_KEY (the key needs its client certificate)');
  }
  if (env.TEMPORAL_TLS === false) {
    const needsTls = [...TLS_FILES, 'TEMPORAL_TLS_SERVER_NAME', 'TEMPORAL_API_KEY'].filter((k) => env[k as keyof typeof env] !== undefined);
    if (needsTls.length > 0) problem('TEMPORAL_TLS', `là false nhưng ${needsTls.join(', ')} cần TLS (TLS is off but these need it)`);
  }
  for (const name of TLS_FILES) {
    const file = env[name];
    if (file === undefined) continue;
    try {
      accessSync(file, constants.R_OK);
    } catch {
      problem(name, `không đọc được tệp ${file} (file missing or unreadable)`);
    }
  }
});

export type Env = z.infer<typeof envSchema>;

/** A setting that failed validation, named so the message can say which one. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads and checks the environment; throws a one-line ConfigError naming each bad variable. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  // Empty strings mean "not set", as in most .env tooling.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  throw new ConfigError(`cấu hình không hợp lệ (invalid configuration): ${problems.join('; ')}`);
}

/** Whether connections to Temporal use TLS: asked for, or implied by a certificate, a CA, a server name or an API key. */
export function temporalUsesTls(env: Partial<Pick<Env, 'TEMPORAL_TLS' | 'TEMPORAL_TLS_CA' | 'TEMPORAL_TLS_CERT' | 'TEMPORAL_TLS_SERVER_NAME' | 'TEMPORAL_API_KEY'>>): boolean {
  if (env.TEMPORAL_TLS !== undefined) return env.TEMPORAL_TLS;
  return [env.TEMPORAL_TLS_CA, env.TEMPORAL_TLS_CERT, env.TEMPORAL_TLS_SERVER_NAME, env.TEMPORAL_API_KEY].some((v) => v !== undefined);
}

/** The SMTP URL with any password replaced, for logs and status pages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(invalid URL)';
  }
}
