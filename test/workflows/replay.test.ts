// Replays every recorded history against the current workflow code: a non-deterministic
// change (reordered commands, a removed timer, a new activity without a patch) fails here.
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { recordedHistories } from '../support/histories';
import { workflowBundle } from '../support/temporal';

describe('replay of recorded histories', () => {
  const histories = recordedHistories();

  it('covers every workflow type the worker registers', () => {
    const types = new Set(histories.map((h) => h.history.events?.[0]?.workflowExecutionStartedEventAttributes?.workflowType?.name));
    expect([...types].sort()).toEqual(['assignmentWorkflow', 'campaignWorkflow', 'inspectionWorkflow', 'programWorkflow', 'reportCycleWorkflow', 'taskWorkflow']);
  });

  it('replays each of them without a determinism error', async () => {
    const results: { workflowId: string; error?: unknown }[] = [];
    for await (const result of Worker.runReplayHistories({ workflowBundle: await workflowBundle() }, histories)) {
      results.push({ workflowId: result.workflowId, ...(result.error ? { error: result.error } : {}) });
    }
    expect(results.filter((r) => r.error).map((r) => `${r.workflowId}: ${String(r.error)}`)).toEqual([]);
    expect(results).toHaveLength(histories.length);
  });
});
