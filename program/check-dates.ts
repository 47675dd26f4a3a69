// Checks that need the calendar: the time zone, whether the year has official holiday data,
// the calendar overrides, and every item's dates worked out (deadline before its window,
// reminders after the due date, escalations before it…).
import { IANAZone } from 'luxon';
import { WorkCalendar } from '../calendar';
import { CachedCalendar } from './calendar-cache';
import { calendarOverrides } from './calendar-overrides';
import { error, formatPath, warning, type Finding, type PathSegment } from './errors';
import { scheduleItem } from './occurrences';
import { arr, rec } from './raw';
import * as s from './schema';
import { didYouMean } from './suggest';

function timeZones(): string[] {
  // ICU lists Asia/Saigon as the canonical name; offices write Asia/Ho_Chi_Minh.
  const common = ['Asia/Ho_Chi_Minh', 'Asia/Bangkok', 'UTC'];
  try {
    return [...common, ...Intl.supportedValuesOf('timeZone')];
  } catch {
    return common;
  }
}

export function isValidTimeZone(zone: string): boolean {
  // Offsets and abbreviations are not places: a program lives in a named IANA zone.
  return /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)+$|^UTC$/.test(zone) && IANAZone.isValidZone(zone);
}

/**
 * @param skipItems items whose dates do not exist (already reported), left unscheduled.
 */
export function checkDates(value: unknown, skipItems: ReadonlySet<number>, skipCalendar: boolean): Finding[] {
  const out: Finding[] = [];
  const root = rec(value) ?? {};
  const header = s.programHeader.safeParse(root.program);
  const programRaw = rec(root.program);
  if (typeof programRaw?.timezone === 'string' && !isValidTimeZone(programRaw.timezone)) {
    out.push(
      error(
        ['program', 'timezone'],
        `múi giờ không hợp lệ "${programRaw.timezone}"${didYouMean(programRaw.timezone, timeZones())}; dùng tên IANA, ví dụ Asia/Ho_Chi_Minh (unknown time zone)`,
      ),
    );
  }
  const overrides = s.calendarOverrides.safeParse(root.calendar ?? {});
  let cal: WorkCalendar;
  if (overrides.success && !skipCalendar) {
    const off = new Map(overrides.data.daysOff.map((d, i) => [d.date, i]));
    overrides.data.workingDays.forEach((d, j) => {
      const i = off.get(d);
      if (i !== undefined) {
        out.push(error(['calendar', 'workingDays', j], `ngày ${d} vừa là ngày nghỉ (calendar.daysOff[${i}]) vừa là ngày làm việc (a date both off and worked)`));
      }
    });
    cal = new WorkCalendar(calendarOverrides(overrides.data));
  } else cal = new WorkCalendar();

  if (!header.success) return out;
  const year = header.data.year;
  if (!cal.hasOfficialData(year)) {
    out.push(
      warning(
        ['program', 'year'],
        `chưa có thông báo chính thức về lịch nghỉ lễ, Tết năm ${year}; ngày làm việc được ước tính theo Bộ luật Lao động 2019 và cần kiểm tra lại (no official holiday notice for ${year}: working days are estimated)`,
      ),
    );
  }
  if (skipCalendar) return out;

  const defaults = s.defaults.safeParse(root.defaults ?? {});
  const cached = new CachedCalendar(cal);
  // A rule that fails for one period fails for all twelve months: report it once per place.
  const reported = new Set<string>();
  arr(root.items).forEach((raw, index) => {
    if (skipItems.has(index)) return;
    const item = s.item.safeParse(raw);
    if (!item.success || !defaults.success) return;
    const path: PathSegment[] = ['items', index];
    try {
      const result = scheduleItem({ item: item.data, index, year, defaults: defaults.data, cal: cached });
      for (const f of result.findings) {
        const key = `${f.severity}|${formatPath(f.path)}`;
        if (reported.has(key)) continue;
        reported.add(key);
        out.push(f);
      }
    } catch (err) {
      out.push(error(path, `không tính được lịch của nhiệm vụ: ${err instanceof Error ? err.message : String(err)} (cannot compute dates)`));
    }
  });
  return out;
}
