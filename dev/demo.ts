// The demo that `npm start` runs until a real program is applied: three communes asked
// for a report due in a few minutes, so a request and a reminder reach the inbox at once
// and the escalation ladder can be watched in the first quarter of an hour.
import type { Client } from '@temporalio/client';
import { DateTime } from 'luxon';
import { assignmentWorkflow } from '../workflows';
import type { AssignmentInput } from '../workflows/assignment/messages';

const UNITS = [
  { id: 'tho-dan', name: 'UBND xã Thọ Dân' },
  { id: 'thi-tran-trieu-son', name: 'UBND thị trấn Triệu Sơn' },
  { id: 'hop-thanh', name: 'UBND xã Hợp Thành' },
];

export async function startDemo(client: Client, taskQueue: string, now = DateTime.now().setZone('Asia/Ho_Chi_Minh')): Promise<string[]> {
  const stamp = now.toFormat('yyyyLLdd-HHmm');
  const ids: string[] = [];
  for (const [i, unit] of UNITS.entries()) {
    const input: AssignmentInput = {
      programId: 'demo',
      programTitle: 'Chương trình công tác vì sự tiến bộ của phụ nữ (bản trình diễn)',
      itemId: 'bao-cao-thang-hanh-dong',
      itemTitle: 'Báo cáo kết quả Tháng hành động vì bình đẳng giới',
      period: `Năm ${now.year}`,
      unit: {
        id: unit.id,
        name: unit.name,
        emails: [`vanphong@${unit.id}.example.org`],
        head: { name: `Chủ tịch ${unit.name}`, email: `chutich@${unit.id}.example.org` },
      },
      office: { name: 'Phòng Lao động - Thương binh và Xã hội', emails: ['ldtbxh@trieuson.example.org'] },
      chair: { name: 'Lê Quang Trung', email: 'truongban@trieuson.example.org', title: 'Trưởng ban' },
      dueAt: now.plus({ minutes: 5 + 2 * i }).startOf('minute').toISO()!,
      timeZone: 'Asia/Ho_Chi_Minh',
      locale: 'vi',
      reminders: [
        { amount: 3, unit: 'minutes' },
        { amount: 1, unit: 'minutes' },
      ],
      escalations: [
        { amount: 1, unit: 'minutes', audience: 'unit-head' },
        { amount: 3, unit: 'minutes', audience: 'office' },
        { amount: 3, unit: 'minutes', audience: 'chair' },
      ],
    };
    const workflowId = `demo/${stamp}/${unit.id}`;
    await client.workflow.start(assignmentWorkflow, { taskQueue, workflowId, args: [input] });
    ids.push(workflowId);
  }
  return ids;
}
