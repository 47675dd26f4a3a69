// The sink's record on disk: one JSON line per accepted message, appended as it arrives, so
// the inbox survives a restart of the sink (the record of what dondoc sent is the point of a
// sink). A clear writes a marker line instead of a message, so ids never restart.
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SunkMessage } from './types';

interface ClearMarker {
  cleared: true;
  nextId: number;
}

type Line = SunkMessage | ClearMarker;

export interface Journal {
  append(message: SunkMessage): void;
  cleared(nextId: number): void;
}

export interface Loaded {
  messages: SunkMessage[];
  nextId: number;
}

/**
 * Reads the journal (the newest `maxMessages` survive) and rewrites it compacted. A torn last
 * line, left by a sink killed mid-write, is dropped: the client was never told 250 for it.
 */
export function openJournal(file: string, maxMessages: number): { journal: Journal; loaded: Loaded } {
  mkdirSync(dirname(file), { recursive: true });
  let messages: SunkMessage[] = [];
  let nextId = 1;
  if (existsSync(file)) {
    for (const text of readFileSync(file, 'utf8').split('\n')) {
      if (text.trim() === '') continue;
      let line: Line;
      try {
        line = JSON.parse(text) as Line;
      } catch {
        continue;
      }
      if ('cleared' in line) {
        messages = [];
        nextId = Math.max(nextId, line.nextId);
      } else {
        messages.push(line);
        nextId = Math.max(nextId, line.id + 1);
      }
    }
  }
  messages = messages.slice(-maxMessages);
  const compacted = [JSON.stringify({ cleared: true, nextId } satisfies ClearMarker), ...messages.map((m) => JSON.stringify(m))];
  writeFileSync(`${file}.tmp`, `${compacted.join('\n')}\n`);
  renameSync(`${file}.tmp`, file);
  return {
    loaded: { messages, nextId },
    journal: {
      append: (message) => appendFileSync(file, `${JSON.stringify(message)}\n`),
      cleared: (next) => appendFileSync(file, `${JSON.stringify({ cleared: true, nextId: next } satisfies ClearMarker)}\n`),
    },
  };
}
