// How long Temporal keeps a closed workflow's history: set on purpose at every `npm start`
// rather than left at the dev server's 24 h. Temporal's copy is for debugging and replay;
// the records database keeps the legal record (see the README, "Operations").
import type { Connection } from '@temporalio/client';
import { msNumberToTs, tsToMs } from '@temporalio/common/lib/time';

const DAY_SECONDS = 86_400;

/** Sets the namespace retention and reads it back; retried while the namespace is still loading. */
export async function setNamespaceRetention(connection: Pick<Connection, 'workflowService'>, namespace: string, days: number, timeoutMs = 30_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await connection.workflowService.updateNamespace({
        namespace,
        config: { workflowExecutionRetentionTtl: msNumberToTs(days * DAY_SECONDS * 1000) },
      });
      const described = await connection.workflowService.describeNamespace({ namespace });
      const seconds = tsToMs(described.config?.workflowExecutionRetentionTtl) / 1000;
      if (seconds !== days * DAY_SECONDS) throw new Error(`retention reads ${seconds} s after the update`);
      return seconds / DAY_SECONDS;
    } catch (err) {
      // A dev server that just opened its port may not have loaded its namespaces yet.
      if (Date.now() > deadline) {
        throw new Error(`không đặt được thời gian lưu của namespace ${namespace} (cannot set retention): ${(err as Error).message.split('\n')[0] ?? ''}`, { cause: err });
      }
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}
