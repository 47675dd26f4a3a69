// The corpus of broken program files: each `broken/NN-name.yaml` has a sibling `.expected`
// with every diagnostic it must produce, one per line as `line:col: path: message-start`
// (warnings with `cảnh báo: ` before the message). Nothing more may be reported.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareDiagnostics, type Diagnostic } from '../../program/errors';
import { loadProgram } from '../../program/load';
import { parseProgram } from '../../program/parse';

const DIR = join(__dirname, 'broken');
const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.yaml'))
  .sort();

interface Expected {
  line: number;
  col: number;
  path: string;
  text: string;
}

function readExpected(file: string): Expected[] {
  return readFileSync(join(DIR, file.replace(/\.yaml$/, '.expected')), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const m = /^(\d+):(\d+): (.+?): (.*)$/.exec(l);
      if (!m) throw new Error(`bad .expected line: ${l}`);
      return { line: Number(m[1]), col: Number(m[2]), path: m[3] ?? '', text: m[4] ?? '' };
    });
}

function shown(d: Diagnostic): string {
  return `${d.line}:${d.col}: ${d.path}: ${d.severity === 'warning' ? 'cảnh báo: ' : ''}${d.message}`;
}

describe('broken program corpus', () => {
  it('has at least 30 cases, each with its expectations', () => {
    expect(files.length).toBeGreaterThanOrEqual(30);
    for (const f of files) expect(readExpected(f).length).toBeGreaterThan(0);
  });

  for (const file of files) {
    it(file, () => {
      const path = join(DIR, file);
      const result = loadProgram(path);
      const expected = readExpected(file);
      // A case that expects only warnings still loads; every other case must be refused.
      expect(result.ok).toBe(expected.every((e) => e.text.startsWith('cảnh báo: ')));
      const all = [...(result.ok ? [] : result.errors), ...result.warnings].sort(compareDiagnostics);
      for (const d of all) expect(d.file).toBe(path);
      const actual = all.map(shown);
      for (const e of expected) {
        const match = all.find((d) => d.line === e.line && d.col === e.col && d.path === e.path && shown(d).includes(`: ${e.text}`));
        expect(match, `missing ${e.line}:${e.col}: ${e.path}: ${e.text}\nactual:\n${actual.join('\n')}`).toBeDefined();
      }
      expect(actual, 'unexpected extra diagnostics').toHaveLength(expected.length);
    });
  }
});

describe('problems found before parsing', () => {
  it('refuses a file over 2 MiB and says the limit', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dondoc-big-'));
    const file = join(dir, 'big.yaml');
    writeFileSync(file, `# ${'x'.repeat(2 * 1024 * 1024)}\n`);
    const result = loadProgram(file);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ line: 1, col: 1, path: '$' });
    expect(result.errors[0]?.message).toContain('2 MiB');
  });

  it('refuses UTF-16 and names the encoding', () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0x70, 0x00, 0x3a, 0x00]);
    const result = parseProgram({ bytes, fileName: 'utf16.yaml' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.message).toContain('UTF-16');
  });

  it('reports the column of the first bad byte in characters, not bytes', () => {
    // "Thọ " is 4 characters but 6 bytes; the bad byte is the 5th character.
    const bytes = new Uint8Array([...new TextEncoder().encode('a: 1\nb: Thọ '), 0xc3, 0x28]);
    const result = parseProgram({ bytes, fileName: 'x.yaml' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatchObject({ line: 2, col: 8 });
  });

  it('reports a missing file as one diagnostic', () => {
    const result = loadProgram(join(DIR, 'does-not-exist.yaml'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.message)).toEqual(['không tìm thấy tệp (file not found)']);
  });

  it('accepts text with a byte-order mark', () => {
    const text = readFileSync(join(__dirname, '..', '..', 'programs', 'phong-chong-thien-tai-example-2026.yaml'), 'utf8');
    expect(parseProgram({ text: `\ufeff${text}`, fileName: 'bom.yaml' }).ok).toBe(true);
  });
});

describe('reuse in YAML', () => {
  it('accepts x- templates at the top level and << merge keys', () => {
    const text = readFileSync(join(DIR, '06-unknown-key-typo.yaml'), 'utf8')
      .replace('    asignees: [cac-xa]\n', '')
      .replace('items:\n', 'x-bao-cao: &bao-cao\n  kind: report\n  assignees: [cac-xa]\nitems:\n')
      .replace('  - id: bao-cao\n    kind: report\n', '  - <<: *bao-cao\n    id: bao-cao\n');
    const result = parseProgram({ text, fileName: 'merge.yaml' });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.program.items[0]).toMatchObject({ kind: 'report', assignees: ['cac-xa'] });
  });
});
