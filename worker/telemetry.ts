// The SDK runtime for the worker process: its log lines go through our logger (core warnings
// included), and its metrics (task latencies, slots, polls, sticky cache…) are served in
// Prometheus format when an address is configured. Installed once, before any connection.
import { Runtime, type Logger } from '@temporalio/worker';

export interface TelemetrySettings {
  logger: Logger;
  /** `host:port` for GET /metrics; absent: metrics off. */
  metricsAddress?: string;
  /** Extra labels on every metric (not namespace or task_queue: the SDK adds those). */
  globalTags?: Record<string, string>;
}

export function installRuntime(settings: TelemetrySettings): void {
  Runtime.install({
    logger: settings.logger,
    telemetryOptions: {
      logging: { filter: { core: 'WARN', other: 'ERROR' }, forward: {} },
      ...(settings.metricsAddress
        ? { metrics: { prometheus: { bindAddress: settings.metricsAddress }, ...(settings.globalTags ? { globalTags: settings.globalTags } : {}) } }
        : {}),
    },
  });
}
