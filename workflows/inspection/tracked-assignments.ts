// Child assignmentWorkflows an occurrence follows itself (inspection remediations, campaign
// plans), without a report cycle around them: each runs in its own cancellation scope so a
// re-applied program can withdraw one unit, and its row follows the child's status signals.
// Shared by inspectionWorkflow and campaignWorkflow; it could move to workflows/occurrence/
// if a third workflow needs it.
import { CancellationScope, getExternalWorkflowHandle, isCancellation } from '@temporalio/workflow';
import { startAssignment } from '../occurrence/start-child';
import { rescheduleSignal, type AssignmentInput, type AssignmentSummary, type ChildAssignmentRow } from '../assignment/messages';

/** A child assignment as inspections and campaigns follow it (no report figures). */
export type TrackedRow = Omit<ChildAssignmentRow, 'indicators' | 'note'>;

export class TrackedAssignments {
  private readonly scopes = new Map<string, CancellationScope>();
  private readonly inputs = new Map<string, AssignmentInput>();

  /**
   * `rows` is kept by reference (it is part of the workflow's queried state); `changed` is
   * called after every change so the workflow's main loop can wake up.
   */
  constructor(
    readonly rows: TrackedRow[],
    private readonly changed: () => void,
  ) {}

  row(id: string): TrackedRow | undefined {
    return this.rows.find((r) => r.assignmentId === id);
  }

  input(id: string): AssignmentInput | undefined {
    return this.inputs.get(id);
  }

  has(id: string): boolean {
    return this.inputs.has(id);
  }

  start(id: string, assignment: AssignmentInput): void {
    this.inputs.set(id, assignment);
    const fresh: TrackedRow = {
      assignmentId: id,
      unitId: assignment.unit.id,
      unitName: assignment.unit.name,
      status: 'requested',
      dueAt: assignment.dueAt,
      round: 1,
      late: false,
      closed: false,
    };
    const existing = this.row(id);
    if (existing) {
      // A unit removed and added back: the row is reused, its old facts dropped.
      for (const key of ['receiptNumber', 'submittedAt', 'removed'] as const) delete existing[key];
      Object.assign(existing, fresh);
    } else {
      this.rows.push(fresh);
    }
    const scope = new CancellationScope();
    this.scopes.set(id, scope);
    const done = scope.run(async () => {
      const child = await startAssignment(id, assignment);
      return child.result();
    });
    void done.then(
      (final) => {
        const r = this.row(id);
        if (r) {
          Object.assign(r, {
            closed: true,
            status: final.status,
            dueAt: final.dueAt,
            round: final.round,
            ...(final.receiptNumber ? { receiptNumber: final.receiptNumber, submittedAt: final.submittedAt, late: final.late } : {}),
          });
        }
        this.changed();
      },
      (err: unknown) => {
        const r = this.row(id);
        if (r) Object.assign(r, { closed: true, ...(isCancellation(err) || scope.consideredCancelled ? { removed: true } : {}) });
        this.changed();
      },
    );
    this.changed();
  }

  /** A child's status signal; false when the signal is not about one of these children. */
  apply(summary: AssignmentSummary): boolean {
    const r = this.row(summary.assignmentId);
    if (!r) return false;
    Object.assign(r, {
      status: summary.status,
      dueAt: summary.dueAt,
      round: summary.round,
      late: summary.late,
      ...(summary.receiptNumber ? { receiptNumber: summary.receiptNumber } : {}),
      ...(summary.submittedAt ? { submittedAt: summary.submittedAt } : {}),
    });
    this.changed();
    return true;
  }

  /** The program no longer asks this unit: the child tells the unit and stops. */
  cancel(id: string): void {
    const r = this.row(id);
    if (!r || r.closed) return;
    this.scopes.get(id)?.cancel();
    r.removed = true;
    this.inputs.delete(id);
    this.changed();
  }

  /** The program moved the due: the child re-arms its timers without a unit request. */
  async reschedule(id: string, assignment: AssignmentInput, reason: string): Promise<void> {
    const before = this.inputs.get(id);
    this.inputs.set(id, assignment);
    if (!before || Date.parse(before.dueAt) === Date.parse(assignment.dueAt)) return;
    if (this.row(id)?.closed) return;
    await getExternalWorkflowHandle(id).signal(rescheduleSignal, { dueAt: assignment.dueAt, reason });
  }

  /** Every row not withdrawn. */
  live(): TrackedRow[] {
    return this.rows.filter((r) => !r.removed);
  }

  allClosed(): boolean {
    return this.rows.every((r) => r.closed);
  }
}

export function reasonMoved(locale: 'vi' | 'en'): string {
  return locale === 'en' ? 'The work program was amended.' : 'Chương trình công tác đã được điều chỉnh.';
}
