// What a re-applied program changes in an occurrence that is already running: units
// added or removed, dues moved. Pure, so the workflow and its tests agree on the words.
import { DateTime } from 'luxon';
import type { OccurrenceInput } from '../../workflows/occurrence/input';

function day(iso: string, zone: string): string {
  return DateTime.fromISO(iso, { zone }).toFormat('dd/MM/yyyy HH:mm');
}

export function describeChanges(before: OccurrenceInput, after: OccurrenceInput): string[] {
  const what: string[] = [];
  const old = new Map(before.assignments.map((a) => [a.id, a.input]));
  const now = new Map(after.assignments.map((a) => [a.id, a.input]));
  const added = after.assignments.filter((a) => !old.has(a.id)).map((a) => a.input.unit.name);
  const removed = before.assignments.filter((a) => !now.has(a.id)).map((a) => a.input.unit.name);
  const moved = new Map<string, number>();
  for (const [id, a] of now) {
    const b = old.get(id);
    if (b && Date.parse(b.dueAt) !== Date.parse(a.dueAt)) {
      const key = `hạn ${day(b.dueAt, after.timeZone)} → ${day(a.dueAt, after.timeZone)}`;
      moved.set(key, (moved.get(key) ?? 0) + 1);
    }
  }
  if (added.length) what.push(`thêm đơn vị: ${added.join(', ')}`);
  if (removed.length) what.push(`bỏ đơn vị: ${removed.join(', ')}`);
  for (const [key, count] of moved) what.push(`${key} (${count} đơn vị)`);
  if (before.consolidation && after.consolidation && before.consolidation.dueAt !== after.consolidation.dueAt) {
    what.push(`hạn tổng hợp ${day(before.consolidation.dueAt, after.timeZone)} → ${day(after.consolidation.dueAt, after.timeZone)}`);
  }
  return what;
}
