// A record of the messages already handed to the SMTP relay, keyed by notice key. An
// activity retried after its worker died between "sent" and "reported" finds its key here
// and does not send again. The Message-ID covers the remaining window (a crash between the
// relay's acceptance and this record). Workers sharing a task queue share DATA_DIR.
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

export interface SentRecord {
  messageId: string;
  sentAt: string;
}

export class SentLedger {
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  private path(key: string): string {
    const hash = createHash('sha256').update(key).digest('hex');
    return join(this.root, hash.slice(0, 2), `${hash}.json`);
  }

  async find(key: string): Promise<SentRecord | undefined> {
    try {
      return JSON.parse(await readFile(this.path(key), 'utf8')) as SentRecord;
    } catch {
      return undefined;
    }
  }

  async record(key: string, sent: SentRecord): Promise<void> {
    const path = this.path(key);
    await mkdir(join(path, '..'), { recursive: true });
    await writeFile(path, JSON.stringify({ key, ...sent }));
  }
}

/** Sends once per key: a key already in the ledger returns what was recorded. */
export async function sendOnce(ledger: SentLedger | undefined, key: string, send: () => Promise<SentRecord | undefined>): Promise<SentRecord | undefined> {
  const earlier = await ledger?.find(key);
  if (earlier) return { messageId: earlier.messageId, sentAt: earlier.sentAt };
  const sent = await send();
  // Nothing sent (every address refused): nothing to remember, a corrected address may send it.
  if (sent) await ledger?.record(key, sent);
  return sent;
}
