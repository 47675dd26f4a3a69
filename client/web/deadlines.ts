// Every call the web makes to Temporal gets a deadline, so a page answers within seconds
// when the server or the worker is gone: without one, a query to a workflow whose worker
// died waited ~54 s and then failed as a 500, and an update waited with no end.
//
// Two layers: a default deadline for every call made while serving a request (office pages,
// visibility lists: code we do not call directly), and explicit ones around the unit's
// queries and updates, whose failures are also turned into a clear "unavailable".
import type { AsyncLocalStorage } from 'node:async_hooks';
import { WorkflowUpdateRPCTimeoutOrCancelledError, isGrpcServiceError, type CallContext, type Client } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import type { UpdateDefinition } from '@temporalio/common';
import type { AssignmentState } from '../../workflows/assignment/messages';
import { Assignments, type Failure, type Outcome } from './data/assignments';

/** Leaves time to render the 503 page inside the 5 s a person is promised. */
export const TEMPORAL_DEADLINE_MS = 4_000;

// A call cut short (deadline reached while connecting, server shedding load, a query aborted
// with its worker gone) is 'try later' too.
const GRPC_CANCELLED = 1;
const GRPC_DEADLINE_EXCEEDED = 4;
const GRPC_RESOURCE_EXHAUSTED = 8;
const GRPC_ABORTED = 10;
const GRPC_FAILED_PRECONDITION = 9;
const GRPC_UNAVAILABLE = 14;

/** The error and its causes: the SDK wraps the gRPC error ("Failed to query Workflow") in a ServiceError. */
function* chain(err: unknown): Generator<unknown> {
  for (let e: unknown = err, depth = 0; e !== undefined && e !== null && depth < 5; e = (e as { cause?: unknown }).cause, depth++) yield e;
}

/**
 * The server answers a query with FAILED_PRECONDITION "no poller seen for task queue
 * recently" once the worker has been gone for a while: the worker is down, not the request wrong.
 */
export function isNoWorker(err: unknown): boolean {
  for (const e of chain(err)) {
    const code = (e as { code?: unknown }).code;
    if (code === GRPC_FAILED_PRECONDITION && /no poller/i.test(String((e as { message?: unknown }).message ?? ''))) return true;
  }
  return false;
}

/** Temporal or the worker could not answer in time: say "try later", never "error". */
export function isUnavailable(err: unknown): boolean {
  for (const e of chain(err)) {
    if (e instanceof WorkflowUpdateRPCTimeoutOrCancelledError) return true;
    const code = (e as { code?: unknown }).code;
    if ((isGrpcServiceError(e) || (e as { name?: string }).name === 'ServiceError') && [GRPC_CANCELLED, GRPC_DEADLINE_EXCEEDED, GRPC_RESOURCE_EXHAUSTED, GRPC_ABORTED, GRPC_UNAVAILABLE].includes(code as number)) return true;
  }
  return isNoWorker(err);
}

function unavailable(err: unknown): Failure {
  return { ok: false, kind: 'unavailable', message: (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? 'unavailable' };
}

/** A refusal that is really "no worker" becomes unavailable; any timeout does too. */
export async function withinDeadline<T>(client: Client, run: () => Promise<Outcome<T>>, ms = TEMPORAL_DEADLINE_MS): Promise<Outcome<T>> {
  try {
    const outcome = await client.withDeadline(Date.now() + ms, run);
    if (!outcome.ok && outcome.kind !== 'unavailable' && /no poller/i.test(outcome.message)) return { ...outcome, kind: 'unavailable' };
    return outcome;
  } catch (err) {
    if (isUnavailable(err)) return unavailable(err);
    throw err;
  }
}

/**
 * A default deadline for every Temporal call made while serving a request. The call
 * context is read at each call, so a getter gives each call its own deadline (a page that
 * makes three calls gets three budgets, not one shared budget that an upload used up).
 */
export function registerDefaultDeadline(app: FastifyInstance, client: Client, ms = TEMPORAL_DEADLINE_MS): void {
  const storage = (client.connection as { callContextStorage?: AsyncLocalStorage<CallContext> }).callContextStorage;
  if (!storage) return;
  app.addHook('onRequest', (_req, _reply, done) => {
    const base = storage.getStore() ?? {};
    const context: CallContext = {
      ...base,
      get deadline() {
        return Date.now() + ms;
      },
    };
    storage.run(context, done);
  });
}

/**
 * The assignments reader every route uses (office pages included), with each query and
 * update under a deadline and "no worker" reported as unavailable rather than refused.
 */
export class DeadlineAssignments extends Assignments {
  constructor(private readonly temporal: Client) {
    super(temporal);
  }

  override state(workflowId: string): Promise<Outcome<AssignmentState>> {
    return withinDeadline(this.temporal, () => super.state(workflowId));
  }

  /** A timed-out update may still be applied when the worker returns: callers say so. */
  override update<Ret, Arg>(workflowId: string, def: UpdateDefinition<Ret, [Arg]>, arg: Arg): Promise<Outcome<Ret>> {
    return withinDeadline(this.temporal, () => super.update(workflowId, def, arg));
  }
}
