// Due dates as an iCalendar file a unit imports into its calendar: one event per
// assignment, at the due, in UTC (no VTIMEZONE needed). Text escaping and line folding are
// the plan exporter's (program/format-ics.ts), so both calendars follow RFC 5545 alike.
import { DateTime } from 'luxon';
import { escapeText, foldLine } from '../../../program/format-ics';

export interface DueEvent {
  uid: string;
  title: string;
  description: string;
  due: Date;
  url?: string;
}

const utc = (d: Date, plusMinutes = 0) => DateTime.fromJSDate(d).plus({ minutes: plusMinutes }).toUTC().toFormat("yyyyMMdd'T'HHmmss'Z'");

export function dueCalendar(name: string, events: DueEvent[], stamp = new Date()): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//dondoc//dondoc web//VI', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${escapeText(name)}`];
  for (const e of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(e.uid)}@dondoc`,
      `DTSTAMP:${utc(stamp)}`,
      `DTSTART:${utc(e.due, -30)}`,
      `DTEND:${utc(e.due)}`,
      `SUMMARY:${escapeText(e.title)}`,
      `DESCRIPTION:${escapeText(e.description)}`,
      ...(e.url ? [`URL:${e.url}`] : []),
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      `DESCRIPTION:${escapeText(e.title)}`,
      'TRIGGER:-P1D',
      'END:VALARM',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
