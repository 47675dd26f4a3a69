// What an item actually uses once the program's defaults and dondoc's own are applied,
// together with where in the file each setting was written (for error positions).
import type { PathSegment } from './errors';
import type { DateSpec, Defaults, EscalationStep, Item, Reminder, Review } from './types';

/** Two reminders, at 3 and 1 working days before the due date. */
export const BUILTIN_REMINDERS: Reminder[] = [{ workingDays: 3 }, { workingDays: 1 }];

/** Unit head after 1 working day, the standing office after 3, the chair after 5. */
export const BUILTIN_ESCALATION: EscalationStep[] = [
  { workingDays: 1, to: 'unit-head' },
  { workingDays: 3, to: 'office' },
  { workingDays: 5, to: 'chair' },
];

export interface Sourced<T> {
  value: T;
  /** Where it was written; undefined for dondoc's built-in default. */
  path: PathSegment[] | undefined;
}

export function effectiveReminders(item: Item, itemPath: PathSegment[], defaults: Defaults): Sourced<Reminder[]> {
  if (item.reminders) return { value: item.reminders, path: [...itemPath, 'reminders'] };
  if (defaults.reminders) return { value: defaults.reminders, path: ['defaults', 'reminders'] };
  return { value: BUILTIN_REMINDERS, path: undefined };
}

export function effectiveEscalation(item: Item, itemPath: PathSegment[], defaults: Defaults): Sourced<EscalationStep[]> {
  if (item.escalation) return { value: item.escalation, path: [...itemPath, 'escalation'] };
  if (defaults.escalation) return { value: defaults.escalation, path: ['defaults', 'escalation'] };
  return { value: BUILTIN_ESCALATION, path: undefined };
}

export function effectiveRequest(item: Item, itemPath: PathSegment[], defaults: Defaults): Sourced<DateSpec> | undefined {
  if (item.request !== undefined) return { value: item.request, path: [...itemPath, 'request'] };
  if (defaults.request !== undefined) return { value: defaults.request, path: ['defaults', 'request'] };
  return undefined;
}

export function effectiveReview(item: Item, defaults: Defaults): Review | undefined {
  if (item.review === false) return undefined;
  return item.review ?? defaults.review;
}

export function dueTime(item: Item, defaults: Defaults): string {
  return item.time ?? defaults.time;
}
