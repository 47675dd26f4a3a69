// Reads a program file from disk and parses it. The one place in program/ that touches the
// file system; workflows import the pure modules (parse.ts, plan.ts), never this one.
// eslint-disable-next-line no-restricted-imports -- reading the file is this module's only job
import { readFileSync, statSync } from 'node:fs';
import { parseProgram, type LoadResult, type ProgramSource } from './parse';
import { checkSize } from './source';

export type { LoadResult, ProgramSource } from './parse';

export function loadProgram(source: string | ProgramSource): LoadResult {
  if (typeof source !== 'string') return parseProgram(source);
  const fileName = source;
  let bytes: Uint8Array;
  try {
    // Size first: a 2 GiB file is refused without being read.
    const big = checkSize(statSync(fileName).size);
    if (big) return { ok: false, errors: [{ file: fileName, line: big.line, col: big.col, path: '$', message: big.message, severity: 'error' }], warnings: [] };
    bytes = readFileSync(fileName);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const message =
      code === 'ENOENT'
        ? 'không tìm thấy tệp (file not found)'
        : code === 'EISDIR'
          ? 'đây là thư mục, không phải tệp (is a directory)'
          : `không đọc được tệp: ${(err as Error).message} (cannot read file)`;
    return { ok: false, errors: [{ file: fileName, line: 1, col: 1, path: '$', message, severity: 'error' }], warnings: [] };
  }
  return parseProgram({ bytes, fileName });
}
