// What people read instead of ids: unit names, item titles and periods in words. Taken from
// the program as last applied when there is one; otherwise from the rows' memos, and periods
// from their keys ("2026-H1" → "6 tháng đầu năm 2026", "2026-Q4" → "quý IV/2026").
import type { Locale } from '../i18n';
import type { ProgramModel } from './program-catalog';

const ROMAN = ['I', 'II', 'III', 'IV'];

/** A period key in words, or undefined for keys only the program can name (custom windows, rounds). */
export function periodInWords(key: string, locale: Locale): string | undefined {
  const m = /^(\d{4})(?:-(M(\d{2})|Q([1-4])|H1|9M|campaign|plan))?$/.exec(key);
  if (!m) return undefined;
  const year = m[1]!;
  const vi = locale === 'vi';
  if (m[2] === undefined) return vi ? `năm ${year}` : `year ${year}`;
  if (m[3] !== undefined) return vi ? `tháng ${Number(m[3])}/${year}` : `month ${Number(m[3])}/${year}`;
  if (m[4] !== undefined) return vi ? `quý ${ROMAN[Number(m[4]) - 1]!}/${year}` : `Q${m[4]} ${year}`;
  switch (m[2]) {
    case 'H1':
      return vi ? `6 tháng đầu năm ${year}` : `first half of ${year}`;
    case '9M':
      return vi ? `9 tháng năm ${year}` : `nine months of ${year}`;
    case 'campaign':
      return vi ? `đợt cao điểm năm ${year}` : `campaign ${year}`;
    default:
      return vi ? `kế hoạch năm ${year}` : `plan ${year}`;
  }
}

export interface Names {
  unit(id: string, fallback?: string): string;
  item(id: string, fallback?: string): string;
  /** Short item name for chart labels. */
  itemShort(id: string, fallback?: string): string;
  period(itemId: string, key: string): string;
}

export function namesFor(model: ProgramModel | undefined, locale: Locale): Names {
  const en = locale === 'en';
  const units = new Map(model?.program.units.map((u) => [u.id, en && u.nameEn ? u.nameEn : u.name]) ?? []);
  const items = new Map(model?.program.items.map((i) => [i.id, en && i.titleEn ? i.titleEn : i.title]) ?? []);
  const shorts = new Map(model?.program.items.map((i) => [i.id, en ? (i.shortEn ?? i.titleEn ?? i.short ?? i.title) : (i.short ?? i.title)]) ?? []);
  // Program-driven assignments publish their period as the label in the program's language
  // (DondocPeriod "năm 2026"); stand-alone ones as a key ("2026-H1"). Both are looked up.
  const periods = new Map<string, string>();
  for (const o of model?.plan.occurrences ?? []) {
    periods.set(`${o.itemId}|${o.label[model!.program.program.locale]}`, o.label[locale]);
    periods.set(`${o.itemId}|${o.periodKey}`, o.label[locale]);
  }
  return {
    unit: (id, fallback) => units.get(id) ?? fallback ?? id,
    item: (id, fallback) => items.get(id) ?? fallback ?? id,
    itemShort: (id, fallback) => shorts.get(id) ?? fallback ?? id,
    period: (itemId, key) => {
      if (key === '') return '';
      // The program's own label first (campaign dates, custom windows, inspection rounds).
      return periods.get(`${itemId}|${key}`) ?? periodInWords(key, locale) ?? key;
    },
  };
}
