// Applying a program file: validated and hashed on the client, sent to the program's
// workflow (started on first use), which compiles the plan and reconfigures itself.
import { createHash } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { Program } from '../program/types';
import { programWorkflow } from '../workflows';
import { applyUpdate, type ApplyResult } from '../workflows/program/messages';

export const programWorkflowId = (programId: string) => `program/${programId}`;

/** Stable across formatting and comments: what counts is the program, not the file's bytes. */
export function programHash(program: Program): string {
  return createHash('sha256').update(JSON.stringify(program)).digest('hex').slice(0, 16);
}

/** `occurrenceHistoryLimit`: occurrences continue as new past it (tests; given at the program's first apply). */
export async function applyProgram(
  client: Client,
  taskQueue: string,
  program: Program,
  fileName?: string,
  options: { dryRun?: boolean; occurrenceHistoryLimit?: number } = {},
): Promise<ApplyResult> {
  const workflowId = programWorkflowId(program.program.id);
  const handle = await client.workflow.start(programWorkflow, {
    taskQueue,
    workflowId,
    args: [{ programId: program.program.id, ...(options.occurrenceHistoryLimit ? { occurrenceHistoryLimit: options.occurrenceHistoryLimit } : {}) }],
    workflowIdConflictPolicy: 'USE_EXISTING',
  });
  return handle.executeUpdate(applyUpdate, { args: [{ program, hash: programHash(program), ...(fileName ? { fileName } : {}), ...(options.dryRun ? { dryRun: true } : {}) }] });
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
