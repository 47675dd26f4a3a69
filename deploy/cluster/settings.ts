// Where the local cluster lives and which ports it takes: all away from the dev server's
// (7233/8233), `npm start`'s web (3000) and sink (1025/1080), each overridable.
import { resolve } from 'node:path';
import { z } from 'zod';

export const repoRoot = resolve(__dirname, '..', '..');
export const clusterBin = resolve(repoRoot, 'tools', 'cluster', 'bin');

const port = z.coerce.number().int().min(1024).max(65535);

const schema = z.object({
  /** PostgreSQL data, the server's logs, the shared DATA_DIR of the workers and the web. */
  DONDOC_CLUSTER_DIR: z.string().min(1).default('data/cluster'),
  DONDOC_CLUSTER_PG_PORT: port.default(55432),
  /** The frontend's gRPC port; the other services take fixed offsets from it (temporal.yaml). */
  DONDOC_CLUSTER_TEMPORAL_PORT: port.default(17233),
  DONDOC_CLUSTER_UI_PORT: port.default(18233),
  DONDOC_CLUSTER_WEB_PORT: port.default(13000),
  DONDOC_CLUSTER_SMTP_PORT: port.default(11025),
  DONDOC_CLUSTER_INBOX_PORT: port.default(11080),
  /** Worker i (1, 2) serves metrics on this + i - 1 and health on this + 10 + i - 1. */
  DONDOC_CLUSTER_WORKER_PORT: port.default(19464),
  /** Mutual TLS between every client and the frontend, with certificates made for the cluster (tls.ts). */
  DONDOC_CLUSTER_TLS: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  /** Start the Temporal Web UI (false: leave it out, e.g. while its build is not there). */
  DONDOC_CLUSTER_UI: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  DONDOC_CLUSTER_NAMESPACE: z.string().min(1).default('dondoc'),
  /** Closed assignments stay on the dashboard this long: a program year plus its annual report. */
  DONDOC_CLUSTER_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(400),
  /** Passwords of the database roles; local defaults, set real ones anywhere else. */
  DONDOC_CLUSTER_TEMPORAL_DB_PASSWORD: z.string().min(8).default('temporal-local-only'),
  DONDOC_CLUSTER_DONDOC_DB_PASSWORD: z.string().min(8).default('dondoc-local-only'),
});

export type ClusterSettings = z.infer<typeof schema> & { dir: string };

export function clusterSettings(source: NodeJS.ProcessEnv = process.env, overrides: Partial<Record<keyof z.input<typeof schema>, string | number>> = {}): ClusterSettings {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([k, v]) => k.startsWith('DONDOC_CLUSTER_') && v !== undefined && v !== ''));
  const parsed = schema.safeParse({ ...cleaned, ...overrides });
  if (!parsed.success) {
    throw new Error(`cấu hình cụm không hợp lệ (invalid cluster settings): ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return { ...parsed.data, dir: resolve(repoRoot, parsed.data.DONDOC_CLUSTER_DIR) };
}
