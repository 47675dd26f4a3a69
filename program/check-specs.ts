// The shape rules zod cannot say simply: a date is written one way at a time (a fixed date,
// or working days, or calendar days), with `after` or `before` but not both; dates must
// exist; a report says which periods it covers, and its own windows must not overlap.
import { isIsoDate } from '../calendar';
import { ddmmyyyy } from './dates-vi';
import { error, warning, type Finding, type PathSegment } from './errors';
import { customWindowKey, periodCode, SELECTABLE, selectableKind, selectedWindows, type PeriodWindow } from './periods';
import { arr, rec, str, type Raw } from './raw';
import type { PeriodKind } from './types';
import { PERIODS } from './schema';

const DATE_LIKE = /^\d{4}-\d{2}-\d{2}$/;

/** Every string that looks like a date but is not one (2021-02-30). */
export function checkDatesExist(value: unknown, path: PathSegment[] = [], out: Finding[] = []): Finding[] {
  if (typeof value === 'string') {
    if (DATE_LIKE.test(value) && !isIsoDate(value)) out.push(error(path, `ngày không tồn tại "${value}" (not a real calendar date)`));
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => checkDatesExist(v, [...path, i], out));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) checkDatesExist(v, [...path, k], out);
  }
  return out;
}

const COUNTS = ['date', 'workingDays', 'days'] as const;

function checkSpec(v: unknown, path: PathSegment[], out: Finding[], opts: { runtime?: boolean } = {}): void {
  const spec = rec(v);
  if (!spec) return;
  const present = COUNTS.filter((k) => spec[k] !== undefined);
  if (present.length === 0) {
    out.push(error(path, 'cần ghi một trong: date (ngày cố định), workingDays (số ngày làm việc) hoặc days (số ngày) (expected one of date, workingDays, days)'));
  } else if (present.length > 1) {
    out.push(error([...path, present[1] ?? 'days'], `chỉ ghi một trong date, workingDays, days; ở đây có ${present.join(' và ')} (use only one of date, workingDays, days)`, true));
  }
  if (spec.after !== undefined && spec.before !== undefined) {
    out.push(error([...path, 'before'], 'chỉ ghi after hoặc before, không ghi cả hai (use after or before, not both)', true));
  }
  if (!opts.runtime && spec.date !== undefined && (spec.after !== undefined || spec.before !== undefined)) {
    out.push(error(path, 'ngày cố định (date) không đi kèm after/before (a fixed date takes no after/before)'));
  }
  if (opts.runtime) {
    if (spec.date !== undefined) out.push(error([...path, 'date'], 'thời hạn nộp lại tính từ ngày trả lại, không ghi ngày cố định (resubmission is counted from the return)'));
    const anchor = spec.after ?? spec.before;
    if (anchor !== undefined && anchor !== 'returnReceived') {
      out.push(error([...path, spec.after !== undefined ? 'after' : 'before'], `thời hạn nộp lại chỉ tính sau returnReceived, không phải "${String(anchor)}" (resubmission counts after returnReceived)`));
    }
    if (spec.before !== undefined) out.push(error([...path, 'before'], 'thời hạn nộp lại tính sau ngày trả lại: dùng after (use after)'));
  }
}

function checkCountOnly(v: unknown, path: PathSegment[], out: Finding[]): void {
  const step = rec(v);
  if (!step) return;
  const has = (['workingDays', 'days'] as const).filter((k) => step[k] !== undefined);
  if (has.length === 0) out.push(error(path, 'cần ghi workingDays (số ngày làm việc) hoặc days (số ngày) (expected workingDays or days)'));
  if (has.length > 1) out.push(error([...path, 'days'], 'chỉ ghi một trong workingDays hoặc days (use only one of workingDays, days)', true));
}

function checkFollowUps(owner: Raw, path: PathSegment[], out: Finding[]): void {
  arr(owner.reminders).forEach((r, j) => checkCountOnly(r, [...path, 'reminders', j], out));
  arr(owner.escalation).forEach((e, j) => checkCountOnly(e, [...path, 'escalation', j], out));
  checkSpec(owner.request, [...path, 'request'], out);
  const review = rec(owner.review);
  if (review) checkSpec(review.resubmit, [...path, 'review', 'resubmit'], out, { runtime: true });
}

