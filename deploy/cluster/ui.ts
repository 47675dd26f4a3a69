// The Temporal Web UI for the cluster: the same ui-server the CLI embeds, built by
// install.sh and pointed at the cluster's frontend through a generated config file.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isListening, startProcess, waitUntil, type Supervised } from '../../dev/processes';
import { clusterBin, type ClusterSettings } from './settings';
import type { ClusterTls } from './tls';

export const uiBinary = join(clusterBin, 'temporal-ui-server');

/** The ui-server's YAML (`<dir>/ui/config/production.yaml`, read with `--env production`). */
export function uiConfig(temporalAddress: string, port: number, namespace: string, tls?: ClusterTls): string {
  return [
    `temporalGrpcAddress: ${temporalAddress}`,
    'host: 127.0.0.1',
    `port: ${port}`,
    'enableUi: true',
    `defaultNamespace: ${namespace}`,
    'showTemporalSystemNamespace: false',
    'refreshInterval: 1m',
    'cors:',
    '  allowOrigins: []',
    // Served over plain HTTP on loopback here: a Secure CSRF cookie would never come back.
    '  cookieInsecure: true',
    'auth:',
    '  enabled: false',
    ...(tls
      ? ['tls:', `  caFile: ${tls.ca}`, `  certFile: ${tls.clientCert}`, `  keyFile: ${tls.clientKey}`, `  serverName: ${tls.serverName}`, '  enableHostVerification: true']
      : []),
    '',
  ].join('\n');
}

export async function startUi(settings: ClusterSettings, temporalAddress: string, log: (line: string) => void, tls?: ClusterTls): Promise<Supervised> {
  const root = join(settings.dir, 'ui');
  mkdirSync(join(root, 'config'), { recursive: true });
  writeFileSync(join(root, 'config', 'production.yaml'), uiConfig(temporalAddress, settings.DONDOC_CLUSTER_UI_PORT, settings.DONDOC_CLUSTER_NAMESPACE, tls));
  const ui = startProcess('temporal-ui', uiBinary, ['--root', root, '--config', 'config', '--env', 'production', 'start'], process.env, log);
  await waitUntil('Temporal UI', () => isListening(settings.DONDOC_CLUSTER_UI_PORT), 60_000, ui.exited);
  return ui;
}
