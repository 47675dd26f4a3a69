// When things happened in a history, in seconds after the bench's own start of a phase.
import type { temporal } from '@temporalio/proto';

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

/** Seconds from `since` (epoch ms) to an event. */
export function offset(e: HistoryEvent, since: number): string {
  const seconds: unknown = e.eventTime?.seconds ?? 0;
  // protobufjs gives int64 fields as Long objects.
  const whole = typeof seconds === 'object' && seconds !== null && 'toNumber' in seconds ? (seconds as { toNumber(): number }).toNumber() : Number(seconds);
  const ms = whole * 1000 + Math.round((e.eventTime?.nanos ?? 0) / 1e6);
  return ((ms - since) / 1000).toFixed(1);
}

/** "WorkflowExecutionStarted +12.3, WorkflowTaskScheduled +12.3, …" */
export function timeline(events: HistoryEvent[], since: number): string {
  return events
    .map((e) => {
      const kind = Object.keys(e).find((k) => k.endsWith('EventAttributes') && (e as Record<string, unknown>)[k])?.replace(/EventAttributes$/, '') ?? '?';
      const activity = e.activityTaskScheduledEventAttributes?.activityType?.name;
      return `${kind}${activity ? ` (${activity})` : ''} +${offset(e, since)}`;
    })
    .join(', ');
}
