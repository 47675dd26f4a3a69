// The plan, compiled in the worker and never in workflow code: the program workflow asks
// for the occurrences of an applied version and for each occurrence's input when it starts
// one. Results are recorded in the workflow's history, so a later change to the calendar
// data or the compiler moves only what is computed afterwards.
import { ApplicationFailure } from '@temporalio/common';
import { DateTime } from 'luxon';
import { compilePlan } from '../../program/plan';
import type { Occurrence, Program } from '../../program/types';
import type { OccurrenceRecord } from '../../workflows/program/messages';
import type { OccurrenceInput } from '../../workflows/occurrence/input';
import { describeChanges } from './changes';
import { ProgramIndex } from './occurrence-inputs';
import type { Records } from '../../storage/records';
import { MemoryProgramStore, RecordsProgramStore, type ProgramStore } from './program-store';

export interface PlanDeps {
  /** Where applied versions live; workers on several hosts need a shared one. */
  programs?: ProgramStore;
  /** Without `programs`, the records database keeps them (shared by every worker). */
  records?: Records;
}

/** An occurrence as the program workflow keeps it, before it has a status. */
export type OccurrenceSummary = Omit<OccurrenceRecord, 'status' | 'reAdded'>;

export interface ProgramPlan {
  title: string;
  timezone: string;
  occurrences: OccurrenceSummary[];
  /** Against the previous version: running occurrences whose input changed, and how. */
  changed: { id: string; what: string[] }[];
}

export interface PlanProgramArgs {
  programId: string;
  hash: string;
  /** Sent once, when the version is applied; stored so later calls need only the hash. */
  program?: Program;
  previousHash?: string;
}

const processStore = new MemoryProgramStore();

export function createPlanActivities(deps: PlanDeps) {
  const store = deps.programs ?? (deps.records ? new RecordsProgramStore(deps.records) : processStore);
  const indexes = new Map<string, ProgramIndex>();

  async function indexOf(hash: string): Promise<ProgramIndex> {
    const cached = indexes.get(hash);
    if (cached) return cached;
    const program = await store.get(hash);
    if (!program) {
      // Retryable: a worker whose store is not shared may be answered by one whose store is.
      throw ApplicationFailure.retryable(`không tìm thấy phiên bản chương trình ${hash} (program version not in this worker's store)`, 'ProgramVersionMissing');
    }
    const index = new ProgramIndex(program, compilePlan(program));
    indexes.set(hash, index);
    // A handful of versions is all a worker works on at once.
    if (indexes.size > 4) indexes.delete(indexes.keys().next().value!);
    return index;
  }

  function summary(ix: ProgramIndex, occ: Occurrence): OccurrenceSummary {
    const zone = ix.program.program.timezone;
    const span = ix.span(occ.id);
    const first = span?.firstEvent ?? Date.parse(occ.due?.at ?? `${ix.program.program.year}-01-01T00:00:00Z`);
    const last = span?.lastDue ?? first;
    const local = (ms: number) => DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true })!;
    return { id: occ.id, itemId: occ.itemId, kind: occ.kind, label: occ.label[ix.program.program.locale], startAt: local(first), lastDueAt: local(last) };
  }

  return {
    async planProgram({ programId, hash, program, previousHash }: PlanProgramArgs): Promise<ProgramPlan> {
      if (program) {
        if (program.program.id !== programId) throw ApplicationFailure.nonRetryable(`program id ${program.program.id} is not ${programId}`, 'ProgramMismatch');
        await store.put(hash, program);
      }
      const ix = await indexOf(hash);
      const changed: ProgramPlan['changed'] = [];
      if (previousHash && previousHash !== hash) {
        const before = await indexOf(previousHash);
        for (const occ of ix.plan.occurrences) {
          const old = before.plan.occurrences.find((o) => o.id === occ.id);
          if (!old) continue;
          const oldInput = before.occurrenceInput(old);
          const nextInput = ix.occurrenceInput(occ);
          const what = describeChanges(oldInput, nextInput);
          // Milestones, titles, addresses or reminders can change too; the occurrence decides what that means.
          if (what.length === 0 && JSON.stringify(oldInput) !== JSON.stringify(nextInput)) what.push('điều chỉnh mốc thời gian, nội dung (other settings)');
          if (what.length > 0) changed.push({ id: occ.id, what });
        }
      }
      const header = ix.program.program;
      return { title: header.title, timezone: header.timezone, occurrences: ix.plan.occurrences.map((o) => summary(ix, o)), changed };
    },

    async occurrenceInput({ hash, occurrenceId }: { hash: string; occurrenceId: string }): Promise<OccurrenceInput> {
      const ix = await indexOf(hash);
      const occ = ix.plan.occurrences.find((o) => o.id === occurrenceId);
      if (!occ) throw ApplicationFailure.nonRetryable(`occurrence ${occurrenceId} is not in program version ${hash}`, 'UnknownOccurrence');
      return ix.occurrenceInput(occ);
    },
  };
}
