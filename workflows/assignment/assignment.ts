// assignmentWorkflow: one unit, one deliverable, one due instant. It sends the request,
// reminds before the due, receives submissions (update → receipt), goes through review
// rounds, escalates when nothing acceptable arrives, and ends when the work is accepted.
//
// The schedule is recomputed from (round, due) on every change instead of juggling timers:
// a single `condition` with a timeout waits for the next step or any message, so an
// extension or a return simply changes the inputs and the next loop re-arms.
import {
  CancellationScope,
  condition,
  getExternalWorkflowHandle,
  isCancellation,
  patched,
  log,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import { DateTime } from 'luxon';
import { recordAssignment, sendNotice } from '../activity-proxies';
import { WorkCalendar } from '../../calendar';
import { DUE, ITEM, PENDING, PERIOD, PROGRAM, STATUS, UNIT } from '../search-attributes';
import {
  assignmentChangedSignal,
  assignmentInputSchema,
  decideRequestArgsSchema,
  decideRequestUpdate,
  exemptArgsSchema,
  exemptUpdate,
  extendArgsSchema,
  extendUpdate,
  OPEN_FOR_SUBMISSION,
  reviewArgsSchema,
  requestExemptionArgsSchema,
  requestExemptionUpdate,
  requestExtensionArgsSchema,
  requestExtensionUpdate,
  rescheduleSignal,
  reviewUpdate,
  statusQuery,
  submitArgsSchema,
  submitUpdate,
  type AssignmentInput,
  type AssignmentState,
  type AssignmentStatus,
  type AssignmentSummary,
  type Receipt,
  type UnitRequestRecord,
} from './messages';
import { checkIndicators } from './indicators';
import { recipientsFor, type NoticeRequest } from './notices';
import type { NoticeKind } from '../../activities/notify/templates';
import { receiptNumber } from './receipt-number';
import { stepsForRound, toLocalIso, workingDaysLeft, type ScheduledStep } from './schedule';

export async function assignmentWorkflow(rawInput: AssignmentInput): Promise<AssignmentState> {
  const input = assignmentInputSchema.parse(rawInput);
  const calendar = new WorkCalendar({
    ...(input.calendar?.daysOff ? { daysOff: input.calendar.daysOff } : {}),
    ...(input.calendar?.workingDays ? { workingDays: input.calendar.workingDays } : {}),
  });
  const { workflowId, parent } = workflowInfo();

  const state: AssignmentState = {
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
  };
  const outbox: NoticeRequest[] = [];
  const handled = new Set<string>();
  // Steps scheduled before this instant were already in the past when the due was set:
  // a reminder for them would be misleading, so they are recorded as skipped.
  let armedAt = Date.now();
  let changes = 0;

  const nowIso = () => toLocalIso(Date.now(), input.timeZone);
  const localDate = () => DateTime.fromMillis(Date.now(), { zone: input.timeZone }).toISODate()!;

  // A parent learns of every change; only the latest summary matters, so one flag suffices.
  let parentOutdated = parent !== undefined;

  function setStatus(status: AssignmentStatus): void {
    state.status = status;
    parentOutdated = parent !== undefined;
    upsertSearchAttributes([
      { key: STATUS, value: status },
      { key: DUE, value: new Date(state.dueAt) },
    ]);
  }

  function notify(
    kind: NoticeKind,
    step: string,
    extra: Partial<NoticeRequest['data']> = {},
    audience?: ScheduledStep['audience'],
    scheduledFor = Date.now(),
  ): void {
    const { to, cc, recipientName } = recipientsFor(kind, input, audience);
    const key = `${workflowId}/${step}`;
    outbox.push({
      key,
      to,
      cc,
      data: {
        kind,
        locale: input.locale,
        programTitle: input.programTitle,
        officeName: input.office.name,
        itemTitle: input.itemTitle,
        ...(input.period !== undefined ? { period: input.period } : {}),
        unitName: input.unit.name,
        ...(recipientName !== undefined ? { recipientName } : {}),
        dueAt: state.dueAt,
        timeZone: input.timeZone,
        workingDaysLeft: workingDaysLeft(Date.now(), state.dueAt, input.timeZone, calendar),
        ...extra,
      },
    });
    state.notices.push({ key, kind, to, scheduledFor: toLocalIso(scheduledFor, input.timeZone) });
  }

  function rearm(): void {
    armedAt = Date.now();
    // The due itself is re-armed; reminders and escalations already sent stay sent.
    handled.delete(`r${state.round}/due`);
    changes++;
  }

  const isOpen = () => OPEN_FOR_SUBMISSION.includes(state.status);

  // Before any handler is registered: an update sent together with the start is delivered
  // as soon as its handler exists, and must find the assignment already requested.
  upsertSearchAttributes([
    { key: PROGRAM, value: input.programId },
    { key: ITEM, value: input.itemId },
    { key: UNIT, value: input.unit.id },
    { key: PERIOD, value: input.period ?? '' },
  ]);
  setStatus('requested');
  notify('request', 'request');

  setHandler(statusQuery, () => state);

  setHandler(
    submitUpdate,
    (raw): Receipt => {
      const args = submitArgsSchema.parse(raw);
      const receivedAt = nowIso();
      const late = Date.now() > Date.parse(state.dueAt);
      const receipt: Receipt = { receiptNumber: receiptNumber(workflowId, localDate(), state.round), receivedAt, late };
      state.submissions.push({
        ...receipt,
        round: state.round,
        content: args.content,
        ...(args.submittedBy !== undefined ? { submittedBy: args.submittedBy } : {}),
        attachments: args.attachments,
        indicators: args.indicators,
      });
      setStatus('submitted');
      const facts = { receiptNumber: receipt.receiptNumber, submittedAt: receivedAt };
      notify('receipt', `r${state.round}/receipt`, facts);
      notify('submitted', `r${state.round}/submitted`, facts);
      changes++;
      return receipt;
    },
    {
      validator: (raw) => {
        if (!isOpen()) throw new Error(`hồ sơ không còn nhận báo cáo (assignment is ${state.status})`);
        const args = submitArgsSchema.parse(raw);
        if (input.evidenceRequired && args.attachments.length === 0) {
          throw new Error('cần đính kèm tài liệu minh chứng (evidence is required)');
        }
        checkIndicators(input.indicators, args.indicators);
      },
    },
  );

  setHandler(
    reviewUpdate,
    (raw) => {
      const args = reviewArgsSchema.parse(raw);
      const round = state.round;
      const receipt = state.submissions.at(-1)?.receiptNumber;
      const base = { round, at: nowIso(), ...(args.reviewer !== undefined ? { reviewer: args.reviewer } : {}) };
      if (args.decision === 'accept') {
        state.reviews.push({ ...base, decision: 'accept', ...(args.comment !== undefined ? { comment: args.comment } : {}) });
        setStatus('accepted');
        notify('accepted', `r${round}/accepted`, { ...(receipt ? { receiptNumber: receipt } : {}) });
      } else {
        const previousDueAt = state.dueAt;
        const newDueAt =
          args.newDueAt ??
          toLocalIso(
            DateTime.fromISO(`${calendar.addWorkingDays(localDate(), input.resubmitWorkingDays)}T${DateTime.fromISO(previousDueAt, { zone: input.timeZone }).toFormat('HH:mm')}`, {
              zone: input.timeZone,
            }).toMillis(),
            input.timeZone,
          );
        state.reviews.push({ ...base, decision: 'return', comment: args.comment, newDueAt });
        state.round = round + 1;
        state.dueAt = newDueAt;
        setStatus('returned');
        notify('returned', `r${round}/returned`, { comment: args.comment, previousDueAt, ...(receipt ? { receiptNumber: receipt } : {}) });
        rearm();
      }
      changes++;
      return { status: state.status, dueAt: state.dueAt };
    },
    {
      validator: (raw) => {
        if (state.status !== 'submitted') throw new Error(`chưa có báo cáo chờ duyệt (nothing to review; assignment is ${state.status})`);
        const args = reviewArgsSchema.parse(raw);
        if (args.decision === 'return' && args.newDueAt !== undefined && Date.parse(args.newDueAt) <= Date.now()) {
          throw new Error('hạn nộp lại phải ở tương lai (newDueAt must be in the future)');
        }
      },
    },
  );

  function applyExtension(newDueAt: string, reason: string): void {
    const previousDueAt = state.dueAt;
    const to = toLocalIso(Date.parse(newDueAt), input.timeZone);
    state.extensions.push({ from: previousDueAt, to, reason, at: nowIso() });
    state.dueAt = to;
    // An overdue or escalated assignment is back in time once the due moves.
    setStatus(state.status === 'returned' ? 'returned' : 'requested');
    notify('extended', `r${state.round}/extended-${state.extensions.length}`, { previousDueAt, comment: reason });
    rearm();
  }

  setHandler(rescheduleSignal, ({ dueAt, reason }) => {
    // Closed or unchanged assignments ignore a moved program deadline.
    if (!isOpen() && state.status !== 'submitted') return;
    if (Date.parse(dueAt) === Date.parse(state.dueAt)) return;
    applyExtension(dueAt, reason);
  });

  function summary(): AssignmentSummary {
    const last = state.submissions.at(-1);
    const decided = state.requests.filter((r) => r.status === 'granted').at(-1);
    return {
      assignmentId: workflowId,
      unitId: input.unit.id,
      status: state.status,
      dueAt: state.dueAt,
      round: state.round,
      ...(last ? { receiptNumber: last.receiptNumber, submittedAt: last.receivedAt } : {}),
      late: last?.late ?? false,
      indicators: last?.indicators ?? {},
      ...(state.status === 'exempted' && decided ? { note: decided.comment ?? decided.reason } : {}),
    };
  }

  async function tellParent(): Promise<void> {
    if (!parent || !parentOutdated) return;
    parentOutdated = false;
    try {
      await getExternalWorkflowHandle(parent.workflowId, parent.runId).signal(assignmentChangedSignal, summary());
    } catch (err) {
      // A parent that has already closed no longer needs to know.
      log.warn('parent not told of assignment change', { error: String(err) });
    }
  }

  function checkFutureDue(iso: string): void {
    if (Date.parse(iso) <= Date.now()) throw new Error('hạn mới phải ở tương lai (newDueAt must be in the future)');
  }

  setHandler(
    extendUpdate,
    (raw) => {
      const args = extendArgsSchema.parse(raw);
      applyExtension(args.newDueAt, args.reason);
      return { dueAt: state.dueAt };
    },
    {
      validator: (raw) => {
        if (!isOpen()) throw new Error(`không thể gia hạn hồ sơ đang ở trạng thái ${state.status} (cannot extend)`);
        checkFutureDue(extendArgsSchema.parse(raw).newDueAt);
      },
    },
  );

  function addRequest(kind: UnitRequestRecord['kind'], reason: string, requestedBy: string | undefined, proposedDueAt?: string): UnitRequestRecord {
    const record: UnitRequestRecord = {
      id: state.requests.length + 1,
      kind,
      reason,
      ...(proposedDueAt !== undefined ? { proposedDueAt: toLocalIso(Date.parse(proposedDueAt), input.timeZone) } : {}),
      ...(requestedBy !== undefined ? { requestedBy } : {}),
      requestedAt: nowIso(),
      status: 'pending',
    };
    state.requests.push(record);
    publishPending();
    notify(kind === 'extension' ? 'extension-requested' : 'exemption-requested', `${kind}-request-${record.id}`, {
      comment: reason,
      ...(record.proposedDueAt !== undefined ? { requestedDueAt: record.proposedDueAt } : {}),
    });
    changes++;
    return record;
  }

  /** Lets the dashboard find requests awaiting a decision with one visibility query. */
  function publishPending(): void {
    // Added after workflows were running: their histories have no such command.
    if (!patched('dondoc-pending-attribute')) return;
    const pending = [...new Set(state.requests.filter((r) => r.status === 'pending').map((r) => r.kind))];
    upsertSearchAttributes([{ key: PENDING, value: pending.length > 0 ? pending : null }]);
  }

  function checkNoPending(kind: UnitRequestRecord['kind']): void {
    if (state.requests.some((r) => r.kind === kind && r.status === 'pending')) {
      throw new Error('đơn vị đã có một đề nghị đang chờ xử lý (a request is already pending)');
    }
  }

  setHandler(
    requestExtensionUpdate,
    (raw) => {
      const args = requestExtensionArgsSchema.parse(raw);
      return addRequest('extension', args.reason, args.requestedBy, args.proposedDueAt);
    },
    {
      validator: (raw) => {
        if (!isOpen()) throw new Error(`không thể xin gia hạn khi hồ sơ ở trạng thái ${state.status} (cannot request an extension)`);
        checkNoPending('extension');
        const args = requestExtensionArgsSchema.parse(raw);
        if (args.proposedDueAt !== undefined && Date.parse(args.proposedDueAt) <= Math.max(Date.now(), Date.parse(state.dueAt))) {
          throw new Error('hạn đề nghị phải sau hạn hiện tại (proposedDueAt must be after the current due)');
        }
      },
    },
  );

  setHandler(
    requestExemptionUpdate,
    (raw) => {
      const args = requestExemptionArgsSchema.parse(raw);
      return addRequest('exemption', args.reason, args.requestedBy);
    },
    {
      validator: (raw) => {
        if (state.status === 'accepted' || state.status === 'exempted') throw new Error(`hồ sơ đã kết thúc (assignment is ${state.status})`);
        checkNoPending('exemption');
        requestExemptionArgsSchema.parse(raw);
      },
    },
  );

  function exemptNow(comment: string | undefined, step: string): void {
    setStatus('exempted');
    notify('exempted', step, { ...(comment !== undefined ? { comment } : {}) });
    changes++;
  }

  setHandler(
    decideRequestUpdate,
    (raw) => {
      const args = decideRequestArgsSchema.parse(raw);
      const request = state.requests.find((r) => r.id === args.requestId)!;
      Object.assign(request, {
        status: args.grant ? 'granted' : 'refused',
        decidedAt: nowIso(),
        ...(args.decidedBy !== undefined ? { decidedBy: args.decidedBy } : {}),
        ...(args.comment !== undefined ? { comment: args.comment } : {}),
      });
      publishPending();
      const comment = args.comment ?? request.reason;
      if (request.kind === 'extension') {
        if (args.grant) applyExtension((args.newDueAt ?? request.proposedDueAt)!, comment);
        else notify('extension-refused', `extension-request-${request.id}/refused`, { ...(args.comment !== undefined ? { comment: args.comment } : {}) });
      } else if (args.grant) {
        exemptNow(comment, `exemption-request-${request.id}/granted`);
      } else {
        notify('exemption-refused', `exemption-request-${request.id}/refused`, { ...(args.comment !== undefined ? { comment: args.comment } : {}) });
      }
      changes++;
      return request;
    },
    {
      validator: (raw) => {
        const args = decideRequestArgsSchema.parse(raw);
        const request = state.requests.find((r) => r.id === args.requestId);
        if (!request) throw new Error(`không có đề nghị số ${args.requestId} (unknown request)`);
        if (request.status !== 'pending') throw new Error(`đề nghị số ${args.requestId} đã được xử lý (already decided)`);
        if (request.kind === 'extension' && args.grant) {
          if (state.status === 'accepted' || state.status === 'exempted') throw new Error(`hồ sơ đã kết thúc (assignment is ${state.status})`);
          const due = args.newDueAt ?? request.proposedDueAt;
          if (due === undefined) throw new Error('cần hạn mới khi đồng ý gia hạn (newDueAt is required)');
          checkFutureDue(due);
        }
      },
    },
  );

  setHandler(
    exemptUpdate,
    (raw) => {
      const args = exemptArgsSchema.parse(raw);
      exemptNow(args.reason, 'exempted');
      return { status: state.status };
    },
    {
      validator: (raw) => {
        if (state.status === 'accepted' || state.status === 'exempted') throw new Error(`hồ sơ đã kết thúc (assignment is ${state.status})`);
        exemptArgsSchema.parse(raw);
      },
    },
  );

  function nextStep(): ScheduledStep | undefined {
    // Reminders and escalations only concern work that is still expected from the unit.
    if (!isOpen()) return undefined;
    return stepsForRound(input, state.round, state.dueAt, calendar).find((s) => !handled.has(s.key));
  }

  function fire(step: ScheduledStep): void {
    handled.add(step.key);
    // A reminder or escalation whose time had passed before the due was set (a program
    // applied mid-year, an extension) would be news from the past: recorded, not sent.
    if (step.kind !== 'due' && step.at < armedAt) {
      state.notices.push({ key: `${workflowId}/${step.key}`, kind: step.kind, to: [], scheduledFor: toLocalIso(step.at, input.timeZone), skipped: 'past' });
      return;
    }
    if (step.kind === 'due') {
      if (state.status !== 'escalated') setStatus('overdue');
      return;
    }
    if (step.kind === 'reminder') {
      notify('reminder', step.key, {}, undefined, step.at);
    } else {
      setStatus('escalated');
      notify('escalation', step.key, { escalationLevel: step.level, ...(step.audience ? { escalationAudience: step.audience } : {}) }, step.audience, step.at);
    }
  }

  async function drainOutbox(): Promise<void> {
    while (outbox.length > 0) {
      const request = outbox.shift()!;
      const sent = await sendNotice(request);
      const record = state.notices.find((n) => n.key === request.key && n.sentAt === undefined);
      if (record) Object.assign(record, { sentAt: sent.sentAt, messageId: sent.messageId });
    }
  }

  // The records database gets every changed state (version counts them) and the last one.
  let recorded = '';
  let version = 0;
  async function keepRecord(closed: boolean): Promise<void> {
    // Added after workflows were running: their histories have no such activity.
    if (!patched('dondoc-records')) return;
    const snapshot = JSON.stringify(state);
    if (snapshot === recorded && !closed) return;
    recorded = snapshot;
    version++;
    await recordAssignment({ ...state, version, closed });
  }

  try {
    for (;;) {
      await drainOutbox();
      await tellParent();
      if (state.status === 'accepted' || state.status === 'exempted') break;
      // An update arriving meanwhile leaves a notice in the outbox: the loop comes round.
      await keepRecord(false);
      const step = nextStep();
      if (step) state.nextStep = { key: step.key, kind: step.kind, at: toLocalIso(step.at, input.timeZone) };
      else delete state.nextStep;
      if (step && step.at <= Date.now()) {
        fire(step);
        continue;
      }
      const seen = changes;
      const changed = () => changes !== seen || outbox.length > 0 || parentOutdated;
      if (!step) {
        await condition(changed);
      } else if (!(await condition(changed, step.at - Date.now()))) {
        fire(step);
      }
    }
  } catch (err) {
    // Cancelled because the program no longer asks this unit: tell the unit, then stop.
    if (isCancellation(err)) {
      outbox.length = 0;
      notify('cancelled', 'cancelled');
      await CancellationScope.nonCancellable(async () => {
        await drainOutbox();
        await keepRecord(true);
      });
    }
    throw err;
  }
  await tellParent();
  await keepRecord(true);
  log.info('assignment closed', { status: state.status, rounds: state.round });
  return state;
}
