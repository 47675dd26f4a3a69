// The iCalendar feed: checked by hand against RFC 5545 (CRLF, folding at 75 octets without
// splitting a character, escaping, unique UIDs) and parsed back by ical.js, an independent parser.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, formatIcs } from '../../program/format-ics';
import { loadProgram } from '../../program/load';
import { compilePlan } from '../../program/plan';
import { filterEvents, sortEvents } from '../../program/plan-query';

const result = loadProgram(join(__dirname, '..', '..', 'programs', 'vstbpn-trieu-son-2021.yaml'));
if (!result.ok) throw new Error('seed program invalid');
const program = result.program;
const plan = compilePlan(program);
const events = sortEvents(filterEvents(plan, { unit: 'tho-dan' }));
const ics = formatIcs(program, plan, events, { calendarSuffix: 'UBND xã Thọ Dân' });
const octets = (s: string): number => new TextEncoder().encode(s).length;

/** Unfolds and splits into [name-with-params, value] pairs, the way a parser does. */
function contentLines(text: string): Array<[string, string]> {
  return text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter((l) => l !== '')
    .map((l) => {
      const i = l.indexOf(':');
      return [l.slice(0, i), l.slice(i + 1)];
    });
}

describe('iCalendar feed', () => {
  it('uses CRLF only and ends with one', () => {
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('folds every line at 75 octets, continuation lines starting with one space', () => {
    const physical = ics.split('\r\n').slice(0, -1);
    expect(physical.some((l) => l.startsWith(' '))).toBe(true);
    for (const l of physical) expect(octets(l)).toBeLessThanOrEqual(75);
  });

  it('has the calendar properties a subscriber needs', () => {
    const lines = contentLines(ics);
    const names = lines.map(([n]) => n);
    expect(lines[0]).toEqual(['BEGIN', 'VCALENDAR']);
    expect(lines[lines.length - 1]).toEqual(['END', 'VCALENDAR']);
    expect(names).toContain('PRODID');
    expect(lines.find(([n]) => n === 'VERSION')?.[1]).toBe('2.0');
    expect(lines.find(([n]) => n === 'METHOD')?.[1]).toBe('PUBLISH');
    expect(lines.find(([n]) => n === 'X-WR-CALNAME')?.[1]).toBe(
      'Chương trình công tác vì sự tiến bộ của phụ nữ huyện Triệu Sơn năm 2021 — UBND xã Thọ Dân',
    );
  });

  it('has one VEVENT per event, each with a unique UID, a fixed DTSTAMP and UTC times', () => {
    const lines = contentLines(ics);
    expect(lines.filter(([n, v]) => n === 'BEGIN' && v === 'VEVENT')).toHaveLength(events.length);
    expect(lines.filter(([n, v]) => n === 'END' && v === 'VEVENT')).toHaveLength(events.length);
    const uids = lines.filter(([n]) => n === 'UID').map(([, v]) => v);
    expect(new Set(uids).size).toBe(events.length);
    for (const uid of uids) expect(uid).toMatch(/^vstbpn-trieu-son-2021\/[A-Za-z0-9/-]+@dondoc$/);
    for (const [, v] of lines.filter(([n]) => n === 'DTSTAMP')) expect(v).toBe('20210504T000000Z');
    for (const [, v] of lines.filter(([n]) => n === 'DTSTART' || n === 'DTEND')) expect(v).toMatch(/^\d{8}T\d{6}Z$/);
  });

  it('writes the 6-month report due (17/6/2021 17:00 +07:00) as 10:00 UTC', () => {
    const lines = contentLines(ics);
    const i = lines.findIndex(([n, v]) => n === 'UID' && v === 'vstbpn-trieu-son-2021/bao-cao-6-thang/2021-H1/tho-dan/due@dondoc');
    const block = lines.slice(i, lines.findIndex(([n], j) => j > i && n === 'END'));
    expect(block.find(([n]) => n === 'DTSTART')?.[1]).toBe('20210617T100000Z');
    expect(block.find(([n]) => n === 'SUMMARY')?.[1]).toContain('Hạn nộp báo cáo: Báo cáo sơ kết 6 tháng thực hiện mục tiêu bình đẳng giới');
  });

  it('is the same byte for byte on every run', () => {
    expect(formatIcs(program, compilePlan(program), events, { calendarSuffix: 'UBND xã Thọ Dân' })).toBe(ics);
  });

  it('escapes TEXT values', () => {
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
    const lines = contentLines(ics);
    for (const [n, v] of lines.filter(([name]) => name === 'SUMMARY' || name === 'DESCRIPTION')) {
      expect(v, n).not.toMatch(/(^|[^\\])[,;]/);
    }
  });

  it('never splits a multi-byte character when folding', () => {
    const line = `SUMMARY:${'ệ'.repeat(60)}${'Đ'.repeat(7)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      expect(octets(p)).toBeLessThanOrEqual(75);
      // Each physical line is valid UTF-8 on its own.
      expect(new TextDecoder('utf-8', { fatal: true }).decode(new TextEncoder().encode(p))).toBe(p);
    }
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
    expect(foldLine('SHORT:ok')).toBe('SHORT:ok');
  });

  it('parses back with an independent parser (ical.js)', async () => {
    // ical.js is an ES module; a dynamic import loads it from this CommonJS test.
    const { default: ICAL } = await import('ical.js');
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const vevents = calendar.getAllSubcomponents('vevent');
    expect(vevents).toHaveLength(events.length);
    const uids = vevents.map((v) => String(v.getFirstPropertyValue('uid')));
    expect(new Set(uids).size).toBe(events.length);
    const due = vevents.find((v) => v.getFirstPropertyValue('uid') === 'vstbpn-trieu-son-2021/bao-cao-6-thang/2021-H1/tho-dan/due@dondoc');
    expect(String(due?.getFirstPropertyValue('summary'))).toContain('Báo cáo sơ kết 6 tháng');
  });
});
