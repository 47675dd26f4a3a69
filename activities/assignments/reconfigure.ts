// A re-applied program changed an occurrence: compares the assignments of the two versions,
// one page of ids at a time, and acts on each difference — new units are asked, withdrawn
// ones cancelled, moved dues re-armed, corrected addresses get their refused notices again.
// Done here rather than in the workflow: a due moved for 3,400 units is 3,400 signals, more
// than one execution may have pending.
import { Context } from '@temporalio/activity';
import { WorkflowNotFoundError } from '@temporalio/common';
import { contactsChangedSignal, rescheduleSignal, type AssignmentInput } from '../../workflows/assignment/messages';
import { reasonText } from '../notify/render';
import { cancelIds } from './cancel';
import { seedOf, startEntries } from './start';
import type { AssignmentEntry, ReconfigureAssignmentsArgs, ReconfiguredPage } from './types';

async function signalQuietly(send: () => Promise<void>): Promise<void> {
  try {
    await send();
  } catch (err) {
    // Closed already (accepted, exempted): nothing left to move.
    if (!(err instanceof WorkflowNotFoundError)) throw err;
  }
}

export async function reconfigureEntries(before: AssignmentEntry[], after: AssignmentEntry[], args: ReconfigureAssignmentsArgs): Promise<ReconfiguredPage> {
  const old = new Map(before.map((e) => [e.id, e.input]));
  const now = new Map(after.map((e) => [e.id, e.input]));
  const ids = [...new Set([...old.keys(), ...now.keys()])].sort();
  const page = ids.slice(args.offset, args.offset + args.limit);
  const withdrawn = new Set(args.removed);
  const { client } = Context.current();

  const toStart: AssignmentEntry[] = [];
  const toCancel: string[] = [];
  for (const id of page) {
    const b = old.get(id);
    const a = now.get(id);
    if (a && (!b || withdrawn.has(id))) {
      if (Date.parse(a.dueAt) > args.dueAfter) toStart.push({ id, input: a });
    } else if (!a) {
      if (!withdrawn.has(id)) toCancel.push(id);
    } else if (b) {
      await tellChanges(id, b, a);
    }
  }
  await startEntries(toStart, args.parent);
  await cancelIds(toCancel);
  return { started: toStart.map(seedOf), removed: toCancel, total: ids.length };

  async function tellChanges(id: string, b: AssignmentInput, a: AssignmentInput): Promise<void> {
    const handle = client.workflow.getHandle(id);
    if (Date.parse(b.dueAt) !== Date.parse(a.dueAt)) {
      await signalQuietly(() => handle.signal(rescheduleSignal, { dueAt: a.dueAt, reason: reasonText(args.reason, a.locale ?? 'vi'), steps: a.steps }));
    }
    if (JSON.stringify(b.unit) !== JSON.stringify(a.unit)) await signalQuietly(() => handle.signal(contactsChangedSignal, a.unit));
  }
}
