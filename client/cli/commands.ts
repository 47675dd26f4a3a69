// Every CLI command, in the order `dondoc --help` lists them. One file per command.
import type { Command } from './command';

export const commands: Command[] = [];
