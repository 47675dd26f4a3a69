// The bare workflow's one activity: a plain message through the same SMTP relay.
import type { Transporter } from 'nodemailer';

export function createBareActivities(mailer: Transporter) {
  return {
    async sendBareNotice({ key, to, subject }: { key: string; to: string; subject: string }): Promise<void> {
      await mailer.sendMail({ from: 'bare@bench.example.org', to, subject, text: subject, messageId: `<${key}@bench.example.org>` });
    },
  };
}