export function checkSpecs(value: unknown): Finding[] {
  const out: Finding[] = [];
  const root = rec(value) ?? {};
  const defaults = rec(root.defaults);
  if (defaults) checkFollowUps(defaults, ['defaults'], out);
  arr(root.items).forEach((raw, i) => {
    const item = rec(raw);
    if (!item) return;
    const p: PathSegment[] = ['items', i];
    checkFollowUps(item, p, out);
    for (const key of ['due', 'plans', 'plan', 'notice', 'findings', 'checkIn']) checkSpec(item[key], [...p, key], out);
    const cons = rec(item.consolidation);
    if (cons) for (const key of ['due', 'approve', 'forward']) checkSpec(cons[key], [...p, 'consolidation', key], out);
  });
  return out;
}

export function checkReportPeriods(value: unknown): Finding[] {
  const out: Finding[] = [];
  const root = rec(value) ?? {};
  const year = rec(root.program)?.year;
  arr(root.items).forEach((raw, i) => {
    const item = rec(raw);
    if (item?.kind === 'report') checkPeriods(item, ['items', i], typeof year === 'number' ? year : undefined, out);
  });
  return out;
}

function checkPeriods(item: Raw, p: PathSegment[], year: number | undefined, out: Finding[]): void {
  if (item.period === undefined && item.windows === undefined) {
    out.push(error(p, `báo cáo cần khai báo period (${PERIODS.join(', ')}) hoặc windows (a report needs a period or windows)`));
    return;
  }
  const periods = Array.isArray(item.period) ? item.period : item.period === undefined ? [] : [item.period];
  const seen = new Set<unknown>();
  periods.forEach((k, j) => {
    if (seen.has(k)) {
      out.push(error(Array.isArray(item.period) ? [...p, 'period', j] : [...p, 'period'], `kỳ báo cáo "${String(k)}" bị lặp: các kỳ của một nhiệm vụ không được trùng nhau (overlapping periods)`));
    }
    seen.add(k);
  });
  const kinds = [...seen].filter((k): k is PeriodKind => typeof k === 'string' && (PERIODS as readonly string[]).includes(k));
  const only = checkOnly(item, p, kinds, out);
  // Custom windows may not overlap each other nor the item's standard periods: two
  // occurrences covering the same days would ask units for the same figures twice.
  const taken: Array<{ from: string; to: string; name: string }> = [];
  if (year !== undefined) {
    const standard = selectedWindows(kinds, only, year);
    for (const w of standard) taken.push({ from: w.start, to: w.end, name: `${w.label.vi} (${w.kind})` });
    checkSameClosing(item, p, standard, out);
  }
  const keys = new Map<string, string>();
  if (year !== undefined) for (const k of kinds) for (const w of selectedWindows([k], only, year)) keys.set(periodCode(w.key), `period ${k}`);
  arr(item.windows).forEach((raw, j) => {
    const w = rec(raw);
    const id = str(w?.id);
    if (id !== undefined && year !== undefined) {
      const code = periodCode(customWindowKey(year, id));
      const first = keys.get(code);
      if (first !== undefined) {
        out.push(error([...p, 'windows', j, 'id'], `mã kỳ "${id}" cho khóa kỳ ${year}-${code}, trùng với ${first} của cùng nhiệm vụ; hãy đặt mã khác (duplicate period key)`));
      } else keys.set(code, `windows[${j}]`);
    }
    const from = str(w?.from);
    const to = str(w?.to);
    if (!from || !to || !isIsoDate(from) || !isIsoDate(to)) return;
    const wp = [...p, 'windows', j];
    if (to < from) {
      out.push(error([...wp, 'to'], `ngày kết thúc kỳ ${to} trước ngày bắt đầu ${from} (window ends before it starts)`));
      return;
    }
    const clash = taken.find((t) => from <= t.to && t.from <= to);
    if (clash) {
      out.push(error(wp, `kỳ ${from}–${to} chồng lấn với kỳ ${clash.name} ${clash.from}–${clash.to} của cùng nhiệm vụ (overlapping periods)`));
    }
    taken.push({ from, to, name: `windows[${j}]` });
  });
}

/**
 * `only: [Q1, Q3]`: each code names a month (M01…M12) or a quarter (Q1…Q4) of a period the
 * item has. Returns the codes that are valid, for the overlap checks.
 */
