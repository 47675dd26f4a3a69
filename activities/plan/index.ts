// The plan, compiled in the worker and never in workflow code: the program workflow asks
// for the occurrences of an applied version and for each occurrence's input when it starts
// one. Results are recorded in the workflow's history, so a later change to the calendar
// data or the compiler moves only what is computed afterwards.
import { ApplicationFailure } from '@temporalio/common';
import { DateTime } from 'luxon';
import type { Occurrence, Program } from '../../program/types';
import type { OccurrenceRecord, ProgramIdentity } from '../../workflows/program/messages';
import type { OccurrenceInput } from '../../workflows/occurrence/input';
import { describeChanges } from './changes';
import type { ProgramIndex } from './occurrence-inputs';
import { ProgramIndexes } from './program-indexes';
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
  /** Absent from results recorded before 0.5 (the workflow then read it from the program it was sent). */
  identity?: ProgramIdentity;
  timezone: string;
  occurrences: OccurrenceSummary[];
  /** Against the previous version: running occurrences whose input changed, and how. */
  changed: { id: string; what: string[] }[];
}

export interface PlanProgramArgs {
  programId: string;
  hash: string;
  /**
   * Sent by an apply that carried the whole program (before 0.5, or from a client with no
   * access to the store): stored here. Otherwise the client has stored the version already.
   */
  program?: Program;
  previousHash?: string;
}

const processStore = new MemoryProgramStore();

/** The store of applied versions the deps name (shared by every worker when it is the records database). */
export function programIndexesFor(deps: PlanDeps): ProgramIndexes {
  return new ProgramIndexes(deps.programs ?? (deps.records ? new RecordsProgramStore(deps.records) : processStore));
}

export function createPlanActivities(indexes: ProgramIndexes) {
  const store = indexes.store;
  const indexOf = (hash: string) => indexes.get(hash);

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
      const ix = await indexOf(hash).catch((err: unknown) => {
        // The apply sent only the hash and the version is not in the store: the client stored
        // it elsewhere (another configuration) or not at all. Retrying cannot bring it, so the
        // apply fails now, with a message the office can act on.
        if (err instanceof ApplicationFailure && err.type === 'ProgramVersionMissing') {
          throw ApplicationFailure.nonRetryable(
            `không tìm thấy phiên bản ${hash} của chương trình ${programId} trong kho chương trình của máy thực thi; hãy áp dụng lại tệp (program version ${hash} is not in the worker's program store: the client must store it where the worker reads, DONDOC_RECORDS_URL / DATA_DIR; apply the file again)`,
            'ProgramVersionNotStored',
          );
        }
        throw err;
      });
      if (ix.program.program.id !== programId) throw ApplicationFailure.nonRetryable(`program version ${hash} is program ${ix.program.program.id}, not ${programId}`, 'ProgramMismatch');
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
      return { title: header.title, identity: { title: header.title, issuer: header.issuer, office: header.office }, timezone: header.timezone, occurrences: ix.plan.occurrences.map((o) => summary(ix, o)), changed };
    },

    async occurrenceInput({ hash, occurrenceId }: { hash: string; occurrenceId: string }): Promise<OccurrenceInput> {
      const ix = await indexOf(hash);
      const occ = ix.occurrence(occurrenceId);
      if (!occ) throw ApplicationFailure.nonRetryable(`occurrence ${occurrenceId} is not in program version ${hash}`, 'UnknownOccurrence');
      const input = ix.occurrenceInput(occ);
      const indicators = ix.indicators(occ);
      // Report cycles and tasks page their assignments (any number of units); campaigns and
      // inspections still carry theirs, which they read throughout.
      if (occ.kind === 'report' || occ.kind === 'task') {
        return { ...input, assignments: [], source: { hash, total: input.assignments.length }, indicators };
      }
      return { ...input, indicators };
    },
  };
}
