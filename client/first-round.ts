// The first round of a stand-alone assignment (`dondoc assign`, tests): its reminders, due
// and escalations resolved here, on the client, by the same schedule function the plan
// uses — the workflow only ever receives resolved steps. The request goes out when the
// workflow starts.
import { calendarFor, roundSteps } from '../program/follow-ups';
import { followUpSpecOf, type AssignmentInput, type Step } from '../workflows/assignment/messages';

export type UnscheduledAssignment = Omit<AssignmentInput, 'steps'> & { steps?: Step[] };

export function withFirstRound(input: UnscheduledAssignment): AssignmentInput {
  if (input.steps && input.steps.length > 0) return { ...input, steps: input.steps };
  const spec = followUpSpecOf({ ...input, steps: [] });
  try {
    return { ...input, steps: roundSteps(spec, input.dueAt, 1, calendarFor(spec)) };
  } catch {
    // An unreadable due or offset: the input's own check names the field.
    return { ...input, steps: [] };
  }
}
