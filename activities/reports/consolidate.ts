// The consolidateReport activity: builds the table once, writes it as XLSX and HTML into
// the file store, and returns the refs with the counts and sums the workflow records.
import { ApplicationFailure } from '@temporalio/common';
import { ReportInputError } from './dates';
import { requireStore, type ReportDeps } from './deps';
import { reportFileName } from './file-names';
import { HTML_CONTENT_TYPE, renderHtml } from './html';
import { buildReportModel, type ReportModel } from './model';
import type { ConsolidationInput, ConsolidationResult, ConsolidationRow } from './types';
import { consolidationRow } from '../../workflows/report-cycle/rows';
import { requireRecords } from '../records';
import { renderXlsx, XLSX_CONTENT_TYPE } from './xlsx';

function modelOf(input: ConsolidationInput & { rows: ConsolidationRow[] }): ReportModel {
  try {
    return buildReportModel(input);
  } catch (err) {
    // The same input would fail the same way on every retry.
    if (err instanceof ReportInputError) throw ApplicationFailure.nonRetryable(err.message, 'InvalidReportInput');
    throw err;
  }
}

/** The rows to consolidate: given, or those the occurrence wrote to the records database. */
async function rowsOf(input: ConsolidationInput, deps: Pick<ReportDeps, 'records'>): Promise<ConsolidationRow[]> {
  if (input.rows) return input.rows;
  if (!input.rowsOf) throw ApplicationFailure.nonRetryable('báo cáo tổng hợp không có danh sách đơn vị (neither rows nor rowsOf given)', 'InvalidReportInput');
  return (await requireRecords(deps).liveOccurrenceRows(input.rowsOf)).map(consolidationRow);
}

export function createConsolidateReport(deps: Pick<ReportDeps, 'store' | 'records'>) {
  return async function consolidateReport(input: ConsolidationInput): Promise<ConsolidationResult> {
    const store = requireStore(deps);
    const model = modelOf({ ...input, rows: await rowsOf(input, deps) });
    // No DOCX: with no Word writer among the dependencies it would be OOXML written by hand,
    // and Word already opens the HTML page (File > Open) for offices that want to edit in Word.
    const xlsx = await store.put(reportFileName(input, 'xlsx'), XLSX_CONTENT_TYPE, await renderXlsx(model));
    const html = await store.put(reportFileName(input, 'html'), HTML_CONTENT_TYPE, Buffer.from(renderHtml(model), 'utf8'));
    return { xlsx, html, counts: model.counts, sums: model.sums };
  };
}
