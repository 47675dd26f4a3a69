// The applied versions of a program, for the office: when (from the program workflow, which
// records every apply, from the CLI or the web), who (from the editor's own log in the records
// database), and the content by hash (from the records database, else from the workflow's
// history), downloadable as the YAML file `dondoc validate` reads.
import type { Client } from '@temporalio/client';
import { RecordsProgramStore, type ProgramStore } from '../../../activities/plan/program-store';
import type { Env } from '../../../config/env';
import { openRecords, type Records } from '../../../storage/records';
import { listProgramApplies, recordProgramApply, type ProgramApply } from '../../../storage/records/program-applies';
import type { Program } from '../../../program/types';
import type { ProgramState } from '../../../workflows/program/messages';
import { programFromHistory } from '../data/program-catalog';
import { toYaml } from './check';

export interface VersionRow {
  hash: string;
  appliedAt: string;
  /** The web user who applied it; undefined for a file applied with the CLI. */
  appliedBy?: string;
  fileName?: string;
  current: boolean;
}

/** The records database, opened on first use by the web process (the worker opens its own). */
export class EditorRecords {
  private opening: Promise<Records> | undefined;

  constructor(private readonly env: Env) {}

  records(): Promise<Records> {
    const opening =
      this.opening ??
      openRecords({ url: this.env.DONDOC_RECORDS_URL, dataDir: this.env.DATA_DIR }).catch((err: unknown) => {
        this.opening = undefined;
        throw err;
      });
    this.opening = opening;
    return opening;
  }

  /**
   * The program store the worker reads: the records database the web server was given (the
   * worker's, as `npm start` wires them), else the one of the same configuration as the
   * worker's. The editor stores a version there before it applies it, so the update carries
   * only the hash. Undefined when the database cannot be opened: the apply then carries the
   * whole program.
   */
  async programStore(shared?: Records): Promise<ProgramStore | undefined> {
    const records = shared ?? (await this.records().catch(() => undefined));
    return records ? new RecordsProgramStore(records) : undefined;
  }

  async recordApply(program: Program, hash: string, by: string, at: string): Promise<void> {
    const records = await this.records();
    await records.putProgramVersion({ programId: program.program.id, hash, title: program.program.title, year: program.program.year, content: JSON.stringify(program), appliedBy: by, appliedAt: at });
    const apply: ProgramApply = { programId: program.program.id, hash, appliedBy: by, appliedAt: at, source: 'web' };
    await recordProgramApply(records.db, apply);
  }

  async versions(programId: string, state: ProgramState | undefined): Promise<VersionRow[]> {
    const web = await listProgramApplies((await this.records()).db, programId).catch(() => [] as ProgramApply[]);
    const used = new Set<ProgramApply>();
    const rows: VersionRow[] = (state?.applied ?? []).map((a) => {
      // The workflow's clock and the web's differ by the update's round trip: a minute is plenty.
      const match = web.find((w) => !used.has(w) && w.hash === a.hash && Math.abs(Date.parse(w.appliedAt) - Date.parse(a.at)) < 120_000);
      if (match) used.add(match);
      return { hash: a.hash, appliedAt: a.at, ...(match ? { appliedBy: match.appliedBy } : {}), ...(!match && a.hash === state?.hash && state.fileName ? { fileName: state.fileName } : {}), current: a.hash === state?.hash };
    });
    // Applies the workflow no longer lists (its history was continued or retired).
    for (const w of web) if (!used.has(w)) rows.push({ hash: w.hash, appliedAt: w.appliedAt, appliedBy: w.appliedBy, current: false });
    return rows.sort((a, b) => Date.parse(b.appliedAt) - Date.parse(a.appliedAt));
  }

  async content(client: Client, programId: string, hash: string): Promise<Program | undefined> {
    const stored = await (await this.records()).getProgramVersion(hash).catch(() => undefined);
    if (stored && stored.programId === programId) return JSON.parse(stored.content) as Program;
    const history = await client.workflow.getHandle(`program/${programId}`).fetchHistory().catch(() => undefined);
    return history ? programFromHistory(history, hash) : undefined;
  }

  async close(): Promise<void> {
    if (!this.opening) return;
    const records = await this.opening.catch(() => undefined);
    this.opening = undefined;
    await records?.close();
  }
}

export function versionYaml(program: Program, hash: string, appliedAt: string): string {
  return `# ${program.program.title}\n# Phiên bản ${hash}, áp dụng ${appliedAt}. Kiểm tra: npx dondoc validate <tệp>.yaml\n${toYaml(program)}`;
}
