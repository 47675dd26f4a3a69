// The simulated people act through the same updates the CLI and the web use (submit, review,
// exempt, approve), on the workflows the plan named. A refused act (the workflow already
// closed, a phase that does not allow it) is recorded, not fatal: it is part of what a run shows.
import type { Client } from '@temporalio/client';
import type { FileStore } from '../../storage/file-store';
import type { Occurrence, Plan } from '../../program/plan-types';
import { exemptUpdate, reviewUpdate, submitUpdate, type SubmitArgs } from '../../workflows/assignment/messages';
import { PLAN_SUFFIX } from '../../workflows/campaign/messages';
import { approveUpdate } from '../../workflows/report-cycle/messages';
import type { Action } from './behaviour';

export interface ActionFailure {
  action: Action;
  message: string;
}

export class Actor {
  private readonly occurrences: Map<string, Occurrence>;
  private evidence: Promise<NonNullable<SubmitArgs['attachments']>> | undefined;
  readonly failures: ActionFailure[] = [];
  /** Assignments whose report was received, and whether the receipt said late. */
  readonly submitted = new Map<string, { late: boolean }>();
  readonly exempted = new Set<string>();
  done = 0;

  constructor(
    private readonly client: Client,
    plan: Plan,
    private readonly store: FileStore,
  ) {
    this.occurrences = new Map(plan.occurrences.map((o) => [o.id, o]));
  }

  /**
   * The acts of one instant: one after another for the same workflow (a submission before its
   * review), side by side for different ones, a few at a time. The office's day has dozens of
   * acts at 09:00; one at a time, their round trips were most of a mixed run.
   */
  async performAll(actions: readonly Action[], parallel = 8): Promise<void> {
    const chains = new Map<string, Action[]>();
    for (const a of actions) {
      const target = 'assignmentId' in a ? a.assignmentId : a.occurrenceId;
      chains.set(target, [...(chains.get(target) ?? []), a]);
    }
    const queue = [...chains.values()];
    const lane = async (): Promise<void> => {
      for (let chain = queue.shift(); chain; chain = queue.shift()) for (const a of chain) await this.perform(a);
    };
    await Promise.all(Array.from({ length: Math.min(parallel, queue.length) }, lane));
  }

  async perform(action: Action): Promise<void> {
    try {
      await this.run(action);
      this.done++;
    } catch (err) {
      const message = (err instanceof Error ? ((err.cause as Error | undefined)?.message ?? err.message) : String(err)).split('\n')[0] ?? '';
      this.failures.push({ action, message });
    }
  }

  private async run(action: Action): Promise<void> {
    if (action.kind === 'approve') {
      await this.client.workflow.getHandle(action.occurrenceId).executeUpdate(approveUpdate, { args: [{ decision: 'approve', by: 'Trưởng ban (mô phỏng)' }] });
      return;
    }
    const handle = this.client.workflow.getHandle(action.assignmentId);
    switch (action.kind) {
      case 'submit': {
        // A campaign plan is a document: the item's figures belong to its results report.
        const plan = action.assignmentId.endsWith(PLAN_SUFFIX);
        const receipt = await handle.executeUpdate(submitUpdate, { args: [await this.submission(action.occurrenceId, !plan)] });
        if (!this.submitted.has(action.assignmentId)) this.submitted.set(action.assignmentId, { late: receipt.late });
        return;
      }
      case 'accept':
        await handle.executeUpdate(reviewUpdate, { args: [{ decision: 'accept', reviewer: 'Cơ quan thường trực (mô phỏng)' }] });
        return;
      case 'return':
        await handle.executeUpdate(reviewUpdate, {
          args: [{ decision: 'return', reviewer: 'Cơ quan thường trực (mô phỏng)', comment: 'Đề nghị bổ sung số liệu và ký, đóng dấu báo cáo.' }],
        });
        return;
      case 'exempt':
        await handle.executeUpdate(exemptUpdate, { args: [{ reason: 'Đơn vị không có nội dung phải báo cáo kỳ này (mô phỏng).', decidedBy: 'Cơ quan thường trực (mô phỏng)' }] });
        this.exempted.add(action.assignmentId);
        return;
    }
  }

  /** A report with every figure the item asks for, and evidence when it is required. */
  private async submission(occurrenceId: string, withFigures: boolean): Promise<SubmitArgs> {
    const occ = this.occurrences.get(occurrenceId);
    const indicators: Record<string, number | string> = {};
    for (const i of withFigures ? (occ?.indicators ?? []) : []) {
      indicators[i.id] = i.type === 'number' ? 1 : i.type === 'choice' ? (i.choices?.[0] ?? 'Có') : 'Không có';
    }
    return {
      content: 'Báo cáo của đơn vị (mô phỏng).',
      submittedBy: 'Đơn vị (mô phỏng)',
      indicators,
      attachments: occ?.evidence ? await this.evidenceFile() : [],
    };
  }

  private evidenceFile(): Promise<NonNullable<SubmitArgs['attachments']>> {
    this.evidence ??= this.store.put('minh-chung-mo-phong.txt', 'text/plain', Buffer.from('Biên bản (mô phỏng).\n', 'utf8')).then((f) => [
      { name: f.name, ref: f.ref, size: f.size, contentType: f.contentType },
    ]);
    return this.evidence;
  }
}
