// The notify activity: render a notice and hand it to the SMTP relay.
import { ApplicationFailure } from '@temporalio/common';
import type { Transporter } from 'nodemailer';
import type { NoticeRequest } from '../../workflows/assignment/notices';
import { messageIdFor } from './message-id';
import { renderNotice } from './templates';

export interface NotifyDeps {
  mailer: Transporter;
  from: string;
  /** Right-hand side of Message-IDs; the host of the public URL. */
  messageIdDomain: string;
}

export interface SentNotice {
  messageId: string;
  sentAt: string;
}

export function createSendNotice(deps: NotifyDeps) {
  return async function sendNotice(request: NoticeRequest): Promise<SentNotice> {
    if (request.to.length === 0) {
      throw ApplicationFailure.nonRetryable(`notice ${request.key} has no recipient`, 'NoRecipient');
    }
    const { subject, text, html } = renderNotice(request.data);
    const messageId = messageIdFor(request.key, deps.messageIdDomain);
    try {
      await deps.mailer.sendMail({
        from: deps.from,
        to: request.to,
        ...(request.cc.length > 0 ? { cc: request.cc } : {}),
        subject,
        text,
        html,
        messageId,
        headers: { 'X-Dondoc-Key': request.key },
      });
    } catch (err) {
      const smtp = err as { responseCode?: number; message?: string };
      // 5xx from the relay (bad mailbox, rejected) will not improve with retries.
      if (smtp.responseCode !== undefined && smtp.responseCode >= 500) {
        throw ApplicationFailure.nonRetryable(`SMTP ${smtp.responseCode}: ${smtp.message ?? 'rejected'}`, 'SmtpRejected');
      }
      throw err;
    }
    return { messageId, sentAt: new Date().toISOString() };
  };
}
