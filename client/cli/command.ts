// The shape every CLI command file exports, and the errors the CLI turns into exit codes.

export interface Command {
  /** Words that select the command, e.g. ['calendar', 'add']. */
  readonly path: readonly string[];
  /** One line for `dondoc --help`. */
  readonly summary: string;
  /** Full help text for `dondoc <command> --help`. */
  readonly help: string;
  /** Runs the command with the arguments after its path; resolves to the exit code. */
  run(args: string[]): Promise<number>;
}

/** Wrong arguments or input: printed as one line, exit 2, no stack trace. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** A failure the user can act on (server down, unknown workflow): one line, exit 2. */
export class CliError extends Error {
  override name = 'CliError';
}
