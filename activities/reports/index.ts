// The report activities, built from the worker's dependencies like every other activity.
import { createConsolidateReport } from './consolidate';
import type { ReportDeps } from './deps';
import { createForwardReport } from './forward';

export type { ReportDeps } from './deps';
export type * from './types';

export function createReportActivities(deps: ReportDeps) {
  return {
    consolidateReport: createConsolidateReport(deps),
    forwardReport: createForwardReport(deps),
  };
}
