// The suite's verdict from what arrived in the sink and what Temporal says: pure, so the
// counting itself is simple to read and to check.
import type { Expected } from './fixture';

export interface DeliveredMessage {
  /** X-Dondoc-Key, or the Message-ID's left part when a message lacks the header. */
  key: string;
  messageId: string;
}

export interface Tally {
  expected: number;
  delivered: number;
  duplicates: number;
  lost: string[];
  /** Keys that arrived but the model did not expect (e.g. notices added after this suite was written). */
  unexpected: string[];
  /** Expected-to-bounce keys that are not listed among the delivery failures. */
  bouncesNotListed: string[];
  undeliverable: number;
}

export function tally(expected: Expected, messages: readonly DeliveredMessage[], failureKeys: readonly string[]): Tally {
  const byId = new Map<string, number>();
  for (const m of messages) byId.set(m.messageId, (byId.get(m.messageId) ?? 0) + 1);
  const keys = new Set(messages.map((m) => m.key));
  const listed = new Set(failureKeys);
  return {
    expected: expected.deliverable.size,
    delivered: [...expected.deliverable].filter((k) => keys.has(k)).length,
    duplicates: [...byId.values()].reduce((sum, n) => sum + n - 1, 0),
    lost: [...expected.deliverable].filter((k) => !keys.has(k)),
    unexpected: [...keys].filter((k) => !expected.deliverable.has(k) && !expected.ambiguous.has(k)),
    // A workflow may stop mailing an address it knows is bad: the request must be listed at least.
    bouncesNotListed: [...expected.bouncing].filter((k) => k.endsWith('/request') && !listed.has(k)),
    undeliverable: listed.size,
  };
}
