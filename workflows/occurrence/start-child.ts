// Starting a child assignment under an id whose previous run may still be closing: an
// occurrence removed by a re-applied program and added back starts its assignments again
// while the cancelled ones are still telling their units. Starting then would fail, and the
// unit would be taken as done; the start is tried again until the id is free.
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { ParentClosePolicy, sleep, startChild, type ChildWorkflowHandle } from '@temporalio/workflow';
import { assignmentWorkflow } from '../assignment/assignment';
import { assignmentMemo, type AssignmentInput } from '../assignment/messages';

const RETRY_MS = 30_000;

/** A child assignment, cancelled with its parent (the unit is told). */
export async function startAssignment(workflowId: string, input: AssignmentInput): Promise<ChildWorkflowHandle<typeof assignmentWorkflow>> {
  for (;;) {
    try {
      return await startChild(assignmentWorkflow, { workflowId, args: [input], memo: assignmentMemo(input), parentClosePolicy: ParentClosePolicy.REQUEST_CANCEL });
    } catch (err) {
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
      await sleep(RETRY_MS);
    }
  }
}
