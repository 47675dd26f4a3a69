// Which of a campaign occurrence's assignments are plans and which are results, and the units
// they name. Pure.
import type { AssignmentInput } from '../assignment/messages';
import type { OccurrenceInput } from '../occurrence/input';
import { PLAN_SUFFIX } from './messages';

export const isPlan = (id: string): boolean => id.endsWith(PLAN_SUFFIX);

export interface CampaignUnit {
  id: string;
  name: string;
  emails: string[];
  /** The unit's results due. */
  dueAt: string;
}

/**
 * The plans to ask. A plan is a document: the item's indicator fields are the results' figures,
 * and asking them of a plan would refuse every plan sent before the campaign has any results.
 */
export function planAssignments(from: OccurrenceInput): { assignments: { id: string; input: AssignmentInput }[] } {
  return { assignments: from.assignments.filter((a) => isPlan(a.id)).map((a) => ({ id: a.id, input: { ...a.input, indicators: [] } })) };
}

/** The input of the results report cycle (workflow id `resultsId`): the occurrence without its plans. */
export function resultsInput(from: OccurrenceInput, resultsId: string): OccurrenceInput {
  return {
    ...from,
    occurrenceId: resultsId,
    // The results' consolidation is the campaign's, as the plan shows it.
    planOccurrenceId: from.occurrenceId,
    assignments: from.assignments.filter((a) => !isPlan(a.id)),
  };
}

/** The units the launch and check-in go to, in the program's order, each once. */
export function unitsOf(input: OccurrenceInput): CampaignUnit[] {
  const byId = new Map<string, CampaignUnit>();
  // Every unit has a results assignment; a plan alone (results dropped) still names the unit.
  for (const a of [...input.assignments].sort((x, y) => Number(isPlan(x.id)) - Number(isPlan(y.id)))) {
    if (!byId.has(a.input.unit.id)) byId.set(a.input.unit.id, { id: a.input.unit.id, name: a.input.unit.name, emails: a.input.unit.emails, dueAt: a.input.dueAt });
  }
  return [...byId.values()];
}
