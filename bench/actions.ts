// Actions as Temporal Cloud bills them, counted from history events: a workflow started,
// each activity (or local activity marker), timer, signal sent or received, update,
// search-attribute upsert, child started, cancel requested and continue-as-new.
import type { temporal } from '@temporalio/proto';

const BILLED = [
  'workflowExecutionStartedEventAttributes',
  'activityTaskScheduledEventAttributes',
  'markerRecordedEventAttributes',
  'timerStartedEventAttributes',
  'signalExternalWorkflowExecutionInitiatedEventAttributes',
  'workflowExecutionSignaledEventAttributes',
  'workflowExecutionUpdateAcceptedEventAttributes',
  'upsertWorkflowSearchAttributesEventAttributes',
  'startChildWorkflowExecutionInitiatedEventAttributes',
  'requestCancelExternalWorkflowExecutionInitiatedEventAttributes',
  'workflowExecutionContinuedAsNewEventAttributes',
] as const;

type Billed = (typeof BILLED)[number];

function billedKind(e: temporal.api.history.v1.IHistoryEvent): Billed | undefined {
  return BILLED.find((k) => (e as Record<string, unknown>)[k]);
}

export function countActions(events: temporal.api.history.v1.IHistoryEvent[]): number {
  let n = 0;
  for (const e of events) if (billedKind(e)) n++;
  return n;
}

/** Actions by kind ("activityTaskScheduled": 5, …), for saying where an assignment's actions go. */
export function actionsByKind(events: temporal.api.history.v1.IHistoryEvent[]): Map<string, number> {
  const kinds = new Map<string, number>();
  for (const e of events) {
    const kind = billedKind(e)?.replace(/EventAttributes$/, '');
    if (kind) kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  return kinds;
}
