// Withdraws assignments: a unit the re-applied program no longer asks, or every open
// assignment of an occurrence that is itself cancelled. The assignment tells its unit and
// then its occurrence (a last summary); one already closed or gone says nothing more.
import { Context } from '@temporalio/activity';
import { WorkflowNotFoundError } from '@temporalio/common';
import type { Client } from '@temporalio/client';

const CONCURRENT_CANCELS = 20;

async function cancelOne(client: Client, id: string): Promise<boolean> {
  const handle = client.workflow.getHandle(id);
  try {
    const { status } = await handle.describe();
    if (status.name !== 'RUNNING') return false;
    await handle.cancel();
    return true;
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) return false;
    throw err;
  }
}

/** Returns the ids that were not running (no last summary will come from them). */
export async function cancelIds(ids: string[]): Promise<string[]> {
  const { client } = Context.current();
  const closed: string[] = [];
  for (let i = 0; i < ids.length; i += CONCURRENT_CANCELS) {
    const page = ids.slice(i, i + CONCURRENT_CANCELS);
    const running = await Promise.all(page.map((id) => cancelOne(client, id)));
    page.forEach((id, k) => {
      if (!running[k]) closed.push(id);
    });
  }
  return closed;
}
