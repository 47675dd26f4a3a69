// The consolidateReport activity: builds the table once, writes it as XLSX and HTML into
// the file store, and returns the refs with the counts and sums the workflow records.
import { ApplicationFailure } from '@temporalio/common';
import { ReportInputError } from './dates';
import { requireStore, type ReportDeps } from './deps';
import { reportFileName } from './file-names';
import { HTML_CONTENT_TYPE, renderHtml } from './html';
import { buildReportModel, type ReportModel } from './model';
import type { ConsolidationInput, ConsolidationResult } from './types';
import { renderXlsx, XLSX_CONTENT_TYPE } from './xlsx';

function modelOf(input: ConsolidationInput): ReportModel {
  try {
    return buildReportModel(input);
  } catch (err) {
    // The same input would fail the same way on every retry.
    if (err instanceof ReportInputError) throw ApplicationFailure.nonRetryable(err.message, 'InvalidReportInput');
    throw err;
  }
}

export function createConsolidateReport(deps: Pick<ReportDeps, 'store'>) {
  return async function consolidateReport(input: ConsolidationInput): Promise<ConsolidationResult> {
    const store = requireStore(deps);
    const model = modelOf(input);
    // No DOCX: with no Word writer among the dependencies it would be OOXML written by hand,
    // and Word already opens the HTML page (File > Open) for offices that want to edit in Word.
    const xlsx = await store.put(reportFileName(input, 'xlsx'), XLSX_CONTENT_TYPE, await renderXlsx(model));
    const html = await store.put(reportFileName(input, 'html'), HTML_CONTENT_TYPE, Buffer.from(renderHtml(model), 'utf8'));
    return { xlsx, html, counts: model.counts, sums: model.sums };
  };
}
