// Actions as Temporal Cloud bills them, counted from history events: a workflow started,
// each activity (or local activity marker), timer, signal sent or received, update,
// search-attribute upsert, child started, cancel requested and continue-as-new.
//
// Two kinds of event are not billed, as Temporal Cloud's "Actions" page says
// (docs.temporal.io/cloud/actions, Workflow section): "The TemporalChangeVersion Search
// Attribute, used for Workflow versioning, is also exempt from Action counting", and a
// patch's marker is not a side effect nor a local activity (side effects are billed "only
// [in] the Go and Java SDKs"). So the marker and the upsert that `patched()` adds per patch
// in force are counted apart (`versioning`), not as actions.
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

/** The SDK's marker for `patched()`/`deprecatePatch()` (sdk-core's name for it). */
const PATCH_MARKER = 'core_patch';
const CHANGE_VERSION = 'TemporalChangeVersion';

/** A patch marker, or an upsert that sets only TemporalChangeVersion: versioning, not billed. */
export function isVersioning(e: temporal.api.history.v1.IHistoryEvent): boolean {
  if (e.markerRecordedEventAttributes) return e.markerRecordedEventAttributes.markerName === PATCH_MARKER;
  const fields = e.upsertWorkflowSearchAttributesEventAttributes?.searchAttributes?.indexedFields;
  if (!fields) return false;
  const keys = Object.keys(fields);
  return keys.length > 0 && keys.every((k) => k === CHANGE_VERSION);
}

function billedKind(e: temporal.api.history.v1.IHistoryEvent): Billed | undefined {
  if (isVersioning(e)) return undefined;
  return BILLED.find((k) => (e as Record<string, unknown>)[k]);
}

export function countActions(events: temporal.api.history.v1.IHistoryEvent[]): number {
  let n = 0;
  for (const e of events) if (billedKind(e)) n++;
  return n;
}

/** Patch markers and TemporalChangeVersion upserts: in the history, not billed. */
export function countVersioning(events: temporal.api.history.v1.IHistoryEvent[]): number {
  return events.filter(isVersioning).length;
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
