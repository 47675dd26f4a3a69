// Registers dondoc's search attributes with a namespace through the operator API: used
// for servers that are not started by dev/start.ts (the time-skipping test server, or a
// fresh production namespace).
import type { Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { searchAttributeDefinitions } from '../workflows/search-attributes';

const { IndexedValueType } = temporal.api.enums.v1;

export async function registerSearchAttributes(connection: Connection, namespace: string): Promise<void> {
  const searchAttributes = Object.fromEntries(
    Object.entries(searchAttributeDefinitions).map(([name, type]) => [
      name,
      type === 'Keyword'
        ? IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD
        : type === 'KeywordList'
          ? IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD_LIST
          : IndexedValueType.INDEXED_VALUE_TYPE_DATETIME,
    ]),
  );
  await connection.operatorService.addSearchAttributes({ namespace, searchAttributes });
}
