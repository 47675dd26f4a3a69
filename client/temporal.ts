// The client side's one way to reach Temporal: a connection with a short timeout and
// errors turned into sentences a clerk can act on, plus the workflow ids dondoc uses.
import { Client, Connection, WorkflowNotFoundError, WorkflowUpdateFailedError, isGrpcServiceError } from '@temporalio/client';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import type { Env } from '../config/env';

export class ClientError extends Error {
  override name = 'ClientError';
}

export async function connectClient(env: Pick<Env, 'TEMPORAL_ADDRESS' | 'TEMPORAL_NAMESPACE'>): Promise<Client> {
  try {
    const connection = await Connection.connect({ address: env.TEMPORAL_ADDRESS, connectTimeout: '5s' });
    return new Client({ connection, namespace: env.TEMPORAL_NAMESPACE });
  } catch (err) {
    throw new ClientError(
      `không kết nối được máy chủ Temporal tại ${env.TEMPORAL_ADDRESS} (Temporal unreachable): ${firstLine(err)}. ` +
        'Hãy chạy "npm start" hoặc đặt TEMPORAL_ADDRESS.',
    );
  }
}

export async function closeClient(client: Client): Promise<void> {
  await client.connection.close();
}

/** Workflow id of a stand-alone assignment; program-driven ones come from the plan. */
export function assignmentWorkflowId(programId: string, itemId: string, unitId: string, period?: string): string {
  return ['assign', programId, itemId, ...(period ? [period] : []), unitId].join('/');
}

function firstLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? '';
}

/** Maps the SDK's errors for a call on workflow `id` to one readable ClientError. */
export function explainWorkflowError(err: unknown, id: string): Error {
  if (err instanceof WorkflowNotFoundError) {
    return new ClientError(`không tìm thấy hồ sơ "${id}" (unknown workflow)`);
  }
  if (err instanceof WorkflowExecutionAlreadyStartedError) {
    return new ClientError(`hồ sơ "${id}" đã được tạo trước đó (workflow already started)`);
  }
  if (err instanceof WorkflowUpdateFailedError) {
    // The validator's message is the useful part; the wrapper only says "update failed".
    return new ClientError(`yêu cầu bị từ chối (rejected): ${firstLine(err.cause ?? err)}`);
  }
  if (isGrpcServiceError(err) || (err as { name?: string }).name === 'ServiceError') {
    const code = (err as { code?: number }).code;
    if (code === 5) return new ClientError(`không tìm thấy hồ sơ "${id}" (unknown workflow)`);
    if (code === 14 || code === 4) return new ClientError(`máy chủ Temporal không phản hồi (Temporal unavailable): ${firstLine(err)}`);
  }
  return err instanceof Error ? err : new Error(String(err));
}
