// Reads what Temporal's limits are about from an execution's histories: events per run,
// the largest payload any one event carries, and child workflows started. Follows a
// continue-as-new chain from the first run to the last. Used by the scale test and
// `npm run bench:scale`.
import type { Client } from '@temporalio/client';
import type { temporal } from '@temporalio/proto';

export interface HistoryFigures {
  runs: number;
  /** The run ids, first to last. */
  runIds: string[];
  /**
   * The longest workflow task, started to completed (ms, server clock): the worker's time on
   * it, CPU and waiting — on a loaded machine an upper bound of its CPU time. Zero on the
   * time-skipping server, whose clock stands still while a task runs.
   */
  maxTaskMs: number;
  /** Events of the longest run. */
  maxEvents: number;
  /** Bytes of the largest payload set one event carries (an input, a result, a signal). */
  maxPayloadBytes: number;
  /** Which event type carried it. */
  maxPayloadEvent: string;
  childStarts: number;
  /** Every event of every run: actions are counted from these. */
  events: temporal.api.history.v1.IHistoryEvent[];
}

/** Sums the payload bytes inside one value of a history event, at any depth. */
function payloadBytes(value: unknown): number {
  if (!value || typeof value !== 'object') return 0;
  if (value instanceof Uint8Array) return 0;
  const record = value as Record<string, unknown>;
  if (record.data instanceof Uint8Array && 'metadata' in record) return record.data.byteLength;
  let total = 0;
  for (const v of Object.values(record)) total += Array.isArray(v) ? v.reduce((s: number, x) => s + payloadBytes(x), 0) : payloadBytes(v);
  return total;
}

function eventType(event: temporal.api.history.v1.IHistoryEvent): string {
  const attributes = Object.keys(event).find((k) => k.endsWith('EventAttributes') && (event as Record<string, unknown>)[k]);
  return attributes?.replace(/EventAttributes$/, '') ?? String(event.eventType);
}

function millis(time: temporal.api.history.v1.IHistoryEvent['eventTime']): number {
  return Number(time?.seconds ?? 0) * 1000 + Math.floor((time?.nanos ?? 0) / 1e6);
}

export async function historyFigures(client: Client, workflowId: string, firstRunId?: string): Promise<HistoryFigures> {
  const figures: HistoryFigures = { runs: 0, runIds: [], maxTaskMs: 0, maxEvents: 0, maxPayloadBytes: 0, maxPayloadEvent: '', childStarts: 0, events: [] };
  let runId: string | undefined = firstRunId ?? ((await client.workflow.getHandle(workflowId).describe()).raw.workflowExecutionInfo?.firstRunId || undefined);
  while (runId) {
    const history = await client.workflow.getHandle(workflowId, runId).fetchHistory();
    const events = history.events ?? [];
    figures.runs++;
    figures.runIds.push(runId);
    figures.maxEvents = Math.max(figures.maxEvents, events.length);
    runId = undefined;
    let taskStarted: number | undefined;
    for (const event of events) {
      figures.events.push(event);
      if (event.workflowTaskStartedEventAttributes) taskStarted = millis(event.eventTime);
      if (event.workflowTaskCompletedEventAttributes && taskStarted !== undefined) figures.maxTaskMs = Math.max(figures.maxTaskMs, millis(event.eventTime) - taskStarted);
      const bytes = payloadBytes(event);
      if (bytes > figures.maxPayloadBytes) {
        figures.maxPayloadBytes = bytes;
        figures.maxPayloadEvent = eventType(event);
      }
      if (event.startChildWorkflowExecutionInitiatedEventAttributes) figures.childStarts++;
      const next = event.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId;
      if (next) runId = next;
    }
  }
  return figures;
}
