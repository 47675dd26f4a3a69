// Custom search attributes: how lists and the dashboard find workflows through Temporal
// visibility instead of a second database. The dev server registers them at start
// (dev/start.ts); a production namespace needs `temporal operator search-attribute create`.
import { defineSearchAttributeKey, SearchAttributeType, type SearchAttributePair } from '@temporalio/common';

export const PROGRAM = defineSearchAttributeKey('DondocProgram', SearchAttributeType.KEYWORD);
export const ITEM = defineSearchAttributeKey('DondocItem', SearchAttributeType.KEYWORD);
export const PERIOD = defineSearchAttributeKey('DondocPeriod', SearchAttributeType.KEYWORD);
export const UNIT = defineSearchAttributeKey('DondocUnit', SearchAttributeType.KEYWORD);
export const STATUS = defineSearchAttributeKey('DondocStatus', SearchAttributeType.KEYWORD);
export const DUE = defineSearchAttributeKey('DondocDue', SearchAttributeType.DATETIME);
/** Kinds of unit requests awaiting the office's decision: 'extension', 'exemption'. */
export const PENDING = defineSearchAttributeKey('DondocPending', SearchAttributeType.KEYWORD_LIST);

/** Name → server type, in the spelling `temporal server start-dev --search-attribute` takes. */
export const searchAttributeDefinitions: Record<string, 'Keyword' | 'Datetime' | 'KeywordList'> = {
  [PROGRAM.name]: 'Keyword',
  [ITEM.name]: 'Keyword',
  [PERIOD.name]: 'Keyword',
  [UNIT.name]: 'Keyword',
  [STATUS.name]: 'Keyword',
  [DUE.name]: 'Datetime',
  [PENDING.name]: 'KeywordList',
};

/**
 * What an assignment shows in visibility from the moment it exists: its program, item, unit,
 * period, first status and due. Starters (the occurrence's activity, `dondoc assign`) set
 * them with the start, so the workflow upserts nothing to begin with: each upsert is an event
 * and a billed action, and at 3,400 units per cycle two of them per assignment add up.
 */
export function assignmentStartAttributes(input: { programId: string; itemId: string; unit: { id: string }; period?: string | undefined; dueAt: string }): SearchAttributePair[] {
  return [
    { key: PROGRAM, value: input.programId },
    { key: ITEM, value: input.itemId },
    { key: UNIT, value: input.unit.id },
    { key: PERIOD, value: input.period ?? '' },
    { key: STATUS, value: 'requested' },
    { key: DUE, value: new Date(input.dueAt) },
  ];
}
