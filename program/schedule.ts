// Turns a date as offices write it ("5 ngày làm việc sau ngày chốt số liệu") into a date.
// Calendar-day counts that land on a day off move: deadlines and escalations forward (Civil
// Code art. 148), reminders and notices back, so they still arrive before what they announce.
import type { IsoDate } from '../calendar';
import type { CachedCalendar } from './calendar-cache';
import { escalationOffset, offsetFrom, reminderOffset, type OffsetCalendar } from './follow-ups';
import type { Anchor, DateSpec, EscalationStep, Reminder } from './types';

export type Anchors = Partial<Record<Anchor, IsoDate>>;

export interface Dated {
  date: IsoDate;
  time: string;
  /** The written date, when it fell on a day off and was moved. */
  movedFrom?: IsoDate;
}

export type Resolution = ({ ok: true } & Dated) | { ok: false; anchor: Anchor; allowed: Anchor[] };

export interface SpecContext {
  anchors: Anchors;
  defaultAnchor: Anchor;
  defaultDirection: 'after' | 'before';
  /** Deadlines roll forward off days off; notices roll back. */
  role: 'deadline' | 'notice';
  time: string;
}

export function resolveSpec(spec: DateSpec, cal: CachedCalendar, ctx: SpecContext): Resolution {
  if (typeof spec === 'string') return fixed(spec, ctx.time, cal, ctx.role);
  const time = spec.time ?? ctx.time;
  if (spec.date !== undefined) return fixed(spec.date, time, cal, ctx.role);
  const direction = spec.before !== undefined ? 'before' : spec.after !== undefined ? 'after' : ctx.defaultDirection;
  const anchor = spec.before ?? spec.after ?? ctx.defaultAnchor;
  const base = ctx.anchors[anchor];
  if (base === undefined) return { ok: false, anchor, allowed: Object.keys(ctx.anchors) as Anchor[] };
  const sign = direction === 'before' ? -1 : 1;
  if (spec.workingDays !== undefined) {
    const n = spec.workingDays;
    // "0 working days before" a day off means the last working day before it.
    if (n === 0 && sign < 0 && !cal.isWorkingDay(base)) return { ok: true, date: cal.rollBack(base), time };
    return { ok: true, date: cal.addWorkingDays(base, sign * n), time };
  }
  const raw = cal.addDays(base, sign * (spec.days ?? 0));
  return moved(raw, time, cal, ctx.role);
}

function fixed(date: IsoDate, time: string, cal: CachedCalendar, role: SpecContext['role']): Resolution {
  return moved(date, time, cal, role);
}

function moved(raw: IsoDate, time: string, cal: CachedCalendar, role: SpecContext['role']): Resolution {
  if (cal.isWorkingDay(raw)) return { ok: true, date: raw, time };
  const date = role === 'deadline' ? cal.rollForward(raw) : cal.rollBack(raw);
  return { ok: true, date, time, movedFrom: raw };
}

/** A reminder counts back from the due date (through the one rule in follow-ups.ts). */
export function reminderDate(r: Reminder, due: IsoDate, cal: CachedCalendar, time: string): Dated {
  return offsetFrom({ date: due, time }, reminderOffset(r, time), -1, offsetCalendar(cal), 'UTC');
}

/** An escalation counts forward from the due date (through the one rule in follow-ups.ts). */
export function escalationDate(e: EscalationStep, due: IsoDate, cal: CachedCalendar, time: string): Dated {
  return offsetFrom({ date: due, time }, escalationOffset(e, time), 1, offsetCalendar(cal), 'UTC');
}

/** The memoised calendar of a compile, seen as the calendar follow-ups count on. */
export function offsetCalendar(cal: CachedCalendar): OffsetCalendar {
  return {
    isWorkingDay: (d) => cal.isWorkingDay(d),
    addWorkingDays: (d, n) => cal.addWorkingDays(d, n),
    previousWorkingDay: (d) => cal.rollBack(cal.addDays(d, -1)),
    workingDaysBetween: (a, b) => cal.inner.workingDaysBetween(a, b),
  };
}

export function isBefore(a: Dated, b: Dated): boolean {
  return a.date < b.date || (a.date === b.date && a.time < b.time);
}
