// assignmentWorkflow: one unit, one deliverable, one due instant. It sends the request,
// reminds before the due, receives submissions (update → receipt), goes through review
// rounds, escalates when nothing acceptable arrives, and ends when the work is accepted.
//
// The schedule is recomputed from (round, due) on every change instead of juggling timers:
// a single `condition` with a timeout waits for the next step or any message, so an
// extension or a return simply changes the inputs and the next loop re-arms.
import {
  condition,
  log,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import { DateTime } from 'luxon';
import type { createActivities } from '../../activities';
import { WorkCalendar } from '../../calendar';
import { DUE, ITEM, PERIOD, PROGRAM, STATUS, UNIT } from '../search-attributes';
import {
  assignmentInputSchema,
  extendArgsSchema,
  extendUpdate,
  OPEN_FOR_SUBMISSION,
  reviewArgsSchema,
  reviewUpdate,
  statusQuery,
  submitArgsSchema,
  submitUpdate,
  type AssignmentInput,
  type AssignmentState,
  type AssignmentStatus,
  type Receipt,
} from './messages';
import { recipientsFor, type NoticeRequest } from './notices';
import type { NoticeKind } from '../../activities/notify/templates';
import { receiptNumber } from './receipt-number';
import { stepsForRound, toLocalIso, workingDaysLeft, type ScheduledStep } from './schedule';

const { sendNotice } = proxyActivities<ReturnType<typeof createActivities>>({
  // SMTP relays of small offices can be slow; a send that hangs is retried, and the
  // stable Message-ID lets mail clients fold a duplicate delivery into one message.
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '10 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes', maximumAttempts: 20 },
});

export async function assignmentWorkflow(rawInput: AssignmentInput): Promise<AssignmentState> {
  const input = assignmentInputSchema.parse(rawInput);
  const calendar = new WorkCalendar({
    ...(input.calendar?.daysOff ? { daysOff: input.calendar.daysOff } : {}),
    ...(input.calendar?.workingDays ? { workingDays: input.calendar.workingDays } : {}),
  });
  const { workflowId } = workflowInfo();

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

  function setStatus(status: AssignmentStatus): void {
    state.status = status;
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
        submitArgsSchema.parse(raw);
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

  setHandler(
    extendUpdate,
    (raw) => {
      const args = extendArgsSchema.parse(raw);
      const previousDueAt = state.dueAt;
      const to = toLocalIso(Date.parse(args.newDueAt), input.timeZone);
      state.extensions.push({ from: previousDueAt, to, reason: args.reason, at: nowIso() });
      state.dueAt = to;
      // An overdue or escalated assignment is back in time once the due moves.
      setStatus(state.status === 'returned' ? 'returned' : 'requested');
      notify('extended', `r${state.round}/extended-${state.extensions.length}`, { previousDueAt, comment: args.reason });
      rearm();
      return { dueAt: state.dueAt };
    },
    {
      validator: (raw) => {
        if (!isOpen()) throw new Error(`không thể gia hạn hồ sơ đang ở trạng thái ${state.status} (cannot extend)`);
        const args = extendArgsSchema.parse(raw);
        if (Date.parse(args.newDueAt) <= Date.now()) throw new Error('hạn mới phải ở tương lai (newDueAt must be in the future)');
      },
    },
  );

  upsertSearchAttributes([
    { key: PROGRAM, value: input.programId },
    { key: ITEM, value: input.itemId },
    { key: UNIT, value: input.unit.id },
    { key: PERIOD, value: input.period ?? '' },
  ]);
  setStatus('requested');
  notify('request', 'request');

  function nextStep(): ScheduledStep | undefined {
    // Reminders and escalations only concern work that is still expected from the unit.
    if (!isOpen()) return undefined;
    return stepsForRound(input, state.round, state.dueAt, calendar).find((s) => !handled.has(s.key));
  }

  function fire(step: ScheduledStep): void {
    handled.add(step.key);
    if (step.kind === 'reminder' && step.at < armedAt) {
      state.notices.push({ key: `${workflowId}/${step.key}`, kind: 'reminder', to: input.unit.emails, scheduledFor: toLocalIso(step.at, input.timeZone), skipped: 'past' });
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

  for (;;) {
    await drainOutbox();
    if (state.status === 'accepted' || state.status === 'exempted') break;
    const step = nextStep();
    if (step) state.nextStep = { key: step.key, kind: step.kind, at: toLocalIso(step.at, input.timeZone) };
    else delete state.nextStep;
    if (step && step.at <= Date.now()) {
      fire(step);
      continue;
    }
    const seen = changes;
    const changed = () => changes !== seen || outbox.length > 0;
    if (!step) {
      await condition(changed);
    } else if (!(await condition(changed, step.at - Date.now()))) {
      fire(step);
    }
  }
  log.info('assignment closed', { status: state.status, rounds: state.round });
  return state;
}
