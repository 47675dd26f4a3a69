import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../client/cli/main';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  const code = await main(argv);
  vi.restoreAllMocks();
  return { code, out: out.join('\n'), err: err.join('\n') };
}

afterEach(() => vi.restoreAllMocks());

describe('dondoc calendar add', () => {
  it('prints just the date N working days away; negative N is a number, not an option', async () => {
    expect(await run('calendar', 'add', '2025-05-05', '-1')).toEqual({ code: 0, out: '2025-04-29', err: '' });
    expect((await run('calendar', 'add', '2025-04-29', '1')).out).toBe('2025-05-05');
    expect((await run('calendar', 'add', '2025-04-25', '+2')).out).toBe('2025-04-28');
    expect((await run('calendar', 'add', '2025-05-03', '0')).out).toBe('2025-05-05');
    expect((await run('calendar', 'add', '2026-02-13', '-0')).out).toBe('2026-02-13');
  });
  it('works through the real executable', () => {
    const out = execFileSync(process.execPath, [join(__dirname, '..', '..', 'bin', 'dondoc.js'), 'calendar', 'add', '2025-05-05', '-1'], {
      encoding: 'utf8',
    });
    expect(out).toBe('2025-04-29\n');
  });
});

describe('dondoc calendar year', () => {
  it('--format json has the contract shape', async () => {
    const { code, out } = await run('calendar', 'year', '2025', '--format', 'json');
    expect(code).toBe(0);
    const json = JSON.parse(out) as { year: number; daysOff: { date: string; name: string }[]; workingSaturdays: string[]; estimated: boolean; sources: string[] };
    expect(Object.keys(json)).toEqual(['year', 'daysOff', 'workingSaturdays', 'estimated', 'sources']);
    expect(json.year).toBe(2025);
    expect(json.estimated).toBe(false);
    expect(json.workingSaturdays).toEqual(['2025-04-26']);
    expect(json.daysOff.map((d) => d.date)).toContain('2025-05-02');
    expect(json.daysOff.find((d) => d.date === '2025-04-07')?.name).toBe('Giỗ Tổ Hùng Vương (10/3 âm lịch)');
    expect(json.sources[0]).toMatch(/8726\/VPCP-KGVX/);
  });
  it('marks a year without a notice as estimated', async () => {
    const json = JSON.parse((await run('calendar', 'year', '2030', '--format=json')).out) as { estimated: boolean };
    expect(json.estimated).toBe(true);
  });
  it('prints a Vietnamese table by default', async () => {
    const { code, out } = await run('calendar', 'year', '2026');
    expect(code).toBe(0);
    expect(out).toContain('Lịch nghỉ năm 2026');
    expect(out).toMatch(/31\/08\/2026 +Thứ Hai +Nghỉ hoán đổi dịp Quốc khánh/);
    expect(out).toContain('Thứ Bảy làm bù: 10/01/2026, 22/08/2026');
    expect(out).toContain('9441/TB-BNV');
    expect((await run('calendar', 'year', '2031')).out).toContain('ƯỚC TÍNH');
  });
});

describe('holidays only from the year they were instituted', () => {
  const daysOff = async (year: number) =>
    (JSON.parse((await run('calendar', 'year', String(year), '--format', 'json')).out) as { daysOff: { date: string; name: string }[] }).daysOff;

  it('Giỗ Tổ Hùng Vương is a day off from 2007 (Luật 84/2007/QH11), not in 2006', async () => {
    expect((await daysOff(2006)).filter((d) => d.name.includes('Giỗ Tổ'))).toEqual([]);
    // 10/3 Đinh Hợi = Thu 26/4/2007.
    expect((await daysOff(2007)).find((d) => d.name.includes('Giỗ Tổ'))?.date).toBe('2007-04-26');
  });

  it('Tết has four days until 2013 and five from 2014; 2/9 one day until 2020 and two from 2021', async () => {
    expect((await daysOff(2013)).filter((d) => d.name.includes('Tết Nguyên đán'))).toHaveLength(4);
    expect((await daysOff(2015)).filter((d) => d.name.includes('Tết Nguyên đán'))).toHaveLength(5);
    expect((await daysOff(2019)).filter((d) => d.name.includes('Quốc khánh'))).toHaveLength(1);
    expect((await run('calendar', 'year', '2019')).out).toContain('Bộ luật Lao động 2012, Điều 115');
  });

  it('warns on stderr for a year before the official data, and names the law of that time', async () => {
    const { code, out, err } = await run('calendar', 'year', '2005');
    expect(code).toBe(0);
    expect(err).toBe(
      'cảnh báo: năm 2005 trước năm có dữ liệu nghỉ lễ chính thức (2021); lịch tính theo luật lao động khi đó, không có các ngày hoán đổi, nghỉ thêm do Thủ tướng quyết định (warning: before the official data; estimated by the law then in force)',
    );
    expect(out).toContain('Ước tính theo Bộ luật Lao động 1994, Điều 73');
    // The JSON on stdout stays parseable; the warning goes to stderr.
    const json = await run('calendar', 'year', '2005', '--format', 'json');
    expect((JSON.parse(json.out) as { estimated: boolean }).estimated).toBe(true);
    expect(json.err).toMatch(/^cảnh báo: năm 2005/);
    expect((await run('calendar', 'year', '2021')).err).toBe('');
  });
});

