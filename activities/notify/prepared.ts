import { formatDate, formatDateTime, localTime, workingDaysPhrase } from './format';
import type { NoticeData } from './templates';

/** The values every notice's copy needs, formatted once for the notice's locale and zone. */
export interface Prepared {
  /** "17 giờ 00, thứ Sáu, ngày 12/06/2026" */
  due: string;
  /** "12/06/2026", for subjects */
  dueDay: string;
  daysLeft?: string;
  overdue: boolean;
  submittedAt?: string;
  /** Submitted after the due instant. */
  late?: boolean;
  /** Set only when it differs from the current due. */
  previousDue?: string;
  /** Only http(s): anything else in a button would be a way to run code in a webmail. */
  link?: string;
  /** Units to name in an escalation to the office or the chair. */
  pendingUnits: string[];
}

export function prepare(data: NoticeData): Prepared {
  const { locale, timeZone } = data;
  const due = localTime(data.dueAt, timeZone, 'dueAt');
  const prepared: Prepared = {
    due: formatDateTime(due, locale),
    dueDay: formatDate(due, locale),
    overdue: data.workingDaysLeft !== undefined && data.workingDaysLeft < 0,
    pendingUnits: data.pendingUnits && data.pendingUnits.length > 0 ? data.pendingUnits : [data.unitName],
  };
  if (data.workingDaysLeft !== undefined) prepared.daysLeft = workingDaysPhrase(data.workingDaysLeft, locale);
  if (data.submittedAt !== undefined) {
    const submitted = localTime(data.submittedAt, timeZone, 'submittedAt');
    prepared.submittedAt = formatDateTime(submitted, locale);
    prepared.late = submitted.toMillis() > due.toMillis();
  }
  if (data.previousDueAt !== undefined) {
    const previous = localTime(data.previousDueAt, timeZone, 'previousDueAt');
    if (previous.toMillis() !== due.toMillis()) prepared.previousDue = formatDateTime(previous, locale);
  }
  if (data.link !== undefined && /^https?:\/\/\S+$/i.test(data.link)) prepared.link = data.link;
  return prepared;
}

/** Subjects are one header line: names pasted from spreadsheets bring tabs and newlines. */
export function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}
