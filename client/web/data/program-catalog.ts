// Every applied program, read from the program workflows themselves (one per program-year)
// rather than from their assignments: a program is listed as soon as it is applied, before
// any of its requests has gone out. The state comes from the workflow's status query; the
// header (year, issuer), names and next events from the program it was last applied with,
// read from the program store (or, for applies that carried the whole program, the workflow's
// history) once per applied version and kept in memory.
import type { Client } from '@temporalio/client';
import type { temporal } from '@temporalio/proto';
import { compilePlan } from '../../../program/plan';
import type { EventKind, Plan, Program } from '../../../program/types';
import { programStatusQuery, type ProgramState } from '../../../workflows/program/messages';
import { TtlCache } from './cache';
import type { Visibility } from './visibility';

export const PROGRAM_WORKFLOWS = `WorkflowType = 'programWorkflow'`;
const MAX_PROGRAMS = 200;
const QUERY_TIMEOUT_MS = 3000;
/** Events a reader cares about on the programs page (not every reminder of every unit). */
const HEADLINE_EVENTS: ReadonlySet<EventKind> = new Set(['request', 'due', 'launch', 'check-in', 'visit', 'consolidation', 'approval', 'forward', 'escalation']);

export interface NextEvent {
  at: string;
  kind: EventKind;
  itemId: string;
  itemTitle: string;
  periodLabel: string;
  /** Units concerned by this event at this time. */
  units: number;
}

export interface ProgramSummary {
  programId: string;
  workflowId: string;
  running: boolean;
  title: string;
  titleEn?: string;
  year?: number;
  issuer?: string;
  appliedAt?: string;
  fileName?: string;
  occurrences: { started: number; scheduled: number; missed: number };
  next: NextEvent[];
  /** The status query or the history could not be read (no worker, say). */
  partial: boolean;
}

/** A program as last applied, with its plan: names for the dashboard. */
export interface ProgramModel {
  program: Program;
  plan: Plan;
}

function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  return Promise.race([promise.catch(() => undefined), new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), ms).unref())]);
}

type Payload = temporal.api.common.v1.IPayload;

