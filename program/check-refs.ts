// Ids and references: duplicates, unknown units and groups, empty assignee lists, member
// cycles, recipients, reviewers, indicator choices. Works on the raw value so it runs even
// when other parts of the file do not parse.
import { isPercent } from './aggregate';
import { Directory } from './assignees';
import { error, type Finding, type PathSegment } from './errors';
import { arr, rec, str, strings, type Raw } from './raw';
import { didYouMean } from './suggest';

interface Label {
  vi: string;
  en: string;
}

function duplicates(list: unknown[], section: string, label: Label, out: Finding[], base: PathSegment[] = []): Map<string, number> {
  const seen = new Map<string, number>();
  list.forEach((entry, i) => {
    const id = str(rec(entry)?.id);
    if (id === undefined) return;
    const first = seen.get(id);
    if (first !== undefined) {
      out.push(error([...base, section, i, 'id'], `mã ${label.vi} "${id}" bị trùng với ${section}[${first}] (duplicate ${label.en} id)`));
    } else seen.set(id, i);
  });
  return seen;
}

export function checkReferences(value: unknown): Finding[] {
  const out: Finding[] = [];
  const root = rec(value) ?? {};
  const program = rec(root.program) ?? {};
  const units = arr(root.units);
  // Without a list of units every reference would fail; the missing list is reported once.
  if (!Array.isArray(root.units)) return out;
  const groups = arr(root.groups);
  const items = arr(root.items);
  const upward = arr(program.upward);

  const unitIds = duplicates(units, 'units', { vi: 'đơn vị', en: 'unit' }, out);
  duplicates(groups, 'groups', { vi: 'nhóm', en: 'group' }, out);
  duplicates(items, 'items', { vi: 'nhiệm vụ', en: 'item' }, out);
  const upwardIds = duplicates(upward, 'upward', { vi: 'nơi nhận', en: 'recipient' }, out, ['program']);
  groups.forEach((g, i) => {
    const id = str(rec(g)?.id);
    if (id !== undefined && unitIds.has(id)) {
      out.push(error(['groups', i, 'id'], `mã nhóm "${id}" trùng với mã một đơn vị; hãy đặt tên khác (group id equals a unit id)`));
    }
  });

  const dir = new Directory({
    units: units.map((u) => ({ id: str(rec(u)?.id) ?? '', groups: strings(rec(u)?.groups).map((g) => g.value) })),
    groups: groups.map((g) => ({ id: str(rec(g)?.id) ?? '', members: strings(rec(g)?.members).map((m) => m.value) })),
  });
  const allIds = [...dir.unitIds, ...dir.groupIds];

  units.forEach((u, i) => {
    for (const g of strings(rec(u)?.groups)) {
      if (!dir.isGroup(g.value)) {
        out.push(error(['units', i, 'groups', g.index], `nhóm "${g.value}" không tồn tại${didYouMean(g.value, dir.groupIds)} (unknown group)`));
      }
    }
  });
  groups.forEach((g, i) => {
    const id = str(rec(g)?.id);
    for (const m of strings(rec(g)?.members)) {
      if (!dir.isUnit(m.value) && !dir.isGroup(m.value)) {
        out.push(error(['groups', i, 'members', m.index], `không có đơn vị hay nhóm nào mã "${m.value}"${didYouMean(m.value, allIds)} (unknown unit or group)`));
      }
    }
    if (id !== undefined) dir.members(id);
  });
  groups.forEach((g, i) => {
    const id = str(rec(g)?.id);
    if (id !== undefined && dir.cycles.has(id)) {
      out.push(error(['groups', i, 'members'], `nhóm "${id}" chứa lại chính nó qua các nhóm thành viên (group membership cycle)`));
    }
  });

  const office = str(program.office);
  if (office !== undefined && !dir.isUnit(office)) {
    out.push(error(['program', 'office'], `cơ quan thường trực "${office}" không có trong danh sách đơn vị (units)${didYouMean(office, dir.unitIds)} (unknown unit)`));
  }

  const reviewer = (r: unknown, path: PathSegment[]): void => {
    const who = str(rec(r)?.reviewer);
    if (who !== undefined && who !== 'office' && who !== 'chair' && !dir.isUnit(who)) {
      out.push(
        error([...path, 'reviewer'], `người duyệt "${who}" phải là office, chair hoặc mã một đơn vị${didYouMean(who, ['office', 'chair', ...dir.unitIds])} (unknown reviewer)`),
      );
    }
  };
  reviewer(rec(root.defaults)?.review, ['defaults', 'review']);

  items.forEach((raw, i) => {
    const item = rec(raw);
    if (!item) return;
    const p: PathSegment[] = ['items', i];
    if (item.kind === 'inspection') checkVisits(item, p, dir, out);
    else if (Array.isArray(item.assignees)) checkAssignees(item.assignees, [...p, 'assignees'], dir, allIds, out);
    reviewer(item.review, [...p, 'review']);
    const cons = rec(item.consolidation);
    if (cons) {
      if (upward.length === 0) {
        out.push(error([...p, 'consolidation'], 'chưa khai báo nơi nhận báo cáo tổng hợp (program.upward) (no upward recipients to forward to)'));
      }
      for (const t of strings(cons.to)) {
        if (!upwardIds.has(t.value)) {
          out.push(error([...p, 'consolidation', 'to', t.index], `nơi nhận "${t.value}" không có trong program.upward${didYouMean(t.value, upwardIds.keys())} (unknown recipient)`));
        }
      }
    }
    checkIndicators(arr(item.indicators), [...p, 'indicators'], out);
  });
  return out;
}

