// What the state class of every occurrence workflow (campaign, inspection) starts from: its
// input (replaced by a re-applied program), the state its `status` query shows, the outbox
// that records into that state, a change counter for the main wait, and the phase published
// as the STATUS search attribute. The subclass adds what its kind of occurrence does.
import type { SearchAttributePair } from '@temporalio/common';
import { upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { DeliveryFailureRecord, NoticeRecord } from '../assignment/messages';
import { ITEM, PERIOD, PROGRAM, STATUS } from '../search-attributes';
import type { OccurrenceInput } from './input';
import { occurrenceOutbox } from './notices';
import type { Outbox } from './outbox';
import { toLocalIso } from './time';

/** What the queried state of every occurrence holds, whatever else it shows. */
export interface OccurrenceState<P extends string = string> {
  occurrenceId: string;
  itemTitle: string;
  periodLabel: string;
  phase: P;
  notices: NoticeRecord[];
  deliveryFailures: DeliveryFailureRecord[];
}

/** The fields every occurrence state opens with, so each state class lists only its own. */
export function occurrenceHeader(input: OccurrenceInput): Pick<OccurrenceState, 'occurrenceId' | 'itemTitle' | 'periodLabel'> {
  return { occurrenceId: input.occurrenceId, itemTitle: input.itemTitle, periodLabel: input.periodLabel };
}

/** What visibility shows of an occurrence from its start: its program, item and period. */
export function occurrenceAttributes(input: OccurrenceInput): SearchAttributePair[] {
  return [
    { key: PROGRAM, value: input.programId },
    { key: ITEM, value: input.itemId },
    { key: PERIOD, value: input.periodKey },
  ];
}

export class OccurrenceBase<S extends OccurrenceState> {
  readonly outbox: Outbox;
  /** Bumped by every change, so the main wait wakes up. */
  changes = 0;
  protected readonly workflowId = workflowInfo().workflowId;
  private publishedPhase: S['phase'] | undefined;

  constructor(
    public input: OccurrenceInput,
    readonly state: S,
  ) {
    this.outbox = occurrenceOutbox(this.state, () => this.input);
  }

  nowIso(): string {
    return toLocalIso(Date.now(), this.input.timeZone);
  }

  /** The search attribute changes only with the phase: each upsert is an event of the history. */
  setPhase(phase: S['phase']): void {
    this.state.phase = phase;
    if (phase === this.publishedPhase) return;
    this.publishedPhase = phase;
    upsertSearchAttributes([{ key: STATUS, value: phase }]);
  }
}
