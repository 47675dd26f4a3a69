// taskWorkflow: a one-off item with a deadline and evidence (a training held, a commune's
// own program adopted, the budget plan). Each assignee goes through the same request,
// reminders, review and escalation as a report; a task is a report cycle without periods,
// and consolidates only when the program says so. Its own workflow type keeps tasks
// apart from reports in lists and in the Web UI.
import type { OccurrenceInput } from '../occurrence/input';
import type { ReportCycleState } from '../report-cycle/messages';
import type { CarriedCycle } from '../report-cycle/report-cycle-state';
import { reportCycleWorkflow } from '../report-cycle/report-cycle';

export async function taskWorkflow(input: OccurrenceInput, carried?: CarriedCycle): Promise<ReportCycleState> {
  return reportCycleWorkflow(input, carried);
}
