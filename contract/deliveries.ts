// What a batch of delivered notices does to the state that lists them. One function, used by
// both sides of a send: the workflow's outbox, when the deliverNotices activity returns, and
// the activity itself, when it writes the assignment's record together with the notices (so
// the record it writes already carries their Message-IDs and refusals, and the workflow need
// not write it again for that). Both must reach the same state from the same results, or the
// workflow would take its own state for news and write the record twice; hence one function
// here, in the module both layers may import, and no copy in either. Imports nothing.

/** A notice as a state lists it: only the fields delivery settles are read here. */
export interface DeliveredNoticeEntry {
  key: string;
  sentAt?: string;
  messageId?: string;
  skipped?: 'past';
}

/** A refusal as a state lists it: one address per entry. */
export interface DeliveryFailureEntry {
  key: string;
  to: string;
  code: string;
  message: string;
  at: string;
}

/** What the activity reports for one notice of the batch (its DeliveryResult). */
export interface DeliveryOutcome {
  key: string;
  sent?: { messageId: string };
  failed?: { to: string[]; code: string; message: string };
}

/** The refusals of a batch, by the position of the notice in it (the outbox acts on each). */
export interface Refusal {
  index: number;
  failure: { to: string[]; code: string; message: string };
}

/**
 * Marks each sent notice of `batch` sent at `at` with its Message-ID (the oldest unsettled
 * entry of that key: a resend of a refused notice settles the entry left unsent), and lists
 * each refused address as a failure at `at`. Mutates `target` (a workflow's live state, or the
 * activity's copy of the snapshot) and returns the refusals in batch order.
 */
export function applyDeliveryResults<N extends DeliveredNoticeEntry>(
  target: { notices: N[]; failures: DeliveryFailureEntry[] },
  batch: readonly { key: string }[],
  results: readonly DeliveryOutcome[],
  at: string,
): Refusal[] {
  const refusals: Refusal[] = [];
  results.forEach((result, index) => {
    const request = batch[index];
    if (!request) return;
    const entry = target.notices.find((n) => n.key === request.key && n.sentAt === undefined && n.skipped === undefined);
    if (result.sent && entry) Object.assign(entry, { sentAt: at, messageId: result.sent.messageId });
    if (result.failed) {
      for (const to of result.failed.to) target.failures.push({ key: request.key, to, code: result.failed.code, message: result.failed.message, at });
      refusals.push({ index, failure: result.failed });
    }
  });
  return refusals;
}
