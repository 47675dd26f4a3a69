// inspectionWorkflow: one inspection round (đợt kiểm tra). For each visited unit: the notice
// of the visit N working days ahead (the plan computes when), a reminder the working day
// before, then the office records the findings; each remediation item becomes an
// assignmentWorkflow child of its own — reminders, evidence, review and escalation as for
// any report — and the round closes with a summary to the office once every item is
// accepted or exempted.
//
// Like the assignment, the timeline is recomputed from the visits on every loop rather than
// kept as timers: a moved visit only changes its dates, and the next loop re-arms.
import {
  allHandlersFinished,
  CancellationScope,
  condition,
  isCancellation,
  log,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import { Mutex } from 'async-mutex';
import type { NoticeData, NoticeKind } from '../../contract/notices';
import { scheduleRound } from '../activity-proxies';
import { assignmentChangedSignal, followUpSpecOf, type AssignmentInput } from '../assignment/messages';
import type { OccurrenceInput } from '../occurrence/input';
import { occurrenceNotice, occurrenceOutbox } from '../occurrence/notices';
import { toLocalIso } from '../occurrence/time';
import { reconfigureSignal } from '../report-cycle/messages';
import { ITEM, PERIOD, PROGRAM, STATUS } from '../search-attributes';
import {
  inspectionStatusQuery,
  recordFindingsArgsSchema,
  recordFindingsUpdate,
  type InspectionPhase,
  type InspectionState,
  type RecordFindingsResult,
  type RemediationState,
  type VisitState,
} from './messages';
import { AssignmentTracker } from '../occurrence/assignment-tracker';
import { reasonMoved } from '../occurrence/reason-moved';
import { closeOut, remediationDue } from './visits';

type Visit = NonNullable<OccurrenceInput['visits']>[number];

interface Step {
  /** `<unit>/<kind>[-<version>]`: the notice key under the workflow id, and the handled mark. */
  key: string;
  kind: 'notice' | 'reminder' | 'visit';
  visit: VisitState;
  at: number;
}

export async function inspectionWorkflow(initial: OccurrenceInput): Promise<InspectionState> {
  let input = initial;
  const { workflowId } = workflowInfo();
  // The findings handler waits on an activity (the remediations' schedules): one at a time.
  const lock = new Mutex();
  const state: InspectionState = {
    occurrenceId: input.occurrenceId,
    itemTitle: input.itemTitle,
    periodLabel: input.periodLabel,
    phase: 'scheduled',
    visits: [],
    assignments: [],
    notices: [],
    deliveryFailures: [],
  };
  let changes = 0;
  const bump = () => {
    changes++;
  };
  const outbox = occurrenceOutbox(state, () => input);
  // The office follows each remediation's stage (overdue, escalated) on the inspection's page.
  const remediations = new AssignmentTracker([], { changed: bump, figures: false, stages: true });
  const others = new AssignmentTracker(state.assignments, { changed: bump, figures: false, stages: true });
  const handled = new Set<string>();
  // Per visit: steps planned before this instant were already past when the visit was set
  // (a program applied late, a moved visit); a reminder for them would be news from the past.
  const armedAt = new Map<string, number>();

  const nowIso = () => toLocalIso(Date.now(), input.timeZone);
  const local = (iso: string) => toLocalIso(Date.parse(iso), input.timeZone);
  const visitOf = (unitId: string) => state.visits.find((v) => v.unitId === unitId);
  const visitAssignmentId = (unitId: string) => `${input.occurrenceId}/${unitId}`;
  // Units dropped by a re-applied program are still written to (to call their visit off).
  const knownUnits = new Map<string, AssignmentInput>();
  /** The unit's remediation-report assignment: who the unit is, its contacts, reminders, escalations. */
  const unitInput = (unitId: string): AssignmentInput | undefined =>
    input.assignments.find((a) => a.id === visitAssignmentId(unitId))?.input ?? knownUnits.get(unitId);
  const otherAssignments = (from: OccurrenceInput) => {
    const visited = new Set((from.visits ?? []).map((v) => `${from.occurrenceId}/${v.unitId}`));
    return { assignments: from.assignments.filter((a) => !visited.has(a.id)) };
  };
  const suffix = (v: VisitState) => (v.version > 1 ? `-${v.version}` : '');
  const fullKey = (step: string) => `${workflowId}/${step}`;
  const isOpenVisit = (v: VisitState) => v.status === 'scheduled' || v.status === 'notified' || v.status === 'visited';

  function schedule(v: VisitState, planned: Visit): void {
    v.visitAt = local(planned.visitAt);
    if (planned.noticeAt !== undefined) v.noticeAt = local(planned.noticeAt);
    else delete v.noticeAt;
    if (planned.findingsDueAt !== undefined) v.findingsDueAt = local(planned.findingsDueAt);
    else delete v.findingsDueAt;
    // The plan leaves the reminder out when the notice itself comes the day before.
    if (planned.reminderAt !== undefined) v.reminderAt = local(planned.reminderAt);
    else delete v.reminderAt;
    armedAt.set(v.unitId, Date.now());
  }

  function addVisit(planned: Visit): void {
    const unit = unitInput(planned.unitId);
    if (unit) knownUnits.set(planned.unitId, unit);
    const v: VisitState = {
      unitId: planned.unitId,
      unitName: unit?.unit.name ?? planned.unitId,
      // Without the unit's assignment there is nobody to write to and nothing to track.
      status: unit ? 'scheduled' : 'skipped',
      visitAt: planned.visitAt,
      version: 1,
      remediations: [],
    };
    schedule(v, planned);
    if (!unit) log.warn('inspection visit without an assignment for its unit', { unitId: planned.unitId });
    state.visits.push(v);
  }

  function visitNotice(kind: NoticeKind, v: VisitState, step: string, extra: Partial<NoticeData> = {}, scheduledFor = Date.now(), planUid?: string): void {
    const unit = unitInput(v.unitId);
    if (!unit) return;
    outbox.push(
      {
        key: fullKey(`${v.unitId}/${step}`),
        to: unit.unit.emails,
        // The office organises the visit: it sees what the unit was told, except the reminder.
        cc: kind === 'inspection-reminder' ? [] : input.office.emails,
        ...(planUid ? { planUid } : {}),
        data: {
          // Inspection notices show the visit, not a due; the field must still be an instant.
          ...occurrenceNotice(input, kind, v.unitName, v.visitAt),
          visitAt: v.visitAt,
          ...(v.team !== undefined ? { inspectionTeam: v.team } : {}),
          ...extra,
        },
      },
      scheduledFor,
    );
  }

  /** The plan event a visit's step fulfils: the same uid `dondoc plan` shows. */
  const planUidOf = (v: VisitState, kind: 'notice' | 'visit-reminder') => `${visitAssignmentId(v.unitId)}/${kind}`;

  function stepsOf(v: VisitState): Step[] {
    // After the findings nothing about the visit is timed: the remediations carry their own.
    if (!isOpenVisit(v) || v.findings !== undefined) return [];
    const s = suffix(v);
    const steps: Step[] = [{ key: `${v.unitId}/notice${s}`, kind: 'notice', visit: v, at: v.noticeAt ? Date.parse(v.noticeAt) : (armedAt.get(v.unitId) ?? 0) }];
    if (v.reminderAt) steps.push({ key: `${v.unitId}/reminder${s}`, kind: 'reminder', visit: v, at: Date.parse(v.reminderAt) });
    steps.push({ key: `${v.unitId}/visit${s}`, kind: 'visit', visit: v, at: Date.parse(v.visitAt) });
    return steps;
  }

  function nextStep(): Step | undefined {
    let next: Step | undefined;
    for (const v of state.visits) {
      for (const step of stepsOf(v)) {
        if (!handled.has(step.key) && (next === undefined || step.at < next.at)) next = step;
      }
    }
    return next;
  }

  function fire(step: Step): void {
    handled.add(step.key);
    const v = step.visit;
    const visitAhead = Date.parse(v.visitAt) > Date.now();
    switch (step.kind) {
      case 'notice':
        // A late notice is still worth sending while the visit is ahead; after it, it is not.
        if (!visitAhead) {
          outbox.skip(fullKey(step.key), 'inspection-notice', step.at, planUidOf(v, 'notice'));
          return;
        }
        visitNotice('inspection-notice', v, step.key.slice(v.unitId.length + 1), {}, step.at, planUidOf(v, 'notice'));
        if (v.status === 'scheduled') v.status = 'notified';
        return;
      case 'reminder':
        if (!visitAhead || step.at < (armedAt.get(v.unitId) ?? 0)) {
          outbox.skip(fullKey(step.key), 'inspection-reminder', step.at, planUidOf(v, 'visit-reminder'));
          return;
        }
        visitNotice('inspection-reminder', v, step.key.slice(v.unitId.length + 1), {}, step.at, planUidOf(v, 'visit-reminder'));
        return;
      case 'visit':
        if (v.status === 'scheduled' || v.status === 'notified') v.status = 'visited';
        return;
    }
  }

  /** A visit whose every remediation has ended (accepted, exempted or withdrawn) is closed. */
  function refreshVisits(): void {
    for (const v of state.visits) {
      if (v.status === 'remediating' && v.remediations.every((r) => r.closed)) {
        v.status = 'closed';
        v.closedAt = nowIso();
      }
    }
  }

  const settled = (v: VisitState) => v.status === 'closed' || v.status === 'skipped' || v.status === 'removed';
  const done = () => state.visits.every(settled) && others.allClosed();

  let publishedPhase: InspectionPhase | undefined;
  function updatePhase(): void {
    const live = state.visits.filter((v) => v.status !== 'skipped' && v.status !== 'removed');
    const phase: InspectionPhase = done()
      ? 'closed'
      : live.length > 0 && live.every((v) => v.findings !== undefined)
        ? 'remediating'
        : live.some((v) => v.status !== 'scheduled')
          ? 'visiting'
          : 'scheduled';
    state.phase = phase;
    if (phase !== publishedPhase) {
      publishedPhase = phase;
      upsertSearchAttributes([{ key: STATUS, value: phase }]);
    }
  }

  function dueOf(unitId: string, written: string): string {
    return remediationDue(written, unitInput(unitId)?.dueAt ?? written, input.timeZone);
  }

  // The yearly inspection plan (no visits, the office's own assignment) runs here as a plain
  // assignment; work whose due has passed when the occurrence starts is not asked for. The lock
  // is taken before any handler exists: a reconfiguration waits until it is asked.
  const starting = lock.runExclusive(() => others.start(otherAssignments(input)));

  setHandler(inspectionStatusQuery, () => state);

  setHandler(assignmentChangedSignal, (summary) => {
    if (!remediations.apply(summary)) others.apply(summary);
  });

  setHandler(
    recordFindingsUpdate,
    (raw) => lock.runExclusive(async (): Promise<RecordFindingsResult> => {
      const args = recordFindingsArgsSchema.parse(raw);
      const v = visitOf(args.unitId)!;
      const base = unitInput(v.unitId)!;
      // Each remediation item is asked now, with the reminders and escalations of the item.
      const requestAt = nowIso();
      const rounds = await Promise.all(
        args.remediations.map((item) => scheduleRound({ spec: followUpSpecOf(base), dueAt: dueOf(v.unitId, item.dueAt), round: 1, requestAt })),
      );
      Object.assign(v, {
        findings: args.findings,
        findingsRecordedAt: nowIso(),
        ...(args.team !== undefined ? { team: args.team } : {}),
        ...(args.recordedBy !== undefined ? { recordedBy: args.recordedBy } : {}),
      });
      const remediationId = (n: number) => `${input.occurrenceId}/${v.unitId}/khac-phuc-${n}`;
      // The unit's remediation-report assignment, narrowed to each item and its due.
      await remediations.start({
        assignments: args.remediations.map((item, i) => ({ id: remediationId(i + 1), input: { ...base, itemTitle: item.title, dueAt: dueOf(v.unitId, item.dueAt), steps: rounds[i]! } })),
      });
      args.remediations.forEach((item, i) => {
        const row = remediations.row(remediationId(i + 1));
        if (row) v.remediations.push(Object.assign(row, { n: i + 1, title: item.title }) as RemediationState);
      });
      if (v.remediations.length > 0) {
        v.status = 'remediating';
      } else {
        v.status = 'closed';
        v.closedAt = nowIso();
      }
      const items = v.remediations.map((r) => ({ title: r.title, dueAt: r.dueAt }));
      const lastDue = Math.max(Date.parse(v.visitAt), ...items.map((r) => Date.parse(r.dueAt)));
      visitNotice('inspection-findings', v, 'findings', { findings: args.findings, remediations: items, dueAt: toLocalIso(lastDue, input.timeZone) });
      bump();
      return { unitId: v.unitId, status: v.status, remediations: v.remediations.map((r) => ({ assignmentId: r.assignmentId, title: r.title, dueAt: r.dueAt })) };
    }),
    {
      validator: (raw) => {
        const args = recordFindingsArgsSchema.parse(raw);
        const v = visitOf(args.unitId);
        if (!v || v.status === 'removed') throw new Error(`đơn vị "${args.unitId}" không có trong đợt kiểm tra này (unknown unit)`);
        if (v.status === 'skipped') throw new Error(`chương trình không giao việc cho đơn vị "${args.unitId}" (no assignment for this unit)`);
        if (v.findings !== undefined) throw new Error(`đã ghi kết quả kiểm tra của ${v.unitName} (findings already recorded)`);
        if (v.status === 'scheduled' && Date.parse(v.visitAt) > Date.now()) {
          throw new Error(`${v.unitName} chưa được thông báo lịch kiểm tra (the unit has not been notified of the visit yet)`);
        }
        args.remediations.forEach((item, i) => {
          if (Date.parse(dueOf(v.unitId, item.dueAt)) <= Date.now()) {
            throw new Error(`hạn khắc phục của nội dung ${i + 1} phải ở tương lai (remediations[${i}].dueAt must be in the future)`);
          }
        });
      },
    },
  );

  setHandler(reconfigureSignal, (next) => lock.runExclusive(async () => {
    const before = otherAssignments(input);
    input = next;
    const planned = new Map((next.visits ?? []).map((v) => [v.unitId, v]));
    for (const [unitId, p] of planned) {
      const unit = unitInput(unitId);
      if (unit) knownUnits.set(unitId, unit);
      const v = visitOf(unitId);
      if (!v) {
        addVisit(p);
      } else if ((v.status === 'removed' || v.status === 'skipped') && unit) {
        // Added back (or now assigned): a fresh schedule under new keys, so nothing sent
        // before is resent.
        v.version++;
        v.status = 'scheduled';
        v.unitName = unit.unit.name;
        schedule(v, p);
      } else if (isOpenVisit(v) && v.findings === undefined && Date.parse(v.visitAt) > Date.now() && !sameDates(v, p)) {
        // Only a visit still ahead moves; once it has happened its dates are history.
        if (stepsOf(v).some((s) => handled.has(s.key))) v.version++;
        schedule(v, p);
      }
    }
    for (const v of state.visits) {
      if (planned.has(v.unitId) || !isOpenVisit(v) || v.findings !== undefined) continue;
      // The unit was told of a visit that will not happen: it is told so.
      if (v.status === 'notified' && Date.parse(v.visitAt) > Date.now()) visitNotice('cancelled', v, `cancelled${suffix(v)}`);
      v.status = 'removed';
    }
    await others.reconfigure(before, otherAssignments(next), reasonMoved(next.locale));
    bump();
  }));

  function sameDates(v: VisitState, p: Visit): boolean {
    const same = (a: string | undefined, b: string | undefined) => (a === undefined ? b === undefined : b !== undefined && Date.parse(a) === Date.parse(b));
    return same(v.visitAt, p.visitAt) && same(v.noticeAt, p.noticeAt) && same(v.findingsDueAt, p.findingsDueAt);
  }

  upsertSearchAttributes([
    { key: PROGRAM, value: input.programId },
    { key: ITEM, value: input.itemId },
    { key: PERIOD, value: input.periodKey },
  ]);
  for (const planned of input.visits ?? []) addVisit(planned);

  try {
    await starting;
    for (;;) {
      refreshVisits();
      updatePhase();
      await outbox.drain();
      if (done()) break;
      const step = nextStep();
      if (step && step.at <= Date.now()) {
        fire(step);
        continue;
      }
      const seen = changes;
      const woke = () => changes !== seen || outbox.pending > 0;
      if (!step) await condition(woke);
      else if (!(await condition(woke, step.at - Date.now()))) fire(step);
    }
  } catch (err) {
    // Cancelled because the program dropped the round: units expecting a visit are told.
    if (isCancellation(err)) {
      for (const v of state.visits) {
        if (v.status === 'notified' && v.findings === undefined && Date.parse(v.visitAt) > Date.now()) visitNotice('cancelled', v, `cancelled${suffix(v)}`);
      }
      await CancellationScope.nonCancellable(async () => {
        await outbox.drain();
        await remediations.cancelAll();
        await others.cancelAll();
      });
    }
    throw err;
  }

  const summary = closeOut(state.visits);
  if (summary.units.length > 0) {
    outbox.push({
      key: fullKey('closed'),
      to: input.office.emails,
      cc: [],
      data: {
        ...occurrenceNotice(input, 'inspection-closed', summary.units.join(', '), nowIso()),
        findings: summary.findings,
        remediations: summary.remediations,
        ...(summary.exempted.length > 0 ? { comment: `${exemptedLabel(input.locale)}: ${summary.exempted.join('; ')}.` } : {}),
      },
    });
    await outbox.drain();
    state.closed = { at: nowIso(), units: summary.units };
  }
  updatePhase();
  await condition(allHandlersFinished);
  return state;
}

function exemptedLabel(locale: 'vi' | 'en'): string {
  return locale === 'en' ? 'Exempted from remediation' : 'Được miễn khắc phục';
}
