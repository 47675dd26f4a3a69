// Certificates for running the local cluster with mutual TLS (DONDOC_CLUSTER_TLS=true, and
// always in `npm run test:cluster`): a CA, the frontend's certificate for localhost and
// 127.0.0.1, and a client certificate the workers, the web server, the UI and the server's
// own system worker present. Made with openssl once per cluster dir. An office uses its own PKI.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ClusterTls {
  ca: string;
  serverCert: string;
  serverKey: string;
  clientCert: string;
  clientKey: string;
  /** The name in the server certificate, checked by every client. */
  serverName: string;
}

function openssl(args: string[]): void {
  execFileSync('openssl', args, { stdio: ['ignore', 'pipe', 'pipe'] });
}

export function ensureClusterTls(dir: string, log: (line: string) => void): ClusterTls {
  const tls = join(dir, 'tls');
  const paths: ClusterTls = {
    ca: join(tls, 'ca.pem'),
    serverCert: join(tls, 'frontend.pem'),
    serverKey: join(tls, 'frontend.key'),
    clientCert: join(tls, 'client.pem'),
    clientKey: join(tls, 'client.key'),
    serverName: 'localhost',
  };
  if (existsSync(paths.clientCert)) return paths;
  mkdirSync(tls, { recursive: true, mode: 0o700 });
  log(`tls: creating a CA and certificates in ${tls}`);
  const caKey = join(tls, 'ca.key');
  openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', caKey, '-out', paths.ca, '-days', '3650', '-subj', '/CN=dondoc local cluster CA',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
  const leaf = (name: string, cert: string, key: string, ext: string) => {
    const csr = `${cert}.csr`;
    const extFile = `${cert}.ext`;
    writeFileSync(extFile, `${ext}\nbasicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\n`);
    openssl(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', csr, '-subj', `/CN=${name}`]);
    openssl(['x509', '-req', '-in', csr, '-CA', paths.ca, '-CAkey', caKey, '-CAcreateserial', '-out', cert, '-days', '825', '-extfile', extFile]);
  };
  leaf('localhost', paths.serverCert, paths.serverKey, 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth');
  leaf('dondoc-client', paths.clientCert, paths.clientKey, 'subjectAltName=DNS:dondoc-client\nextendedKeyUsage=clientAuth');
  return paths;
}
