// An escalation written as `to: unit-head` needs a head to write to. A unit without one
// would have the notice silently redirected to the standing office, so validate says it:
// one error per unit, at the unit (where the fix goes), naming the items that escalate.
// Only ladders written in the file are checked; dondoc's built-in ladder is documented
// to fall back to the office for a unit without a head.
import { Directory } from './assignees';
import { error, type Finding } from './errors';
import { arr, rec, str, strings, type Raw } from './raw';

function escalatesToHead(steps: unknown): boolean {
  return arr(steps).some((s) => rec(s)?.to === 'unit-head');
}

/** The units an item writes to: its assignees, or for an inspection its visited units and the office (plan). */
function reachedUnits(item: Raw, dir: Directory, office: string | undefined): string[] {
  if (item.kind !== 'inspection') return dir.resolve(strings(item.assignees).map((a) => a.value));
  const visited = arr(item.rounds).flatMap((r) => arr(rec(r)?.visits).flatMap((v) => str(rec(v)?.unit) ?? []));
  const ids = [...visited, ...(item.plan !== undefined && office !== undefined ? [office] : [])];
  return dir.resolve(ids.filter((id) => dir.isUnit(id)));
}

export function checkEscalationHeads(value: unknown): Finding[] {
  const root = rec(value) ?? {};
  if (!Array.isArray(root.units)) return [];
  const units = arr(root.units);
  const dir = new Directory({
    units: units.map((u) => ({ id: str(rec(u)?.id) ?? '', groups: strings(rec(u)?.groups).map((g) => g.value) })),
    groups: arr(root.groups).map((g) => ({ id: str(rec(g)?.id) ?? '', members: strings(rec(g)?.members).map((m) => m.value) })),
  });
  const defaultsToHead = escalatesToHead(rec(root.defaults)?.escalation);
  const office = str(rec(root.program)?.office);
  const itemsByUnit = new Map<string, string[]>();
  arr(root.items).forEach((raw, i) => {
    const item = rec(raw);
    if (!item) return;
    const toHead = item.escalation !== undefined ? escalatesToHead(item.escalation) : defaultsToHead;
    if (!toHead) return;
    const name = str(item.id) ?? `items[${i}]`;
    for (const unit of reachedUnits(item, dir, office)) itemsByUnit.set(unit, [...(itemsByUnit.get(unit) ?? []), name]);
  });
  const out: Finding[] = [];
  units.forEach((raw, k) => {
    const unit = rec(raw);
    const id = str(unit?.id);
    if (!unit || id === undefined || unit.head !== undefined) return;
    const items = itemsByUnit.get(id);
    if (!items) return;
    const name = str(unit.name);
    out.push(
      error(
        ['units', k],
        `đơn vị "${id}"${name ? ` (${name})` : ''} chưa khai báo thủ trưởng (head), nhưng ${items.length > 1 ? 'các nhiệm vụ' : 'nhiệm vụ'} ${items.map((n) => `"${n}"`).join(', ')} báo cáo vượt cấp tới thủ trưởng đơn vị (to: unit-head); thêm head: { title, email } cho đơn vị hoặc bỏ bước unit-head (escalation to the head of a unit that has none)`,
      ),
    );
  });
  return out;
}
