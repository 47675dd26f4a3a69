// `dondoc calendar year <YYYY> [--format table|json]`: a year's days off for state offices.
import { type IsoDate, OFFICIAL_DATA_FROM, type YearCalendar, WorkCalendar, weekdayNameVi } from '../../calendar';
import { UsageError, type Command } from './command';
import { parseCalendarArgs, withinRange, yearArg } from './calendar-args';

const help = `Lịch nghỉ lễ, Tết của cơ quan nhà nước trong một năm.  A year's days off.

dondoc calendar year <YYYY> [--format table|json]

Liệt kê các ngày nghỉ rơi vào ngày làm việc (lễ, Tết, nghỉ bù, nghỉ hoán đổi) và các thứ Bảy
làm bù. Năm chưa có thông báo chính thức được tính theo quy tắc và ghi "ước tính". Mỗi ngày lễ
chỉ có từ năm được quy định (Giỗ Tổ Hùng Vương từ 2007, Tết 5 ngày từ 2014, 2/9 hai ngày từ
2021); nhận các năm 2000–2199 (Bộ luật Lao động 1994, tuần làm việc 5 ngày từ 1999). Năm trước khi có dữ liệu chính thức
(${OFFICIAL_DATA_FROM}) in thêm một dòng cảnh báo ra stderr.
--format json: {"year","daysOff":[{"date","name","nameEn"}],"workingSaturdays":[...],"estimated","sources"}`;

/** dd/mm/yyyy: zero-padded so the table's columns line up. */
const ddmmyyyy = (d: IsoDate) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

export function formatYearJson(c: YearCalendar): string {
  return JSON.stringify(
    {
      year: c.year,
      daysOff: c.daysOff.map((d) => ({ date: d.date, name: d.name, ...(d.nameEn === undefined ? {} : { nameEn: d.nameEn }) })),
      workingSaturdays: c.workingSaturdays,
      estimated: c.estimated,
      sources: c.sources,
    },
    null,
    2,
  );
}

export function formatYearTable(c: YearCalendar): string {
  const lines = [`Lịch nghỉ năm ${c.year} của cơ quan nhà nước (làm việc thứ Hai – thứ Sáu)`];
  if (c.estimated) lines.push('ƯỚC TÍNH: chưa có thông báo chính thức, ngày Tết và ngày nghỉ 2/9 tính theo quy tắc.');
  lines.push('', `${'Ngày'.padEnd(12)}${'Thứ'.padEnd(10)}Lý do`);
  for (const d of c.daysOff) {
    lines.push(`${ddmmyyyy(d.date).padEnd(12)}${weekdayNameVi(d.date).padEnd(10)}${d.name}`);
  }
  lines.push('', `Thứ Bảy làm bù: ${c.workingSaturdays.length ? c.workingSaturdays.map(ddmmyyyy).join(', ') : 'không có'}`);
  lines.push(`Tổng: ${c.daysOff.length} ngày nghỉ ngoài thứ Bảy, Chủ nhật.`, '', 'Căn cứ:', ...c.sources.map((s) => `- ${s}`));
  return lines.join('\n');
}

/** Years before the notices dondoc holds: the rules of the law then in force, no swaps, no extra days. */
export function earlyYearWarning(year: number): string {
  return `cảnh báo: năm ${year} trước năm có dữ liệu nghỉ lễ chính thức (${OFFICIAL_DATA_FROM}); lịch tính theo luật lao động khi đó, không có các ngày hoán đổi, nghỉ thêm do Thủ tướng quyết định (warning: before the official data; estimated by the law then in force)`;
}

export const calendarYearCommand: Command = {
  path: ['calendar', 'year'],
  summary: 'lịch nghỉ lễ, Tết một năm (days off in a year)',
  help,
  async run(args) {
    const { positionals, format = 'table' } = parseCalendarArgs(args, ['YYYY'], true);
    const year = yearArg(positionals[0] ?? '', 'YYYY', 'working-days');
    if (format !== 'table' && format !== 'json') {
      throw new UsageError(`--format "${format}": chỉ nhận table hoặc json (expected table or json)`);
    }
    const calendar = withinRange(() => new WorkCalendar().year(year));
    if (year < OFFICIAL_DATA_FROM) console.error(earlyYearWarning(year));
    console.log(format === 'json' ? formatYearJson(calendar) : formatYearTable(calendar));
    return 0;
  },
};
