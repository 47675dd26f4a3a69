// Entry point of `dondoc`: picks the command by its words, prints help, and turns known
// errors into one-line messages with exit code 2 (never a stack trace for user mistakes).
import { commands } from './commands';
import { CliError, UsageError, type Command } from './command';

function findCommand(argv: string[]): { command: Command; rest: string[] } | undefined {
  let best: { command: Command; rest: string[] } | undefined;
  for (const command of commands) {
    const n = command.path.length;
    if (argv.length >= n && command.path.every((word, i) => argv[i] === word)) {
      if (!best || n > best.command.path.length) best = { command, rest: argv.slice(n) };
    }
  }
  return best;
}

function overview(): string {
  const width = Math.max(...commands.map((c) => c.path.join(' ').length), 8);
  const lines = commands.map((c) => `  ${c.path.join(' ').padEnd(width)}  ${c.summary.charAt(0).toLocaleUpperCase('vi')}${c.summary.slice(1)}`);
  return ['Cách dùng / usage: dondoc <command> [options]', '', ...lines, '', 'dondoc <command> --help: chi tiết từng lệnh.'].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    console.log(overview());
    return 0;
  }
  const found = findCommand(argv);
  if (!found) {
    console.error(`dondoc: lệnh không hợp lệ "${argv.join(' ')}" (unknown command). Xem: dondoc --help`);
    return 2;
  }
  if (found.rest.includes('--help') || found.rest.includes('-h')) {
    console.log(found.command.help);
    return 0;
  }
  try {
    return await found.command.run(found.rest);
  } catch (err) {
    if (err instanceof UsageError || err instanceof CliError) {
      console.error(`dondoc ${found.command.path.join(' ')}: ${err.message}`);
      return 2;
    }
    throw err;
  }
}

/** Runs the CLI as a process: sets the exit code, and keeps stack traces for real bugs only. */
export function runCli(argv: string[]): void {
  main(argv).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      console.error(`dondoc: lỗi không mong đợi (unexpected error): ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      process.exitCode = 1;
    },
  );
}
