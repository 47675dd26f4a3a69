// `dondoc validate` and `dondoc plan` through the CLI entry point: exit codes and the exact
// shape other tools rely on (file:line:col: path: message).
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../client/cli/main';

const ROOT = join(__dirname, '..', '..');
const rel = (p: string): string => relative(process.cwd(), join(ROOT, p));

let out = '';
let err = '';
beforeEach(() => {
  out = '';
  err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    err += String(chunk);
    return true;
  });
  vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
    out += `${args.join(' ')}\n`;
  });
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    err += `${args.join(' ')}\n`;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
});

const lines = (s: string): string[] => s.split('\n').filter((l) => l !== '');

describe('dondoc validate', () => {
  it('exits 0 with a one-line summary for the seed program', async () => {
    const file = rel('programs/vstbpn-trieu-son-2021.yaml');
    expect(await main(['validate', file])).toBe(0);
    expect(lines(out)).toHaveLength(1);
    expect(out).toContain(`${file}: hợp lệ`);
    expect(out).toContain('43 đơn vị');
    expect(err).toBe('');
  });

  it('exits 2 with one error per line, the file as given', async () => {
    const file = rel('test/program/broken/12-unknown-assignee.yaml');
    expect(await main(['validate', file])).toBe(2);
    expect(out).toBe('');
    expect(lines(err)).toEqual([
      `${file}:28:25: items[0].assignees[1]: không có đơn vị hay nhóm nào mã "xa-b" — có phải "xa-a"? (did you mean "xa-a"?) (unknown unit or group)`,
      `${file}:28:31: items[0].assignees[2]: không có đơn vị hay nhóm nào mã "van-phng" — có phải "van-phong"? (did you mean "van-phong"?) (unknown unit or group)`,
    ]);
  });

  it('prints warnings as "cảnh báo:" lines', async () => {
    const file = rel('test/program/broken/33-year-without-data.yaml');
    expect(await main(['validate', file])).toBe(2);
    const [warning, error] = lines(err);
    expect(warning).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:5:9: program\\.year: cảnh báo: chưa có thông báo chính thức`));
    expect(error).toMatch(/:30:10: items\[0\]\.due: hạn nộp/);
  });

  it('every line of every broken file has the contract shape', async () => {
    for (const name of ['03-duplicate-key', '05-alias-bomb', '06-unknown-key-typo', '23-bad-kind', '42-comma-in-flow-map']) {
      err = '';
      expect(await main(['validate', rel(`test/program/broken/${name}.yaml`)])).toBe(2);
      for (const l of lines(err)) expect(l).toMatch(/^[^:]+:\d+:\d+: \S.*?: .+$/);
    }
  });

  it('a missing file is one line and exit 2', async () => {
    expect(await main(['validate', 'no/such/program.yaml'])).toBe(2);
    expect(lines(err)).toEqual(['dondoc validate: không tìm thấy tệp "no/such/program.yaml" (file not found)']);
  });

  it('a missing argument is a usage error', async () => {
    expect(await main(['validate'])).toBe(2);
    expect(lines(err)).toHaveLength(1);
  });
});

describe('dondoc plan', () => {
  const seed = (): string => rel('programs/vstbpn-trieu-son-2021.yaml');

  it('prints a table by month with Vietnamese headings and dates', async () => {
    expect(await main(['plan', seed(), '--from', '2021-06-01', '--to', '2021-06-30'])).toBe(0);
    expect(out).toContain('Tháng 6/2021');
    expect(out).toMatch(/Ngày +Giờ +Việc +Đơn vị +Kỳ +Ghi chú/);
    expect(out).toContain('Thứ Năm 17/06/2021  17:00  Hạn nộp báo cáo: Báo cáo sơ kết 6 tháng');
    expect(out).toContain('Các đơn vị được giao (42)');
    expect(out).not.toContain('Tháng 7/2021');
  });

  it('prints English when asked', async () => {
    expect(await main(['plan', seed(), '--to', '2021-03-31', '--locale', 'en'])).toBe(0);
    expect(out).toContain('March 2021');
    expect(out).toContain('Report due: Quarterly update on female cadres');
    expect(out).toMatch(/Date +Time +Task +Unit +Period +Note/);
  });

  it('filters one unit as JSON', async () => {
    expect(await main(['plan', seed(), '--unit', 'tho-dan', '--format', 'json'])).toBe(0);
    const json = JSON.parse(out) as { events: Array<{ unitId?: string; kind: string; at: string }> };
    expect(json.events.length).toBeGreaterThan(0);
    for (const e of json.events) if (e.unitId !== undefined) expect(e.unitId).toBe('tho-dan');
    const ats = json.events.map((e) => Date.parse(e.at));
    expect([...ats].sort((a, b) => a - b)).toEqual(ats);
  });

  it('writes the whole plan as JSON without filters', async () => {
    expect(await main(['plan', rel('programs/phong-chong-thien-tai-example-2026.yaml'), '--format', 'json'])).toBe(0);
    const json = JSON.parse(out) as { programId: string; occurrences: unknown[]; assignments: unknown[]; events: unknown[] };
    expect(json.programId).toBe('pctt-nghe-an-2026');
    expect(json.events.length).toBeGreaterThan(json.assignments.length);
  });

  it('writes an iCalendar feed for a unit', async () => {
    expect(await main(['plan', seed(), '--unit', 'noi-vu', '--format', 'ics'])).toBe(0);
    expect(out.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(out).toContain('X-WR-CALNAME:');
  });

  it('rejects bad options with one line and exit 2', async () => {
    for (const args of [
      ['--format', 'xml'],
      ['--unit', 'tho-dann'],
      ['--from', '2021-02-30'],
      ['--from', '2021-06-01', '--to', '2021-05-01'],
      ['--bogus'],
    ]) {
      err = '';
      expect(await main(['plan', seed(), ...args]), args.join(' ')).toBe(2);
      expect(lines(err), args.join(' ')).toHaveLength(1);
    }
    err = '';
    await main(['plan', seed(), '--unit', 'tho-dann']);
    expect(err).toContain('có phải "tho-dan"?');
  });

  it('an invalid program gives the validate diagnostics and exit 2', async () => {
    const file = rel('test/program/broken/06-unknown-key-typo.yaml');
    expect(await main(['plan', file])).toBe(2);
    expect(lines(err)).toEqual([`${file}:28:5: items[0].asignees: khóa không hợp lệ "asignees" — có phải "assignees"? (unknown key; did you mean "assignees"?)`]);
    expect(out).toBe('');
  });
});
