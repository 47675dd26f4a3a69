// Names of the report files as recipients will see them in their downloads:
// "bao-cao-tong-hop-bao-cao-so-ket-6-thang-6-thang-dau-nam-2026.xlsx". Plain lower-case
// ASCII, because attachments pass through mail gateways and old Windows unzippers.
import { safeName } from '../../storage/file-store';
import { labelsFor } from './labels';
import type { ConsolidationInput } from './types';

function slug(text: string, max: number): string {
  const s = safeName(text).toLowerCase().replace(/[._]+/g, '-').replace(/-{2,}/g, '-').replace(/^-|-$/g, '');
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  // Cut at a word boundary so no word is left half-written.
  return cut.includes('-') ? cut.slice(0, cut.lastIndexOf('-')) : cut;
}

export function reportFileName(input: Pick<ConsolidationInput, 'locale' | 'itemTitle' | 'periodLabel' | 'addendum'>, extension: string): string {
  const labels = labelsFor(input.locale);
  const parts = [labels.fileStem, slug(input.itemTitle, 60), slug(input.periodLabel, 40)];
  if (input.addendum) parts.push(`${labels.addendumStem}-${input.addendum.number}`);
  return `${parts.filter(Boolean).join('-')}.${extension}`;
}
