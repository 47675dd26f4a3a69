// Recorded workflow histories guard determinism: a change to workflow code that would
// make running workflows diverge fails the replay test. Tests record a fresh history
// when RECORD_HISTORIES=1 (run it when a workflow changes on purpose, with patching).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { WorkflowHandle } from '@temporalio/client';
import { temporal } from '@temporalio/proto';

const { History } = temporal.api.history.v1;
type History = temporal.api.history.v1.IHistory;

const dir = resolve(__dirname, '..', 'fixtures', 'histories');

export async function recordHistory(handle: WorkflowHandle, name: string): Promise<void> {
  if (process.env.RECORD_HISTORIES !== '1') return;
  mkdirSync(dir, { recursive: true });
  // protobufjs' own object form (enum names, string longs, base64 bytes) round-trips
  // through fromObject without depending on which protobufjs copy loaded the message.
  const history = History.fromObject(await handle.fetchHistory());
  const json = History.toObject(history, { enums: String, longs: String, bytes: String, defaults: false });
  writeFileSync(join(dir, `${name}.json`), `${JSON.stringify(json, null, 1)}\n`);
}

export function recordedHistories(): { workflowId: string; history: History }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ workflowId: f.replace(/\.json$/, ''), history: History.fromObject(JSON.parse(readFileSync(join(dir, f), 'utf8')) as Record<string, unknown>) }));
}
