// `dondoc calendar add <YYYY-MM-DD> <N>`: the date N working days away, for state offices.
import { WorkCalendar } from '../../calendar';
import type { Command } from './command';
import { dateArg, integerArg, parseCalendarArgs, withinRange } from './calendar-args';

/** About forty years of working days: far enough for any plan, near enough to stay fast. */
const MAX_COUNT = 10_000;

const help = `Cộng N ngày làm việc vào một ngày.  Add N working days to a date.

dondoc calendar add <YYYY-MM-DD> <N>

  N > 0   ngày làm việc thứ N sau ngày đã cho (the N-th working day after the date)
  N < 0   ngày làm việc thứ |N| trước ngày đã cho (the |N|-th working day before it)
  N = 0   chính ngày đó nếu là ngày làm việc, nếu không thì ngày làm việc kế tiếp

Ngày làm việc: thứ Hai – thứ Sáu, trừ ngày lễ, Tết, nghỉ bù, nghỉ hoán đổi; cộng các thứ Bảy
làm bù (Bộ luật Lao động 2019, Điều 111–112, và thông báo nghỉ lễ hằng năm).
Ví dụ: dondoc calendar add 2025-05-05 -1   →   2025-04-29`;

export const calendarAddCommand: Command = {
  path: ['calendar', 'add'],
  summary: 'cộng N ngày làm việc (add N working days)',
  help,
  async run(args) {
    const { positionals } = parseCalendarArgs(args, ['YYYY-MM-DD', 'N']);
    const date = dateArg(positionals[0] ?? '', 'YYYY-MM-DD', 'working-days');
    const n = integerArg(positionals[1] ?? '', 'N', MAX_COUNT);
    console.log(withinRange(() => new WorkCalendar().addWorkingDays(date, n)));
    return 0;
  },
};
