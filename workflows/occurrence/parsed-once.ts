// An update's arguments parsed once. A validator has to parse them to check them, and the
// handler needs the parsed value (defaults filled, strings trimmed), but the SDK decodes the
// arguments afresh for each: so the validator keeps what it parsed under the update's id and
// the handler takes it. On replay validators do not run (an accepted update is in the
// history), so there the handler parses: the same schema on the same input, the same value.
import { currentUpdateInfo } from '@temporalio/workflow';

export interface Parser<T> {
  parse(raw: unknown): T;
}

export interface ParsedOnce<T> {
  /** For the validator: parses, runs `check` (which throws to reject), keeps the result. */
  validate(raw: unknown, check?: (args: T) => void): void;
  /** For the handler: what the validator parsed, or (replaying) parses now. */
  take(raw: unknown): T;
}

export function parsedOnce<T>(schema: Parser<T>): ParsedOnce<T> {
  const byUpdate = new Map<string, T>();
  return {
    validate(raw, check) {
      const args = schema.parse(raw);
      check?.(args);
      // Kept only once accepted: a rejected update never reaches its handler to take it.
      const id = currentUpdateInfo()?.id;
      if (id !== undefined) byUpdate.set(id, args);
    },
    take(raw) {
      const id = currentUpdateInfo()?.id;
      const kept = id === undefined ? undefined : byUpdate.get(id);
      if (id !== undefined) byUpdate.delete(id);
      return kept ?? schema.parse(raw);
    },
  };
}
