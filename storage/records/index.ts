export { openRecords, openExistingRecords, isPostgresUrl, sqlitePath, SQLITE_FILE, type OpenRecordsOptions } from './open';
export { Records, type RecordsInfo } from './records';
export { RecordsLedger } from './ledger';
export type { DeliveryFailure, NoticeSent, ProgramVersion } from './types';
export type { AssignmentListFilter, AssignmentListRow, AssignmentRecord, AssignmentSnapshot } from './assignments';
export type { OccurrenceRecord, OccurrenceSnapshot } from './occurrences';
