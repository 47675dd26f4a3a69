// The file store: attachments units upload and reports dondoc writes. Workflows carry
// only references (`ref`); the bytes live here, under DATA_DIR/files by default. Files are
// content-addressed, so a retried activity that writes the same report gets the same ref.
//
// Uploads through a unit link are also recorded against the assignment that made them
// (its "owner"): a submission may only reference its own assignment's uploads, each
// assignment has a byte quota, and the uploads of a refused submission are released.
// Ownership is kept twice, both as plain files so a crash leaves nothing half-written:
//   owners/<owner key>/<sha256>~<name>   the assignment's manifest (ref, size, state)
//   <xx>/<sha256>/<name>.owners/<key>    who holds this ref (bytes go when the last one leaves)
import { Mutex } from 'async-mutex';
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, rmdir, stat, unlink, writeFile } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';

export interface StoredFile {
  /** `<sha256>/<safe name>`: stable, URL-safe, no directory traversal. */
  ref: string;
  name: string;
  size: number;
  contentType: string;
}

/** A file read from a request, not yet stored. */
export interface IncomingFile {
  name: string;
  contentType: string;
  data: Buffer;
}

/** `pending`: uploaded, not yet part of an accepted submission; `submitted`: referenced by one. */
export type OwnedState = 'pending' | 'submitted';

export interface OwnedFile {
  ref: string;
  size: number;
  state: OwnedState;
  at: string;
}

/** Raised by `putOwned` when the files would take the owner over its quota; nothing is stored. */
export class QuotaExceeded extends Error {
  override name = 'QuotaExceeded';
  constructor(
    readonly usedBytes: number,
    readonly incomingBytes: number,
    readonly quotaBytes: number,
  ) {
    super(`upload quota exceeded: ${usedBytes} + ${incomingBytes} > ${quotaBytes} bytes`);
  }
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

/** The ref `put` would give these bytes under this name, without storing anything. */
export function refOf(name: string, data: Buffer): string {
  return `${createHash('sha256').update(data).digest('hex')}/${safeName(name)}`;
}

/** Owners are workflow ids (with slashes); their key is a fixed-length hash, safe as a file name. */
export function ownerKey(owner: string): string {
  return createHash('sha256').update(`owner\0${owner}`).digest('hex').slice(0, 40);
}

interface Meta extends StoredFile {
  /** Written first by a unit upload: may be deleted once no assignment holds it. */
  uploaded?: boolean;
}

export class FileStore {
  readonly root: string;
  // Ownership changes are read-modify-write across files: one at a time in this process
  // (the web server is the only process that uploads or releases).
  private readonly lock = new Mutex();

  constructor(root: string) {
    this.root = resolve(root);
  }

  private location(ref: string): string {
    if (!REF.test(ref)) throw new Error(`tham chiếu tệp không hợp lệ (invalid file ref): ${ref}`);
    const path = join(this.root, ref.slice(0, 2), ref);
    if (!path.startsWith(this.root + sep)) throw new Error('invalid file ref');
    return path;
  }

  private manifestDir(owner: string): string {
    return join(this.root, 'owners', ownerKey(owner));
  }

  private manifestEntry(owner: string, ref: string): string {
    this.location(ref);
    return join(this.manifestDir(owner), ref.replace('/', '~'));
  }

  private async writeBytes(file: IncomingFile, uploaded: boolean): Promise<StoredFile> {
    const ref = refOf(file.name, file.data);
    const path = this.location(ref);
    await mkdir(join(path, '..'), { recursive: true });
    // Write then rename: a reader never sees half a file.
    const temp = `${path}.${process.pid}.tmp`;
    await writeFile(temp, file.data);
    await rename(temp, path);
    const previous = await this.meta(ref);
    // A file dondoc itself wrote (a report, a CLI submission) is never deleted by a release.
    const stored: Meta = { ref, name: file.name, size: file.data.length, contentType: file.contentType, ...(uploaded && (previous === undefined || previous.uploaded) ? { uploaded: true } : {}) };
    await writeFile(`${path}.json`, JSON.stringify(stored));
    return { ref, name: stored.name, size: stored.size, contentType: stored.contentType };
  }

  async put(name: string, contentType: string, data: Buffer): Promise<StoredFile> {
    return this.lock.runExclusive(() => this.writeBytes({ name, contentType, data }, false));
  }

