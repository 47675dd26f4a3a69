// A real SMTP sink per test file, and the activity dependencies that send to it.
import { createMailer } from '../../activities/notify/mailer';
import type { ActivityDeps } from '../../activities';
import { startMailSink, type MailSink } from '../../dev/mail-sink/sink';

export async function startTestMail(): Promise<{ sink: MailSink; deps: ActivityDeps }> {
  const sink = await startMailSink({ smtpPort: 0, httpPort: 0 });
  const deps: ActivityDeps = {
    mailer: createMailer(`smtp://127.0.0.1:${sink.smtpPort}`),
    from: '"dondoc" <dondoc@test.example.org>',
    messageIdDomain: 'test.example.org',
  };
  return { sink, deps };
}
