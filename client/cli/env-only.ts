// The environment for commands that need no Temporal (backup, restore): config errors as
// one-line CliErrors, like withClient does for the others.
import { ConfigError, loadEnv, type Env } from '../../config/env';
import { CliError } from './command';

export function cliEnv(): Env {
  try {
    return loadEnv();
  } catch (err) {
    if (err instanceof ConfigError) throw new CliError(err.message);
    throw err;
  }
}
