// The contract of programWorkflow (one per program-year): apply a program file, read its
// state. `dondoc apply` sends the validated program; the plan is compiled by activities.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { ItemKind, Program } from '../../program/types';

export interface ApplyArgs {
  program: Program;
  /** Hash of the program as applied: the same file applied twice changes nothing. */
  hash: string;
  fileName?: string;
  /** Work out what would change (and be cancelled) without changing anything. */
  dryRun?: boolean;
}

/** What names a program to the people who receive its mail. */
export interface ProgramIdentity {
  title: string;
  issuer: string;
  office: string;
}

export interface ApplyResult {
  unchanged: boolean;
  /** Occurrences new to the program (started now or scheduled). */
  added: string[];
  /** Occurrences no longer in the program (their running workflows are cancelled). */
  removed: string[];
  /** Running occurrences whose units or dues changed, with what changed. */
  changed: { id: string; what: string[] }[];
  /** Occurrences whose every due was already past when applied: not started. */
  missed: string[];
  /** Running occurrences the apply cancels (their units are told). */
  cancelled: string[];
  /** The file names another program (title, issuer or office) than the one running. */
  identityChanged?: { before: ProgramIdentity; after: ProgramIdentity };
}

export type OccurrenceStatus = 'scheduled' | 'started' | 'missed' | 'removed';

export interface OccurrenceRecord {
  id: string;
  itemId: string;
  kind: ItemKind;
  label: string;
  /** When its workflow starts: the first dated event of the occurrence. */
  startAt: string;
  /** The last due of its units. */
  lastDueAt: string;
  status: OccurrenceStatus;
  /** Added back after a removal: started once its cancelled run has closed. */
  reAdded?: true;
}

export interface ProgramState {
  programId: string;
  title?: string;
  identity?: ProgramIdentity;
  hash?: string;
  fileName?: string;
  appliedAt?: string;
  applied: { at: string; hash: string; added: number; removed: number; changed: number }[];
  occurrences: OccurrenceRecord[];
}

export const applyUpdate = defineUpdate<ApplyResult, [ApplyArgs]>('apply');
export const programStatusQuery = defineQuery<ProgramState>('status');
