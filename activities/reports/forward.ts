// The forwardReport activity: the consolidated report goes up (to UBND, to the provincial
// committee) as one mail, a cover letter with the report files attached. Its Message-ID
// comes from the notice key, so a retry after a lost acknowledgement resends the same mail.
import { ApplicationFailure } from '@temporalio/common';
import { sendOnce } from '../../storage/sent-ledger';
import { messageIdFor } from '../notify/message-id';
import { renderNotice } from '../notify/render';
import { loadAttachment } from './attachments';
import { requireStore, type ReportDeps } from './deps';
import { oneLine, permanentFailure, type DeliveryFailure } from '../notify/delivery-failure';
import type { ForwardedReport, ForwardInput } from './types';

export function createForwardReport(deps: ReportDeps) {
  return async function forwardReport(input: ForwardInput): Promise<ForwardedReport> {
    if (input.to.length === 0) {
      return { failed: { to: [], code: 'no-recipient', message: 'không có địa chỉ nhận (no recipient)', at: new Date().toISOString() } };
    }
    const store = requireStore(deps);
    // Every file is read before anything is sent: a missing one must not produce a mail without it.
    const attachments = await Promise.all(input.attachments.map((file) => loadAttachment(store, file)));
    const { subject, text, html } = renderNotice(input.notice);
    const messageId = messageIdFor(input.key, deps.messageIdDomain);
    let refused: DeliveryFailure | undefined;
    const sent = await sendOnce(deps.ledger, input.key, async () => {
      try {
        await deps.mailer.sendMail({
          from: deps.from,
          to: input.to.map((person) => ({ name: person.name, address: person.email })),
          ...(input.cc.length > 0 ? { cc: input.cc } : {}),
          subject,
          text,
          html,
          messageId,
          ...(input.issuedAt ? { date: new Date(input.issuedAt) } : {}),
          headers: {
            'X-Dondoc-Key': input.key,
            'X-Dondoc-Kind': input.notice.kind,
            ...(input.planUid ? { 'X-Dondoc-Plan-Uid': input.planUid } : {}),
          },
          attachments,
        });
      } catch (err) {
        refused = permanentFailure(err as { responseCode?: number }, input.to.map((p) => p.email));
        if (refused) return undefined;
        throw ApplicationFailure.retryable(oneLine((err as Error).message ?? String(err)), 'SmtpUnavailable');
      }
      return { messageId, sentAt: new Date().toISOString() };
    });
    return { ...(sent ?? {}), ...(refused ? { failed: refused } : {}) };
  };
}
