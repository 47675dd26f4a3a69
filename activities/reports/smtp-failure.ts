// How a relay's refusal is classified, the same way the notices do: a 5xx (bad mailbox,
// message refused) will not improve with retries; anything else (connection, 4xx) may.
import { ApplicationFailure } from '@temporalio/common';

export function classifySmtpError(err: unknown): unknown {
  const smtp = err as { responseCode?: number; message?: string };
  if (smtp.responseCode !== undefined && smtp.responseCode >= 500) {
    return ApplicationFailure.nonRetryable(`SMTP ${smtp.responseCode}: ${smtp.message ?? 'rejected'}`, 'SmtpRejected');
  }
  return err;
}
