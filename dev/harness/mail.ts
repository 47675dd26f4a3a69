// A real SMTP sink per test file, and the activity dependencies that send to it (with a
// file store in a temporary directory, removed when the sink closes).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMailer } from '../../activities/notify/mailer';
import type { ActivityDeps } from '../../activities';
import type { NoticeLinks } from '../../auth/links';
import { startMailSink, type MailSink } from '../../dev/mail-sink/sink';
import { FileStore } from '../../storage/file-store';
import { RecordsLedger, type Records } from '../../storage/records';
import { createTestRecords } from './records';

/** Signs links in tests; the web server under test is given the same one. */
export const TEST_SECRET = Buffer.from('dondoc-test-secret-0123456789abcdef', 'utf8');

/**
 * `links`: how notices link back to the web (the web tests pass one built for their server).
 * `records`: the records database the activities write to and take their notice ledger
 * from; absent, a temporary SQLite one is created here and removed when the sink closes.
 */
export async function startTestMail(options: { links?: NoticeLinks; records?: Records } = {}): Promise<{ sink: MailSink; deps: ActivityDeps }> {
  const started = await startMailSink({ smtpPort: 0, httpPort: 0 });
  const files = await mkdtemp(join(tmpdir(), 'dondoc-files-'));
  // Its own temporary directory: the file store's root holds stored files only.
  const own = options.records ? undefined : await createTestRecords();
  const records = options.records ?? own!.records;
  const deps: ActivityDeps = {
    mailer: createMailer(`smtp://127.0.0.1:${started.smtpPort}`),
    from: '"dondoc" <dondoc@test.example.org>',
    messageIdDomain: 'test.example.org',
    store: new FileStore(files),
    ledger: new RecordsLedger(records),
    records,
    ...(options.links ? { links: options.links } : {}),
  };
  const sink: MailSink = {
    ...started,
    close: async () => {
      await started.close();
      await own?.cleanup();
      await rm(files, { recursive: true, force: true });
    },
  };
  return { sink, deps };
}
