import type { Server } from 'node:net';

/**
 * Starts listening and resolves with the real port (port 0 picks a free one). Bind errors
 * become one-line Errors naming the port, because the supervisor prints them as they are.
 */
export function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      reject(new Error(bindErrorMessage(err, port, host)));
    };
    const onListening = () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

function bindErrorMessage(err: NodeJS.ErrnoException, port: number, host: string): string {
  switch (err.code) {
    case 'EADDRINUSE':
      return `cổng ${port} đang được dùng (port in use)`;
    case 'EACCES':
      return `không được phép mở cổng ${port} (permission denied)`;
    case 'EADDRNOTAVAIL':
      return `không mở được cổng ${port} trên địa chỉ ${host} (address not available)`;
    default:
      return `không mở được cổng ${port}: ${err.message}`;
  }
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
  });
}
