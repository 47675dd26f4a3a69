// The contract of programWorkflow (one per program-year): apply a program file, read its
// state. `dondoc apply` stores the validated program in the program store and sends its
// hash; the plan is compiled by activities.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import { z } from 'zod';
import type { ItemKind, Program } from '../../program/types';

export interface ApplyArgs {
  /** Hash of the program as applied: the same file applied twice changes nothing. */
  hash: string;
  /**
   * The program the version belongs to, when only the hash is sent (the version is already in
   * the program store): the validator refuses a file of another program with it.
   */
  programId?: string;
  /**
   * The whole program: sent by clients before 0.5 (so in every history recorded then) and by
   * a client with no access to the program store. It makes the update's payload grow with the
   * program (~136 bytes a unit: over 256 KiB past ~1,900 units), so clients that can store
   * the version send only its hash.
   */
  program?: Program;
  fileName?: string;
  /** Work out what would change (and be cancelled) without changing anything. */
  dryRun?: boolean;
}

/**
 * What the validator checks, parsed once: the fields it reads. The program itself is checked
 * (and normalised) by the client before it is hashed; here only its id matters.
 */
export const applyArgsSchema = z.object({
  hash: z.string().regex(/^[0-9a-f]{8,64}$/, 'a hex hash'),
  programId: z.string().min(1).optional(),
  program: z.looseObject({ program: z.looseObject({ id: z.string().min(1) }) }).optional(),
  fileName: z.string().max(500).optional(),
  dryRun: z.boolean().optional(),
});

export interface ProgramWorkflowInput {
  programId: string;
  /** Continue-as-new past this many history events (default 5,000; tests use a few). */
  historyLimit?: number;
  /** The same for the occurrences it starts (default theirs: 8,000); tests use a few dozen. */
  occurrenceHistoryLimit?: number;
  /** Carried over by continue-as-new: the state, whose `hash` names the applied version. */
  carried?: { state: ProgramState };
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
