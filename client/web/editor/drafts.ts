// The program being edited on the web: one draft per program, shared by the office's staff,
// kept on disk (DATA_DIR/editor/drafts) until it is applied or discarded. A draft holds the
// program as the file would say it (plain data, the same model `dondoc validate` reads) and
// the hash of the running version it was started from, so an apply made meanwhile by
// someone else (the CLI, another clerk) is noticed rather than overwritten.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { SLUG } from '../../../program/schema';

const draftFile = z.object({
  programId: z.string().regex(SLUG),
  /** The running version this draft started from; absent for a new program. */
  baseHash: z.string().optional(),
  doc: z.record(z.string(), z.unknown()),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type Draft = z.infer<typeof draftFile>;

export class DraftStore {
  private readonly root: string;

  constructor(dataDir: string) {
    this.root = join(dataDir, 'editor', 'drafts');
  }

  private path(programId: string): string {
    if (!SLUG.test(programId) || programId.length > 64) throw new Error(`invalid program id ${programId}`);
    return join(this.root, `${programId}.json`);
  }

  get(programId: string): Draft | undefined {
    try {
      const parsed = draftFile.safeParse(JSON.parse(readFileSync(this.path(programId), 'utf8')));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  put(draft: Draft): void {
    mkdirSync(this.root, { recursive: true });
    const path = this.path(draft.programId);
    // Whole or not at all: two clerks saving at once leave one of the two drafts, never half.
    const tmp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
    writeFileSync(tmp, JSON.stringify(draft));
    renameSync(tmp, path);
  }

  /** Every draft, most recently edited first: a clerk finds the one left half done. */
  list(): Draft[] {
    let names: string[];
    try {
      names = readdirSync(this.root);
    } catch {
      return [];
    }
    const ids = names.filter((n) => n.endsWith('.json')).map((n) => n.slice(0, -5)).filter((id) => SLUG.test(id));
    return ids
      .map((id) => this.get(id))
      .filter((d): d is Draft => d !== undefined)
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  remove(programId: string): void {
    rmSync(this.path(programId), { force: true });
  }
}
