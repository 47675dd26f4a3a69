// From bytes to a YAML document whose nodes know their line and column. Everything here
// guards the parser first: size, encoding and alias expansion are checked before any
// value is built, because a program file comes from a clerk's editor, not from us.
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node, type YAMLError } from 'yaml';
import type { PathSegment } from './errors';

export const MAX_BYTES = 2 * 1024 * 1024;
export const MAX_ALIASES = 100;

export interface Position {
  line: number;
  col: number;
}

export interface SourceProblem extends Position {
  message: string;
  severity: 'error' | 'warning';
}

export function checkSize(byteLength: number): SourceProblem | undefined {
  if (byteLength <= MAX_BYTES) return undefined;
  const mib = (byteLength / 1024 / 1024).toFixed(1);
  return {
    line: 1,
    col: 1,
    severity: 'error',
    message: `tệp quá lớn (${mib} MiB); giới hạn là 2 MiB (file too large: the limit is ${MAX_BYTES} bytes)`,
  };
}

/** Decodes strict UTF-8, or says where the first byte that is not UTF-8 sits. */
export function decodeUtf8(bytes: Uint8Array): { text: string } | SourceProblem {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return {
      line: 1,
      col: 1,
      severity: 'error',
      message: 'tệp được mã hóa UTF-16; hãy lưu lại với mã hóa UTF-8 (file is UTF-16, expected UTF-8)',
    };
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad !== undefined) {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < bad; i++) {
      if (bytes[i] === 0x0a) {
        line++;
        lineStart = i + 1;
      }
    }
    const before = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, bad));
    const byte = (bytes[bad] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    return {
      line,
      col: [...before].length + 1,
      severity: 'error',
      message: `tệp không phải UTF-8: byte 0x${byte} không hợp lệ; hãy lưu lại tệp với mã hóa UTF-8 (not UTF-8: invalid byte 0x${byte})`,
    };
  }
  let text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text };
}

function firstInvalidUtf8(bytes: Uint8Array): number | undefined {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    let len: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) len = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      len = 3;
      // Overlong forms and UTF-16 surrogates are not UTF-8.
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      len = 4;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k < len; k++) {
      const c = bytes[i + k];
      const min = k === 1 ? lo : 0x80;
      const max = k === 1 ? hi : 0xbf;
      if (c === undefined || c < min || c > max) return i;
    }
    i += len;
  }
  return undefined;
}

export interface ParsedSource {
  doc: Document.Parsed;
  lines: LineCounter;
  problems: SourceProblem[];
  /** The plain value, when the document could be turned into one. */
  value?: unknown;
}

const YAML_MESSAGES: Partial<Record<YAMLError['code'], string>> = {
  BAD_INDENT: 'thụt lề không đúng (bad indentation)',
  TAB_AS_INDENT: 'không dùng phím Tab để thụt lề, hãy dùng dấu cách (tabs are not allowed for indentation)',
  MISSING_CHAR: 'thiếu ký tự đóng: dấu nháy, ngoặc vuông hoặc ngoặc nhọn (missing closing character)',
  MULTIPLE_DOCS: 'tệp chỉ được chứa một tài liệu YAML (only one YAML document is allowed)',
  BLOCK_AS_IMPLICIT_KEY: 'khóa không hợp lệ: thiếu dấu ":" hoặc thụt lề sai (block used as an implicit key)',
  MULTILINE_IMPLICIT_KEY: 'khóa không được kéo dài nhiều dòng; có thể thiếu dấu ":" (implicit keys must be on a single line)',
  BAD_ALIAS: 'bí danh (*alias) không trỏ tới neo (&anchor) nào (unknown alias)',
  DUPLICATE_KEY: 'khóa bị lặp lại (duplicate key)',
};

function yamlMessage(err: YAMLError, text: string): string {
  const gist = (err.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
  if (err.code === 'DUPLICATE_KEY') {
    const rest = text.slice(err.pos[0]).split('\n')[0] ?? '';
    const key = (/^([^:]*):/.exec(rest)?.[1] ?? rest).trim().replace(/^["']|["']$/g, '');
    return `khóa "${key}" bị lặp lại trong cùng một bảng; mỗi khóa chỉ được viết một lần (duplicate key "${key}")`;
  }
  const vi = YAML_MESSAGES[err.code] ?? 'lỗi cú pháp YAML (YAML syntax error)';
  return `${vi}: ${gist}`;
}

export function parseYaml(text: string): ParsedSource {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true, merge: true, strict: true });
  const problems: SourceProblem[] = [];
  const at = (offset: number): Position => lines.linePos(offset);
  for (const err of doc.errors) problems.push({ ...at(err.pos[0]), severity: 'error', message: yamlMessage(err, text) });
  for (const w of doc.warnings) problems.push({ ...at(w.pos[0]), severity: 'warning', message: yamlMessage(w, text) });
  // A syntax error leaves a tree that may not mean what the clerk wrote; only duplicate
  // keys still leave a trustworthy one, so validation goes on after those alone.
  if (doc.errors.some((e) => e.code !== 'DUPLICATE_KEY')) return { doc, lines, problems };
  try {
    const value: unknown = doc.toJS({ maxAliasCount: MAX_ALIASES });
    return { doc, lines, problems, value };
  } catch (err) {
    if (err instanceof ReferenceError || (err instanceof Error && /alias/i.test(err.message))) {
      let where: Position = { line: 1, col: 1 };
      visit(doc, {
        Alias(_key, node) {
          if (node.range) where = at(node.range[0]);
          return visit.BREAK;
        },
      });
      problems.push({
        ...where,
        severity: 'error',
        message: `quá nhiều bí danh YAML (*alias): giới hạn ${MAX_ALIASES} lần mở rộng, có thể là tệp độc hại ("billion laughs") (excessive alias count, limit ${MAX_ALIASES})`,
      });
      return { doc, lines, problems };
    }
    throw err;
  }
}

/**
 * Where a path of the parsed value sits in the file. A path that leaves the tree (a key
 * that is missing) stops at the deepest node that exists: the map that lacks the key.
 */
export function locate(source: ParsedSource, path: readonly PathSegment[], atKey = false): Position {
  const { doc, lines } = source;
  let node: unknown = doc.contents;
  let pos: number = rangeStart(node) ?? 0;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      const keyStart = rangeStart(pair.key);
      const last = i === path.length - 1;
      if (last && atKey && keyStart !== undefined) return lines.linePos(keyStart);
      const valueStart = rangeStart(pair.value);
      if (valueStart === undefined) {
        if (keyStart !== undefined) pos = keyStart;
        break;
      }
      node = pair.value;
      pos = valueStart;
    } else if (isSeq(node) && typeof seg === 'number') {
      const child: unknown = node.items[seg];
      const start = rangeStart(child);
      if (start === undefined) break;
      node = child;
      pos = start;
    } else break;
  }
  return lines.linePos(pos);
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Partial<Node> | null | undefined)?.range;
  return range ? range[0] : undefined;
}