  /**
   * Stores every file for `owner`, or none: the quota is checked against all of them first.
   * A file the owner already holds keeps its state and is not counted twice.
   */
  async putOwned(owner: string, files: IncomingFile[], quotaBytes: number): Promise<StoredFile[]> {
    return this.lock.runExclusive(async () => {
      const held = new Map((await this.ownedUnlocked(owner)).map((f) => [f.ref, f]));
      const used = [...held.values()].reduce((sum, f) => sum + f.size, 0);
      const fresh = new Map<string, number>();
      for (const f of files) {
        const ref = refOf(f.name, f.data);
        if (!held.has(ref)) fresh.set(ref, f.data.length);
      }
      const incoming = [...fresh.values()].reduce((sum, n) => sum + n, 0);
      if (used + incoming > quotaBytes) throw new QuotaExceeded(used, incoming, quotaBytes);
      const stored: StoredFile[] = [];
      await mkdir(this.manifestDir(owner), { recursive: true });
      for (const f of files) {
        const file = await this.writeBytes(f, true);
        stored.push(file);
        if (held.has(file.ref)) continue;
        const entry: OwnedFile = { ref: file.ref, size: file.size, state: 'pending', at: new Date().toISOString() };
        held.set(file.ref, entry);
        const markers = `${this.location(file.ref)}.owners`;
        await mkdir(markers, { recursive: true });
        await writeFile(join(markers, ownerKey(owner)), '');
        await writeFile(this.manifestEntry(owner, file.ref), JSON.stringify(entry));
      }
      return stored;
    });
  }

  private async ownedUnlocked(owner: string): Promise<OwnedFile[]> {
    let names: string[];
    try {
      names = await readdir(this.manifestDir(owner));
    } catch {
      return [];
    }
    const files: OwnedFile[] = [];
    for (const name of names) {
      try {
        files.push(JSON.parse(await readFile(join(this.manifestDir(owner), name), 'utf8')) as OwnedFile);
      } catch {
        // An entry being rewritten by another call: skipped, it is counted on the next read.
      }
    }
    return files;
  }

  /** Everything `owner` uploaded and still holds. */
  async owned(owner: string): Promise<OwnedFile[]> {
    return this.ownedUnlocked(owner);
  }

  async ownedFile(owner: string, ref: string): Promise<OwnedFile | undefined> {
    if (!REF.test(ref)) return undefined;
    try {
      return JSON.parse(await readFile(this.manifestEntry(owner, ref), 'utf8')) as OwnedFile;
    } catch {
      return undefined;
    }
  }

  async usage(owner: string): Promise<number> {
    return (await this.ownedUnlocked(owner)).reduce((sum, f) => sum + f.size, 0);
  }

  /** Whether any assignment holds `ref` (files stored before ownership was recorded hold none). */
  async hasOwners(ref: string): Promise<boolean> {
    try {
      return (await readdir(`${this.location(ref)}.owners`)).length > 0;
    } catch {
      return false;
    }
  }

  /** The refs are now part of a submission the workflow accepted: never released. */
  async markSubmitted(owner: string, refs: string[]): Promise<void> {
    await this.lock.runExclusive(async () => {
      for (const ref of refs) {
        const entry = await this.ownedFile(owner, ref);
        if (!entry || entry.state === 'submitted') continue;
        await writeFile(this.manifestEntry(owner, ref), JSON.stringify({ ...entry, state: 'submitted' } satisfies OwnedFile));
      }
    });
  }

  /**
   * Gives up `owner`'s pending hold on each ref (a refused submission's files); the bytes go
   * when no assignment holds them any more and dondoc did not write them itself.
   * Returns the refs whose bytes were deleted.
   */
  async release(owner: string, refs: string[]): Promise<string[]> {
    return this.lock.runExclusive(async () => {
      const deleted: string[] = [];
      for (const ref of new Set(refs)) {
        const entry = await this.ownedFile(owner, ref);
        if (!entry || entry.state !== 'pending') continue;
        const path = this.location(ref);
        await rm(this.manifestEntry(owner, ref), { force: true });
        await rm(join(`${path}.owners`, ownerKey(owner)), { force: true });
        if (await this.hasOwners(ref)) continue;
        await rmdir(`${path}.owners`).catch(() => undefined);
        if (!(await this.meta(ref))?.uploaded) continue;
        await unlink(path).catch(() => undefined);
        await unlink(`${path}.json`).catch(() => undefined);
        deleted.push(ref);
      }
      return deleted;
    });
  }

  async read(ref: string): Promise<Buffer> {
    return readFile(this.location(ref));
  }

  private async meta(ref: string): Promise<Meta | undefined> {
    try {
      return JSON.parse(await readFile(`${this.location(ref)}.json`, 'utf8')) as Meta;
    } catch {
      return undefined;
    }
  }

  async describe(ref: string): Promise<StoredFile | undefined> {
    const meta = await this.meta(ref);
    return meta && { ref: meta.ref, name: meta.name, size: meta.size, contentType: meta.contentType };
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
