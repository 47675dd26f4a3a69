// Instants as people read them: ISO with the program zone's offset.
import { describe, expect, it } from 'vitest';
import { toLocalIso } from '../../../workflows/occurrence/time';

describe('toLocalIso', () => {
  it('writes an instant in the program’s zone with its offset, without milliseconds', () => {
    expect(toLocalIso(Date.parse('2026-06-19T10:00:00Z'), 'Asia/Ho_Chi_Minh')).toBe('2026-06-19T17:00:00+07:00');
  });

  it('keeps milliseconds when there are some', () => {
    expect(toLocalIso(Date.parse('2026-06-19T10:00:00.250Z'), 'Asia/Ho_Chi_Minh')).toBe('2026-06-19T17:00:00.250+07:00');
  });

  it('moves to the next local day when the instant does', () => {
    expect(toLocalIso(Date.parse('2026-12-31T17:30:00Z'), 'Asia/Ho_Chi_Minh')).toBe('2027-01-01T00:30:00+07:00');
  });

  it('follows the zone’s own offset, summer time included', () => {
    expect(toLocalIso(Date.parse('2026-07-01T10:00:00Z'), 'Europe/Paris')).toBe('2026-07-01T12:00:00+02:00');
    expect(toLocalIso(Date.parse('2026-12-01T10:00:00Z'), 'Europe/Paris')).toBe('2026-12-01T11:00:00+01:00');
  });

  it('refuses an unknown zone or a missing instant, naming both', () => {
    expect(() => toLocalIso(0, 'Asia/Ha_Noi')).toThrow('invalid instant 0 in Asia/Ha_Noi');
    expect(() => toLocalIso(Number.NaN, 'Asia/Ho_Chi_Minh')).toThrow('invalid instant NaN in Asia/Ho_Chi_Minh');
  });
});
