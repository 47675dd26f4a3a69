// A slow relay in front of the SMTP sink: what the worker sends is passed on after a delay,
// so each message takes seconds, as with a busy office relay. A worker killed mid-send closes
// its connection; whatever it had not yet delivered is dropped, never forwarded late, so the
// relay never accepts a message the dead worker could not record as sent.
import { createConnection, createServer, type AddressInfo, type Server } from 'node:net';

export async function startSlowRelay(target: number, delayMs: number): Promise<{ port: number; close(): Promise<void> }> {
  const server: Server = createServer((client) => {
    const upstream = createConnection({ host: '127.0.0.1', port: target });
    const pending = new Set<NodeJS.Timeout>();
    client.on('data', (chunk) => {
      const timer = setTimeout(() => {
        pending.delete(timer);
        upstream.write(chunk);
      }, delayMs);
      pending.add(timer);
    });
    upstream.on('data', (chunk) => client.write(chunk));
    const drop = () => {
      for (const timer of pending) clearTimeout(timer);
      pending.clear();
      upstream.destroy();
      client.destroy();
    };
    client.on('close', drop);
    client.on('error', drop);
    upstream.on('close', drop);
    upstream.on('error', drop);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
