// Instants as people read them: ISO with the program zone's offset (2026-06-19T17:00:00+07:00).
import { DateTime } from 'luxon';

export function toLocalIso(instant: number, timeZone: string): string {
  const dt = DateTime.fromMillis(instant, { zone: timeZone });
  if (!dt.isValid) throw new Error(`invalid instant ${String(instant)} in ${timeZone}`);
  return dt.toISO({ suppressMilliseconds: true })!;
}
