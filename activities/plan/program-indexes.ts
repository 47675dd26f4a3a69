// Compiled program versions, by hash, kept for the activities that read them: the plan
// (planProgram, occurrenceInput) and the assignment pages (startAssignments). Compiling a
// national program takes seconds, so a worker keeps the few versions it is working on.
import { ApplicationFailure } from '@temporalio/common';
import { compilePlan } from '../../program/plan';
import { ProgramIndex } from './occurrence-inputs';
import type { ProgramStore } from './program-store';

const KEPT_VERSIONS = 4;

export class ProgramIndexes {
  private readonly indexes = new Map<string, ProgramIndex>();

  constructor(readonly store: ProgramStore) {}

  async get(hash: string): Promise<ProgramIndex> {
    const cached = this.indexes.get(hash);
    if (cached) return cached;
    const program = await this.store.get(hash);
    if (!program) {
      // Retryable: a worker whose store is not shared may be answered by one whose store is.
      throw ApplicationFailure.retryable(`không tìm thấy phiên bản chương trình ${hash} (program version not in this worker's store)`, 'ProgramVersionMissing');
    }
    const index = new ProgramIndex(program, compilePlan(program));
    this.indexes.set(hash, index);
    if (this.indexes.size > KEPT_VERSIONS) this.indexes.delete(this.indexes.keys().next().value!);
    return index;
  }
}
