// `dondoc calendar`: the group of calendar commands. `dondoc calendar --help` lists them;
// `dondoc calendar` alone, or with an unknown word, says which ones exist.
import { calendarAddCommand } from './calendar-add';
import { calendarLunarCommand } from './calendar-lunar';
import { calendarYearCommand } from './calendar-year';
import { UsageError, type Command } from './command';

const subcommands = [calendarAddCommand, calendarYearCommand, calendarLunarCommand];

const help = `Lịch làm việc của cơ quan nhà nước và âm lịch Việt Nam.  Working days and lunar dates.

${subcommands.map((c) => `  dondoc ${c.path.join(' ').padEnd(16)} ${c.summary}`).join('\n')}

dondoc calendar <lệnh> --help: chi tiết từng lệnh (details of each command).
Ngày làm việc, ngày nghỉ lễ: năm 2000–2199; âm lịch: năm 1900–2199 (UTC+8 trước 1968).`;

export const calendarCommand: Command = {
  path: ['calendar'],
  summary: 'lịch làm việc, ngày nghỉ lễ, âm lịch (calendar commands: add, year, lunar)',
  help,
  run(args) {
    const names = subcommands.map((c) => c.path[1]).join(', ');
    throw new UsageError(
      args[0] === undefined
        ? `thiếu lệnh con: ${names} (missing subcommand; see dondoc calendar --help)`
        : `lệnh con không hợp lệ "${args[0]}"; dùng một trong: ${names} (unknown subcommand)`,
    );
  },
};
