// `dondoc calendar lunar <YYYY-MM-DD>`: the Vietnamese lunar date (UTC+7) of a solar date.
import { solarToLunar } from '../../calendar';
import type { Command } from './command';
import { dateArg, parseCalendarArgs, withinRange } from './calendar-args';

const help = `Đổi ngày dương lịch sang âm lịch Việt Nam.  Vietnamese lunar date of a solar date.

dondoc calendar lunar <YYYY-MM-DD>

In ra ngày/tháng/năm âm lịch (múi giờ UTC+7), thêm " (leap)" nếu là tháng nhuận.
Prints day/month/year of the lunar date, with " (leap)" for a leap month.
Ví dụ: dondoc calendar lunar 2026-02-17   →   1/1/2026`;

export const calendarLunarCommand: Command = {
  path: ['calendar', 'lunar'],
  summary: 'ngày âm lịch Việt Nam (Vietnamese lunar date)',
  help,
  async run(args) {
    const { positionals } = parseCalendarArgs(args, ['YYYY-MM-DD']);
    const date = dateArg(positionals[0] ?? '', 'YYYY-MM-DD');
    const l = withinRange(() => solarToLunar(date));
    console.log(`${l.day}/${l.month}/${l.year}${l.leap ? ' (leap)' : ''}`);
    return 0;
  },
};
