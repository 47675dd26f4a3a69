// Runs a command body with a Temporal client and turns connection and workflow errors
// into CliError (one line, exit 2).
import type { Client } from '@temporalio/client';
import { ConfigError, loadEnv, type Env } from '../../config/env';
import { ClientError, closeClient, connectClient, explainWorkflowError } from '../temporal';
import { CliError } from './command';

export async function withClient<T>(workflowId: string | undefined, body: (client: Client, env: Env) => Promise<T>): Promise<T> {
  let env: Env;
  try {
    env = loadEnv();
  } catch (err) {
    if (err instanceof ConfigError) throw new CliError(err.message);
    throw err;
  }
  let client: Client;
  try {
    client = await connectClient(env);
  } catch (err) {
    throw new CliError((err as Error).message);
  }
  try {
    return await body(client, env);
  } catch (err) {
    const explained = explainWorkflowError(err, workflowId ?? '');
    if (explained instanceof ClientError) throw new CliError(explained.message);
    throw explained;
  } finally {
    await closeClient(client);
  }
}
