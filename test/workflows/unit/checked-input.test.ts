// A workflow's input is checked once, at its top: a bad one fails the workflow at once (a
// non-retryable failure naming every field) instead of failing its task over and over.
import { ApplicationFailure } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkedInput } from '../../../workflows/occurrence/checked-input';

const schema = z.object({
  unit: z.object({ id: z.string().min(1), emails: z.array(z.email()).min(1) }),
  dueAt: z.iso.datetime({ offset: true }),
  locale: z.enum(['vi', 'en']).default('vi'),
});

function failure(raw: unknown): ApplicationFailure {
  try {
    checkedInput(schema, raw, 'assignmentWorkflow');
  } catch (err) {
    return err as ApplicationFailure;
  }
  throw new Error('the input was accepted');
}

describe('checkedInput', () => {
  it('returns the checked input, defaults filled in', () => {
    const input = { unit: { id: 'tho-dan', emails: ['vanphong@tho-dan.example.org'] }, dueAt: '2030-06-14T17:00:00+07:00' };
    expect(checkedInput(schema, input, 'assignmentWorkflow')).toEqual({ ...input, locale: 'vi' });
  });

  it('fails for good: a non-retryable InvalidWorkflowInput, so the workflow fails at once', () => {
    const err = failure({});
    expect(err).toBeInstanceOf(ApplicationFailure);
    expect(err.nonRetryable).toBe(true);
    expect(err.type).toBe('InvalidWorkflowInput');
  });

  it('names the workflow and every field at fault, by its path', () => {
    const err = failure({ unit: { id: '', emails: ['không phải email'] }, dueAt: '14/06/2030' });
    expect(err.message).toMatch(/^dữ liệu đầu vào không hợp lệ \(invalid assignmentWorkflow input\): /);
    expect(err.message).toContain('unit.id: ');
    expect(err.message).toContain('unit.emails.0: ');
    expect(err.message).toContain('dueAt: ');
    expect(err.message.split('; ')).toHaveLength(3);
  });

  it('says "(input)" when the input is not an object at all', () => {
    expect(failure(undefined).message).toMatch(/: \(input\): /);
  });
});