function checkOnly(item: Raw, p: PathSegment[], kinds: readonly PeriodKind[], out: Finding[]): string[] | undefined {
  if (item.only === undefined) return undefined;
  const op = [...p, 'only'];
  if (!Array.isArray(item.only)) return undefined; // zod reports the shape
  const selectable = kinds.filter((k): k is keyof typeof SELECTABLE => k in SELECTABLE);
  if (selectable.length === 0) {
    out.push(error(op, `only chọn tháng hoặc quý, nên period phải có monthly hoặc quarterly; ở đây period là ${kinds.length ? kinds.join(', ') : '(trống)'} (only needs a monthly or quarterly period)`));
    return undefined;
  }
  const allowed = selectable.flatMap((k) => SELECTABLE[k]);
  const valid: string[] = [];
  const seenCodes = new Map<string, number>();
  item.only.forEach((raw, j) => {
    if (typeof raw !== 'string') return;
    const kind = selectableKind(raw);
    if (kind === undefined) {
      const hint = guessCode(raw);
      out.push(
        error(
          [...op, j],
          `"${raw}" không phải mã tháng, quý${hint && allowed.includes(hint) ? ` (có phải "${hint}"?)` : ''}; dùng một trong: ${allowed.join(', ')} (expected a month M01–M12 or a quarter Q1–Q4)`,
        ),
      );
      return;
    }
    if (!selectable.includes(kind)) {
      out.push(error([...op, j], `"${raw}" là một ${kind === 'monthly' ? 'tháng' : 'quý'}, nhưng period không có ${kind}; dùng một trong: ${allowed.join(', ')} (code of a period the item does not have)`));
      return;
    }
    const first = seenCodes.get(raw);
    if (first !== undefined) {
      out.push(error([...op, j], `"${raw}" bị lặp với only[${first}] (duplicate code)`));
      return;
    }
    seenCodes.set(raw, j);
    valid.push(raw);
  });
  return valid;
}

/** `q1` → `Q1`, `m5`/`M5` → `M05`: what the writer probably meant. */
function guessCode(raw: string): string | undefined {
  const m = /^([qQmM])0*(\d{1,2})$/.exec(raw.trim());
  if (!m) return undefined;
  const n = Number(m[2]);
  return m[1]?.toUpperCase() === 'Q' ? `Q${n}` : `M${String(n).padStart(2, '0')}`;
}

/**
 * Two standard periods of one item that close on the same day (quarter II and the six-month
 * period both close 14/6) send the same units two requests for the same figures: warn, and
 * say how to keep only one of them.
 */
function checkSameClosing(item: Raw, p: PathSegment[], windows: readonly PeriodWindow[], out: Finding[]): void {
  const byEnd = new Map<string, PeriodWindow[]>();
  for (const w of windows) byEnd.set(w.end, [...(byEnd.get(w.end) ?? []), w]);
  const clashes = [...byEnd.values()].filter((ws) => new Set(ws.map((w) => w.kind)).size > 1);
  if (clashes.length === 0) return;
  const id = str(item.id) ?? `items[${String(p[1])}]`;
  const listed = clashes.map((ws) => `${ws.map((w) => `${w.label.vi} (${w.kind})`).join(' và ')} cùng chốt số liệu ${ddmmyyyy(ws[0]?.end ?? '')}`);
  // In each clash the longest period stays (the half year over quarter II, a quarter over its last month).
  const drop = clashes.flatMap((ws) => {
    const longest = Math.max(...ws.map((w) => PERIODS.indexOf(w.kind)));
    return ws.filter((w) => PERIODS.indexOf(w.kind) < longest && (w.kind === 'monthly' || w.kind === 'quarterly')).map((w) => periodCode(w.key));
  });
  // A kind that loses nothing needs no codes in `only` (it keeps all its periods).
  const trimmed = new Set(windows.filter((w) => drop.includes(periodCode(w.key))).map((w) => w.kind));
  const keep = windows.filter((w) => trimmed.has(w.kind) && !drop.includes(periodCode(w.key))).map((w) => periodCode(w.key));
  const hint = drop.length > 0 && keep.length > 0 ? `; nếu kỳ dài đã thay cho các kỳ này, ghi only: [${keep.join(', ')}]` : '';
  out.push(
    warning(
      [...p, 'period'],
      `nhiệm vụ "${id}" yêu cầu cùng các đơn vị báo cáo hai kỳ có cùng ngày chốt: ${listed.join('; ')}${hint} (overlapping standard periods: two requests with the same closing date)`,
    ),
  );
}
