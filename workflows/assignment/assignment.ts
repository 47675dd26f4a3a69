// assignmentWorkflow: one unit, one deliverable, one due instant. It sends the request,
// reminds before the due, receives submissions (update → receipt), goes through review
// rounds, escalates when nothing acceptable arrives, and ends when the work is accepted.
//
// The steps of a round (request, reminders, due, escalations) arrive resolved — the plan's
// own instants — and a moved due gets its new round from a local activity running the same
// schedule function, so the workflow never computes a date and a calendar change can never
// alter a replay. One `condition` with a timeout waits for the next step or any message.
import {
  ApplicationFailure,
  CancellationScope,
  condition,
  getExternalWorkflowHandle,
  isCancellation,
  log,
  patched,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import { Mutex } from 'async-mutex';
import { deliverNotices, recordAssignment, resubmitDue, scheduleRound } from '../activity-proxies';
import { applyDeliveryResults, type DeliveryOutcome } from '../../contract/deliveries';
import type { NoticeRequest } from '../../contract/notices';
import { PARENT_SIGNALS_WHAT_IT_READS, SEARCH_ATTRIBUTES_AT_START } from '../patches';
import { DUE, ITEM, PERIOD, PROGRAM, STATUS, UNIT } from '../search-attributes';
import { checkedInput } from '../occurrence/checked-input';
import { parsedOnce } from '../occurrence/parsed-once';
import { toLocalIso } from '../occurrence/time';
import { Assignment } from './assignment-state';
import { checkIndicators } from './indicators';
import {
  assignmentChangedSignal,
  assignmentInputSchema,
  contactsChangedSignal,
  followUpSpecOf,
  decideRequestArgsSchema,
  decideRequestUpdate,
  exemptArgsSchema,
  exemptUpdate,
  extendArgsSchema,
  extendUpdate,
  requestExemptionArgsSchema,
  requestExemptionUpdate,
  requestExtensionArgsSchema,
  requestExtensionUpdate,
  rescheduleSignal,
  reviewArgsSchema,
  reviewUpdate,
  statusQuery,
  submitArgsSchema,
  submitUpdate,
  unitContactsSchema,
  type AssignmentInput,
  type AssignmentState,
  type AssignmentSummary,
  type CheckedAssignmentInput,
} from './messages';

// Returns only what a parent needs (no submission text): the full record is the status
// query's, and the records database's once the execution is gone.
export async function assignmentWorkflow(rawInput: AssignmentInput): Promise<AssignmentSummary> {
  const input = checkedInput(assignmentInputSchema, rawInput, 'assignmentWorkflow');
  const a = new Assignment(input, parentOf(input) !== undefined);
  // Handlers that wait on an activity (a return computes the resubmission due) run one at a
  // time, so two decisions can never interleave around that wait.
  const lock = new Mutex();

  // Before any handler is registered: an update sent together with the start is delivered
  // as soon as its handler exists, and must find the assignment already requested.
  if (patched(SEARCH_ATTRIBUTES_AT_START)) {
    a.begin(startedWithAttributes(input));
  } else {
    // Executions started before 0.4.0: two upserts, as their histories recorded them.
    upsertSearchAttributes([
      { key: PROGRAM, value: input.programId },
      { key: ITEM, value: input.itemId },
      { key: UNIT, value: input.unit.id },
      { key: PERIOD, value: input.period ?? '' },
    ]);
    a.setStatus('requested');
  }
  // Started by an occurrence's activity, which already shows the unit as asked.
  if (input.parent) a.parentHeard = parentView(a.summary(), input.parent.stages ?? false);
  a.requestAtStart();
  registerHandlers(a, input, lock);

  // The records database gets every changed state (version counts them) and the last one,
  // so the record outlives the execution (Temporal forgets it after the namespace retention).
  let recorded = '';
  let recordedClosed = false;
  let version = 0;
  async function keepRecord(closed: boolean): Promise<void> {
    const snapshot = JSON.stringify(a.state);
    // The closing record is written once: by the last notices' activity, or here.
    if (snapshot === recorded && (!closed || recordedClosed)) return;
    recorded = snapshot;
    recordedClosed = closed;
    version++;
    await recordAssignment({ ...a.state, version, closed });
  }

  // Input-gated (workflows/patches.ts INPUT_GATES): executions started by 0.4 starters have no
  // `recordWithNotices` and take the old path — deliverNotices with the plain array, then
  // recordAssignment — so their histories replay unchanged; no marker is needed.
  const withNotices = input.recordWithNotices === true;
  /**
   * A batch that goes with the record (the state changed since the last write, or the closing
   * record is due): one deliverNotices activity delivers it and writes the record with the
   * results applied (contract/deliveries.ts), so the notice bookkeeping that follows here
   * reaches the very state written and causes no record write of its own.
   */
  async function sendWithRecord(batch: NoticeRequest[], closed: boolean): Promise<{ results: DeliveryOutcome[]; at: string }> {
    const snapshot = JSON.stringify(a.state);
    if (snapshot === recorded && (!closed || recordedClosed)) return { results: await deliverNotices(batch), at: toLocalIso(Date.now(), input.timeZone) };
    const state = JSON.parse(snapshot) as AssignmentState;
    version++;
    const delivery = await deliverNotices({ notices: batch, record: { snapshot: { ...state, version, closed }, timeZone: input.timeZone } });
    applyDeliveryResults({ notices: state.notices, failures: state.deliveryFailures }, batch, delivery.results, delivery.at);
    recorded = JSON.stringify(state);
    recordedClosed = closed;
    return delivery;
  }
  const drain = (closing: boolean) => a.outbox.drain(withNotices ? (batch) => sendWithRecord(batch, closing || a.isClosed) : undefined);

  try {
    for (;;) {
      await drain(false);
      if (a.pendingRound) {
        const { dueAt, round } = a.pendingRound;
        const steps = await scheduleRound({ spec: followUpSpecOf(input), dueAt, round });
        // A later move may have happened while the activity ran: only the latest counts.
        if (a.pendingRound?.dueAt === dueAt && a.pendingRound.round === round) {
          a.pendingRound = undefined;
          a.setRound(steps);
        }
        continue;
      }
      if (a.isClosed) break;
      if (withNotices) {
        // A step due now fires first, so the record goes with its notice (the request at the
        // start) instead of being written alone just before it.
        const due = a.nextStep();
        if (due && Date.parse(due.at) <= Date.now()) {
          a.state.nextStep = { key: due.key, kind: due.kind, at: due.at };
          a.fire(due);
          continue;
        }
      }
      // Recorded before the parent hears of it: a consolidation reads what the parent knows.
      // (With the notices, the record may already be written: keepRecord then does nothing.)
      await keepRecord(false);
      await tellParent(a);
      // An update arriving meanwhile leaves a notice in the outbox: the loop comes round.
      const step = a.nextStep();
      if (step) a.state.nextStep = { key: step.key, kind: step.kind, at: step.at };
      else delete a.state.nextStep;
      if (step && Date.parse(step.at) <= Date.now()) {
        a.fire(step);
        continue;
      }
      const seen = a.changes;
      const changed = () => a.changes !== seen || a.outbox.pending > 0 || a.parentOutdated || a.pendingRound !== undefined;
      if (!step) await condition(changed);
      else if (!(await condition(changed, Date.parse(step.at) - Date.now()))) a.fire(step);
    }
  } catch (err) {
    // Cancelled because the program no longer asks this unit: tell the unit, then stop.
    if (isCancellation(err)) {
      a.outbox.clear();
      a.notify('cancelled', 'cancelled');
      await CancellationScope.nonCancellable(async () => {
        await drain(true);
        await keepRecord(true);
        a.parentOutdated = a.hasParent;
        await tellParent(a, true);
      });
    }
    throw err;
  }
  await keepRecord(true);
  a.parentOutdated = a.hasParent;
  await tellParent(a, true);
  log.info('assignment closed', { status: a.state.status, rounds: a.state.round });
  return a.summary();
}

/** The starter set every search attribute the assignment begins with (0.4.0 starters do). */
function startedWithAttributes(input: CheckedAssignmentInput): boolean {
  const given = workflowInfo().typedSearchAttributes;
  return given.get(PROGRAM) === input.programId && given.get(UNIT) === input.unit.id && given.get(ITEM) === input.itemId
    && given.get(PERIOD) !== undefined && given.get(STATUS) !== undefined && given.get(DUE)?.getTime() === Date.parse(input.dueAt);
}

/**
 * Who follows this assignment: the occurrence named in the input (started by an activity),
 * or the parent of a child workflow (histories of earlier versions).
 */
function parentOf(input: CheckedAssignmentInput): { workflowId: string; runId?: string } | undefined {
  return input.parent ?? workflowInfo().parent;
}

/**
 * What the occurrence uses of a summary: overdue and escalated are stages of being open (the
 * occurrence shows them from the due), so moving between them is not worth a signal — at
 * 3,400 units, one spike of signals at the due for nothing the occurrence reads.
 */
/**
 * Whether the parent shows the open stages. Before 0.4 an occurrence's assignments took their
 * start's view without stages but compared later ones with stages, so every assignment sent
 * its parent a summary it already had ('requested') and one for 'overdue': two signals per
 * unit, 6,800 for a cycle of 3,400 units. Children of earlier releases (no `input.parent`)
 * always showed stages.
 */
function showsStages(a: Assignment): boolean {
  const parent = a.input.parent;
  if (!parent) return true;
  return patched(PARENT_SIGNALS_WHAT_IT_READS) ? (parent.stages ?? false) : (parent.stages ?? true);
}

function parentView(summary: AssignmentSummary, stages: boolean): string {
  const open = !stages && (summary.status === 'requested' || summary.status === 'overdue' || summary.status === 'escalated');
  return JSON.stringify({ ...summary, status: open ? 'open' : summary.status });
}

async function tellParent(a: Assignment, closing = false): Promise<void> {
  const parent = parentOf(a.input);
  if (!parent || !a.parentOutdated) return;
  a.parentOutdated = false;
  const view = parentView(a.summary(), showsStages(a));
  if (!closing && view === a.parentHeard) return;
  a.parentHeard = view;
  try {
    // Once closed, the summary says so: the occurrence learns it from this signal.
    const summary = { ...a.summary(), ...(closing ? { closed: true } : {}) };
    await getExternalWorkflowHandle(parent.workflowId, parent.runId).signal(assignmentChangedSignal, summary);
  } catch (err) {
    // A parent that has already closed no longer needs to know. (The time-skipping test
    // server also refuses a signal sent while the parent continues as new, which a real
    // server never does: temporalio/sdk-java#1538.)
    log.warn('parent not told of assignment change', { error: String(err) });
  }
}

function registerHandlers(a: Assignment, input: CheckedAssignmentInput, lock: Mutex): void {
  const closedError = () => new Error(`hồ sơ đã kết thúc (assignment is ${a.state.status})`);
  const checkFutureDue = (iso: string) => {
    if (Date.parse(iso) <= Date.now()) throw new Error('hạn mới phải ở tương lai (newDueAt must be in the future)');
  };

  setHandler(statusQuery, () => a.state);

  const submitArgs = parsedOnce(submitArgsSchema);
  setHandler(
    submitUpdate,
    (raw) => a.submit(submitArgs.take(raw)),
    {
      validator: (raw) => {
        if (!a.isOpen) throw new Error(`hồ sơ không còn nhận báo cáo (assignment is ${a.state.status})`);
        submitArgs.validate(raw, (args) => {
          if (input.evidenceRequired && args.attachments.length === 0) throw new Error('cần đính kèm tài liệu minh chứng (evidence is required)');
          checkIndicators(input.indicators, args.indicators);
        });
      },
    },
  );

  const reviewArgs = parsedOnce(reviewArgsSchema);
  setHandler(
    reviewUpdate,
    (raw) => {
      // Taken now, in the update's own scope, not after waiting for the lock.
      const args = reviewArgs.take(raw);
      return lock.runExclusive(async () => {
        if (a.state.status !== 'submitted') throw ApplicationFailure.nonRetryable(`chưa có báo cáo chờ duyệt (assignment is ${a.state.status})`, 'NothingToReview');
        if (args.decision === 'accept') {
          a.accept(args);
        } else {
          const time = a.state.dueAt.slice(11, 16);
          const dueAt = args.newDueAt ?? (await resubmitDue({ spec: followUpSpecOf(input), returnedAt: new Date(Date.now()).toISOString(), workingDays: input.resubmitWorkingDays, time }));
          const steps = await scheduleRound({ spec: followUpSpecOf(input), dueAt, round: a.state.round + 1 });
          a.returnForRevision(args, dueAt, steps);
        }
        return { status: a.state.status, dueAt: a.state.dueAt };
      });
    },
    {
      validator: (raw) => {
        if (a.state.status !== 'submitted') throw new Error(`chưa có báo cáo chờ duyệt (nothing to review; assignment is ${a.state.status})`);
        reviewArgs.validate(raw, (args) => {
          if (args.decision === 'return' && args.newDueAt !== undefined) checkFutureDue(args.newDueAt);
        });
      },
    },
  );

  const extendArgs = parsedOnce(extendArgsSchema);
  setHandler(
    extendUpdate,
    (raw) => {
      const args = extendArgs.take(raw);
      a.extend(args.newDueAt, args.reason);
      return { dueAt: a.state.dueAt };
    },
    {
      validator: (raw) => {
        if (!a.isOpen) throw new Error(`không thể gia hạn hồ sơ đang ở trạng thái ${a.state.status} (cannot extend)`);
        extendArgs.validate(raw, (args) => checkFutureDue(args.newDueAt));
      },
    },
  );

  setHandler(rescheduleSignal, ({ dueAt, reason, steps }) => {
    // Closed or unchanged assignments ignore a moved program deadline.
    if (!a.isOpen && a.state.status !== 'submitted') return;
    if (Date.parse(dueAt) === Date.parse(a.state.dueAt)) return;
    a.extend(dueAt, reason);
    // The program's own round (with its plan uids) replaces the one the activity would compute.
    if (steps && a.state.round === 1) a.moveDue(a.state.dueAt, steps);
  });

  setHandler(contactsChangedSignal, (raw) => {
    const parsed = unitContactsSchema.safeParse(raw);
    if (parsed.success && parsed.data.id === input.unit.id) a.updateContacts(parsed.data);
    else log.warn('contacts change ignored', { reason: parsed.success ? 'another unit' : parsed.error.message });
  });

  const requestExtensionArgs = parsedOnce(requestExtensionArgsSchema);
  setHandler(
    requestExtensionUpdate,
    (raw) => {
      const args = requestExtensionArgs.take(raw);
      return a.addRequest('extension', args.reason, args.requestedBy, args.proposedDueAt);
    },
    {
      validator: (raw) => {
        if (!a.isOpen) throw new Error(`không thể xin gia hạn khi hồ sơ ở trạng thái ${a.state.status} (cannot request an extension)`);
        if (a.hasPending('extension')) throw new Error('đơn vị đã có một đề nghị đang chờ xử lý (a request is already pending)');
        requestExtensionArgs.validate(raw, (args) => {
          if (args.proposedDueAt !== undefined && Date.parse(args.proposedDueAt) <= Math.max(Date.now(), Date.parse(a.state.dueAt))) {
            throw new Error('hạn đề nghị phải sau hạn hiện tại (proposedDueAt must be after the current due)');
          }
        });
      },
    },
  );

  const requestExemptionArgs = parsedOnce(requestExemptionArgsSchema);
  setHandler(
    requestExemptionUpdate,
    (raw) => {
      const args = requestExemptionArgs.take(raw);
      return a.addRequest('exemption', args.reason, args.requestedBy);
    },
    {
      validator: (raw) => {
        if (a.isClosed) throw closedError();
        if (a.hasPending('exemption')) throw new Error('đơn vị đã có một đề nghị đang chờ xử lý (a request is already pending)');
        requestExemptionArgs.validate(raw);
      },
    },
  );

  const decideRequestArgs = parsedOnce(decideRequestArgsSchema);
  setHandler(
    decideRequestUpdate,
    (raw) => {
      const args = decideRequestArgs.take(raw);
      return a.decide(args.requestId, args);
    },
    {
      validator: (raw) =>
        decideRequestArgs.validate(raw, (args) => {
          const request = a.state.requests.find((r) => r.id === args.requestId);
          if (!request) throw new Error(`không có đề nghị số ${args.requestId} (unknown request)`);
          if (request.status !== 'pending') throw new Error(`đề nghị số ${args.requestId} đã được xử lý (already decided)`);
          if (request.kind === 'extension' && args.grant) {
            if (a.isClosed) throw closedError();
            const due = args.newDueAt ?? request.proposedDueAt;
            if (due === undefined) throw new Error('cần hạn mới khi đồng ý gia hạn (newDueAt is required)');
            checkFutureDue(due);
          }
        }),
    },
  );

  const exemptArgs = parsedOnce(exemptArgsSchema);
  setHandler(
    exemptUpdate,
    (raw) => {
      const args = exemptArgs.take(raw);
      a.exempt(args.reason, 'exempted');
      return { status: a.state.status };
    },
    {
      validator: (raw) => {
        if (a.isClosed) throw closedError();
        exemptArgs.validate(raw);
      },
    },
  );
}
