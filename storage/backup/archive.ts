// dondoc's backup archive: one gzip stream, no dependency beyond Node. Layout (after
// gunzip), documented in the README so an archive can be read without dondoc:
//
//   dondoc-backup 1\n
//   {"kind":"manifest", ...}\n
//   {"kind":"file","path":"<relative path>","size":N}\n <N raw bytes> \n {"sha256":"<hex>"}\n
//   ... one block per file ...
//   {"kind":"end","files":K}\n
//
// Each file's checksum follows its bytes so the writer streams every file once; the end
// line proves the archive is complete (a truncated copy fails to restore, nothing changed).
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { once } from 'node:events';
import { createGunzip, createGzip, type Gzip } from 'node:zlib';

export const MAGIC = 'dondoc-backup 1';

export interface Manifest {
  kind: 'manifest';
  createdAt: string;
  /** How the records database is stored in this archive. */
  records: 'sqlite-file' | 'logical-json';
  /** Schema migrations applied to the database in the archive. */
  migrations: string[];
}

export class ArchiveWriter {
  private readonly gzip: Gzip;
  private readonly out: WriteStream;
  private files = 0;

  private constructor(file: string) {
    this.gzip = createGzip();
    this.out = createWriteStream(file, { flags: 'wx' });
    this.gzip.pipe(this.out);
  }

  static async create(file: string, manifest: Manifest): Promise<ArchiveWriter> {
    const w = new ArchiveWriter(file);
    await once(w.out, 'open');
    await w.write(`${MAGIC}\n${JSON.stringify(manifest)}\n`);
    return w;
  }

  private async write(chunk: string | Buffer): Promise<void> {
    if (!this.gzip.write(chunk)) await once(this.gzip, 'drain');
  }

  async addFile(path: string, source: string): Promise<void> {
    const { size } = await stat(source);
    await this.write(`${JSON.stringify({ kind: 'file', path, size })}\n`);
    const hash = createHash('sha256');
    let written = 0;
    for await (const chunk of createReadStream(source)) {
      const buf = chunk as Buffer;
      // A file that grows while copied keeps the size announced (store files never grow).
      const part = written + buf.length > size ? buf.subarray(0, size - written) : buf;
      hash.update(part);
      written += part.length;
      await this.write(part);
      if (written === size) break;
    }
    if (written !== size) throw new Error(`${source}: tệp bị thay đổi khi sao lưu (file shrank while copied)`);
    await this.write(`\n${JSON.stringify({ sha256: hash.digest('hex') })}\n`);
    this.files++;
  }

  async addBuffer(path: string, data: Buffer): Promise<void> {
    await this.write(`${JSON.stringify({ kind: 'file', path, size: data.length })}\n`);
    await this.write(data);
    await this.write(`\n${JSON.stringify({ sha256: createHash('sha256').update(data).digest('hex') })}\n`);
    this.files++;
  }

  async finish(): Promise<number> {
    await this.write(`${JSON.stringify({ kind: 'end', files: this.files })}\n`);
    this.gzip.end();
    await once(this.out, 'close');
    return this.files;
  }
}

/** Reads lines and exact byte counts from the gunzipped stream. */
class Reader {
  private buf: Buffer = Buffer.alloc(0);
  private done = false;
  private readonly it: AsyncIterator<Buffer>;

  constructor(file: string) {
    this.it = createReadStream(file).pipe(createGunzip())[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  }

  private async more(): Promise<boolean> {
    if (this.done) return false;
    const next = await this.it.next();
    if (next.done) {
      this.done = true;
      return false;
    }
    this.buf = this.buf.length === 0 ? next.value : Buffer.concat([this.buf, next.value]);
    return true;
  }

  async line(): Promise<string | undefined> {
    for (;;) {
      const nl = this.buf.indexOf(10);
      if (nl >= 0) {
        const text = this.buf.subarray(0, nl).toString('utf8');
        this.buf = this.buf.subarray(nl + 1);
        return text;
      }
      if (this.buf.length > 1_000_000) throw new Error('dòng quá dài (line too long)');
      if (!(await this.more())) return undefined;
    }
  }

  /** Streams exactly `size` bytes to `sink`. */
  async bytes(size: number, sink: (chunk: Buffer) => Promise<void>): Promise<void> {
    let left = size;
    while (left > 0) {
      if (this.buf.length === 0 && !(await this.more())) throw new Error('tệp sao lưu bị cắt cụt (archive truncated)');
      const part = this.buf.subarray(0, Math.min(left, this.buf.length));
      this.buf = this.buf.subarray(part.length);
      left -= part.length;
      await sink(part);
    }
  }
}

export class ArchiveError extends Error {
  override name = 'ArchiveError';
}

const SAFE_PATH = /^(?!\/)(?!.*(^|\/)\.\.?(\/|$))[A-Za-z0-9._\-/]{1,400}$/;

/**
 * Extracts every file under `dest` (which the caller then moves into place), checking
 * each checksum and the end line. Returns the manifest and the paths written.
 */
export async function extractArchive(file: string, dest: string): Promise<{ manifest: Manifest; paths: string[] }> {
  const r = new Reader(file);
  const fail = (what: string): never => {
    throw new ArchiveError(`${file}: ${what}`);
  };
  let magic: string | undefined;
  try {
    magic = await r.line();
  } catch (err) {
    fail(`không phải tệp sao lưu dondoc (not a dondoc backup): ${(err as Error).message}`);
  }
  if (magic !== MAGIC) fail(`không phải tệp sao lưu dondoc (not a dondoc backup: expected "${MAGIC}")`);
  const manifest = JSON.parse((await r.line()) ?? 'null') as Manifest | null;
  if (manifest?.kind !== 'manifest') fail('thiếu phần mô tả (missing manifest)');
  const paths: string[] = [];
  for (;;) {
    const header = await r.line();
    if (header === undefined) fail(`tệp sao lưu bị cắt cụt sau ${paths.length} tệp (archive truncated: no end line)`);
    const entry = JSON.parse(header!) as { kind: string; path?: string; size?: number; files?: number };
    if (entry.kind === 'end') {
      if (entry.files !== paths.length) fail(`số tệp không khớp (end line says ${entry.files}, found ${paths.length})`);
      return { manifest: manifest!, paths };
    }
    const path = entry.path ?? '';
    if (entry.kind !== 'file' || !SAFE_PATH.test(path) || !Number.isSafeInteger(entry.size) || entry.size! < 0) {
      fail(`mục không hợp lệ (invalid entry): ${header!.slice(0, 200)}`);
    }
    const target = `${dest}/${path}`;
    await mkdir(dirname(target), { recursive: true });
    const out = createWriteStream(target, { flags: 'wx' });
    await once(out, 'open');
    const hash = createHash('sha256');
    await r.bytes(entry.size!, async (chunk) => {
      hash.update(chunk);
      if (!out.write(chunk)) await once(out, 'drain');
    });
    out.end();
    await once(out, 'close');
    const sep = await r.line();
    const trailer = JSON.parse((await r.line()) ?? 'null') as { sha256?: string } | null;
    if (sep !== '' || trailer?.sha256 !== hash.digest('hex')) fail(`${path}: tổng kiểm không khớp (checksum mismatch)`);
    paths.push(path);
  }
}
