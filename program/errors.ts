// Diagnostics: what the loader, the semantic checks and `dondoc validate` report.
// A path is an array while it travels (so it can be looked up in the YAML tree) and is
// printed as `items[3].due.workingDays` only at the edge.

export type Severity = 'error' | 'warning';
export type PathSegment = string | number;

export interface Diagnostic {
  file: string;
  line: number;
  col: number;
  /** e.g. `items[3].due.workingDays`; `$` for the file as a whole. */
  path: string;
  message: string;
  severity: Severity;
}

/** A finding before it has a position: the path is resolved against the YAML tree later. */
export interface Finding {
  path: PathSegment[];
  message: string;
  severity: Severity;
  /** Point at the key of the last path segment rather than its value (unknown keys). */
  atKey?: boolean;
  /** A missing key, or an unknown key that looks like a typo of `suggestion`: the pair is one mistake. */
  missingKey?: true;
  suggestion?: string;
}

export function formatPath(path: readonly PathSegment[]): string {
  if (path.length === 0) return '$';
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

/** `file:line:col: path: message`, with `cảnh báo:` before a warning's message. */
export function formatDiagnostic(d: Diagnostic): string {
  const prefix = d.severity === 'warning' ? 'cảnh báo: ' : '';
  return `${d.file}:${d.line}:${d.col}: ${d.path}: ${prefix}${d.message}`;
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.line - b.line || a.col - b.col || a.path.localeCompare(b.path) || a.message.localeCompare(b.message);
}

export function error(path: PathSegment[], message: string, atKey = false): Finding {
  return atKey ? { path, message, severity: 'error', atKey } : { path, message, severity: 'error' };
}

export function warning(path: PathSegment[], message: string): Finding {
  return { path, message, severity: 'warning' };
}
