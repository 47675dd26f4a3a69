// Settings from the environment, validated once with zod. Every process (worker, web,
// CLI, `npm start`) reads the same names so one .env describes a deployment.
import { z } from 'zod';

const port = z.coerce.number().int().min(1).max(65535);

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
