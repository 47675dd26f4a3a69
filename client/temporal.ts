// The client side's one way to reach Temporal: a connection with a short timeout and
// errors turned into sentences a clerk can act on, plus the workflow ids dondoc uses.
import { readFileSync } from 'node:fs';
import { Client, Connection, WorkflowNotFoundError, WorkflowUpdateFailedError, isGrpcServiceError, type TLSConfig } from '@temporalio/client';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { temporalUsesTls, type Env } from '../config/env';

export class ClientError extends Error {
  override name = 'ClientError';
}

/** What a connection to Temporal needs from the configuration; the TLS and Cloud settings are optional. */
export type TemporalSettings = Pick<Env, 'TEMPORAL_ADDRESS' | 'TEMPORAL_NAMESPACE'> &
  Partial<Pick<Env, 'TEMPORAL_TLS' | 'TEMPORAL_TLS_CA' | 'TEMPORAL_TLS_CERT' | 'TEMPORAL_TLS_KEY' | 'TEMPORAL_TLS_SERVER_NAME' | 'TEMPORAL_API_KEY'>>;

export interface TemporalConnectionOptions {
  address: string;
  tls?: TLSConfig;
  apiKey?: string;
}

/**
 * The address, TLS and API key every connection uses (the web, the CLI, the workers): one
 * place, so a cluster behind mTLS or Temporal Cloud needs only the environment. Files are
 * read here, at connect time, so a renewed certificate is picked up on the next restart.
 */
export function temporalConnectionOptions(env: TemporalSettings): TemporalConnectionOptions {
  if (!temporalUsesTls(env)) return { address: env.TEMPORAL_ADDRESS };
  const tls: TLSConfig = {
    ...(env.TEMPORAL_TLS_SERVER_NAME ? { serverNameOverride: env.TEMPORAL_TLS_SERVER_NAME } : {}),
    ...(env.TEMPORAL_TLS_CA ? { serverRootCACertificate: readFileSync(env.TEMPORAL_TLS_CA) } : {}),
    ...(env.TEMPORAL_TLS_CERT && env.TEMPORAL_TLS_KEY
      ? { clientCertPair: { crt: readFileSync(env.TEMPORAL_TLS_CERT), key: readFileSync(env.TEMPORAL_TLS_KEY) } }
      : {}),
  };
  return { address: env.TEMPORAL_ADDRESS, tls, ...(env.TEMPORAL_API_KEY ? { apiKey: env.TEMPORAL_API_KEY } : {}) };
}

/** How the connection is secured, for logs and banners: never the key or a file's content. */
export function describeTemporalSecurity(env: TemporalSettings): string {
  if (!temporalUsesTls(env)) return 'plaintext';
  const parts = ['tls'];
  if (env.TEMPORAL_TLS_CERT) parts.push('mtls');
  if (env.TEMPORAL_API_KEY) parts.push('api-key');
  return parts.join('+');
}

export async function connectClient(env: TemporalSettings): Promise<Client> {
  try {
    const connection = await Connection.connect({ ...temporalConnectionOptions(env), connectTimeout: '5s' });
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
