// parsedOnce: the validator's parse is what the handler gets, once; on replay (no validator)
// the handler parses; a rejected update leaves nothing behind.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { parsedOnce } from '../../../workflows/occurrence/parsed-once';

let updateId: string | undefined;
// Hoisted above the imports by vitest: parsedOnce sees this currentUpdateInfo.
vi.mock('@temporalio/workflow', () => ({ currentUpdateInfo: () => (updateId === undefined ? undefined : { id: updateId, name: 'u' }) }));

describe('parsedOnce', () => {
  const parses = vi.fn();
  const schema = { parse: (raw: unknown) => (parses(raw), z.object({ n: z.number().default(1) }).parse(raw)) };
  beforeEach(() => {
    parses.mockClear();
    updateId = 'update-1';
  });

  it('gives the handler what the validator parsed, without parsing again', () => {
    const args = parsedOnce(schema);
    args.validate({ n: 5 });
    expect(args.take({ n: 5 })).toEqual({ n: 5 });
    expect(parses).toHaveBeenCalledTimes(1);
  });

  it('parses in the handler when no validator ran (replay), and only takes a kept value once', () => {
    const args = parsedOnce(schema);
    expect(args.take({})).toEqual({ n: 1 });
    args.validate({ n: 2 });
    args.take({ n: 2 });
    expect(args.take({ n: 3 })).toEqual({ n: 3 });
    expect(parses).toHaveBeenCalledTimes(3);
  });

  it('keeps nothing for an update its check rejects, and keys by update', () => {
    const args = parsedOnce(schema);
    expect(() => args.validate({ n: 7 }, () => {
      throw new Error('no');
    })).toThrow('no');
    updateId = 'update-2';
    args.validate({ n: 8 });
    updateId = 'update-1';
    expect(args.take({ n: 9 })).toEqual({ n: 9 });
    updateId = 'update-2';
    expect(args.take({ n: 8 })).toEqual({ n: 8 });
    expect(parses).toHaveBeenCalledTimes(3);
  });

  it('refuses what the schema refuses', () => {
    expect(() => parsedOnce(schema).validate({ n: 'x' })).toThrow();
  });
});
