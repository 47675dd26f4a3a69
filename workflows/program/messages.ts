// The contract of programWorkflow (one per program-year): apply a program file, read its
// state. `dondoc apply` stores the validated program in the program store and sends its
// hash; the plan is compiled by activities.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
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
 * The fields the validator reads, checked once. Plain checks, not zod: every module a workflow
 * imports is evaluated in each new run (see DESIGN.md), and the program itself is checked and
 * normalised by the client before it is hashed; here only its id matters.
 */
export function checkApplyArgs(raw: unknown): { hash: string; programId: string | undefined } {
  const problems: string[] = [];
  const args = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const hash = typeof args.hash === 'string' && /^[0-9a-f]{8,64}$/.test(args.hash) ? args.hash : undefined;
  if (!hash) problems.push('hash: 8–64 hex digits expected');
  if (args.programId !== undefined && (typeof args.programId !== 'string' || args.programId === '')) problems.push('programId: a program id expected');
  const header = (args.program as { program?: { id?: unknown } } | undefined)?.program;
  if (args.program !== undefined && typeof header?.id !== 'string') problems.push('program.program.id: a program id expected');
  if (args.fileName !== undefined && typeof args.fileName !== 'string') problems.push('fileName: text expected');
  if (args.dryRun !== undefined && typeof args.dryRun !== 'boolean') problems.push('dryRun: true or false expected');
  if (problems.length > 0 || !hash) throw new Error(`yêu cầu áp dụng không hợp lệ (invalid apply): ${problems.join('; ')}`);
  const named = typeof header?.id === 'string' ? header.id : (args.programId as string | undefined);
  return { hash, programId: named };
}

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
