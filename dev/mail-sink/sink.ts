import { createInboxServer } from './http';
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
  const store = createMessageStore(maxMessages);
  const smtp = createSmtpServer((message) => store.add(message));
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
