// `dondoc status` and the records database: closed work whose Temporal execution is gone
// (the namespace retention ran out, or it was deleted) is read from the records database,
// and live assignments get the delivery failures that only the records database keeps.
import { isGrpcServiceError, WorkflowNotFoundError } from '@temporalio/client';
import type { Env } from '../../config/env';
import { openExistingRecords, type AssignmentRecord, type OccurrenceRecord, type Records } from '../../storage/records';
import { CliError } from './command';

export const FROM_RECORDS_VI = 'Hồ sơ đã đóng — đọc từ cơ sở dữ liệu lưu trữ (from the records database)';
export const GONE_FROM_TEMPORAL_VI = 'Hồ sơ không còn trên Temporal — đọc từ cơ sở dữ liệu lưu trữ (from the records database)';

export type Recorded = { kind: 'assignment'; record: AssignmentRecord } | { kind: 'occurrence'; record: OccurrenceRecord };

/** Runs `body` with the configured records database, or with undefined when there is none. */
export async function withRecords<T>(env: Env, body: (records: Records | undefined) => Promise<T>): Promise<T> {
  let records: Records | undefined;
  try {
    records = await openExistingRecords({ url: env.DONDOC_RECORDS_URL, dataDir: env.DATA_DIR });
  } catch (err) {
    throw new CliError(`không mở được cơ sở dữ liệu lưu trữ (cannot open the records database): ${(err as Error).message}`);
  }
  try {
    return await body(records);
  } finally {
    await records?.close();
  }
}

export async function findRecorded(records: Records | undefined, id: string): Promise<Recorded | undefined> {
  if (!records) return undefined;
  const assignment = await records.getAssignment(id);
  if (assignment) return { kind: 'assignment', record: assignment };
  const occurrence = await records.getOccurrence(id);
  if (occurrence) return { kind: 'occurrence', record: occurrence };
  return undefined;
}


/** The workflow is not (or no longer) known to Temporal. */
export function isNotFound(err: unknown): boolean {
  return err instanceof WorkflowNotFoundError || (isGrpcServiceError(err) && err.code === 5);
}
