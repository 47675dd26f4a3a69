// Applied program versions, by hash, where every worker can read them: the client that applies
// a version (`dondoc apply`, the web editor) stores it here first and the `apply` update and
// the program workflow carry only the hash (payloads stay small at any size); the activities
// that compile plans and build occurrence inputs load the program from here. The worker's
// store is the records database (worker/main.ts); clients open the same one (client/programs.ts).
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Program } from '../../program/types';
import type { Records } from '../../storage/records';

export interface ProgramStore {
  put(hash: string, program: Program): Promise<void>;
  get(hash: string): Promise<Program | undefined>;
}

/** One JSON file per version under a directory (DATA_DIR/programs for the embedded stack). */
export class FileProgramStore implements ProgramStore {
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  private path(hash: string): string {
    if (!/^[0-9a-f]{8,64}$/.test(hash)) throw new Error(`invalid program hash ${hash}`);
    return join(this.root, `${hash}.json`);
  }

  async put(hash: string, program: Program): Promise<void> {
    await mkdir(this.root, { recursive: true });
    const path = this.path(hash);
    // Written whole or not at all: a reader never sees half a program.
    await writeFile(`${path}.tmp`, JSON.stringify(program));
    await rename(`${path}.tmp`, path);
  }

  async get(hash: string): Promise<Program | undefined> {
    try {
      return JSON.parse(await readFile(this.path(hash), 'utf8')) as Program;
    } catch {
      return undefined;
    }
  }
}

/** For tests and one-process runs: versions live as long as the worker process. */
export class MemoryProgramStore implements ProgramStore {
  private readonly versions = new Map<string, Program>();

  async put(hash: string, program: Program): Promise<void> {
    this.versions.set(hash, program);
  }

  async get(hash: string): Promise<Program | undefined> {
    return this.versions.get(hash);
  }
}

/**
 * Versions in the records database: every worker on every host reads the same ones, and the
 * applied versions are part of the office's record (who applied what, when, its content).
 */
export class RecordsProgramStore implements ProgramStore {
  constructor(private readonly records: Records) {}

  async put(hash: string, program: Program): Promise<void> {
    await this.records.putProgramVersion({
      programId: program.program.id,
      hash,
      title: program.program.title,
      year: program.program.year,
      // The program as applied (checked and normalised), as JSON.
      content: JSON.stringify(program),
      appliedAt: new Date().toISOString(),
    });
  }

  async get(hash: string): Promise<Program | undefined> {
    const version = await this.records.getProgramVersion(hash);
    return version ? (JSON.parse(version.content) as Program) : undefined;
  }
}
