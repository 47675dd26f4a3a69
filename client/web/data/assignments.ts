// One assignment's state (the status query) and the updates the web sends it, with the
// SDK's errors reduced to what a page needs to say: not found, refused (the workflow's
// validator said why), or unavailable.
import { WorkflowNotFoundError, WorkflowUpdateFailedError, isGrpcServiceError, type Client } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { statusQuery, type AssignmentState } from '../../../workflows/assignment/messages';

export type Failure = { ok: false; kind: 'not-found' | 'refused' | 'unavailable'; message: string };
export type Outcome<T> = { ok: true; value: T } | Failure;

function firstLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? '';
}

/** The validator's own words, without the SDK's wrapping; zod's JSON dumps become a short line. */
function refusal(err: WorkflowUpdateFailedError): string {
  const cause = err.cause ?? err;
  const text = cause instanceof Error ? cause.message : String(cause);
  if (text.trimStart().startsWith('[')) {
    try {
      const issues = JSON.parse(text) as { message?: string; path?: unknown[] }[];
      return issues.map((i) => [i.path?.join('.'), i.message].filter(Boolean).join(': ')).join('; ');
    } catch {
      // not zod's JSON after all
    }
  }
  return firstLine(text);
}

/**
 * Sends one update; Temporal answers "not found" to an update on a finished workflow, so
 * that case is told apart and reported as `closedMessage`.
 */
export async function updateWorkflow<Ret, Arg>(
  client: Client,
  workflowId: string,
  def: UpdateDefinition<Ret, [Arg]>,
  arg: Arg,
  closedMessage: string,
): Promise<Outcome<Ret>> {
  try {
    return { ok: true, value: await client.workflow.getHandle(workflowId).executeUpdate(def, { args: [arg] }) };
  } catch (err) {
    const outcome = classify(err);
    if (outcome.kind !== 'not-found') return outcome;
    const closed = await client.workflow
      .getHandle(workflowId)
      .describe()
      .then((d) => d.status.name !== 'RUNNING')
      .catch(() => false);
    return closed ? { ok: false, kind: 'refused', message: closedMessage } : outcome;
  }
}

export function classify(err: unknown): Failure {
  if (err instanceof WorkflowNotFoundError) return { ok: false, kind: 'not-found', message: firstLine(err) };
  if (err instanceof WorkflowUpdateFailedError) return { ok: false, kind: 'refused', message: refusal(err) };
  const code = (err as { code?: number }).code;
  if (isGrpcServiceError(err) || (err as { name?: string }).name === 'ServiceError') {
    if (code === 5) return { ok: false, kind: 'not-found', message: firstLine(err) };
    // A closed workflow rejects updates with FAILED_PRECONDITION.
    if (code === 9) return { ok: false, kind: 'refused', message: firstLine(err) };
    if (code === 14 || code === 4) return { ok: false, kind: 'unavailable', message: firstLine(err) };
  }
  // The query failed inside the workflow (e.g. no worker): a page can only say "try later".
  if ((err as { name?: string }).name === 'QueryNotRegisteredError') return { ok: false, kind: 'not-found', message: firstLine(err) };
  throw err;
}

export class Assignments {
  constructor(private readonly client: Client) {}

  async state(workflowId: string): Promise<Outcome<AssignmentState>> {
    try {
      const state = await this.client.workflow.getHandle(workflowId).query(statusQuery);
      // A workflow of another type answers no `status` query of this shape.
      if (!state || typeof state !== 'object' || !Array.isArray((state as AssignmentState).submissions)) {
        return { ok: false, kind: 'not-found', message: 'not an assignment' };
      }
      return { ok: true, value: normalise(state) };
    } catch (err) {
      return classify(err);
    }
  }

  /** Every dondoc update takes exactly one argument object. */
  update<Ret, Arg>(workflowId: string, def: UpdateDefinition<Ret, [Arg]>, arg: Arg): Promise<Outcome<Ret>> {
    return updateWorkflow(this.client, workflowId, def, arg, 'hồ sơ đã kết thúc, không thể thay đổi (the assignment is closed)');
  }

}

/** Older histories predate requests and indicators; pages can rely on the arrays. */
function normalise(state: AssignmentState): AssignmentState {
  return { ...state, requests: state.requests ?? [], indicators: state.indicators ?? [], extensions: state.extensions ?? [], reviews: state.reviews ?? [], notices: state.notices ?? [] };
}
