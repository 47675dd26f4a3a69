import type { Journal, Loaded } from './journal';
import type { SunkMessage, WaitForOptions } from './types';

const DEFAULT_TIMEOUT_MS = 10_000;
const LISTED_IN_TIMEOUT = 20;

interface Waiter {
  check(): void;
  fail(err: Error): void;
}

export interface MessageStore {
  add(message: Omit<SunkMessage, 'id'>): SunkMessage;
  list(): SunkMessage[];
  get(id: number): SunkMessage | undefined;
  clear(): number;
  waitFor(pred: (m: SunkMessage) => boolean, opts?: WaitForOptions): Promise<SunkMessage[]>;
  /** Rejects pending waiters so a test never hangs on a sink that is gone. */
  close(): void;
}

/** `persisted`: a journal on disk and what it held at start; without it the store is memory only. */
export function createMessageStore(maxMessages: number, persisted?: { journal: Journal; loaded: Loaded }): MessageStore {
  const messages: SunkMessage[] = [...(persisted?.loaded.messages ?? [])];
  const waiters = new Set<Waiter>();
  // Ids never restart, even after clear() or a restart, so an inbox link never points at another message.
  let nextId = persisted?.loaded.nextId ?? 1;

  const add = (message: Omit<SunkMessage, 'id'>): SunkMessage => {
    const stored: SunkMessage = { id: nextId++, ...message };
    // Written before the SMTP client hears 250: a message acknowledged is a message kept.
    persisted?.journal.append(stored);
    messages.push(stored);
    if (messages.length > maxMessages) messages.splice(0, messages.length - maxMessages);
    for (const waiter of [...waiters]) {
      // A throwing predicate is the test's bug: it fails that wait, not the SMTP delivery.
      try {
        waiter.check();
      } catch (err) {
        waiter.fail(err instanceof Error ? err : new Error(String(err)));
      }
    }
    return stored;
  };

  const waitFor = (pred: (m: SunkMessage) => boolean, opts: WaitForOptions = {}): Promise<SunkMessage[]> => {
    const count = opts.count ?? 1;
    const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    return new Promise<SunkMessage[]>((resolve, reject) => {
      const already = messages.filter(pred);
      if (already.length >= count) return resolve(already);
      const waiter: Waiter = {
        check() {
          const matched = messages.filter(pred);
          if (matched.length < count) return;
          finish();
          resolve(matched);
        },
        fail(err) {
          finish();
          reject(err);
        },
      };
      const timer = setTimeout(() => {
        const matched = messages.filter(pred).length;
        waiter.fail(new Error(timeoutMessage(timeoutMs, count, matched, messages)));
      }, timeoutMs);
      const finish = () => {
        clearTimeout(timer);
        waiters.delete(waiter);
      };
      waiters.add(waiter);
    });
  };

  return {
    add,
    list: () => [...messages],
    get: (id) => messages.find((m) => m.id === id),
    clear: () => {
      persisted?.journal.cleared(nextId);
      return messages.splice(0, messages.length).length;
    },
    waitFor,
    close() {
      for (const waiter of [...waiters]) waiter.fail(new Error('hộp thư thử nghiệm đã đóng (mail sink closed)'));
    },
  };
}

function timeoutMessage(timeoutMs: number, count: number, matched: number, messages: readonly SunkMessage[]): string {
  const head = `hết thời gian chờ thư (timeout) sau ${timeoutMs} ms: cần ${count} thư khớp, có ${matched}`;
  if (messages.length === 0) return `${head}; chưa nhận thư nào (no messages arrived)`;
  const shown = messages.slice(-LISTED_IN_TIMEOUT);
  const lines = shown.map((m) => `  #${m.id} ${m.messageId} ${m.from} → ${m.envelopeTo.join(', ')}: ${JSON.stringify(m.subject)}`);
  const skipped = messages.length - shown.length;
  return [`${head}; đã nhận ${messages.length} thư (arrived)${skipped > 0 ? `, ${shown.length} thư gần nhất` : ''}:`, ...lines].join('\n');
}
