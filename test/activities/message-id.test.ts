import { describe, expect, it } from 'vitest';
import { messageIdFor } from '../../activities/notify/message-id';

describe('messageIdFor', () => {
  it('keeps workflow ids readable and encodes what RFC 5322 does not allow', () => {
    expect(messageIdFor('vstbpn/bc-6t/2026-H1/tho-dan/r1/reminder-1', 'dondoc.example.org')).toBe(
      '<vstbpn/bc-6t/2026-H1/tho-dan/r1/reminder-1@dondoc.example.org>',
    );
    expect(messageIdFor('a b@c<d>', 'x.org')).toBe('<a=20b=40c=3Cd=3E@x.org>');
    expect(messageIdFor('.a..b.', 'x.org')).toBe('<_a.b_@x.org>');
  });
});
