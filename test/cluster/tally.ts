// Counting notices for the cluster test: what the workflows say was due to go out, against
// what the SMTP sink received, by Message-ID. Pure, so its arithmetic is tested on its own.
import { messageIdFor } from '../../activities/notify/message-id';
import type { NoticeRecord } from '../../workflows/assignment/messages';

export interface Tally {
  /** Notices the workflows scheduled at or before `now` (skipped ones excluded). */
  expected: number;
  /** Expected notices that reached the sink at least once. */
  delivered: number;
  /** Extra copies of a Message-ID beyond the first. */
  duplicates: number;
  /** Expected notices the sink never received. */
  lost: string[];
  /** Messages at the sink that no workflow expected. */
  unexpected: string[];
}

export function tallyNotices(notices: NoticeRecord[], received: string[], domain: string, now: number): Tally {
  const expectedIds = new Set(
    notices
      .filter((n) => n.skipped === undefined && Date.parse(n.scheduledFor) <= now)
      .map((n) => n.messageId ?? messageIdFor(n.key, domain)),
  );
  const seen = new Map<string, number>();
  for (const id of received) seen.set(id, (seen.get(id) ?? 0) + 1);
  const lost = [...expectedIds].filter((id) => !seen.has(id));
  const unexpected = [...seen.keys()].filter((id) => !expectedIds.has(id));
  const duplicates = [...seen.values()].reduce((sum, n) => sum + n - 1, 0);
  return { expected: expectedIds.size, delivered: expectedIds.size - lost.length, duplicates, lost, unexpected };
}