describe('dondoc calendar --help', () => {
  it('lists the calendar commands and their ranges', async () => {
    const { code, out, err } = await run('calendar', '--help');
    expect(code).toBe(0);
    expect(err).toBe('');
    for (const sub of ['dondoc calendar add', 'dondoc calendar year', 'dondoc calendar lunar']) expect(out).toContain(sub);
    expect(out).toContain('âm lịch: năm 1900–2199 (UTC+8 trước 1968)');
  });
  it('still runs the subcommands and their own help', async () => {
    expect((await run('calendar', 'lunar', '--help')).out).toContain('UTC+8');
    expect((await run('calendar', 'lunar', '1954-11-25')).out).toBe('1/11/1954');
  });
});

describe('dondoc calendar lunar', () => {
  it('prints day/month/year, with (leap) in a leap month', async () => {
    expect(await run('calendar', 'lunar', '2026-02-17')).toEqual({ code: 0, out: '1/1/2026', err: '' });
    expect((await run('calendar', 'lunar', '2023-03-22')).out).toBe('1/2/2023 (leap)');
    expect((await run('calendar', 'lunar', '1985-01-21')).out).toBe('1/1/1985');
    expect((await run('calendar', 'lunar', '2007-02-17')).out).toBe('1/1/2007');
    expect((await run('calendar', 'lunar', '2025-01-28')).out).toBe('29/12/2024');
  });
});

describe('bad input: one Vietnamese line naming the argument, exit 2', () => {
  it.each([
    [['calendar', 'add', '2025-02-30', '1'], /<YYYY-MM-DD> "2025-02-30": cần một ngày có thật dạng YYYY-MM-DD/],
    [['calendar', 'add', '03/02/2025', '1'], /<YYYY-MM-DD> "03\/02\/2025"/],
    [['calendar', 'add', '2025-02-03', 'abc'], /<N> "abc": cần một số nguyên/],
    [['calendar', 'add', '2025-02-03', '1.5'], /<N> "1.5"/],
    [['calendar', 'add', '2025-02-03'], /thiếu tham số <N>/],
    [['calendar', 'add', '2025-02-03', '1', '2'], /thừa tham số "2"/],
    [['calendar', 'add', '2025-02-03', '99999999'], /<N> "99999999": tối đa/],
    [['calendar', 'add', '2199-12-30', '10'], /ngoài phạm vi lịch hỗ trợ/],
    [['calendar', 'year', '25'], /<YYYY> "25": cần một năm 4 chữ số/],
    [['calendar', 'year', '1700'], /<YYYY> "1700": năm phải trong khoảng 2000–2199; lịch làm việc, nghỉ lễ chỉ được mô tả từ năm 2000/],
    [['calendar', 'year', '1999'], /<YYYY> "1999": năm phải trong khoảng 2000–2199/],
    [['calendar', 'add', '1999-12-31', '1'], /<YYYY-MM-DD> "1999-12-31": năm phải trong khoảng 2000–2199/],
    [['calendar', 'lunar', '1899-12-31'], /<YYYY-MM-DD> "1899-12-31": năm phải trong khoảng 1900–2199; âm lịch trước năm 1900 chưa đối chiếu được/],
    [['calendar'], /thiếu lệnh con: add, year, lunar/],
    [['calendar', 'moon', '2026-01-01'], /lệnh con không hợp lệ "moon"; dùng một trong: add, year, lunar/],
    [['calendar', 'year', '2025', '--format', 'xml'], /--format "xml": chỉ nhận table hoặc json/],
    [['calendar', 'year', '2025', '--color'], /tham số không hợp lệ/],
    [['calendar', 'lunar', '2025-13-01'], /<YYYY-MM-DD> "2025-13-01"/],
    [['calendar', 'lunar'], /thiếu tham số <YYYY-MM-DD>/],
  ])('%j', async (argv, message) => {
    const { code, out, err } = await run(...argv);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err.split('\n')).toHaveLength(1);
    expect(err).toMatch(message);
  });
  it('shows help', async () => {
    const { code, out } = await run('calendar', 'add', '--help');
    expect(code).toBe(0);
    expect(out).toContain('dondoc calendar add <YYYY-MM-DD> <N>');
  });
});
