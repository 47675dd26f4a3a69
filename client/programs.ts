// Applying a program file: validated and hashed on the client, stored in the program store
// the workers read (the records database), then named by its hash to the program's workflow
// (started on first use), which compiles the plan and reconfigures itself.
import { createHash } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { RecordsProgramStore, type ProgramStore } from '../activities/plan/program-store';
import type { Env } from '../config/env';
import type { Program } from '../program/types';
import { openRecords } from '../storage/records';
import { programWorkflow } from '../workflows';
import { applyUpdate, type ApplyArgs, type ApplyResult } from '../workflows/program/messages';

export const programWorkflowId = (programId: string) => `program/${programId}`;

/** Stable across formatting and comments: what counts is the program, not the file's bytes. */
export function programHash(program: Program): string {
  return createHash('sha256').update(JSON.stringify(program)).digest('hex').slice(0, 16);
}

export interface ApplyOptions {
  dryRun?: boolean;
  /** Occurrences continue as new past it (tests; given at the program's first apply). */
  occurrenceHistoryLimit?: number;
  /**
   * The program store the workers read (the same configuration as theirs): the version is
   * stored there first and the update carries only its hash, so its payload stays a few
   * hundred bytes at any number of units. Without it the whole program travels in the update
   * (~136 bytes a unit: past ~1,900 units that is over the 256 KiB payload bound).
   */
  store?: ProgramStore;
}

/** What the update carries: the hash and the program's id when the version is stored, else the program. */
export function applyArgs(program: Program, hash: string, fileName: string | undefined, options: { dryRun?: boolean; stored: boolean }): ApplyArgs {
  const optional = { ...(fileName ? { fileName } : {}), ...(options.dryRun ? { dryRun: true } : {}) };
  return options.stored ? { hash, programId: program.program.id, ...optional } : { program, hash, ...optional };
}

export async function applyProgram(client: Client, taskQueue: string, program: Program, fileName?: string, options: ApplyOptions = {}): Promise<ApplyResult> {
  const workflowId = programWorkflowId(program.program.id);
  const hash = programHash(program);
  // Stored before the update names it: the worker's planProgram loads it by hash. A dry run
  // stores it too (content-addressed: it changes nothing that runs), as the worker always has.
  if (options.store) await options.store.put(hash, program);
  const handle = await client.workflow.start(programWorkflow, {
    taskQueue,
    workflowId,
    args: [{ programId: program.program.id, ...(options.occurrenceHistoryLimit ? { occurrenceHistoryLimit: options.occurrenceHistoryLimit } : {}) }],
    workflowIdConflictPolicy: 'USE_EXISTING',
  });
  return handle.executeUpdate(applyUpdate, { args: [applyArgs(program, hash, fileName, { ...options, stored: options.store !== undefined })] });
}

/**
 * The program store the worker reads, opened from the same configuration (worker/main.ts
 * gives its activities the records database at DONDOC_RECORDS_URL, else DATA_DIR).
 */
export async function openProgramStore(env: Pick<Env, 'DONDOC_RECORDS_URL' | 'DATA_DIR'>): Promise<{ store: ProgramStore; close(): Promise<void> }> {
  const records = await openRecords({ url: env.DONDOC_RECORDS_URL, dataDir: env.DATA_DIR });
  return { store: new RecordsProgramStore(records), close: () => records.close() };
}

/**
 * Why an apply needs the office's confirmation: it cancels running work, or the file names
 * another program (title, issuer, office) than the one running under the same id.
 */
export function needsConfirmation(preview: ApplyResult): string[] {
  const reasons: string[] = [];
  if (preview.cancelled.length > 0) {
    reasons.push(`hủy ${preview.cancelled.length} kỳ đang chạy, các đơn vị sẽ nhận thư báo hủy (cancels running occurrences: ${preview.cancelled.join(', ')})`);
  }
  const changed = preview.identityChanged;
  if (changed) {
    const fields = (['title', 'issuer', 'office'] as const).filter((k) => changed.before[k] !== changed.after[k]);
    reasons.push(
      `tệp mang chương trình khác với chương trình đang chạy cùng mã (different program under the same id): ${fields.map((k) => `${k} "${changed.before[k]}" → "${changed.after[k]}"`).join('; ')}`,
    );
  }
  return reasons;
}
