// reportCycleWorkflow: one occurrence of a report or task item (e.g. "6-month report
// 2026"). It asks every assignee through an assignmentWorkflow child, follows them through
// their status signals, consolidates at the deadline (or as soon as everyone is settled),
// has the consolidation approved, forwards it upward with the file attached, and records
// later submissions in addenda.
import {
  CancellationScope,
  condition,
  isCancellation,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
  allHandlersFinished,
  getExternalWorkflowHandle,
} from '@temporalio/workflow';
import { consolidateReport, forwardReport, recordOccurrence } from '../activity-proxies';
import type { NoticeData, NoticeKind } from '../../contract/notices';
import { startAssignment as startAssignmentChild } from '../occurrence/start-child';
import { assignmentChangedSignal, contactsChangedSignal, rescheduleSignal, type AssignmentInput, type IndicatorField } from '../assignment/messages';
import type { OccurrenceInput } from '../occurrence/input';
import { occurrenceNotice, occurrenceOutbox } from '../occurrence/notices';
import { toLocalIso } from '../occurrence/time';
import { ITEM, PERIOD, PROGRAM, STATUS } from '../search-attributes';
import {
  approveArgsSchema,
  approveUpdate,
  consolidateUpdate,
  reconfigureSignal,
  reportCycleStatusQuery,
  type CycleRow,
  type ReportCycleState,
} from './messages';
import { consolidationRow, isSettled, rowStatus } from './rows';

