// A record of the messages already handed to the SMTP relay, keyed by notice key. An
// activity retried after its worker died between "sent" and "reported" finds its key here
// and does not send again. The Message-ID covers the remaining window (a crash between the
// relay's acceptance and this record).
//
// Two implementations: the records database (storage/records/ledger.ts), shared by workers
// on different hosts, which the worker uses; and a folder of small files, kept for tools
// and tests that run without a database (workers sharing it must share DATA_DIR).
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

export interface SentRecord {
  messageId: string;
  sentAt: string;
}

/** What the notice was, for ledgers that keep more than the key (the records database). */
export interface SentDetails {
  workflowId: string;
  kind: string;
  to: string[];
  cc: string[];
  subject: string;
}

export interface SentLedger {
  find(key: string): Promise<SentRecord | undefined>;
  /** Records a send once; a key already recorded keeps its first record. */
  record(key: string, sent: SentRecord, details?: SentDetails): Promise<void>;
}

export class FileSentLedger implements SentLedger {
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
    await writeFile(path, JSON.stringify({ key, ...sent }), { flag: 'wx' }).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'EEXIST') throw err;
    });
  }
}

/** Sends once per key: a key already in the ledger returns what was recorded. */
export async function sendOnce(
  ledger: SentLedger | undefined,
  key: string,
  send: () => Promise<SentRecord | undefined>,
  details?: SentDetails,
): Promise<SentRecord | undefined> {
  const earlier = await ledger?.find(key);
  if (earlier) return { messageId: earlier.messageId, sentAt: earlier.sentAt };
  const sent = await send();
  // Nothing sent (every address refused): nothing to remember, a corrected address may send it.
  if (sent) await ledger?.record(key, sent, details);
  return sent;
}
