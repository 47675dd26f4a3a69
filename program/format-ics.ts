// The plan as an iCalendar feed (RFC 5545) a unit can subscribe to. Times are written in
// UTC, which needs no VTIMEZONE; UIDs are the plan's event ids, and DTSTAMP comes from the
// program (its date of issue), so the same program always yields the same bytes.
import { DateTime } from 'luxon';
import { Describer, type Locale } from './describe';
import type { Plan, PlannedEvent } from './plan-types';
import type { Program } from './types';

export interface IcsOptions {
  locale?: Locale;
  /** Appended to the calendar name, e.g. the unit a feed is for. */
  calendarSuffix?: string;
  /** Minutes each event lasts in a calendar view. */
  durationMinutes?: number;
}

/** TEXT value escaping (RFC 5545 §3.3.11). */
export function escapeText(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();

/**
 * Folds a content line at 75 octets (RFC 5545 §3.1): continuation lines start with one
 * space. Splits only between characters, never inside a multi-byte UTF-8 sequence.
 */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const out: string[] = [];
  let current = '';
  let size = 0;
  for (const ch of line) {
    const n = encoder.encode(ch).length;
    if (size + n > 75) {
      out.push(current);
      current = ' ';
      size = 1;
    }
    current += ch;
    size += n;
  }
  out.push(current);
  return out.join('\r\n');
}

function utc(at: string, plusMinutes = 0): string {
  return DateTime.fromISO(at, { setZone: true }).plus({ minutes: plusMinutes }).toUTC().toFormat("yyyyMMdd'T'HHmmss'Z'");
}

export function formatIcs(program: Program, plan: Plan, events: PlannedEvent[], options: IcsOptions = {}): string {
  const locale = options.locale ?? program.program.locale;
  const d = new Describer(program, plan, locale);
  const header = program.program;
  const stamp = `${(header.issued ?? `${header.year}-01-01`).replace(/-/g, '')}T000000Z`;
  const duration = options.durationMinutes ?? 30;
  const title = locale === 'en' ? (header.titleEn ?? header.title) : header.title;
  const name = options.calendarSuffix ? `${title} — ${options.calendarSuffix}` : title;
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//dondoc//dondoc plan//${locale.toUpperCase()}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(name)}`,
    `X-WR-TIMEZONE:${header.timezone}`,
  ];
  for (const e of events) {
    const t = d.describe(e);
    const description = [t.unit, t.period, t.note].filter((s) => s !== '').join('\n');
    lines.push(
      'BEGIN:VEVENT',
      `UID:${e.uid}@dondoc`,
      `DTSTAMP:${stamp}`,
      `DTSTART:${utc(e.at)}`,
      `DTEND:${utc(e.at, duration)}`,
      `SUMMARY:${escapeText(e.unitId !== undefined ? `${t.what} (${t.unit})` : t.what)}`,
      `DESCRIPTION:${escapeText(description)}`,
      `CATEGORIES:${escapeText(e.kind)}`,
      'STATUS:CONFIRMED',
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
