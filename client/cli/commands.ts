// Every CLI command, in the order `dondoc --help` lists them. One file per command.
import type { Command } from './command';
import { calendarCommand } from './calendar';
import { calendarAddCommand } from './calendar-add';
import { calendarYearCommand } from './calendar-year';
import { calendarLunarCommand } from './calendar-lunar';
import { applyCommand } from './apply';
import { approveCommand } from './approve';
import { assignCommand } from './assign';
import { consolidateCommand } from './consolidate';
import { exemptCommand } from './exempt';
import { findingsCommand } from './findings';
import { statusCommand } from './status';
import { submitCommand } from './submit';
import { reviewCommand } from './review';
import { extendCommand } from './extend';
import { validateCommand } from './validate';
import { backupCommand } from './backup';
import { restoreCommand } from './restore';
import { planCommand } from './plan';
import { simulateCommand } from './simulate';

export const commands: Command[] = [
  validateCommand,
  planCommand,
  simulateCommand,
  applyCommand,
  assignCommand,
  statusCommand,
  submitCommand,
  reviewCommand,
  extendCommand,
  exemptCommand,
  consolidateCommand,
  approveCommand,
  findingsCommand,
  calendarCommand,
  backupCommand,
  restoreCommand,
  calendarAddCommand,
  calendarYearCommand,
  calendarLunarCommand,
];
