import { describe, expect, it } from 'vitest';
import { messageIdFor } from '../../activities/notify/message-id';
import type { NoticeRecord } from '../../workflows/assignment/messages';
import { tallyNotices } from './tally';

const notice = (key: string, scheduledFor: string, extra: Partial<NoticeRecord> = {}): NoticeRecord => ({ key, kind: 'request', to: ['a@example.org'], scheduledFor, ...extra });
const id = (key: string) => messageIdFor(key, 'example.org');
const now = Date.parse('2026-12-01T10:00:00Z');

describe('tallyNotices', () => {
  it('counts a notice received once as delivered, twice as one duplicate, never as lost', () => {
    const t = tallyNotices([notice('occ/a/request', '2026-12-01T09:00:00Z'), notice('occ/b/request', '2026-12-01T09:00:00Z')], [id('occ/a/request'), id('occ/b/request'), id('occ/b/request')], 'example.org', now);
    expect(t).toMatchObject({ expected: 2, delivered: 2, duplicates: 1, lost: [], unexpected: [] });
  });

  it('reports a due notice that never arrived as lost, and ignores future and skipped ones', () => {
    const t = tallyNotices(
      [notice('occ/a/request', '2026-12-01T09:00:00Z'), notice('occ/a/r1/reminder-1', '2026-12-01T11:00:00Z'), notice('occ/a/old', '2026-11-01T09:00:00Z', { skipped: 'past' })],
      [],
      'example.org',
      now,
    );
    expect(t).toMatchObject({ expected: 1, delivered: 0, duplicates: 0, lost: [id('occ/a/request')] });
  });

  it('uses the Message-ID the workflow recorded, and lists mail nobody expected', () => {
    const t = tallyNotices([notice('occ/a/request', '2026-12-01T09:00:00Z', { messageId: '<custom@example.org>' })], ['<custom@example.org>', '<stray@example.org>'], 'example.org', now);
    expect(t).toMatchObject({ expected: 1, delivered: 1, unexpected: ['<stray@example.org>'] });
  });
});
