// The state of one assignment and every change that can happen to it. The workflow function
// (assignment.ts) only wires messages to these methods and runs the main wait, as in the
// Temporal `safe-message-handlers` sample. Nothing here computes a date: the steps of a
// round come resolved (input, reschedule signal, or the scheduleRound local activity).
import { upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { NoticeData, NoticeKind, NoticeRequest } from '../../contract/notices';
import { baseNotice } from '../occurrence/notices';
import { Outbox } from '../occurrence/outbox';
import { toLocalIso } from '../occurrence/time';
import { assignmentStartAttributes, DUE, PENDING, STATUS } from '../search-attributes';
import {
  OPEN_FOR_SUBMISSION,
  type AssignmentState,
  type AssignmentStatus,
  type AssignmentSummary,
  type CheckedAssignmentInput,
  type Receipt,
  type Step,
  type UnitContacts,
  type UnitRequestRecord,
} from './messages';
import { recipientsFor, type NoticeParties} from './notices';
import { receiptNumber } from './receipt-number';

export class Assignment {
  readonly state: AssignmentState;
  readonly outbox: Outbox;
  private parties: NoticeParties;
  /** Steps of the current round; replaced when the due moves. */
  private steps: Step[];
  private readonly handled = new Set<string>();
  /** Steps due before this instant were already past when the due was set: recorded, not sent. */
  private armedAt = Date.now();
  /** A due moved and its round must be computed (by a local activity, in the main loop). */
  pendingRound: { dueAt: string; round: number } | undefined;
  /** Bumped by every change, so the main wait wakes up. */
  changes = 0;
  /** The parent has not yet heard the latest summary. */
  parentOutdated: boolean;
  /** What the parent last heard (assignment.ts parentView), so an unchanged view is not sent again. */
  parentHeard: string | undefined;

  constructor(
    readonly input: CheckedAssignmentInput,
    readonly hasParent: boolean,
  ) {
    const { workflowId } = workflowInfo();
    this.parties = { unit: input.unit, office: input.office, chair: input.chair };
    this.steps = input.steps;
    this.parentOutdated = hasParent;
    this.state = {
      workflowId,
      programId: input.programId,
      itemId: input.itemId,
      itemTitle: input.itemTitle,
      ...(input.period !== undefined ? { period: input.period } : {}),
      unitId: input.unit.id,
      unitName: input.unit.name,
      status: 'requested',
      dueAt: input.dueAt,
      round: 1,
      submissions: [],
      reviews: [],
      extensions: [],
      requests: [],
      indicators: input.indicators,
      notices: [],
      deliveryFailures: [],
    };
    this.outbox = new Outbox({
      notices: this.state.notices,
      failures: this.state.deliveryFailures,
      timeZone: () => input.timeZone,
      failureNotice: (failed, failure) => this.failureNotice(failed, failure),
    });
  }

  /** Asks the unit now: the request of an assignment whose round has no request step. */
  requestAtStart(): void {
    if (!this.input.requestAtStart || this.steps.some((s) => s.kind === 'request')) return;
    this.notify('request', 'request');
  }

  get isOpen(): boolean {
    return OPEN_FOR_SUBMISSION.includes(this.state.status);
  }

  get isClosed(): boolean {
    return this.state.status === 'accepted' || this.state.status === 'exempted';
  }

  private nowIso(): string {
    return toLocalIso(Date.now(), this.input.timeZone);
  }

  /** The local date of an instant, read off its ISO form (instants here carry the program's offset). */
  localDate(): string {
    return this.nowIso().slice(0, 10);
  }

  /**
   * The assignment begins 'requested'. Its search attributes came with the start when the
   * starter set them (every starter of this release does); otherwise one upsert sets them all.
   */
  begin(attributesGiven: boolean): void {
    this.publishedDue = this.state.dueAt;
    if (!attributesGiven) upsertSearchAttributes(assignmentStartAttributes(this.input));
  }

  setStatus(status: AssignmentStatus): void {
    const changed = status !== this.state.status;
    this.state.status = status;
    this.parentOutdated = this.hasParent;
    // One upsert per real change of status or due: each is a billed action and an event.
    if (changed || this.publishedDue !== this.state.dueAt) {
      this.publishedDue = this.state.dueAt;
      upsertSearchAttributes([
        { key: STATUS, value: status },
        { key: DUE, value: new Date(this.state.dueAt) },
      ]);
    }
  }

  private publishedDue: string | undefined;

  private baseData(kind: NoticeKind, workingDaysLeft?: number): NoticeData {
    const input = this.input;
    const context = { locale: input.locale, programTitle: input.programTitle, officeName: input.office.name, itemTitle: input.itemTitle, period: input.period, timeZone: input.timeZone };
    return { ...baseNotice(context, kind, this.parties.unit.name, this.state.dueAt), ...(workingDaysLeft !== undefined ? { workingDaysLeft } : {}) };
  }

  notify(kind: NoticeKind, step: string, extra: Partial<NoticeData> = {}, options: { audience?: Step['audience']; scheduledFor?: number; planUid?: string; workingDaysLeft?: number } = {}): void {
    const { to, cc, recipientName, recipientTitle } = recipientsFor(kind, this.parties, options.audience);
    const data: NoticeData = {
      ...this.baseData(kind, options.workingDaysLeft),
      ...(recipientName !== undefined ? { recipientName } : {}),
      ...(recipientTitle !== undefined ? { recipientTitle } : {}),
      ...extra,
    };
    this.outbox.push(
      {
        key: `${this.state.workflowId}/${step}`,
        to,
        cc,
        data,
        ...(options.planUid ? { planUid: options.planUid } : {}),
        // Counted by the activity (it has the calendar) when no step counted them.
        ...(options.workingDaysLeft === undefined ? { daysLeftOn: this.input.calendar ?? {} } : {}),
      },
      options.scheduledFor,
    );
    this.changes++;
  }

  private failureNotice(failed: NoticeRequest, failure: { to: string[]; code: string; message: string }): NoticeRequest | undefined {
    const { to, cc } = recipientsFor('delivery-failed', this.parties);
    if (to.length === 0) return undefined;
    return {
      key: `${failed.key}/delivery-failed`,
      to,
      cc,
      data: { ...this.baseData('delivery-failed'), failedTo: failure.to, failureCode: failure.code, failureMessage: failure.message, failedKind: failed.data.kind },
    };
  }

  /** Corrected addresses: later notices use them, refused ones are sent again. */
  updateContacts(unit: UnitContacts): void {
    this.parties = { ...this.parties, unit };
    this.state.unitName = unit.name;
    this.outbox.retryUndelivered((request) => {
      const audience = request.data.escalationAudience;
      const { to, cc } = recipientsFor(request.data.kind, this.parties, audience);
      return { ...request, to, cc, data: { ...request.data, unitName: unit.name } };
    });
    this.changes++;
  }

  // ---- the schedule -------------------------------------------------------------------

  /** The next step not yet handled; reminders and escalations only while work is expected. */
  nextStep(): Step | undefined {
    return this.steps.find((s) => !this.handled.has(s.key) && (s.kind === 'request' || this.isOpen));
  }

  /** A new round of steps (a moved due, a return): steps already past are recorded, not sent. */
  setRound(steps: Step[]): void {
    // Steps of the new round that were handled in an earlier arming (same key) stay handled,
    // but the due itself is re-armed.
    this.steps = steps;
    this.armedAt = Date.now();
    this.handled.delete(`r${this.state.round}/due`);
    this.changes++;
  }

  fire(step: Step): void {
    this.handled.add(step.key);
    const at = Date.parse(step.at);
    const options = { scheduledFor: at, workingDaysLeft: step.workingDaysLeft, ...(step.planUid ? { planUid: step.planUid } : {}) };
    // The request always goes out, however late the assignment starts: the unit must be asked.
    if (step.kind === 'request') {
      this.notify('request', 'request', {}, { ...options, scheduledFor: Math.max(at, Date.now()) });
      return;
    }
    if (step.kind === 'due') {
      if (this.state.status !== 'escalated') this.setStatus('overdue');
      return;
    }
    // A reminder or escalation whose time had passed before the due was set (a program
    // applied mid-year, an extension) would be news from the past: recorded, not sent.
    if (at < this.armedAt) {
      this.outbox.skip(`${this.state.workflowId}/${step.key}`, step.kind, at, step.planUid);
      return;
    }
    if (step.kind === 'reminder') {
      this.notify('reminder', step.key, {}, options);
    } else {
      this.setStatus('escalated');
      this.notify('escalation', step.key, { escalationLevel: step.level, ...(step.audience ? { escalationAudience: step.audience } : {}) }, { ...options, ...(step.audience ? { audience: step.audience } : {}) });
    }
  }

  /** Moves the due: the new round's steps come from the caller or, later, from an activity. */
  moveDue(dueAt: string, steps?: Step[]): void {
    this.state.dueAt = dueAt;
    if (steps) {
      this.pendingRound = undefined;
      this.setRound(steps);
    } else {
      this.pendingRound = { dueAt, round: this.state.round };
      this.handled.delete(`r${this.state.round}/due`);
      this.changes++;
    }
  }

  // ---- the unit and the office ------------------------------------------------------

  submit(args: { content: string; submittedBy?: string | undefined; attachments: AssignmentState['submissions'][number]['attachments']; indicators: Record<string, number | string> }): Receipt {
    const receivedAt = this.nowIso();
    const late = Date.now() > Date.parse(this.state.dueAt);
    const receipt: Receipt = { receiptNumber: receiptNumber(this.state.workflowId, this.localDate(), this.state.round), receivedAt, late };
    this.state.submissions.push({
      ...receipt,
      round: this.state.round,
      content: args.content,
      ...(args.submittedBy !== undefined ? { submittedBy: args.submittedBy } : {}),
      attachments: args.attachments,
      indicators: args.indicators,
    });
    // An item without review (program `review: false`) is accepted with its submission: the
    // status goes straight to accepted, as an office accept would leave it (no review record:
    // nobody reviewed), and the receipt says the work is recorded rather than promising a decision.
    // Gated on the input alone, without patch(): see `review` in assignmentInputSchema.
    const noReview = this.input.review === false;
    this.setStatus(noReview ? 'accepted' : 'submitted');
    const facts = { receiptNumber: receipt.receiptNumber, submittedAt: receivedAt, ...(noReview ? { noReview: true } : {}) };
    this.notify('receipt', `r${this.state.round}/receipt`, facts);
    this.notify('submitted', `r${this.state.round}/submitted`, facts);
    return noReview ? { ...receipt, accepted: true } : receipt;
  }

  accept(args: { reviewer?: string | undefined; comment?: string | undefined }): void {
    const round = this.state.round;
    const receipt = this.state.submissions.at(-1)?.receiptNumber;
    this.state.reviews.push({ round, at: this.nowIso(), decision: 'accept', ...(args.reviewer !== undefined ? { reviewer: args.reviewer } : {}), ...(args.comment !== undefined ? { comment: args.comment } : {}) });
    this.setStatus('accepted');
    this.notify('accepted', `r${round}/accepted`, { ...(receipt ? { receiptNumber: receipt } : {}) });
  }

  /** Returned for revision with the new due already resolved. */
  returnForRevision(args: { reviewer?: string | undefined; comment: string }, newDueAt: string, steps: Step[]): void {
    const round = this.state.round;
    const receipt = this.state.submissions.at(-1)?.receiptNumber;
    const previousDueAt = this.state.dueAt;
    this.state.reviews.push({ round, at: this.nowIso(), decision: 'return', comment: args.comment, newDueAt, ...(args.reviewer !== undefined ? { reviewer: args.reviewer } : {}) });
    this.state.round = round + 1;
    this.state.dueAt = newDueAt;
    this.setStatus('returned');
    this.notify('returned', `r${round}/returned`, { comment: args.comment, previousDueAt, ...(receipt ? { receiptNumber: receipt } : {}) });
    this.setRound(steps);
  }

  extend(newDueAt: string, reason: string): void {
    const previousDueAt = this.state.dueAt;
    const to = toLocalIso(Date.parse(newDueAt), this.input.timeZone);
    this.state.extensions.push({ from: previousDueAt, to, reason, at: this.nowIso() });
    this.moveDue(to);
    // An overdue or escalated assignment is back in time once the due moves.
    this.setStatus(this.state.status === 'returned' ? 'returned' : 'requested');
    this.notify('extended', `r${this.state.round}/extended-${this.state.extensions.length}`, { previousDueAt, comment: reason });
  }

  addRequest(kind: UnitRequestRecord['kind'], reason: string, requestedBy: string | undefined, proposedDueAt?: string): UnitRequestRecord {
    const record: UnitRequestRecord = {
      id: this.state.requests.length + 1,
      kind,
      reason,
      ...(proposedDueAt !== undefined ? { proposedDueAt: toLocalIso(Date.parse(proposedDueAt), this.input.timeZone) } : {}),
      ...(requestedBy !== undefined ? { requestedBy } : {}),
      requestedAt: this.nowIso(),
      status: 'pending',
    };
    this.state.requests.push(record);
    this.publishPending();
    this.notify(kind === 'extension' ? 'extension-requested' : 'exemption-requested', `${kind}-request-${record.id}`, {
      comment: reason,
      ...(record.proposedDueAt !== undefined ? { requestedDueAt: record.proposedDueAt } : {}),
    });
    return record;
  }

  decide(requestId: number, args: { grant: boolean; newDueAt?: string | undefined; comment?: string | undefined; decidedBy?: string | undefined }): UnitRequestRecord {
    const request = this.state.requests.find((r) => r.id === requestId)!;
    Object.assign(request, {
      status: args.grant ? 'granted' : 'refused',
      decidedAt: this.nowIso(),
      ...(args.decidedBy !== undefined ? { decidedBy: args.decidedBy } : {}),
      ...(args.comment !== undefined ? { comment: args.comment } : {}),
    });
    this.publishPending();
    const comment = args.comment ?? request.reason;
    const said = args.comment !== undefined ? { comment: args.comment } : {};
    if (request.kind === 'extension') {
      if (args.grant) this.extend((args.newDueAt ?? request.proposedDueAt)!, comment);
      else this.notify('extension-refused', `extension-request-${request.id}/refused`, said);
    } else if (args.grant) {
      this.exempt(comment, `exemption-request-${request.id}/granted`);
    } else {
      this.notify('exemption-refused', `exemption-request-${request.id}/refused`, said);
    }
    return request;
  }

  exempt(comment: string | undefined, step: string): void {
    this.setStatus('exempted');
    this.notify('exempted', step, { ...(comment !== undefined ? { comment } : {}) });
  }

  /** Lets the dashboard find requests awaiting a decision with one visibility query. */
  private publishPending(): void {
    const pending = [...new Set(this.state.requests.filter((r) => r.status === 'pending').map((r) => r.kind))];
    upsertSearchAttributes([{ key: PENDING, value: pending.length > 0 ? pending : null }]);
  }

  hasPending(kind: UnitRequestRecord['kind']): boolean {
    return this.state.requests.some((r) => r.kind === kind && r.status === 'pending');
  }

  /** What a parent (a report cycle, a campaign, an inspection) needs to know: no submission text. */
  summary(): AssignmentSummary {
    const last = this.state.submissions.at(-1);
    const decided = this.state.requests.filter((r) => r.status === 'granted').at(-1);
    return {
      assignmentId: this.state.workflowId,
      unitId: this.input.unit.id,
      status: this.state.status,
      dueAt: this.state.dueAt,
      round: this.state.round,
      ...(last ? { receiptNumber: last.receiptNumber, submittedAt: last.receivedAt } : {}),
      late: last?.late ?? false,
      indicators: last?.indicators ?? {},
      ...(this.state.status === 'exempted' && decided ? { note: decided.comment ?? decided.reason } : {}),
      ...(this.isClosed ? { closed: true } : {}),
      ...(this.input.parent ? { token: this.input.parent.token } : {}),
    };
  }
}
