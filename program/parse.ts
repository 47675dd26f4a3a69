// A program file's text (or bytes) → a checked Program, or every problem at once, each
// with its line and column. Pure: reading the file is load.ts's job.
import { compareDiagnostics, formatPath, type Diagnostic, type Finding } from './errors';
import { semanticChecks } from './checks';
import { programFile } from './schema';
import { checkSize, decodeUtf8, locate, parseYaml, type ParsedSource, type SourceProblem } from './source';
import type { Program } from './types';
import { errorMap, issueToFindings } from './zod-issues';

export type LoadResult =
  | { ok: true; program: Program; warnings: Diagnostic[] }
  | { ok: false; errors: Diagnostic[]; warnings: Diagnostic[] };

export type ProgramSource = { text: string; fileName: string } | { bytes: Uint8Array; fileName: string };

function fromProblems(file: string, problems: SourceProblem[]): Diagnostic[] {
  return problems.map((p) => ({ file, line: p.line, col: p.col, path: '$', message: p.message, severity: p.severity }));
}

function finish(all: Diagnostic[], program?: Program): LoadResult {
  all.sort(compareDiagnostics);
  const errors = all.filter((d) => d.severity === 'error');
  const warnings = all.filter((d) => d.severity === 'warning');
  if (errors.length === 0 && program) return { ok: true, program, warnings };
  return { ok: false, errors, warnings };
}

export function parseProgram(source: ProgramSource): LoadResult {
  const file = source.fileName;
  let text: string;
  if ('bytes' in source) {
    const big = checkSize(source.bytes.length);
    if (big) return finish(fromProblems(file, [big]));
    const decoded = decodeUtf8(source.bytes);
    if (!('text' in decoded)) return finish(fromProblems(file, [decoded]));
    text = decoded.text;
  } else {
    const big = checkSize(source.text.length > 700_000 ? new TextEncoder().encode(source.text).length : source.text.length);
    if (big) return finish(fromProblems(file, [big]));
    text = source.text.charCodeAt(0) === 0xfeff ? source.text.slice(1) : source.text;
  }

  const parsed = parseYaml(text);
  const diagnostics = fromProblems(file, parsed.problems);
  if (!('value' in parsed)) return finish(diagnostics);
  const value = withoutTemplates(parsed.value);
  if (value === null || value === undefined) {
    diagnostics.push({ file, line: 1, col: 1, path: '$', severity: 'error', message: 'tệp rỗng: cần các mục program, units, items (empty file)' });
    return finish(diagnostics);
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    diagnostics.push({ file, line: 1, col: 1, path: '$', severity: 'error', message: 'tệp phải là một bảng với các mục program, units, items (expected a map at the top level)' });
    return finish(diagnostics);
  }

  const result = programFile.safeParse(value, { error: errorMap, reportInput: true });
  const findings: Finding[] = result.success ? [] : dropExplainedMissing(result.error.issues.flatMap((i) => issueToFindings(i, programFile, value)));
  findings.push(...semanticChecks(value));
  diagnostics.push(...toDiagnostics(file, parsed, findings));
  return finish(diagnostics, result.success ? result.data : undefined);
}

/**
 * Top-level keys starting with `x-` hold YAML anchors to reuse (`x-bao-cao: &bao-cao …`,
 * then `<<: *bao-cao` in items), as in docker-compose files; they are not program data.
 */
function withoutTemplates(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => !k.startsWith('x-')));
}

/** `asignees:` is both an unknown key and a missing `assignees`: report the typo only. */
function dropExplainedMissing(findings: Finding[]): Finding[] {
  const typos = new Set(findings.filter((f) => f.suggestion !== undefined).map((f) => formatPath([...f.path.slice(0, -1), f.suggestion ?? ''])));
  return findings.filter((f) => !(f.missingKey && typos.has(formatPath(f.path))));
}

function toDiagnostics(file: string, source: ParsedSource, findings: Finding[]): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const f of findings) {
    const path = formatPath(f.path);
    const key = `${f.severity}|${path}|${f.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const pos = locate(source, f.path, f.atKey ?? false);
    out.push({ file, line: pos.line, col: pos.col, path, message: f.message, severity: f.severity });
  }
  return out;
}
