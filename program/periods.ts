// Reporting periods of Nghị định 09/2019/NĐ-CP, art. 12: data close on the 14th, and a
// period's figures run from the 15th of the month before it starts. So the 6-month period
// of 2026 covers 15/12/2025–14/6/2026 and the annual one 15/12/2025–14/12/2026.
import type { IsoDate } from '../calendar';
import type { PeriodKind } from './types';

export interface PeriodWindow {
  /** Stable, URL-safe: 2026-M05, 2026-Q3, 2026-H1, 2026-9M, 2026. */
  key: string;
  kind: PeriodKind;
  start: IsoDate;
  /** The data-closing date (ngày chốt số liệu). */
  end: IsoDate;
  label: { vi: string; en: string };
}

const ROMAN = ['I', 'II', 'III', 'IV'];

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** 15th of the month before `month` (month 1 → 15 December of the year before). */
function opening(year: number, month: number): IsoDate {
  return month === 1 ? `${year - 1}-12-15` : `${year}-${pad(month - 1)}-15`;
}

function closing(year: number, month: number): IsoDate {
  return `${year}-${pad(month)}-14`;
}

export function periodWindows(kind: PeriodKind, year: number): PeriodWindow[] {
  switch (kind) {
    case 'monthly':
      return Array.from({ length: 12 }, (_, i) => ({
        key: `${year}-M${pad(i + 1)}`,
        kind,
        start: opening(year, i + 1),
        end: closing(year, i + 1),
        label: { vi: `tháng ${i + 1}/${year}`, en: `month ${i + 1}/${year}` },
      }));
    case 'quarterly':
      return Array.from({ length: 4 }, (_, i) => ({
        key: `${year}-Q${i + 1}`,
        kind,
        start: opening(year, 3 * i + 1),
        end: closing(year, 3 * i + 3),
        label: { vi: `quý ${ROMAN[i] ?? i + 1}/${year}`, en: `Q${i + 1} ${year}` },
      }));
    case 'six-month':
      return [{ key: `${year}-H1`, kind, start: opening(year, 1), end: closing(year, 6), label: { vi: `6 tháng đầu năm ${year}`, en: `first half of ${year}` } }];
    case 'nine-month':
      return [{ key: `${year}-9M`, kind, start: opening(year, 1), end: closing(year, 9), label: { vi: `9 tháng năm ${year}`, en: `nine months of ${year}` } }];
    case 'annual':
      return [{ key: `${year}`, kind, start: opening(year, 1), end: closing(year, 12), label: { vi: `năm ${year}`, en: `year ${year}` } }];
  }
}

/**
 * One rule for every period key: `<year>-<CODE>` with the code in upper case — M01…M12,
 * Q1…Q4, H1, 9M for the standard periods (the annual one is the year alone), and a custom
 * window's id in upper case (`mua-bao` → `2026-MUA-BAO`), so no two spellings of one key.
 */
export function customWindowKey(year: number, id: string): string {
  return `${year}-${id.toUpperCase()}`;
}

/** The code after `<year>-`, or '' for the annual key. */
export function periodCode(key: string): string {
  const dash = key.indexOf('-');
  return dash < 0 ? '' : key.slice(dash + 1);
}

/** The periods whose occurrences `only:` can pick, and the codes it may name. */
export const SELECTABLE = {
  monthly: Array.from({ length: 12 }, (_, i) => `M${pad(i + 1)}`),
  quarterly: ['Q1', 'Q2', 'Q3', 'Q4'],
} as const satisfies Partial<Record<PeriodKind, readonly string[]>>;

/** The kind whose occurrences `code` names (`Q3` → quarterly), if any. */
export function selectableKind(code: string): 'monthly' | 'quarterly' | undefined {
  if ((SELECTABLE.monthly as readonly string[]).includes(code)) return 'monthly';
  if ((SELECTABLE.quarterly as readonly string[]).includes(code)) return 'quarterly';
  return undefined;
}

/**
 * The standard windows an item asks for: every window of its kinds, except that a monthly
 * or quarterly kind named in `only` keeps just the codes listed (a kind `only` does not
 * mention keeps all its windows).
 */
export function selectedWindows(kinds: readonly PeriodKind[], only: readonly string[] | undefined, year: number): PeriodWindow[] {
  const picked = new Map<PeriodKind, Set<string>>();
  for (const code of only ?? []) {
    const kind = selectableKind(code);
    if (kind) picked.set(kind, (picked.get(kind) ?? new Set()).add(code));
  }
  return [...new Set(kinds)].flatMap((k) => {
    const codes = picked.get(k);
    const all = periodWindows(k, year);
    return codes ? all.filter((w) => codes.has(periodCode(w.key))) : all;
  });
}
