// `dondoc calendar lunar <YYYY-MM-DD>`: the Vietnamese lunar date (UTC+7) of a solar date.
import { solarToLunar } from '../../calendar';
import type { Command } from './command';
import { dateArg, parseCalendarArgs, withinRange } from './calendar-args';

const help = `Đổi ngày dương lịch sang âm lịch Việt Nam.  Vietnamese lunar date of a solar date.

dondoc calendar lunar <YYYY-MM-DD>

In ra ngày/tháng/năm âm lịch, thêm " (leap)" nếu là tháng nhuận. Âm lịch Việt Nam tính theo
múi giờ UTC+7 từ năm 1968, UTC+8 trước đó; nhận các năm 1900–2199 (trước 1900 chưa đối
chiếu được với bảng lịch đã công bố nên không tính).
Prints day/month/year of the lunar date, with " (leap)" for a leap month: UTC+7 from 1968,
UTC+8 before; years 1900–2199.
Ví dụ: dondoc calendar lunar 2026-02-17   →   1/1/2026`;

export const calendarLunarCommand: Command = {
  path: ['calendar', 'lunar'],
  summary: 'ngày âm lịch Việt Nam (Vietnamese lunar date)',
  help,
  async run(args) {
    const { positionals } = parseCalendarArgs(args, ['YYYY-MM-DD']);
    const date = dateArg(positionals[0] ?? '', 'YYYY-MM-DD', 'lunar');
    const l = withinRange(() => solarToLunar(date), 'lunar');
    console.log(`${l.day}/${l.month}/${l.year}${l.leap ? ' (leap)' : ''}`);
    return 0;
  },
};
