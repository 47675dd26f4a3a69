// The records database: the system of record for everything dondoc did, kept after
// Temporal forgets a closed execution. One class, thin: each concern lives in its own
// module (programs, notices, assignments, occurrences) as functions over the Kysely handle.
import type SqliteDatabase from 'better-sqlite3';
import type { Kysely } from 'kysely';
import * as assignments from './assignments';
import type { AssignmentListFilter, AssignmentListRow, AssignmentRecord, AssignmentSnapshot } from './assignments';
import * as notices from './notices';
import * as occurrenceRows from './occurrence-rows';
import type { OccurrenceRowsWrite } from './occurrence-rows';
import * as occurrences from './occurrences';
import type { OccurrenceRecord, OccurrenceSnapshot } from './occurrences';
import * as programs from './programs';
import type { RecordsSchema } from './schema';
import type { DeliveryFailure, NoticeSent, ProgramVersion } from './types';
import type { CycleRow } from '../../workflows/report-cycle/messages';

export interface RecordsInfo {
  kind: 'sqlite' | 'postgresql';
  /** The SQLite file, or "postgresql" (never the URL: it may hold a password). */
  where: string;
  /** The raw SQLite handle, for the online backup API. */
  sqlite?: SqliteDatabase.Database;
}

export class Records {
  constructor(
    /** The query builder, for modules of this folder and tests; callers use the methods. */
    readonly db: Kysely<RecordsSchema>,
    readonly info: RecordsInfo,
  ) {}

  putProgramVersion(version: ProgramVersion): Promise<void> {
    return programs.putProgramVersion(this.db, version);
  }

  getProgramVersion(hash: string): Promise<ProgramVersion | undefined> {
    return programs.getProgramVersion(this.db, hash);
  }

  listProgramVersions(programId: string): Promise<ProgramVersion[]> {
    return programs.listProgramVersions(this.db, programId);
  }

  findNotice(key: string): Promise<{ messageId: string; sentAt: string } | undefined> {
    return notices.findNotice(this.db, key);
  }

  recordNotice(notice: NoticeSent): Promise<void> {
    return notices.recordNotice(this.db, notice);
  }

  listNotices(workflowId: string): Promise<NoticeSent[]> {
    return notices.listNotices(this.db, workflowId);
  }

  recordDeliveryFailure(failure: DeliveryFailure): Promise<void> {
    return notices.recordDeliveryFailure(this.db, failure);
  }

  listDeliveryFailures(workflowId: string): Promise<DeliveryFailure[]> {
    return notices.listDeliveryFailures(this.db, workflowId);
  }

  /** Upserts the assignment (only if this version is newer) and inserts its new child rows. */
  writeAssignment(snapshot: AssignmentSnapshot): Promise<void> {
    return assignments.writeAssignment(this.db, snapshot);
  }

  getAssignment(id: string): Promise<AssignmentRecord | undefined> {
    return assignments.getAssignment(this.db, id);
  }

  listAssignments(filter: AssignmentListFilter): Promise<AssignmentListRow[]> {
    return assignments.listAssignments(this.db, filter);
  }

  writeOccurrence(snapshot: OccurrenceSnapshot): Promise<void> {
    return occurrences.writeOccurrence(this.db, snapshot);
  }

  getOccurrence(id: string): Promise<OccurrenceRecord | undefined> {
    return occurrences.getOccurrence(this.db, id);
  }

  /** Upserts the rows given (only where this write is newer than the stored one). */
  writeOccurrenceRows(write: OccurrenceRowsWrite): Promise<void> {
    return occurrenceRows.writeOccurrenceRows(this.db, write);
  }

  readOccurrenceRows(occurrenceId: string, offset: number, limit: number): Promise<{ rows: CycleRow[]; total: number }> {
    return occurrenceRows.readOccurrenceRows(this.db, occurrenceId, offset, limit);
  }

  liveOccurrenceRows(occurrenceId: string): Promise<CycleRow[]> {
    return occurrenceRows.liveOccurrenceRows(this.db, occurrenceId);
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}