export async function reportCycleWorkflow(initial: OccurrenceInput): Promise<ReportCycleState> {
  let input = initial;
  const { workflowId } = workflowInfo();
  const inputs = new Map<string, AssignmentInput>();
  const scopes = new Map<string, CancellationScope>();
  const state: ReportCycleState = {
    occurrenceId: input.occurrenceId,
    itemTitle: input.itemTitle,
    periodLabel: input.periodLabel,
    phase: 'collecting',
    ...(input.consolidation ? { approver: input.consolidation.approver } : {}),
    rows: [],
    consolidations: [],
    approvals: [],
    addenda: [],
    notices: [],
    deliveryFailures: [],
  };
  const outbox = occurrenceOutbox(state, () => input);
  let consolidateRequested = false;
  let reconfigurations = 0;
  let decision: { decision: 'approve' | 'return'; comment?: string } | undefined;
  let lateAfterConsolidation = new Set<string>();

  const nowIso = () => toLocalIso(Date.now(), input.timeZone);
  const row = (id: string) => state.rows.find((r) => r.assignmentId === id);

  function setPhase(phase: ReportCycleState['phase']): void {
    state.phase = phase;
    upsertSearchAttributes([{ key: STATUS, value: phase }]);
  }

  async function notice(kind: NoticeKind, step: string, to: string[], cc: string[], extra: Partial<NoticeData> = {}, planUid?: string): Promise<void> {
    const data = { ...occurrenceNotice(input, kind, input.office.name, input.consolidation?.dueAt ?? nowIso()), ...extra };
    outbox.push({ key: `${workflowId}/${step}`, to, cc, data, ...(planUid ? { planUid } : {}) });
    await outbox.drain();
  }

  function startAssignment(id: string, assignment: AssignmentInput): void {
    inputs.set(id, assignment);
    const existing = row(id);
    const fresh: CycleRow = {
      assignmentId: id,
      unitId: assignment.unit.id,
      unitName: assignment.unit.name,
      status: 'requested',
      dueAt: assignment.dueAt,
      round: 1,
      late: false,
      indicators: {},
      closed: false,
    };
    if (existing) Object.assign(existing, fresh, { removed: false });
    else state.rows.push(fresh);
    const scope = new CancellationScope();
    scopes.set(id, scope);
    const done = scope.run(async () => {
      const child = await startAssignmentChild(id, assignment);
      return child.result();
    });
    void done.then(
      (final) => {
        const r = row(id);
        if (r) Object.assign(r, { closed: true, status: final.status });
      },
      (err: unknown) => {
        const r = row(id);
        if (r) Object.assign(r, { closed: true, ...(isCancellation(err) || scope.consideredCancelled ? { removed: true } : {}) });
      },
    );
  }

  // Before any handler exists: a reconfiguration delivered with the first workflow task must
  // find the initial assignments already started, not start them a second time.
  upsertSearchAttributes([
    { key: PROGRAM, value: input.programId },
    { key: ITEM, value: input.itemId },
    { key: PERIOD, value: input.periodKey },
  ]);
  setPhase('collecting');
  for (const a of input.assignments) if (isStillDue(a.input)) startAssignment(a.id, a.input);

  setHandler(assignmentChangedSignal, (summary) => {
    const r = row(summary.assignmentId);
    if (!r) return;
    const wasMissing = rowStatus(r) === 'missing';
    Object.assign(r, {
      status: summary.status,
      dueAt: summary.dueAt,
      round: summary.round,
      late: summary.late,
      indicators: summary.indicators,
      ...(summary.receiptNumber ? { receiptNumber: summary.receiptNumber } : {}),
      ...(summary.submittedAt ? { submittedAt: summary.submittedAt } : {}),
      ...(summary.note ? { note: summary.note } : {}),
    });
    // A report that arrives after consolidation goes into an addendum.
    if (state.consolidations.length > 0 && wasMissing && summary.receiptNumber) lateAfterConsolidation.add(r.assignmentId);
  });

  setHandler(reconfigureSignal, async (next) => {
    const previous = new Map(inputs);
    const wanted = new Map(next.assignments.map((a) => [a.id, a.input]));
    input = next;
    reconfigurations++;
    if (next.consolidation) state.approver = next.consolidation.approver;
    else delete state.approver;
    for (const r of state.rows) {
      if (!wanted.has(r.assignmentId) && !r.closed) {
        scopes.get(r.assignmentId)?.cancel();
        r.removed = true;
      }
    }
    for (const [id, assignment] of wanted) {
      const before = previous.get(id);
      if (!before || row(id)?.removed) {
        if (isStillDue(assignment)) startAssignment(id, assignment);
      } else {
        inputs.set(id, assignment);
        if (row(id)?.closed) continue;
        const child = getExternalWorkflowHandle(id);
        if (Date.parse(before.dueAt) !== Date.parse(assignment.dueAt)) {
          await child.signal(rescheduleSignal, { dueAt: assignment.dueAt, reason: reasonMoved(next.locale), steps: assignment.steps });
        }
        // A corrected address: notices the old one refused go out again.
        if (JSON.stringify(before.unit) !== JSON.stringify(assignment.unit)) await child.signal(contactsChangedSignal, assignment.unit);
      }
    }
  });

  setHandler(reportCycleStatusQuery, () => state);

  setHandler(
    approveUpdate,
    (raw) => {
      const args = approveArgsSchema.parse(raw);
      decision = { decision: args.decision, ...(args.comment ? { comment: args.comment } : {}) };
      state.approvals.push({ at: nowIso(), decision: args.decision, ...(args.comment ? { comment: args.comment } : {}), ...(args.by ? { by: args.by } : {}) });
      return { phase: state.phase };
    },
    {
      validator: (raw) => {
        if (state.phase !== 'awaiting-approval') throw new Error(`chưa có báo cáo tổng hợp chờ duyệt (nothing awaits approval; phase ${state.phase})`);
        const args = approveArgsSchema.parse(raw);
        if (args.decision === 'return' && !args.comment) throw new Error('cần ghi ý kiến khi trả lại (a comment is required)');
      },
    },
  );

  setHandler(
    consolidateUpdate,
    (_args) => {
      consolidateRequested = true;
      return { phase: state.phase };
    },
    {
      validator: (_args) => {
        if (!input.consolidation) throw new Error('nhiệm vụ này không có bước tổng hợp (this item has no consolidation)');
        if (state.phase !== 'collecting' && state.phase !== 'returned-to-office') {
          throw new Error(`không thể tổng hợp lúc này (phase ${state.phase})`);
        }
      },
    },
  );

  // The records database gets the state at each step (version counts them) and the last one.
  let recordVersion = 0;
  async function keepRecord(closed: boolean): Promise<void> {
    recordVersion++;
    await recordOccurrence({ ...state, version: recordVersion, closed });
  }

  const allSettled = () => state.rows.length > 0 && state.rows.every(isSettled);
  const allClosed = () => state.rows.every((r) => r.closed);

  if (input.consolidation) {
    // A re-applied program may move the consolidation deadline while we wait for it.
    while (!allSettled() && !consolidateRequested && Date.parse(input.consolidation!.dueAt) > Date.now()) {
      const seen = reconfigurations;
      await condition(() => allSettled() || consolidateRequested || reconfigurations !== seen, Date.parse(input.consolidation!.dueAt) - Date.now());
    }
    for (;;) {
      consolidateRequested = false;
      const record = await consolidate();
      await announceConsolidation(record.version);
      setPhase('awaiting-approval');
      await keepRecord(false);
      decision = undefined;
      await condition(() => decision !== undefined);
      if (decision!.decision === 'approve') break;
      setPhase('returned-to-office');
      await notice('approval-returned', `consolidation-${record.version}/returned`, input.office.emails, [], {
        ...(decision!.comment ? { comment: decision!.comment } : {}),
      });
      await keepRecord(false);
      await condition(() => consolidateRequested);
    }
    await forward();
    await keepRecord(false);
    // Reports that come in later are recorded in addenda until every unit is settled.
    while (!allClosed()) {
      await condition(() => lateAfterConsolidation.size > 0 || allClosed());
      if (lateAfterConsolidation.size > 0) {
        const late = lateAfterConsolidation;
        lateAfterConsolidation = new Set();
        await addendum([...late]);
        await keepRecord(false);
      }
    }
  } else {
    await condition(allClosed);
  }
  setPhase('closed');
  await keepRecord(true);
  await condition(allHandlersFinished);
  return state;

  function consolidationInput(name: string, rows: CycleRow[]) {
    return {
      key: `${input.occurrenceId}/${name}`,
      programTitle: input.programTitle,
      officeName: input.office.name,
      itemTitle: input.itemTitle,
      periodLabel: input.periodLabel,
      timeZone: input.timeZone,
      locale: input.locale,
      indicators: indicatorsOf(input),
      rows: rows.map(consolidationRow),
      generatedAt: nowIso(),
    };
  }

  async function consolidate() {
    const version = state.consolidations.length + 1;
    const result = await consolidateReport(consolidationInput(`tong-hop-${version}`, state.rows.filter((r) => !r.removed)));
    const record = { version, at: nowIso(), xlsx: result.xlsx, html: result.html, counts: result.counts, sums: result.sums };
    state.consolidations.push(record);
    return record;
  }

  async function announceConsolidation(version: number): Promise<void> {
    const record = state.consolidations[version - 1]!;
    // The first consolidation is the plan's; later ones answer the office or the chair.
    const planUid = version === 1 ? `${input.planOccurrenceId ?? input.occurrenceId}/consolidation` : undefined;
    await notice('consolidated', `consolidation-${version}`, input.office.emails, [], { counts: record.counts }, planUid);
    // The request to approve goes with the consolidation; the plan's `approval` is its deadline.
    if (input.consolidation!.approver === 'chair') {
      await notice('approval-requested', `consolidation-${version}/approval`, [input.chair.email], input.office.emails, {
        counts: record.counts,
        recipientName: input.chair.name,
        ...(input.chair.title ? { recipientTitle: input.chair.title } : {}),
      });
    }
  }

  async function forward(): Promise<void> {
    setPhase('forwarding');
    const record = state.consolidations.at(-1)!;
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
      const request = { key: `${workflowId}/forwarded`, to: upward.map((u) => u.email), cc: input.office.emails, data: notice };
      let messageId: string | undefined;
      await outbox.sendVia(request, async (issued) => {
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
      state.forwarded = { at: nowIso(), to: upward.map((u) => u.email), ...(messageId ? { messageId } : {}) };
    }
    setPhase('forwarded');
  }

  async function addendum(assignmentIds: string[]): Promise<void> {
    const version = state.addenda.length + 1;
    const rows = state.rows.filter((r) => assignmentIds.includes(r.assignmentId));
    const result = await consolidateReport({
      ...consolidationInput(`phu-luc-${version}`, rows),
      addendum: { of: state.consolidations.at(-1)!.xlsx.ref, number: version },
    });
    state.addenda.push({ version, at: nowIso(), units: rows.map((r) => r.unitName), xlsx: result.xlsx });
    for (const r of rows) {
      await notice('late-addendum', `addendum-${version}/${r.unitId}`, input.office.emails, [], {
        unitName: r.unitName,
        ...(r.receiptNumber ? { receiptNumber: r.receiptNumber } : {}),
      });
    }
  }
}

/**
 * An occurrence started late (a program applied mid-year) does not ask for work whose due
 * has already passed, such as campaign plans due before the campaign began.
 */
function isStillDue(assignment: AssignmentInput): boolean {
  return Date.parse(assignment.dueAt) > Date.now();
}

/** The item's indicator fields, as every assignment of the occurrence carries them. */
function indicatorsOf(input: OccurrenceInput): IndicatorField[] {
  return (input.assignments[0]?.input.indicators ?? []).map((i) => ({ ...i, required: i.required ?? false }));
}

function reasonMoved(locale: 'vi' | 'en'): string {
  return locale === 'en' ? 'The work program was amended.' : 'Chương trình công tác đã được điều chỉnh.';
}
