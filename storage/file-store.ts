// The file store: attachments units upload and reports dondoc writes. Workflows carry
// only references (`ref`); the bytes live here, under DATA_DIR/files by default. Files are
// content-addressed, so a retried activity that writes the same report gets the same ref.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';

export interface StoredFile {
  /** `<sha256>/<safe name>`: stable, URL-safe, no directory traversal. */
  ref: string;
  name: string;
  size: number;
  contentType: string;
}

const REF = /^[0-9a-f]{64}\/[A-Za-z0-9._-]{1,200}$/;

/** A file name reduced to safe ASCII for paths and refs; the original is kept in metadata. */
export function safeName(name: string): string {
  const ascii = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 200);
  return ascii || 'tep';
}

export class FileStore {
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  private location(ref: string): string {
    if (!REF.test(ref)) throw new Error(`tham chiếu tệp không hợp lệ (invalid file ref): ${ref}`);
    const path = join(this.root, ref.slice(0, 2), ref);
    if (!path.startsWith(this.root + sep)) throw new Error('invalid file ref');
    return path;
  }

  async put(name: string, contentType: string, data: Buffer): Promise<StoredFile> {
    const hash = createHash('sha256').update(data).digest('hex');
    const ref = `${hash}/${safeName(name)}`;
    const path = this.location(ref);
    await mkdir(join(path, '..'), { recursive: true });
    // Write then rename: a reader never sees half a file.
    const temp = `${path}.${process.pid}.tmp`;
    await writeFile(temp, data);
    await rename(temp, path);
    const stored: StoredFile = { ref, name, size: data.length, contentType };
    await writeFile(`${path}.json`, JSON.stringify(stored));
    return stored;
  }

  async read(ref: string): Promise<Buffer> {
    return readFile(this.location(ref));
  }

  async describe(ref: string): Promise<StoredFile | undefined> {
    try {
      return JSON.parse(await readFile(`${this.location(ref)}.json`, 'utf8')) as StoredFile;
    } catch {
      return undefined;
    }
  }

  async exists(ref: string): Promise<boolean> {
    try {
      await stat(this.location(ref));
      return true;
    } catch {
      return false;
    }
  }
}