function decode(payload: Payload | null | undefined): unknown {
  if (!payload?.data) return undefined;
  try {
    return JSON.parse(Buffer.from(payload.data).toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

const isProgram = (v: unknown): v is Program =>
  typeof v === 'object' && v !== null && 'program' in v && 'items' in v && 'units' in v && typeof (v as { program: { id?: unknown } }).program.id === 'string';

/**
 * The program a run was last applied with: the last accepted `apply` update with that hash,
 * or the program carried over by continue-as-new in the run's input.
 */
export function programFromHistory(history: temporal.api.history.v1.IHistory, hash: string | undefined): Program | undefined {
  const events = history.events ?? [];
  for (let i = events.length - 1; i >= 0; i--) {
    const accepted = events[i]?.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input;
    if (accepted?.name !== 'apply') continue;
    const args = decode(accepted.args?.payloads?.[0]) as { program?: unknown; hash?: unknown } | undefined;
    if (args && isProgram(args.program) && (hash === undefined || args.hash === hash)) return args.program;
  }
  const input = decode(events[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0]) as { carried?: { program?: unknown } } | undefined;
  return isProgram(input?.carried?.program) ? input.carried.program : undefined;
}

export function nextEvents(model: ProgramModel, now: number, max = 3): NextEvent[] {
  const { program, plan } = model;
  const items = new Map(program.items.map((i) => [i.id, i]));
  const occurrences = new Map(plan.occurrences.map((o) => [o.id, o]));
  const grouped = new Map<string, NextEvent>();
  for (const e of plan.events) {
    if (!HEADLINE_EVENTS.has(e.kind)) continue;
    const at = Date.parse(e.at);
    if (at <= now) continue;
    const key = `${e.occurrenceId}|${e.kind}|${e.at}`;
    const found = grouped.get(key);
    if (found) {
      found.units++;
      continue;
    }
    const item = items.get(e.itemId);
    const occurrence = occurrences.get(e.occurrenceId);
    grouped.set(key, {
      at: e.at,
      kind: e.kind,
      itemId: e.itemId,
      itemTitle: item ? (item.short ?? item.title) : e.itemId,
      periodLabel: occurrence?.label[program.program.locale] ?? e.periodKey,
      units: 1,
    });
  }
  return [...grouped.values()].sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.itemTitle.localeCompare(b.itemTitle, 'vi')).slice(0, max);
}

export class ProgramCatalog {
  private readonly list = new TtlCache<ProgramSummary[]>(5_000, 2);
  /** By `programId|hash`: an applied version never changes. */
  private readonly models = new TtlCache<ProgramModel | undefined>(24 * 3_600_000, 50);

  /** Applied versions by hash (the records database), set by the editor that stores them. */
  private versions: ((hash: string) => Promise<Program | undefined>) | undefined;

  constructor(
    private readonly client: Client,
    private readonly visibility: Visibility,
  ) {}

  /**
   * Read applied versions from the program store first: an apply that sent only the hash
   * (0.5 and later), or a run continued as new, has no program in its history.
   */
  readVersionsFrom(load: (hash: string) => Promise<Program | undefined>): void {
    this.versions = load;
  }

  programs(now = Date.now()): Promise<ProgramSummary[]> {
    return this.list.get('all', async () => {
      const page = await this.visibility.occurrences(PROGRAM_WORKFLOWS, MAX_PROGRAMS);
      // One row per program: the latest run (visibility lists newest first).
      const seen = new Set<string>();
      const rows = page.rows.filter((r) => (seen.has(r.workflowId) ? false : (seen.add(r.workflowId), true)));
      const summaries = await Promise.all(rows.map((r) => this.summary(r.workflowId, r.programId || r.workflowId.replace(/^program\//, ''), r.running, now)));
      return summaries.sort((a, b) => Number(b.running) - Number(a.running) || (b.year ?? 0) - (a.year ?? 0) || a.title.localeCompare(b.title, 'vi'));
    });
  }

  /** The program as last applied (names, plan), or undefined when no program workflow has it. */
  async model(programId: string): Promise<ProgramModel | undefined> {
    return (await this.current(programId)).model;
  }

  /** The program workflow's state and the program it was last applied with. */
  async current(programId: string): Promise<{ state: ProgramState | undefined; model: ProgramModel | undefined }> {
    const workflowId = `program/${programId}`;
    const state = await within(this.client.workflow.getHandle(workflowId).query(programStatusQuery), QUERY_TIMEOUT_MS);
    return { state, model: await this.modelFor(workflowId, state) };
  }

  private modelFor(workflowId: string, state: ProgramState | undefined): Promise<ProgramModel | undefined> {
    const key = `${workflowId}|${state?.hash ?? ''}`;
    return this.models.get(key, async () => {
      const stored = state?.hash && this.versions ? await this.versions(state.hash).catch(() => undefined) : undefined;
      if (stored && `program/${stored.program.id}` === workflowId) return { program: stored, plan: compilePlan(stored) };
      const history = await within(this.client.workflow.getHandle(workflowId).fetchHistory(), QUERY_TIMEOUT_MS * 3);
      const program = history ? programFromHistory(history, state?.hash) : undefined;
      return program ? { program, plan: compilePlan(program) } : undefined;
    });
  }

  private async summary(workflowId: string, programId: string, running: boolean, now: number): Promise<ProgramSummary> {
    const state = await within(this.client.workflow.getHandle(workflowId).query(programStatusQuery), QUERY_TIMEOUT_MS);
    const model = await this.modelFor(workflowId, state).catch(() => undefined);
    const header = model?.program.program;
    const count = (s: string) => state?.occurrences.filter((o) => o.status === s).length ?? 0;
    return {
      programId,
      workflowId,
      running,
      title: header?.title ?? state?.title ?? programId,
      ...(header?.titleEn ? { titleEn: header.titleEn } : {}),
      ...(header ? { year: header.year, issuer: header.issuer } : {}),
      ...(state?.appliedAt ? { appliedAt: state.appliedAt } : {}),
      ...(state?.fileName ? { fileName: state.fileName } : {}),
      occurrences: { started: count('started'), scheduled: count('scheduled'), missed: count('missed') },
      next: model ? nextEvents(model, now) : [],
      partial: state === undefined || model === undefined,
    };
  }

  forget(): void {
    this.list.clear();
    this.models.clear();
  }
}
