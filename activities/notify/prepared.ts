import { atPhrase, formatDate, formatDateTime, formatWhen, lastInstant, localTime, localWhen, spanPhrase, workingDaysPhrase, type When } from './format';
import type { NoticeData } from '../../contract/notices';

/** The values every notice's copy needs, formatted once for the notice's locale and zone. */
export interface Prepared {
  /** "17h00, thứ Sáu, ngày 12/6/2026" */
  due: string;
  /** "12/6/2026", for subjects */
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
  /** The due a unit proposes: like `due`, or "ngày 19/6/2026" when given as a day. */
  requestedDue?: string;
  requestedDueDay?: string;
  visit?: string;
  /** "vào 8h00, …" / "at 8:00 AM, …" or "on 7 July 2026" */
  atVisit?: string;
  visitDay?: string;
  /** "từ ngày 15/11/2026 đến ngày 15/12/2026" */
  window?: string;
  /** "từ 15/11/2026 đến 15/12/2026", for subjects */
  windowDays?: string;
  /** Non-blank findings, trimmed, in the order given. */
  findings: string[];
  remediations: PreparedRemediation[];
}

export interface PreparedRemediation {
  title: string;
  due: string;
  done?: string;
  /** Done after its deadline (a deadline given as a day runs to the end of that day). */
  late?: boolean;
}

export function prepare(data: NoticeData): Prepared {
  const { locale, timeZone } = data;
  const due = localTime(data.dueAt, timeZone, 'dueAt');
  const when = (iso: string | undefined, field: string): When | undefined => (iso === undefined ? undefined : localWhen(iso, timeZone, field));
  const prepared: Prepared = {
    due: formatDateTime(due, locale),
    dueDay: formatDate(due, locale),
    overdue: data.workingDaysLeft !== undefined && data.workingDaysLeft < 0,
    pendingUnits: data.pendingUnits && data.pendingUnits.length > 0 ? data.pendingUnits : [data.unitName],
    findings: (data.findings ?? []).map((f) => f.trim()).filter((f) => f !== ''),
    remediations: (data.remediations ?? []).flatMap((r, i): PreparedRemediation[] => {
      const rDue = localWhen(r.dueAt, timeZone, `remediations[${i}].dueAt`);
      const rDone = when(r.doneAt, `remediations[${i}].doneAt`);
      if (!r.title.trim()) return [];
      return [{
        title: r.title.trim(),
        due: formatWhen(rDue, locale),
        ...(rDone ? { done: formatWhen(rDone, locale), late: rDone.dt.toMillis() > lastInstant(rDue) } : {}),
      }];
    }),
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
  const requested = when(data.requestedDueAt, 'requestedDueAt');
  if (requested) {
    prepared.requestedDue = formatWhen(requested, locale);
    prepared.requestedDueDay = formatDate(requested.dt, locale);
  }
  const visit = when(data.visitAt, 'visitAt');
  if (visit) {
    prepared.visit = formatWhen(visit, locale);
    prepared.atVisit = atPhrase(visit, locale);
    prepared.visitDay = formatDate(visit.dt, locale);
  }
  const start = when(data.windowStart, 'windowStart');
  const end = when(data.windowEnd, 'windowEnd');
  const window = spanPhrase(start && formatWhen(start, locale), end && formatWhen(end, locale), locale);
  const windowDays = spanPhrase(start && formatDate(start.dt, locale), end && formatDate(end.dt, locale), locale);
  if (window !== undefined) prepared.window = window;
  if (windowDays !== undefined) prepared.windowDays = windowDays;
  if (data.link !== undefined && /^https?:\/\/\S+$/i.test(data.link)) prepared.link = data.link;
  return prepared;
}

/** Subjects are one header line: names pasted from spreadsheets bring tabs and newlines. */
export function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}
