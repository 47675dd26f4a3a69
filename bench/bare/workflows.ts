// The floor dondoc is measured against: a bare Temporal workflow per unit doing what an
// assignment does at its simplest — a request, reminders on timers, one activity per
// notice, an update that takes the submission (receipt) and one that accepts it (the
// office's decision, which is what closes a dondoc assignment). No records, no search
// attributes, no parent to tell.
import { condition, defineUpdate, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { createBareActivities } from './activities';

const { sendBareNotice } = proxyActivities<ReturnType<typeof createBareActivities>>({ startToCloseTimeout: '1 minute' });

export const bareSubmitUpdate = defineUpdate<string, [string]>('submit');
export const bareAcceptUpdate = defineUpdate<string, []>('accept');

export interface BareInput {
  to: string;
  /** Epoch ms. */
  dueAt: number;
  reminders: number[];
}

export async function bareAssignmentWorkflow(input: BareInput): Promise<string> {
  const { workflowId } = workflowInfo();
  let submitted: string | undefined;
  let accepted = false;
  setHandler(bareSubmitUpdate, (content) => {
    submitted = content;
    return 'received';
  });
  setHandler(
    bareAcceptUpdate,
    () => {
      accepted = true;
      return 'accepted';
    },
    {
      validator: () => {
        if (submitted === undefined) throw new Error('nothing submitted');
      },
    },
  );
  await sendBareNotice({ key: `${workflowId}/request`, to: input.to, subject: 'Yêu cầu báo cáo' });
  for (const [i, at] of input.reminders.entries()) {
    if (await condition(() => submitted !== undefined, Math.max(0, at - Date.now()))) break;
    await sendBareNotice({ key: `${workflowId}/reminder-${i + 1}`, to: input.to, subject: 'Nhắc hạn' });
  }
  if (submitted === undefined) await condition(() => submitted !== undefined, Math.max(0, input.dueAt - Date.now()));
  if (submitted === undefined) return 'missing';
  await sendBareNotice({ key: `${workflowId}/receipt`, to: input.to, subject: 'Biên nhận' });
  await condition(() => accepted);
  await sendBareNotice({ key: `${workflowId}/accepted`, to: input.to, subject: 'Đã tiếp nhận' });
  return submitted;
}