function checkAssignees(list: unknown[], path: PathSegment[], dir: Directory, allIds: string[], out: Finding[]): void {
  if (list.length === 0) {
    out.push(error(path, 'danh sách đơn vị được giao (assignees) trống; ghi ít nhất một mã đơn vị hoặc nhóm (empty assignee list)'));
    return;
  }
  let reported = false;
  for (const a of strings(list)) {
    if (dir.isUnit(a.value)) continue;
    reported = true;
    if (dir.isGroup(a.value)) {
      if (dir.members(a.value).length === 0) out.push(error([...path, a.index], `nhóm "${a.value}" không có đơn vị nào (group has no units)`));
      else reported = false;
    } else {
      out.push(error([...path, a.index], `không có đơn vị hay nhóm nào mã "${a.value}"${didYouMean(a.value, allIds)} (unknown unit or group)`));
    }
  }
  if (!reported && dir.resolve(strings(list).map((a) => a.value)).length === 0) {
    out.push(error(path, 'danh sách đơn vị được giao không chứa đơn vị nào (assignees resolve to no unit)'));
  }
}

function checkVisits(item: Raw, p: PathSegment[], dir: Directory, out: Finding[]): void {
  const rounds = arr(item.rounds);
  duplicates(rounds, 'rounds', { vi: 'đợt kiểm tra', en: 'round' }, out, p);
  rounds.forEach((round, r) => {
    const seen = new Map<string, number>();
    arr(rec(round)?.visits).forEach((v, k) => {
      const unit = str(rec(v)?.unit);
      if (unit === undefined) return;
      const vp = [...p, 'rounds', r, 'visits', k, 'unit'];
      if (dir.isGroup(unit)) {
        out.push(error(vp, `lịch kiểm tra ghi từng đơn vị, không ghi nhóm "${unit}" (a visit names one unit, not a group)`));
      } else if (!dir.isUnit(unit)) {
        out.push(error(vp, `đơn vị "${unit}" không có trong danh sách đơn vị${didYouMean(unit, dir.unitIds)} (unknown unit)`));
      }
      const first = seen.get(unit);
      if (first !== undefined) {
        out.push(error(vp, `đơn vị "${unit}" đã có lịch kiểm tra trong đợt này (visits[${first}]) (unit visited twice in one round)`));
      } else seen.set(unit, k);
    });
  });
}

function checkIndicators(list: unknown[], path: PathSegment[], out: Finding[]): void {
  duplicates(list, path[path.length - 1] as string, { vi: 'chỉ tiêu', en: 'indicator' }, out, path.slice(0, -1));
  list.forEach((raw, i) => {
    const ind = rec(raw);
    if (!ind) return;
    const type = ind.type ?? 'number';
    const choices = arr(ind.choices);
    if (type === 'choice' && choices.length < 2) {
      out.push(error([...path, i, 'choices'], 'chỉ tiêu dạng lựa chọn (choice) cần ít nhất 2 lựa chọn trong choices (a choice indicator needs at least 2 choices)'));
    }
    if (type !== 'choice' && ind.choices !== undefined) {
      out.push(error([...path, i, 'choices'], `chỉ dùng choices khi type là choice, không phải ${String(type)} (choices only for type: choice)`));
    }
    checkAggregate(ind, list, [...path, i], out);
  });
}

/** `aggregate:` only for numbers; percentages never summed; a weighted average names its weight. */
function checkAggregate(ind: Raw, list: unknown[], path: PathSegment[], out: Finding[]): void {
  const type = ind.type ?? 'number';
  const agg = ind.aggregate;
  if (agg !== undefined && type !== 'number') {
    out.push(error([...path, 'aggregate'], `chỉ tiêu dạng ${String(type)} không tổng hợp bằng số; bỏ aggregate (aggregate is only for number indicators)`));
    return;
  }
  const measure = str(ind.measure);
  if (agg === 'sum' && isPercent(measure)) {
    out.push(error([...path, 'aggregate'], `chỉ tiêu tính bằng "${measure}" không được cộng dồn giữa các đơn vị; dùng average hoặc weighted-average (percentages are never summed)`));
  }
  const weight = str(ind.weight);
  if (agg === 'weighted-average' && ind.weight === undefined) {
    out.push(error([...path, 'aggregate'], 'bình quân gia quyền (weighted-average) cần ghi weight: mã chỉ tiêu số dùng làm quyền số, ví dụ tong-so-can-bo (weighted-average needs weight)'));
  }
  if (ind.weight !== undefined && agg !== 'weighted-average') {
    out.push(error([...path, 'weight'], `weight chỉ dùng với aggregate: weighted-average (weight only for weighted-average)`));
    return;
  }
  if (weight === undefined) return;
  const ids = list.map((x) => str(rec(x)?.id)).filter((x): x is string => x !== undefined);
  const target = list.map(rec).find((x) => str(x?.id) === weight);
  if (weight === str(ind.id)) {
    out.push(error([...path, 'weight'], 'chỉ tiêu không làm quyền số cho chính nó (an indicator cannot weigh itself)'));
  } else if (!target) {
    out.push(error([...path, 'weight'], `không có chỉ tiêu nào mã "${weight}" trong nhiệm vụ này${didYouMean(weight, ids)} (unknown indicator)`));
  } else if ((target.type ?? 'number') !== 'number') {
    out.push(error([...path, 'weight'], `quyền số "${weight}" phải là chỉ tiêu dạng số (the weight must be a number indicator)`));
  }
}

