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

export function countActions(events: temporal.api.history.v1.IHistoryEvent[]): number {
  let n = 0;
  for (const e of events) if (BILLED.some((k) => (e as Record<string, unknown>)[k])) n++;
  return n;
}
