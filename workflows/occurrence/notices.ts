// What every occurrence workflow (report cycle, task, campaign, inspection) says in its
// notices, and its outbox: one base for the notice data and one wiring of the office's
// delivery-failure notice, so the four workflows cannot drift apart.
import type { NoticeData, NoticeKind } from '../../contract/notices';
import type { DeliveryFailureRecord, NoticeRecord } from '../assignment/messages';
import type { OccurrenceInput } from './input';
import { Outbox } from './outbox';

/** What every notice says whoever sends it: the program, the office, the item and period, the unit, the due. */
export interface NoticeContext {
  locale: NoticeData['locale'];
  programTitle: string;
  officeName: string;
  itemTitle: string;
  period?: string | undefined;
  timeZone: string;
}

/** The facts every notice carries; `unitName` is whom it is about. */
export function baseNotice(context: NoticeContext, kind: NoticeKind, unitName: string, dueAt: string): NoticeData {
  const { period, ...rest } = context;
  return { kind, ...rest, ...(period !== undefined ? { period } : {}), unitName, dueAt };
}

/** The facts every notice of an occurrence carries. */
export function occurrenceNotice(input: OccurrenceInput, kind: NoticeKind, unitName: string, dueAt: string): NoticeData {
  return baseNotice(
    { locale: input.locale, programTitle: input.programTitle, officeName: input.office.name, itemTitle: input.itemTitle, period: input.periodLabel, timeZone: input.timeZone },
    kind,
    unitName,
    dueAt,
  );
}

/** An outbox recording into the workflow's state; refused addresses are reported to the office. */
export function occurrenceOutbox(state: { notices: NoticeRecord[]; deliveryFailures: DeliveryFailureRecord[] }, input: () => OccurrenceInput): Outbox {
  return new Outbox({
    notices: state.notices,
    failures: state.deliveryFailures,
    timeZone: () => input().timeZone,
    failureNotice: (failed, failure) => ({
      key: `${failed.key}/delivery-failed`,
      to: input().office.emails,
      cc: [],
      data: {
        ...occurrenceNotice(input(), 'delivery-failed', failed.data.unitName, failed.data.dueAt),
        failedTo: failure.to,
        failureCode: failure.code,
        failureMessage: failure.message,
        failedKind: failed.data.kind,
      },
    }),
  });
}
