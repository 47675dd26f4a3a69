// What the report activities need from the worker: the file store for the documents, and
// (for forwarding) the same SMTP relay the notices use.
import { ApplicationFailure } from '@temporalio/common';
import type { FileStore } from '../../storage/file-store';
import type { Records } from '../../storage/records';
import type { NotifyDeps } from '../notify/send-notice';

export interface ReportDeps extends NotifyDeps {
  /**
   * Optional only so that callers which never consolidate (notice-only tests) need not
   * build one; the worker always wires it.
   */
  store?: FileStore;
  /** Where a report cycle's unit rows are kept (ConsolidationInput.rowsOf). */
  records?: Records;
}

export function requireStore(deps: Pick<ReportDeps, 'store'>): FileStore {
  if (!deps.store) {
    throw ApplicationFailure.nonRetryable('worker chưa cấu hình kho tệp (no file store configured for report activities)', 'NoFileStore');
  }
  return deps.store;
}
