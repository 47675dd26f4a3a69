// Starts a page of assignment workflows for an occurrence. Assignments are not child
// workflows: Temporal allows 2,000 pending children per execution, and a report cycle of
// 3,400 units keeps every assignment open for weeks. Started here, each costs the occurrence
// nothing in history; it signals the occurrence (by workflow id) of every change instead.
import { Context } from '@temporalio/activity';
import { ApplicationFailure, WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import type { Client } from '@temporalio/client';
import { assignmentMemo } from '../../workflows/assignment/messages';
import { assignmentStartAttributes } from '../../workflows/search-attributes';
import type { AssignmentEntry, ParentRef, RowSeed } from './types';

/** The memo key holding the token of the start that created an assignment run. */
export const TOKEN_MEMO = 'dondocStart';

/** Starts run side by side, a handful at a time, so a page is quick without flooding the server. */
const CONCURRENT_STARTS = 20;

export function seedOf(entry: AssignmentEntry): RowSeed {
  return { assignmentId: entry.id, unitId: entry.input.unit.id, unitName: entry.input.unit.name, dueAt: entry.input.dueAt };
}

/**
 * Starts one assignment, or finds it already started by this same start (an activity retried
 * after a crash). A run of another start under the same id is one still closing (the unit
 * was removed and added back): the activity fails retryably and Temporal tries again later.
 */
async function startOne(client: Client, taskQueue: string, entry: AssignmentEntry, parent: ParentRef): Promise<void> {
  try {
    await client.workflow.start('assignmentWorkflow', {
      taskQueue,
      workflowId: entry.id,
      // The record goes with the notices (assignment.ts; input-gated, workflows/patches.ts).
      args: [{ ...entry.input, parent, recordWithNotices: true }],
      memo: { ...assignmentMemo(entry.input), [TOKEN_MEMO]: parent.token },
      typedSearchAttributes: assignmentStartAttributes(entry.input),
    });
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    const running = await client.workflow.getHandle(entry.id).describe();
    if (running.memo?.[TOKEN_MEMO] === parent.token) return;
    throw ApplicationFailure.retryable(`hồ sơ ${entry.id} của lần giao trước chưa đóng xong (a previous run is still closing)`, 'PreviousRunClosing');
  }
}

export async function startEntries(entries: AssignmentEntry[], parent: ParentRef): Promise<void> {
  const { client, info } = Context.current();
  for (let i = 0; i < entries.length; i += CONCURRENT_STARTS) {
    await Promise.all(entries.slice(i, i + CONCURRENT_STARTS).map((e) => startOne(client, info.taskQueue, e, parent)));
    Context.current().heartbeat(i);
  }
}
