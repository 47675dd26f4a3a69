// Figures written the way the reader's language writes them ("1.234,5" in Vietnamese),
// from a table rather than Intl so every machine prints the same, whatever its ICU data.
import type { ReportLocale } from './labels';

const SEPARATORS: Record<ReportLocale, { group: string; decimal: string }> = {
  vi: { group: '.', decimal: ',' },
  en: { group: ',', decimal: '.' },
};

/** Decimal places a column needs to show its figures exactly (at most 3). */
export function decimalsOf(values: readonly number[]): number {
  let decimals = 0;
  for (const value of values) {
    for (let d = decimals; d < 3 && Math.abs(Math.round(value * 10 ** d) - value * 10 ** d) > 1e-9; d++) decimals = d + 1;
  }
  return decimals;
}

export function formatNumber(value: number, decimals: number, locale: ReportLocale): string {
  const { group, decimal } = SEPARATORS[locale];
  const fixed = Math.abs(value).toFixed(decimals);
  const [whole = '0', fraction] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const sign = value < 0 && Number(fixed) !== 0 ? '-' : '';
  return `${sign}${grouped}${fraction ? decimal + fraction : ''}`;
}

/** The same layout as an Excel number format; Excel applies the reader's own separators. */
export function excelNumberFormat(decimals: number): string {
  return decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : '#,##0';
}
