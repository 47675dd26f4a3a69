// docker-compose.yml cannot run here (no Docker engine): it is parsed and checked to
// describe the same stack as `npm start`, on the same ports and settings.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { envSchema } from '../config/env';
import { searchAttributeDefinitions } from '../workflows/search-attributes';

interface Service {
  image?: string;
  build?: string;
  command?: string[];
  ports?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, unknown>;
  healthcheck?: { test: string[] };
}

const compose = parse(readFileSync(resolve(__dirname, '..', 'docker-compose.yml'), 'utf8'), { merge: true }) as { services: Record<string, Service> };
const { services } = compose;

describe('docker-compose.yml', () => {
  it('has the Temporal server, the mail sink, the worker and the web server', () => {
    expect(Object.keys(services).sort()).toEqual(['mail', 'temporal', 'web', 'worker']);
  });

  it('publishes the ports the README lists', () => {
    expect(services.temporal!.ports).toEqual(['7233:7233', '8233:8233']);
    expect(services.mail!.ports).toEqual(['1025:1025', '1080:1080']);
    expect(services.web!.ports).toEqual(['3000:3000']);
  });

  it('registers every search attribute the workflows set', () => {
    const registered = services.temporal!.command!.filter((a) => a.startsWith('--search-attribute=')).map((a) => a.slice('--search-attribute='.length));
    expect(registered.sort()).toEqual(Object.entries(searchAttributeDefinitions).map(([k, v]) => `${k}=${v}`).sort());
  });

  it('gives the worker and the web server a configuration dondoc accepts, pointing at the other services', () => {
    for (const name of ['worker', 'web']) {
      const env = services[name]!.environment!;
      expect(envSchema.safeParse(env).success).toBe(true);
      expect(env.TEMPORAL_ADDRESS).toBe('temporal:7233');
      expect(env.SMTP_URL).toBe('smtp://mail:1025');
      expect(Object.keys(services[name]!.depends_on!)).toContain('temporal');
    }
  });

  it('gives the worker the metrics and health listeners of a production worker, and checks its health there', () => {
    const env = envSchema.parse(services.worker!.environment);
    expect(env.DONDOC_WORKER_METRICS_ADDRESS).toBe('0.0.0.0:9464');
    expect(env.DONDOC_WORKER_HEALTH_ADDRESS).toBe('0.0.0.0:9474');
    expect(env.DONDOC_LOG_FORMAT).toBe('json');
    expect(services.worker!.healthcheck!.test.join(' ')).toContain('http://127.0.0.1:9474/healthz');
  });

  it('runs entry points that exist in the repository', () => {
    for (const service of Object.values(services).filter((s) => s.build)) {
      const script = service.command!.at(-1)!;
      expect(() => readFileSync(resolve(__dirname, '..', script))).not.toThrow();
    }
  });
});
