// Workflow input checked once, at the top of a workflow. A bad input is a bug of whoever
// started the workflow and will not fix itself: it fails the workflow at once, naming the
// fields, instead of failing the workflow task over and over.
import { ApplicationFailure } from '@temporalio/workflow';
import type { z } from 'zod';

export function checkedInput<S extends z.ZodType>(schema: S, raw: unknown, workflow: string): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`).join('; ');
  throw ApplicationFailure.nonRetryable(`dữ liệu đầu vào không hợp lệ (invalid ${workflow} input): ${fields}`, 'InvalidWorkflowInput');
}
