import { join } from 'node:path';
import { createInboxServer } from './http';
import { openJournal } from './journal';
import { closeServer, listen } from './listen';
import { closeSmtpServer, createSmtpServer } from './smtp';
import { createMessageStore } from './store';
import type { MailSink, MailSinkOptions } from './types';

export type { MailSink, MailSinkOptions, SunkAttachment, SunkMessage, WaitForOptions } from './types';

const DEFAULT_MAX_MESSAGES = 5000;

/**
 * Starts the SMTP sink and its web inbox. Both bind before this resolves; if either port is
 * taken, whatever did start is closed again and the promise rejects naming the port.
 */
export async function startMailSink(opts: MailSinkOptions = {}): Promise<MailSink> {
  const host = opts.host ?? '127.0.0.1';
  const maxMessages = opts.maxMessages ?? DEFAULT_MAX_MESSAGES;
  if (!Number.isInteger(maxMessages) || maxMessages < 1) {
    throw new Error(`maxMessages phải là số nguyên dương (got ${maxMessages})`);
  }
  const store = createMessageStore(maxMessages, opts.dataDir !== undefined ? openJournal(join(opts.dataDir, 'messages.jsonl'), maxMessages) : undefined);
  let rejected = lowerSet(opts.reject ?? []);
  // A fresh SMTP server per start: a closed smtp-server instance is not meant to listen again.
  const newSmtp = () => createSmtpServer((message) => store.add(message), (address) => rejected.has(address.toLowerCase()));
  let smtp = newSmtp();
  const http = createInboxServer(store);

  const smtpPort = await listen(smtp.server, opts.smtpPort ?? 0, host);
  let httpPort: number;
  try {
    httpPort = await listen(http, opts.httpPort ?? 0, host);
  } catch (err) {
    await closeSmtpServer(smtp);
    throw err;
  }

  let closing: Promise<void> | undefined;
  return {
    smtpPort,
    httpPort,
    messages: () => store.list(),
    waitFor: (pred, waitOpts) => store.waitFor(pred, waitOpts),
    clear: () => void store.clear(),
    setRejected(addresses) {
      rejected = lowerSet(addresses);
    },
    stopSmtp: () => closeSmtpServer(smtp),
    async startSmtp() {
      if (smtp.server.listening) return;
      smtp = newSmtp();
      await listen(smtp.server, smtpPort, host);
    },
    close() {
      closing ??= (async () => {
        store.close();
        // Browsers keep inbox connections alive; close() must not wait for them.
        http.closeAllConnections();
        await Promise.all([closeSmtpServer(smtp), closeServer(http)]);
      })();
      return closing;
    },
  };
}

function lowerSet(addresses: readonly string[]): Set<string> {
  return new Set(addresses.map((a) => a.trim().toLowerCase()).filter((a) => a !== ''));
}
