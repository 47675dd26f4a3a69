// `simulate` in one call: run the program over a range, read what was sent, sum it up. The CLI
// and the oracle test both come through here.
import type { Plan } from '../../program/plan-types';
import type { Program } from '../../program/types';
import type { Behaviour } from './behaviour';
import { NoticeReader, type SimNotice } from './notices';
import { simulate, type SimulationRun } from './run';
import { summarize, type SimulationSummary } from './summary';

export { BEHAVIOURS, type Behaviour } from './behaviour';
export { MAIL_SENDING_KINDS, sendsMail } from './mail-kinds';
export type { SimNotice } from './notices';
export type { SimulationSummary } from './summary';

export interface SimulationResult {
  notices: SimNotice[];
  summary: SimulationSummary;
  run: SimulationRun;
}

/** The whole program: from the day of its first event to the day of its last. */
export function programRange(plan: Plan): { from: string; to: string } {
  let from = `${plan.year}-01-01`;
  let to = `${plan.year}-12-31`;
  let first = true;
  for (const e of plan.events) {
    if (first || e.date < from) from = e.date;
    if (first || e.date > to) to = e.date;
    first = false;
  }
  return { from, to };
}

export async function runSimulation(
  program: Program,
  plan: Plan,
  o: { from: string; to: string; behaviour: Behaviour; seed: number; progress?: (date: string) => void; stallMs?: number; signal?: AbortSignal },
): Promise<SimulationResult> {
  const run = await simulate({ program, plan, ...o });
  const reader = new NoticeReader(plan, run.handedAt);
  const notices = run.messages.map((m) => reader.read(m)).sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.messageId.localeCompare(b.messageId));
  return { notices, summary: summarize(plan, run, notices, { from: o.from, to: o.to, behaviour: o.behaviour, seed: o.seed }), run };
}
