// The TLS / Temporal Cloud / tuning settings: what the zod config accepts, what it refuses
// (with the variable named), and the connection options every process builds from it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeTemporalSecurity, temporalConnectionOptions } from '../../client/temporal';
import { ConfigError, loadEnv } from '../../config/env';

const dir = mkdtempSync(join(tmpdir(), 'dondoc-tls-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const ca = file('ca.pem', '-----BEGIN CERTIFICATE-----\nCA\n-----END CERTIFICATE-----\n');
const cert = file('client.pem', '-----BEGIN CERTIFICATE-----\nCLIENT\n-----END CERTIFICATE-----\n');
const key = file('client.key', '-----BEGIN PRIVATE KEY-----\nKEY\n-----END PRIVATE KEY-----\n');

const refusal = (env: NodeJS.ProcessEnv) => {
  try {
    loadEnv(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('accepted');
};

describe('Temporal connection settings', () => {
  it('stays plaintext with nothing set, as for the dev server', () => {
    const env = loadEnv({});
    expect(temporalConnectionOptions(env)).toEqual({ address: '127.0.0.1:7233' });
    expect(describeTemporalSecurity(env)).toBe('plaintext');
  });

  it('builds mutual TLS from the CA, the client pair and the server name', () => {
    const env = loadEnv({ TEMPORAL_ADDRESS: 'temporal.internal:7233', TEMPORAL_TLS_CA: ca, TEMPORAL_TLS_CERT: cert, TEMPORAL_TLS_KEY: key, TEMPORAL_TLS_SERVER_NAME: 'frontend.temporal' });
    const options = temporalConnectionOptions(env);
    expect(options.address).toBe('temporal.internal:7233');
    expect(options.tls?.serverNameOverride).toBe('frontend.temporal');
    expect(Buffer.from(options.tls!.serverRootCACertificate!).toString()).toContain('CA');
    expect(Buffer.from(options.tls!.clientCertPair!.crt).toString()).toContain('CLIENT');
    expect(Buffer.from(options.tls!.clientCertPair!.key).toString()).toContain('KEY');
    expect(describeTemporalSecurity(env)).toBe('tls+mtls');
  });

  it('connects to Temporal Cloud with an API key over TLS with the system roots', () => {
    const env = loadEnv({ TEMPORAL_ADDRESS: 'ns.acct.tmprl.cloud:7233', TEMPORAL_NAMESPACE: 'ns.acct', TEMPORAL_API_KEY: 'k'.repeat(40) });
    expect(temporalConnectionOptions(env)).toEqual({ address: 'ns.acct.tmprl.cloud:7233', tls: {}, apiKey: 'k'.repeat(40) });
    expect(describeTemporalSecurity(env)).toBe('tls+api-key');
  });

  it('refuses a certificate without its key, and a key without its certificate', () => {
    expect(refusal({ TEMPORAL_TLS_CERT: cert })).toMatch(/TEMPORAL_TLS_KEY: .*needs its key/);
    expect(refusal({ TEMPORAL_TLS_KEY: key })).toMatch(/TEMPORAL_TLS_CERT: .*needs its client certificate/);
  });

  it('refuses a file it cannot read, naming the variable and the path', () => {
    expect(refusal({ TEMPORAL_TLS_CA: join(dir, 'missing.pem') })).toContain(`TEMPORAL_TLS_CA: không đọc được tệp ${join(dir, 'missing.pem')}`);
  });

  it('refuses TLS turned off while an API key or certificate asks for it', () => {
    expect(refusal({ TEMPORAL_TLS: 'false', TEMPORAL_API_KEY: 'k'.repeat(40) })).toMatch(/TEMPORAL_TLS: .*TEMPORAL_API_KEY/);
  });

  it('checks the worker tuning and listener addresses', () => {
    const env = loadEnv({ DONDOC_MAX_CACHED_WORKFLOWS: '500', DONDOC_WORKER_METRICS_ADDRESS: '0.0.0.0:9464' });
    expect(env).toMatchObject({ DONDOC_MAX_CACHED_WORKFLOWS: 500, DONDOC_MAX_CONCURRENT_ACTIVITIES: 20, DONDOC_MAX_CONCURRENT_WORKFLOW_TASKS: 40, DONDOC_SHUTDOWN_GRACE_SECONDS: 30, DONDOC_LOG_FORMAT: 'json' });
    expect(refusal({ DONDOC_MAX_CONCURRENT_WORKFLOW_TASKS: '1' })).toContain('DONDOC_MAX_CONCURRENT_WORKFLOW_TASKS');
    expect(refusal({ DONDOC_WORKER_HEALTH_ADDRESS: '9465' })).toMatch(/DONDOC_WORKER_HEALTH_ADDRESS: .*host:port/);
  });
});
