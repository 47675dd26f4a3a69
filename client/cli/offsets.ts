// Offsets on the command line: "3wd" (working days), "2d" (calendar days), "4h", "30m",
// optionally with a time of day ("1wd@08:00"); escalations add the audience
// ("1wd:unit-head", "3wd@08:00:chair").
import type { EscalationStep, Offset } from '../../workflows/assignment/messages';
import { UsageError } from './command';

const UNITS: Record<string, Offset['unit']> = { wd: 'workingDays', d: 'calendarDays', h: 'hours', m: 'minutes' };
const OFFSET = /^(\d{1,3})(wd|d|h|m)(?:@([01]\d|2[0-3]):([0-5]\d))?$/;
const AUDIENCES = ['unit-head', 'office', 'chair'] as const;

export function parseOffset(text: string, flag: string): Offset {
  const m = OFFSET.exec(text.trim());
  if (!m) throw new UsageError(`${flag} "${text}": cần dạng 3wd, 2d, 4h, 30m hoặc 1wd@08:00 (expected an offset)`);
  const unit = UNITS[m[2]!]!;
  if (m[3] !== undefined && (unit === 'hours' || unit === 'minutes')) {
    throw new UsageError(`${flag} "${text}": giờ trong ngày chỉ dùng với ngày (a time of day needs a day offset)`);
  }
  return { amount: Number(m[1]), unit, ...(m[3] !== undefined ? { at: `${m[3]}:${m[4]}` } : {}) };
}

export function parseEscalation(text: string): EscalationStep {
  const cut = text.lastIndexOf(':');
  const audience = text.slice(cut + 1);
  if (cut < 0 || !(AUDIENCES as readonly string[]).includes(audience)) {
    throw new UsageError(`--escalate "${text}": cần dạng <offset>:<unit-head|office|chair> (expected offset:audience)`);
  }
  return { ...parseOffset(text.slice(0, cut), '--escalate'), audience: audience as EscalationStep['audience'] };
}
