// `dondoc simulate` through the CLI: argument errors are one line and exit 2, like the other
// commands; a small program simulated end to end, its JSON read back as another tool would.
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../client/cli/main';
import { runCli } from '../support/cli';

const ROOT = join(__dirname, '..', '..');
const rel = (p: string): string => relative(process.cwd(), join(ROOT, p));
const TASK = rel('test/fixtures/programs/nhiem-vu-minh-chung.yaml');
const OCC = 'vstbpn-task-2027/chuong-trinh-xa/2027';
const UNITS = ['dan-ly', 'hop-thanh', 'tho-dan'];

describe('dondoc simulate: bad arguments', () => {
  let err = '';
  let out = '';
  beforeEach(() => {
    err = '';
    out = '';
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      err += String(chunk);
      return true;
    });
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out += String(chunk);
      return true;
    });
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      err += `${args.join(' ')}\n`;
    });
  });
  afterEach(() => vi.restoreAllMocks());

  const cases: [string, string[], RegExp][] = [
    ['an unknown behaviour', [TASK, '--behaviour', 'lazy'], /--behaviour: .*silent, on-time, mixed/],
    ['an impossible date', [TASK, '--from', '2027-02-30'], /--from: .*YYYY-MM-DD/],
    ['a date in another form', [TASK, '--to', '22/03/2027'], /--to: .*YYYY-MM-DD/],
    ['an empty range', [TASK, '--from', '2027-03-10', '--to', '2027-03-01'], /--to 2027-03-01 trước --from 2027-03-10/],
    ['a seed that is not a number', [TASK, '--seed', 'abc'], /--seed: /],
    ['an unknown format', [TASK, '--format', 'ics'], /--format: .*table, json/],
    ['an unknown flag', [TASK, '--speed', 'fast'], /speed/],
    ['no program file', [], /program\.yaml|thiếu/],
  ];
  for (const [what, args, message] of cases) {
    it(`rejects ${what} in one line, exit 2, nothing printed on stdout`, async () => {
      expect(await main(['simulate', ...args])).toBe(2);
      const lines = err.split('\n').filter(Boolean);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(message);
      expect(out).toBe('');
    });
  }

  it('reports an invalid program file as validate does (file:line:col), exit 2', async () => {
    expect(await main(['simulate', rel('test/program/broken/03-duplicate-key.yaml')])).toBe(2);
    expect(err).toMatch(/03-duplicate-key\.yaml:\d+:\d+: /);
    expect(out).toBe('');
  });
});

describe('dondoc simulate: a program end to end', () => {
  it('sends requests to the 3 communes, receipts for their on-time reports and no escalation (JSON)', { timeout: 300_000 }, async () => {
    const { code, stdout, stderr } = await runCli(['simulate', TASK, '--behaviour', 'on-time', '--format', 'json']);
    expect(stderr).not.toMatch(/Error|at .*\.ts:\d+/);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as {
      notices: { planUid: string | null; kind: string; at: string; assignmentId: string | null; unitId: string | null; to: string[]; subject: string; messageId: string }[];
      summary: { notices: number; submittedOnTime: number; late: unknown[]; missing: unknown[]; byKind: Record<string, number>; behaviour: string };
    };
    expect(Object.keys(result.notices[0]!)).toEqual(['planUid', 'kind', 'at', 'assignmentId', 'unitId', 'to', 'subject', 'messageId']);
    for (const unit of UNITS) {
      const request = result.notices.find((n) => n.planUid === `${OCC}/${unit}/request`);
      expect(request, `request to ${unit}`).toMatchObject({ kind: 'request', at: '2027-03-01T08:00:00+07:00', assignmentId: `${OCC}/${unit}`, unitId: unit });
      expect(request!.to).toEqual([`${unit}@trieuson.example.org`]);
      // The receipt answers the unit's report: it fulfils no plan event.
      const receipt = result.notices.find((n) => n.kind === 'receipt' && n.unitId === unit);
      expect(receipt, `receipt for ${unit}`).toMatchObject({ planUid: null });
    }
    expect(result.notices.every((n) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$/.test(n.at))).toBe(true);
    expect(result.notices.filter((n) => n.kind === 'escalation')).toEqual([]);
    expect(result.summary).toMatchObject({ behaviour: 'on-time', notices: result.notices.length, submittedOnTime: 3, late: [], missing: [] });
  });

  it('prints the table by month with the closing summary, in English on request', { timeout: 300_000 }, async () => {
    const { code, stdout } = await runCli(['simulate', TASK, '--lang', 'en', '--from', '2027-03-01', '--to', '2027-03-22']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^March 2027$/m);
    expect(stdout).toMatch(/Request .*Dân Lý/);
    expect(stdout).toMatch(/^Summary$/m);
    expect(stdout).toMatch(/Assignments due in the range: 3; on time 0, late 0, missing 3, exempted 0/);
    expect(stdout).toMatch(/Mail-sending plan events: 18, sent at their planned instant: 18/);
  });
});
