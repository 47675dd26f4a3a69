// Custom search attributes: how lists and the dashboard find workflows through Temporal
// visibility instead of a second database. The dev server registers them at start
// (dev/start.ts); a production namespace needs `temporal operator search-attribute create`.
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

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
