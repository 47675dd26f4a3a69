// Every CLI command, in the order `dondoc --help` lists them. One file per command.
import type { Command } from './command';
import { calendarAddCommand } from './calendar-add';
import { calendarYearCommand } from './calendar-year';
import { calendarLunarCommand } from './calendar-lunar';
import { assignCommand } from './assign';
import { statusCommand } from './status';
import { submitCommand } from './submit';
import { reviewCommand } from './review';
import { extendCommand } from './extend';

export const commands: Command[] = [
  assignCommand,
  statusCommand,
  submitCommand,
  reviewCommand,
  extendCommand,
  calendarAddCommand,
  calendarYearCommand,
  calendarLunarCommand,
];
