// Every patch in workflow code (workflows/patches.ts) is exercised by recorded histories on
// both of its paths: one recorded before the patch (no marker: replay takes the old path) and
// one after it (the marker recorded: replay takes the new path). replay.test.ts replays them
// all; this test makes sure neither path of any patch is left without a history to replay.
import { describe, expect, it } from 'vitest';
import { INPUT_GATES, PATCHES } from '../../workflows/patches';
import { recordedHistories } from '../support/histories';

type Event = NonNullable<ReturnType<typeof recordedHistories>[number]['history']['events']>[number];

/** The ids of the patch markers a history recorded (the SDK's `core_patch` markers). */
function patchIds(events: Event[]): string[] {
  return events.flatMap((e) => {
    const marker = e.markerRecordedEventAttributes;
    if (marker?.markerName !== 'core_patch') return [];
    return (marker.details?.['patch-data']?.payloads ?? []).map((p) => (JSON.parse(Buffer.from(p.data ?? new Uint8Array()).toString('utf8')) as { id: string }).id);
  });
}

/** The first argument the execution was started with (the workflow's input), when it is an object. */
function startInput(events: Event[]): Record<string, unknown> | undefined {
  const payload = events[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0];
  if (!payload?.data) return undefined;
  const value: unknown = JSON.parse(Buffer.from(payload.data).toString('utf8'));
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
}

describe('patches and the histories that guard them', () => {
  const histories = recordedHistories().map((h) => ({
    name: h.workflowId,
    type: h.history.events?.[0]?.workflowExecutionStartedEventAttributes?.workflowType?.name,
    patches: patchIds(h.history.events ?? []),
    input: startInput(h.history.events ?? []),
  }));

  it('names only patches that workflows/patches.ts lists', () => {
    const known = new Set(PATCHES.map((p) => p.id));
    expect(histories.flatMap((h) => h.patches.filter((id) => !known.has(id)).map((id) => `${h.name}: ${id}`))).toEqual([]);
  });

  for (const patch of PATCHES) {
    it(`${patch.id}: a history of ${patch.workflowType} on each path`, () => {
      const ofType = histories.filter((h) => h.type === patch.workflowType);
      const newPath = ofType.filter((h) => h.patches.includes(patch.id)).map((h) => h.name);
      const oldPath = ofType.filter((h) => !h.patches.includes(patch.id)).map((h) => h.name);
      expect(newPath, `no history recorded since ${patch.since} (RECORD_HISTORIES=1)`).not.toEqual([]);
      expect(oldPath, `no history recorded before ${patch.since}`).not.toEqual([]);
    });
  }

  // Input-gated changes: the new path is taken by executions whose input has the field.
  for (const gate of INPUT_GATES) {
    it(`${gate.field}: a history of ${gate.workflowType} started with it and one without`, () => {
      const ofType = histories.filter((h) => h.type === gate.workflowType);
      const withField = ofType.filter((h) => h.input?.[gate.field] !== undefined).map((h) => h.name);
      const without = ofType.filter((h) => h.input?.[gate.field] === undefined).map((h) => h.name);
      expect(withField, `no history recorded since ${gate.since} (RECORD_HISTORIES=1)`).not.toEqual([]);
      expect(without, `no history recorded before ${gate.since}`).not.toEqual([]);
    });
  }
});
