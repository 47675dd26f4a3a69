// The deployment files stay in step with the code: every variable the environment examples
// set is one dondoc reads (or the server template reads), the systemd units start files that
// exist, and the Grafana dashboard is valid JSON whose panels all query something.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { envSchema, loadEnv } from '../../config/env';

const root = resolve(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
/** KEY=value lines (with `commented`, also the `#KEY=value` alternatives); one pair of single quotes is removed, as systemd does. */
const variables = (text: string, commented = false) =>
  Object.fromEntries(
    text
      .split('\n')
      .map((line) => (commented ? line.replace(/^#(?=[A-Z_]+=)/, '') : line))
      .filter((line) => /^[A-Z_]+=/.test(line))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1).replace(/^'(.*)'$/, '$1')] as const),
  );
// Read by the records database (landing separately); set by the cluster scripts already.
const ELSEWHERE = new Set(['DONDOC_RECORDS_URL']);

describe('deployment files', () => {
  it('sets in dondoc.env and worker-1.env only variables dondoc reads, with values it accepts', () => {
    const vars = { ...variables(read('deploy/env/dondoc.env.example')), ...variables(read('deploy/env/worker-1.env.example')) };
    const all = { ...variables(read('deploy/env/dondoc.env.example'), true), ...vars };
    const unknown = Object.keys(all).filter((k) => !(k in envSchema.shape) && !ELSEWHERE.has(k));
    expect(unknown).toEqual([]);
    // The TLS files live on the production host; everything else is checked as written.
    const { TEMPORAL_TLS_CA, TEMPORAL_TLS_CERT, TEMPORAL_TLS_KEY, ...rest } = vars;
    expect([TEMPORAL_TLS_CA, TEMPORAL_TLS_CERT, TEMPORAL_TLS_KEY].every((v) => v?.startsWith('/etc/dondoc/tls/'))).toBe(true);
    const env = loadEnv({ ...rest, DONDOC_SECRET: 'x'.repeat(32) });
    expect(env.MAIL_FROM).toBe('"Sở LĐ-TB&XH — Hệ thống đôn đốc" <dondoc@so-ldtbxh.example.vn>');
    expect(env.DONDOC_WORKER_HEALTH_ADDRESS).toBe('127.0.0.1:9474');
  });

  it('sets in temporal.env only variables deploy/cluster/temporal.yaml reads', () => {
    const template = read('deploy/cluster/temporal.yaml');
    const read_ = new Set([...template.matchAll(/env "([A-Z_]+)"/g)].map((m) => m[1]));
    expect(Object.keys(variables(read('deploy/env/temporal.env.example'), true)).filter((k) => !read_.has(k))).toEqual([]);
  });

  it('starts, in every systemd unit, files that exist in the repository or are built by install.sh', () => {
    for (const unit of readdirSync(join(root, 'deploy', 'systemd'))) {
      const text = read(`deploy/systemd/${unit}`);
      const exec = /^ExecStart=(.*)$/m.exec(text)![1]!;
      for (const path of exec.split(' ').filter((w) => w.startsWith('/opt/dondoc/') || /\.(ts|yaml)$/.test(w))) {
        const inRepo = path.replace('/opt/dondoc/', '');
        if (inRepo.startsWith('tools/cluster/bin/')) expect(read('deploy/cluster/install.sh')).toContain(inRepo.split('/').at(-1));
        else expect(() => read(inRepo)).not.toThrow();
      }
      expect(text).toMatch(/^Restart=on-failure$/m);
    }
  });

  it('ships a Grafana dashboard whose panels all query Prometheus', () => {
    const dashboard = JSON.parse(read('deploy/grafana/dondoc.json')) as { panels: { type: string; targets?: { expr: string }[] }[] };
    const graphs = dashboard.panels.filter((p) => p.type !== 'row');
    expect(graphs.length).toBeGreaterThanOrEqual(12);
    for (const panel of graphs) expect(panel.targets!.every((t) => t.expr.length > 0)).toBe(true);
  });
});
