// The plan of a draft as a month calendar: for each day of the month, the events a reader
// cares about (requests, dues, launches, visits, consolidations, escalations), one line per
// item, period and kind with the number of units. Days are the program's time zone's days.
import { DateTime } from 'luxon';
import type { EventKind, Plan, Program } from '../../../program/types';

const SHOWN: ReadonlySet<EventKind> = new Set(['request', 'due', 'launch', 'check-in', 'visit', 'consolidation', 'approval', 'forward', 'escalation', 'plans-due', 'findings']);

export interface DayEvent {
  kind: EventKind;
  itemId: string;
  itemTitle: string;
  periodLabel: string;
  time: string;
  units: number;
}

export interface MonthView {
  month: string;
  prev: string;
  next: string;
  /** Weeks, Monday first; `undefined` for days outside the month. */
  weeks: ({ date: string; events: DayEvent[] } | undefined)[][];
  count: number;
}

/** The month to show first: the asked one, else today's when the plan has events then, else the first month with events. */
export function pickMonth(plan: Plan, asked: string | undefined, zone: string, now = Date.now()): string {
  if (asked && /^\d{4}-(0[1-9]|1[0-2])$/.test(asked)) return asked;
  const today = DateTime.fromMillis(now, { zone }).toFormat('yyyy-MM');
  const months = new Set(plan.events.filter((e) => SHOWN.has(e.kind)).map((e) => e.date.slice(0, 7)));
  if (months.has(today) || months.size === 0) return today;
  const later = [...months].sort().find((m) => m >= today);
  return later ?? [...months].sort()[0]!;
}

export function monthView(program: Program, plan: Plan, month: string): MonthView {
  const items = new Map(program.items.map((i) => [i.id, i]));
  const labels = new Map(plan.occurrences.map((o) => [o.id, o.label[program.program.locale]]));
  const byDay = new Map<string, Map<string, DayEvent>>();
  let count = 0;
  for (const e of plan.events) {
    if (!SHOWN.has(e.kind) || !e.date.startsWith(month)) continue;
    const day = byDay.get(e.date) ?? byDay.set(e.date, new Map()).get(e.date)!;
    const key = `${e.occurrenceId}|${e.kind}|${e.time}`;
    const found = day.get(key);
    if (found) {
      if (e.unitId) found.units++;
      continue;
    }
    const item = items.get(e.itemId);
    count++;
    day.set(key, { kind: e.kind, itemId: e.itemId, itemTitle: item ? (item.short ?? item.title) : e.itemId, periodLabel: labels.get(e.occurrenceId) ?? e.periodKey, time: e.time, units: e.unitId ? 1 : 0 });
  }
  const first = DateTime.fromISO(`${month}-01`);
  const weeks: MonthView['weeks'] = [];
  let week: MonthView['weeks'][number] = Array.from({ length: first.weekday - 1 }, () => undefined);
  for (let d = first; d.month === first.month; d = d.plus({ days: 1 })) {
    const date = d.toISODate()!;
    week.push({ date, events: [...(byDay.get(date)?.values() ?? [])].sort((a, b) => a.time.localeCompare(b.time)) });
    if (week.length === 7) {
      weeks.push(week);
      week = [];
    }
  }
  if (week.length > 0) weeks.push([...week, ...Array.from({ length: 7 - week.length }, () => undefined)]);
  return { month, prev: first.minus({ months: 1 }).toFormat('yyyy-MM'), next: first.plus({ months: 1 }).toFormat('yyyy-MM'), weeks, count };
}
