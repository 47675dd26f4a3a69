import type { DeliveryFailure } from '../notify/delivery-failure';
// The contract between the report-cycle workflow and the report activities. Workflows
// import these as types only; the shapes are plain JSON so they travel through history.
import type { StoredFile } from '../../storage/file-store';
import type { NoticeCounts, NoticeData } from '../../contract/notices';
import type { z } from 'zod';
import type { ConsolidationRow, RowStatus } from '../../contract/reports';
import type { indicatorFieldSchema } from '../../workflows/assignment/messages';

/**
 * An indicator field as the program (or an assignment's input) declares it: `required` may
 * be left out, and only id, label, type and unit matter to a consolidation.
 */
export type { ConsolidationRow, RowStatus };

export type ReportIndicator = z.input<typeof indicatorFieldSchema>;

export interface ConsolidationInput {
  /** Occurrence id, e.g. "vstbpn-thanh-hoa-2026/bao-cao-6-thang/2026-H1" (+ "/addendum-2" for addenda). */
  key: string;
  programTitle: string;
  officeName: string;
  itemTitle: string;
  periodLabel: string;
  timeZone: string;
  locale: 'vi' | 'en';
  indicators: ReportIndicator[];
  /** The units' rows, given inline (addenda, cycles started before 0.4) … */
  rows?: ConsolidationRow[];
  /** … or read from the rows the occurrence with this id wrote to the records database. */
  rowsOf?: string;
  /** Workflow time (ISO); used for the document date, never the wall clock. */
  generatedAt: string;
  /** An addendum lists late submissions after consolidation. */
  addendum?: { of: string; number: number };
}

/** Where the units of a consolidation stand: the counts its notices state. */
export type Counts = NoticeCounts;

export interface ConsolidationResult {
  xlsx: StoredFile;
  html: StoredFile;
  docx?: StoredFile;
  counts: Counts;
  /** Per number indicator, summed over rows that have it. */
  sums: Record<string, number>;
}

export interface ForwardInput {
  /** Stable notice key → Message-ID. */
  key: string;
  to: { name: string; email: string }[];
  cc: string[];
  /** Kind 'forwarded' (the cover letter). */
  notice: NoticeData;
  /** Read from the file store and attached. */
  attachments: StoredFile[];
  /** As on notices: the plan event it fulfils and the workflow's clock when issued. */
  planUid?: string;
  issuedAt?: string;
}

/** Sent (Message-ID and time), or refused by the relay for good (recorded, never a failed workflow). */
export interface ForwardedReport {
  messageId?: string;
  sentAt?: string;
  failed?: DeliveryFailure;
}
