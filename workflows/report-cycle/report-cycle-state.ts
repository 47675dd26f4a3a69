// The state of one report cycle and what it does: its rows (one per assignment, followed
// through the assignments' summaries), its consolidations, the approval, the forwarding and
// the addenda. The workflow function (report-cycle.ts) only wires handlers to these methods
// and runs the phases.
import { patched, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { AssignmentSet } from '../../contract/assignments';
import type { NoticeData, NoticeKind } from '../../contract/notices';
import { consolidateReport, forwardReport, occurrenceRows, recordOccurrence, recordOccurrenceRows } from '../activity-proxies';
import type { AssignmentInput, AssignmentSummary, IndicatorField } from '../assignment/messages';
import { AssignmentTracker } from '../occurrence/assignment-tracker';
import type { OccurrenceInput } from '../occurrence/input';
import { occurrenceNotice, occurrenceOutbox } from '../occurrence/notices';
import { occurrenceHeader } from '../occurrence/occurrence-base';
import { reasonMoved } from '../occurrence/reason-moved';
import { toLocalIso } from '../occurrence/time';
import { OCCURRENCE_ROWS_IN_RECORDS } from '../patches';
import { STATUS } from '../search-attributes';
import type { ApproveArgs, CycleRow, ReportCycleState } from './messages';
import { consolidationRow, isSettled, rowStatus } from './rows';

/**
 * Rows written or read per activity: ~250 bytes each (a few KB with long notes), so a page
 * stays far below the 256 KiB we allow a payload.
 */
const ROWS_PAGE = 200;

/** Pages of assignment starts run at once (each starts 100, 20 at a time). */
const START_WINDOW = 4;

/** What a continue-as-new carries into the next run. */
export interface CarriedCycle {
  /** Without its rows when `rowsStored` (0.4): the next run reads them back. */
  state: ReportCycleState;
  rowsStored?: boolean;
  starts: number;
  consolidateRequested: boolean;
  decision?: { decision: 'approve' | 'return'; comment?: string };
  lateAfterConsolidation: string[];
  recordVersion: number;
}

export class ReportCycle {
  readonly state: ReportCycleState;
  readonly tracker: AssignmentTracker<CycleRow>;
  readonly outbox;
  consolidateRequested: boolean;
  decision: { decision: 'approve' | 'return'; comment?: string } | undefined;
  /** Units that reported after the consolidation, for the next addendum. */
  private late: Set<string>;
  private recordVersion: number;
  /** Grows with every change the main loop may be waiting for. */
  changes = 0;
  /**
   * The rows' home is the records database (0.4): written as they change, read by the
   * consolidation and by the next run. Cycles started earlier carry them in payloads.
   */
  private readonly rowsInRecords: boolean;
  private rowWrites = 0;
  /** No row written yet by this execution: the first write drops an earlier execution's rows. */
  private firstWrite: boolean;
  /** Summaries that arrive while the rows are read back after a continue-as-new. */
  private held: AssignmentSummary[] | undefined;

  constructor(
    public input: OccurrenceInput,
    carried?: CarriedCycle,
  ) {
    this.state = carried?.state ?? {
      ...occurrenceHeader(input),
      phase: 'collecting',
      ...(input.consolidation ? { approver: input.consolidation.approver } : {}),
      rows: [],
      consolidations: [],
      approvals: [],
      addenda: [],
      notices: [],
      deliveryFailures: [],
    };
    this.consolidateRequested = carried?.consolidateRequested ?? false;
    this.decision = carried?.decision;
    this.late = new Set(carried?.lateAfterConsolidation ?? []);
    this.recordVersion = carried?.recordVersion ?? 0;
    this.tracker = new AssignmentTracker(this.state.rows, {
      changed: () => this.changes++,
      figures: true,
      settled: isSettled,
      ...(carried ? { starts: carried.starts } : {}),
    });
    this.outbox = occurrenceOutbox(this.state, () => this.input);
    this.rowsInRecords = patched(OCCURRENCE_ROWS_IN_RECORDS);
    this.firstWrite = carried === undefined;
    if (carried?.rowsStored) this.held = [];
  }

  /** After a continue-as-new: the rows the previous run wrote, a page at a time. */
  async restoreRows(): Promise<void> {
    if (!this.held) return;
    for (let offset = 0; ; offset += ROWS_PAGE) {
      const page = await occurrenceRows({ occurrenceId: this.input.occurrenceId, offset, limit: ROWS_PAGE });
      this.tracker.restore(page.rows);
      if (offset + ROWS_PAGE >= page.total) break;
    }
    const held = this.held;
    this.held = undefined;
    for (const summary of held) this.onAssignmentChanged(summary);
  }

  hasUnwrittenRows(): boolean {
    return this.rowsInRecords && this.tracker.hasChanged();
  }

  /** Writes the rows changed since the last write, a page per activity. */
  async writeRows(): Promise<void> {
    if (!this.rowsInRecords) return;
    const changed = this.tracker.takeChanged();
    for (let i = 0; i < changed.length || this.firstWrite; i += ROWS_PAGE) {
      // Workflow time orders the writes across runs and executions; the counter, within a task.
      const seq = Date.now() * 1000 + (this.rowWrites++ % 1000);
      await recordOccurrenceRows({ occurrenceId: this.input.occurrenceId, seq, rows: changed.slice(i, i + ROWS_PAGE), ...(this.firstWrite ? { fresh: true } : {}) });
      this.firstWrite = false;
    }
  }

  carried(): CarriedCycle {
    return {
      ...(this.rowsInRecords ? { state: { ...this.state, rows: [] }, rowsStored: true } : { state: this.state }),
      starts: this.tracker.starts,
      consolidateRequested: this.consolidateRequested,
      ...(this.decision ? { decision: this.decision } : {}),
      lateAfterConsolidation: [...this.late],
      recordVersion: this.recordVersion,
    };
  }

  nowIso(): string {
    return toLocalIso(Date.now(), this.input.timeZone);
  }

  setPhase(phase: ReportCycleState['phase']): void {
    this.state.phase = phase;
    upsertSearchAttributes([{ key: STATUS, value: phase }]);
    this.changes++;
  }

  allSettled(): boolean {
    return this.tracker.allSettled();
  }

  allClosed(): boolean {
    return this.tracker.allClosed();
  }

  hasLateReports(): boolean {
    return this.late.size > 0;
  }

  /** The assignments this cycle asks: a page source from the program, or the list it was given. */
  private setOf(input: OccurrenceInput): AssignmentSet<AssignmentInput> {
    return input.source ? { source: { hash: input.source.hash, occurrenceId: input.occurrenceId } } : { assignments: input.assignments };
  }

  async startAssignments(): Promise<void> {
    // Four pages at a time for cycles of 0.4 (earlier ones replay one page after another).
    await this.tracker.start(this.setOf(this.input), this.rowsInRecords ? START_WINDOW : 1);
  }

  /** An assignment's summary; a report that arrives after the consolidation goes into an addendum. */
  onAssignmentChanged(summary: AssignmentSummary): void {
    if (this.held) {
      this.held.push(summary);
      return;
    }
    const row = this.tracker.row(summary.assignmentId);
    const wasMissing = row !== undefined && rowStatus(row) === 'missing';
    if (!this.tracker.apply(summary)) return;
    if (this.state.consolidations.length > 0 && wasMissing && summary.receiptNumber) this.late.add(summary.assignmentId);
  }

  async reconfigure(next: OccurrenceInput): Promise<void> {
    const before = this.setOf(this.input);
    this.input = next;
    if (next.consolidation) this.state.approver = next.consolidation.approver;
    else delete this.state.approver;
    await this.tracker.reconfigure(before, this.setOf(next), reasonMoved);
    this.changes++;
  }

  approve(args: ApproveArgs & { decision: 'approve' | 'return' }): void {
    this.decision = { decision: args.decision, ...(args.comment ? { comment: args.comment } : {}) };
    this.state.approvals.push({ at: this.nowIso(), decision: args.decision, ...(args.comment ? { comment: args.comment } : {}), ...(args.by ? { by: args.by } : {}) });
    this.changes++;
  }

  requestConsolidation(): void {
    this.consolidateRequested = true;
    this.changes++;
  }

  /** The records database gets the state at each step (the version counts them) and the last one. */
  async keepRecord(closed: boolean): Promise<void> {
    this.recordVersion++;
    if (!this.rowsInRecords) {
      await recordOccurrence({ ...this.state, version: this.recordVersion, closed });
      return;
    }
    await this.writeRows();
    const { rows: _rows, ...header } = this.state;
    await recordOccurrence({ ...header, version: this.recordVersion, closed });
  }

  async notice(kind: NoticeKind, step: string, to: string[], cc: string[], extra: Partial<NoticeData> = {}, planUid?: string): Promise<void> {
    const data = { ...occurrenceNotice(this.input, kind, this.input.office.name, this.input.consolidation?.dueAt ?? this.nowIso()), ...extra };
    this.outbox.push({ key: `${workflowInfo().workflowId}/${step}`, to, cc, data, ...(planUid ? { planUid } : {}) });
    await this.outbox.drain();
  }

  /** The item's indicator fields: given by the program, or read from the assignments given. */
  private indicators(): IndicatorField[] {
    const fields = this.input.indicators ?? this.input.assignments[0]?.input.indicators ?? [];
    return fields.map((i) => ({ ...i, required: i.required ?? false }));
  }

  private consolidationInput(name: string, rows: { rows: CycleRow[] } | { rowsOf: string }) {
    const input = this.input;
    return {
      key: `${input.occurrenceId}/${name}`,
      programTitle: input.programTitle,
      officeName: input.office.name,
      itemTitle: input.itemTitle,
      periodLabel: input.periodLabel,
      timeZone: input.timeZone,
      locale: input.locale,
      indicators: this.indicators(),
      ...('rows' in rows ? { rows: rows.rows.map(consolidationRow) } : rows),
      generatedAt: this.nowIso(),
    };
  }

  /** Consolidates the units' reports, tells the office and asks for approval. */
  async consolidate(): Promise<void> {
    this.consolidateRequested = false;
    const version = this.state.consolidations.length + 1;
    await this.writeRows();
    const rows = this.rowsInRecords ? { rowsOf: this.input.occurrenceId } : { rows: this.tracker.live() };
    const result = await consolidateReport(this.consolidationInput(`tong-hop-${version}`, rows));
    const record = { version, at: this.nowIso(), xlsx: result.xlsx, html: result.html, counts: result.counts, sums: result.sums };
    this.state.consolidations.push(record);
    const input = this.input;
    // The first consolidation is the plan's; later ones answer the office or the chair.
    const planUid = version === 1 ? `${input.planOccurrenceId ?? input.occurrenceId}/consolidation` : undefined;
    await this.notice('consolidated', `consolidation-${version}`, input.office.emails, [], { counts: record.counts }, planUid);
    // The request to approve goes with the consolidation; the plan's `approval` is its deadline.
    if (input.consolidation!.approver === 'chair') {
      await this.notice('approval-requested', `consolidation-${version}/approval`, [input.chair.email], input.office.emails, {
        counts: record.counts,
        recipientName: input.chair.name,
        ...(input.chair.title ? { recipientTitle: input.chair.title } : {}),
      });
    }
    this.decision = undefined;
    this.setPhase('awaiting-approval');
    await this.keepRecord(false);
  }

  /** The chair (or office) returned the consolidation: the office is told and may consolidate again. */
  async returned(): Promise<void> {
    const comment = this.decision?.comment;
    this.setPhase('returned-to-office');
    await this.notice('approval-returned', `consolidation-${this.state.consolidations.length}/returned`, this.input.office.emails, [], comment ? { comment } : {});
    await this.keepRecord(false);
  }

  /** Sends the approved consolidation upward with the workbook attached. */
  async forward(): Promise<void> {
    this.setPhase('forwarding');
    const input = this.input;
    const record = this.state.consolidations.at(-1)!;
    const upward = input.consolidation!.upward;
    if (upward.length > 0) {
      const notice: NoticeData = {
        ...occurrenceNotice(input, 'forwarded', input.office.name, input.consolidation!.dueAt),
        recipientName: upward.map((u) => u.name).join('; '),
        counts: record.counts,
        attachmentName: record.xlsx.name,
        // The report goes up in the committee's name, signed by its chair.
        ...(input.committeeName ? { committeeName: input.committeeName, signerName: input.chair.name } : {}),
      };
      const request = { key: `${workflowInfo().workflowId}/forwarded`, to: upward.map((u) => u.email), cc: input.office.emails, data: notice };
      let messageId: string | undefined;
      await this.outbox.sendVia(request, async (issued) => {
        const sent = await forwardReport({
          key: issued.key,
          to: upward.map((u) => ({ name: u.name, email: u.email })),
          cc: issued.cc,
          notice,
          attachments: [record.xlsx],
          ...(issued.issuedAt ? { issuedAt: issued.issuedAt } : {}),
        });
        messageId = sent.messageId;
        return sent;
      });
      this.state.forwarded = { at: this.nowIso(), to: upward.map((u) => u.email), ...(messageId ? { messageId } : {}) };
    }
    this.setPhase('forwarded');
    await this.keepRecord(false);
  }

  /** Reports that came after the consolidation, in a numbered addendum. */
  async addendum(): Promise<void> {
    const late = this.late;
    this.late = new Set();
    const version = this.state.addenda.length + 1;
    const rows = this.state.rows.filter((r) => late.has(r.assignmentId));
    const result = await consolidateReport({
      ...this.consolidationInput(`phu-luc-${version}`, { rows }),
      addendum: { of: this.state.consolidations.at(-1)!.xlsx.ref, number: version },
    });
    this.state.addenda.push({ version, at: this.nowIso(), units: rows.map((r) => r.unitName), xlsx: result.xlsx });
    for (const r of rows) {
      await this.notice('late-addendum', `addendum-${version}/${r.unitId}`, this.input.office.emails, [], {
        unitName: r.unitName,
        ...(r.receiptNumber ? { receiptNumber: r.receiptNumber } : {}),
      });
    }
    await this.keepRecord(false);
  }
}
