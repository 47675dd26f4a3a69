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
    [['calendar', 'year', '1700'], /<YYYY> "1700": năm phải trong khoảng 1800–2199/],
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
