// The forwardReport activity: the consolidated report goes up (to UBND, to the provincial
// committee) as one mail, a cover letter with the report files attached. Its Message-ID
// comes from the notice key, so a retry after a lost acknowledgement resends the same mail.
import { ApplicationFailure } from '@temporalio/common';
import { sendOnce } from '../../storage/sent-ledger';
import { messageIdFor } from '../notify/message-id';
import { renderNotice } from '../notify/render';
import { loadAttachment } from './attachments';
import { requireStore, type ReportDeps } from './deps';
import { classifySmtpError } from './smtp-failure';
import type { ForwardedReport, ForwardInput } from './types';

export function createForwardReport(deps: ReportDeps) {
  return async function forwardReport(input: ForwardInput): Promise<ForwardedReport> {
    if (input.to.length === 0) {
      throw ApplicationFailure.nonRetryable(`report ${input.key} has no recipient`, 'NoRecipient');
    }
    const store = requireStore(deps);
    // Every file is read before anything is sent: a missing one must not produce a mail without it.
    const attachments = await Promise.all(input.attachments.map((file) => loadAttachment(store, file)));
    const { subject, text, html } = renderNotice(input.notice);
    const messageId = messageIdFor(input.key, deps.messageIdDomain);
    return sendOnce(deps.ledger, input.key, async () => {
      try {
        await deps.mailer.sendMail({
          from: deps.from,
          to: input.to.map((person) => ({ name: person.name, address: person.email })),
          ...(input.cc.length > 0 ? { cc: input.cc } : {}),
          subject,
          text,
          html,
          messageId,
          headers: { 'X-Dondoc-Key': input.key },
          attachments,
        });
      } catch (err) {
        throw classifySmtpError(err);
      }
      return { messageId, sentAt: new Date().toISOString() };
    });
  };
}
