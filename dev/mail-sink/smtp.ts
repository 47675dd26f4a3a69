import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { toSunkMessage } from './parse';
import type { SunkMessage } from './types';

const MAX_MESSAGE_BYTES = 50 * 1024 * 1024;

/**
 * An SMTP server that accepts everything: any sender, any recipient, no auth. STARTTLS is
 * off because it only ever listens on loopback and a TLS offer would make clients with
 * `secure: false` negotiate with smtp-server's published test certificate.
 *
 * `rejects(address)`: recipients answered with a permanent 550 5.1.1 at RCPT TO, as a real
 * relay answers for a mailbox that does not exist (fault tests use it for a bouncing unit).
 */
export function createSmtpServer(onMessage: (message: Omit<SunkMessage, 'id'>) => void, rejects: (address: string) => boolean = () => false): SMTPServer {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: MAX_MESSAGE_BYTES,
    // A pooled client left open must not hold close() for smtp-server's default 30 s.
    closeTimeout: 1000,
    onRcptTo(address, _session, callback) {
      if (!rejects(address.address)) return callback();
      callback(Object.assign(new Error(`5.1.1 <${address.address}>: Recipient address rejected: User unknown (hộp thư không tồn tại)`), { responseCode: 550 }));
    },
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (parsed) => {
          if (stream.sizeExceeded) {
            callback(Object.assign(new Error('Thư vượt quá dung lượng cho phép (message too large)'), { responseCode: 552 }));
            return;
          }
          const envelopeTo = session.envelope.rcptTo.map((r) => r.address);
          onMessage(toSunkMessage(parsed, envelopeTo, new Date()));
          callback();
        },
        (err: unknown) => callback(err instanceof Error ? err : new Error(String(err))),
      );
    },
  });
  // Client resets and protocol errors are per-connection; without a listener they would
  // crash the process hosting the sink.
  server.on('error', () => undefined);
  return server;
}

export function closeSmtpServer(server: SMTPServer): Promise<void> {
  return new Promise((resolve) => {
    if (!server.server.listening) return resolve();
    server.close(() => resolve());
  });
}
