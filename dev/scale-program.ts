// A program of N units and one report item with a single occurrence (quarter I of `year`),
// for the scale test and `npm run bench:scale`: every unit is asked at once, with no
// reminders or escalations, so the figures measure fan-out and not follow-ups. Generated,
// so no file of thousands of units lives in the repository.
import { DateTime } from 'luxon';
import { stringify } from 'yaml';
import { parseProgram } from '../program/parse';
import { compilePlan } from '../program/plan';
import type { Program } from '../program/types';

export interface ScaleProgram {
  program: Program;
  yaml: string;
  /** The one occurrence's workflow id. */
  occurrenceId: string;
}

export interface ScaleOptions {
  /** Reminders before the due, one working day apart. */
  reminders?: number;
  /**
   * Ask now (a task handed out this minute, due in ten working days), for runs in real time
   * on the dev server; without it, quarter I of `year`.
   */
  requestAt?: number;
  /**
   * With `requestAt`: this many such items (`bao-cao-nhanh-1`…), each asking every unit — the
   * live-assignment bench (units × items open at once). Default 1 (`bao-cao-nhanh`).
   */
  items?: number;
}

const ZONE = 'Asia/Ho_Chi_Minh';

export function scaleProgram(units: number, year: number, options: ScaleOptions = {}): ScaleProgram {
  const reminders = Array.from({ length: options.reminders ?? 0 }, (_, i) => ({ workingDays: options.reminders! - i }));
  const now = options.requestAt === undefined ? undefined : DateTime.fromMillis(options.requestAt, { zone: ZONE });
  const item = now
    ? {
        id: 'bao-cao-nhanh',
        kind: 'task',
        title: 'Báo cáo nhanh',
        assignees: ['thanh-vien'],
        start: now.toISODate(),
        request: { date: now.toISODate(), time: now.toFormat('HH:mm') },
        due: { workingDays: 10, after: 'windowStart' },
        // Reviewed (no `review: false`): the bench's sample submits and the office accepts, as
        // its bare workflows do; an item without review would close on the submission alone.
        reminders,
        escalation: [],
      }
    : {
        id: 'bao-cao-quy',
        kind: 'report',
        title: 'Báo cáo quý',
        assignees: ['thanh-vien'],
        period: 'quarterly',
        only: ['Q1'],
        review: false,
        reminders,
        escalation: [],
        consolidation: {},
      };
  const id = `quy-mo-${units}`;
  const raw = {
    program: {
      id,
      title: `Chương trình đo quy mô ${units} đơn vị năm ${year}`,
      year: now ? now.year : year,
      issuer: 'Ban Chỉ đạo (giả định, đo hiệu năng)',
      office: 'van-phong',
      chair: { name: 'Trưởng ban', title: 'Trưởng ban', email: 'truongban@example.org' },
      upward: [{ id: 'cap-tren', name: 'Cơ quan cấp trên', email: 'captren@example.org' }],
    },
    units: [
      { id: 'van-phong', name: 'Văn phòng thường trực', kind: 'department', emails: ['vanphong@example.org'] },
      ...Array.from({ length: units }, (_, i) => ({
        id: `don-vi-${i + 1}`,
        name: `Đơn vị số ${i + 1}`,
        kind: 'commune',
        emails: [`vanphong@don-vi-${i + 1}.example.org`],
        groups: ['thanh-vien'],
      })),
    ],
    groups: [{ id: 'thanh-vien', name: 'Các đơn vị báo cáo' }],
    items: copiesOf(item, now ? (options.items ?? 1) : 1),
  };
  const yaml = stringify(raw);
  const loaded = parseProgram({ text: yaml, fileName: `${id}.yaml` });
  if (!loaded.ok) throw new Error(loaded.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return { program: loaded.program, yaml, occurrenceId: compilePlan(loaded.program).occurrences[0]!.id };
}

/** One item as is, or `count` copies numbered `-1`, `-2`… (ids and titles). */
function copiesOf<T extends { id: string; title: string }>(item: T, count: number): T[] {
  if (count === 1) return [item];
  return Array.from({ length: count }, (_, i) => ({ ...item, id: `${item.id}-${i + 1}`, title: `${item.title} số ${i + 1}` }));
}
