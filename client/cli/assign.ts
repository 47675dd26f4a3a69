// `dondoc assign`: start one assignment (one unit, one deliverable, one due) by hand.
import { readFile } from 'node:fs/promises';
import { assignmentInputSchema, assignmentMemo, type AssignmentInput } from '../../workflows/assignment/messages';
import { assignmentWorkflow } from '../../workflows';
import { assignmentWorkflowId } from '../temporal';
import { assignmentStartAttributes } from '../../workflows/search-attributes';
import { withFirstRound, type UnscheduledAssignment } from '../first-round';
import { check, parse, parseDue } from './args';
import { UsageError, type Command } from './command';
import { parseEscalation, parseOffset } from './offsets';
import { withClient } from './with-client';

const help = `Tạo một hồ sơ đôn đốc (một đơn vị, một việc, một hạn nộp).
Start one assignment.

dondoc assign --unit ID --unit-name TÊN --unit-email EMAIL --office-email EMAIL
              --item ID --title TIÊU_ĐỀ --due "YYYY-MM-DD HH:mm" [tùy chọn]
dondoc assign --input assignment.json [--id ID]

  --program ID            mã chương trình (mặc định: adhoc)
  --program-title TEXT    tên chương trình
  --period TEXT           kỳ báo cáo, ví dụ "6 tháng đầu năm 2026"
  --unit-head-name/--unit-head-email   thủ trưởng đơn vị (nhận thông báo quá hạn)
  --office-name TEXT      cơ quan thường trực
  --chair-name/--chair-email           Trưởng ban
  --reminder OFFSET       nhắc trước hạn, lặp lại được: 3wd, 1wd@08:00, 2d, 4h, 30m
  --escalate OFFSET:AI    báo cáo quá hạn, lặp lại được: 1wd:unit-head, 3wd:office, 3wd:chair
  --timezone TZ           múi giờ (mặc định Asia/Ho_Chi_Minh)
  --locale vi|en          ngôn ngữ thông báo (mặc định vi)
  --id ID                 mã hồ sơ (workflow id); mặc định assign/<program>/<item>/<unit>
In ra mã hồ sơ. Prints the workflow id.`;

async function inputFromFlags(values: Record<string, string | string[] | boolean | undefined>): Promise<AssignmentInput> {
  const str = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
  const list = (k: string) => (Array.isArray(values[k]) ? (values[k] as string[]) : []);
  if (str('input')) {
    let json: unknown;
    try {
      json = JSON.parse(await readFile(str('input')!, 'utf8'));
    } catch (err) {
      throw new UsageError(`--input ${str('input')}: ${(err as Error).message.split('\n')[0]}`);
    }
    return check(assignmentInputSchema, withFirstRound(json as UnscheduledAssignment), 'input');
  }
  const timeZone = str('timezone') ?? 'Asia/Ho_Chi_Minh';
  for (const required of ['unit', 'unit-name', 'unit-email', 'office-email', 'item', 'title', 'due']) {
    if (!str(required)) throw new UsageError(`thiếu --${required} (missing --${required}); xem --help`);
  }
  const head = str('unit-head-email') ? { name: str('unit-head-name') ?? str('unit-head-email')!, email: str('unit-head-email')! } : undefined;
  const chair = str('chair-email') ? { name: str('chair-name') ?? str('chair-email')!, email: str('chair-email')! } : undefined;
  const raw = {
    programId: str('program') ?? 'adhoc',
    programTitle: str('program-title') ?? str('title')!,
    itemId: str('item')!,
    itemTitle: str('title')!,
    ...(str('period') ? { period: str('period') } : {}),
    unit: { id: str('unit')!, name: str('unit-name')!, emails: [str('unit-email')!], ...(head ? { head } : {}) },
    office: { name: str('office-name') ?? 'Cơ quan thường trực', emails: [str('office-email')!] },
    ...(chair ? { chair } : {}),
    dueAt: parseDue(str('due')!, timeZone),
    timeZone,
    locale: str('locale') ?? 'vi',
    reminders: list('reminder').map((r) => parseOffset(r, '--reminder')),
    escalations: list('escalate').map(parseEscalation),
  };
  return check(assignmentInputSchema, withFirstRound(raw as UnscheduledAssignment), 'assign');
}

export const assignCommand: Command = {
  path: ['assign'],
  summary: 'tạo một hồ sơ đôn đốc (start one assignment)',
  help,
  async run(args) {
    const one = { type: 'string' } as const;
    const many = { type: 'string', multiple: true } as const;
    const { values } = parse(
      args,
      {
        input: one, id: one, program: one, 'program-title': one, item: one, title: one, period: one,
        unit: one, 'unit-name': one, 'unit-email': one, 'unit-head-name': one, 'unit-head-email': one,
        'office-name': one, 'office-email': one, 'chair-name': one, 'chair-email': one,
        due: one, timezone: one, locale: one, reminder: many, escalate: many,
      },
      false,
    );
    // The record goes with the notices (assignment.ts; input-gated, workflows/patches.ts).
    const input = { ...(await inputFromFlags(values)), recordWithNotices: true as const };
    const workflowId = values.id ?? assignmentWorkflowId(input.programId, input.itemId, input.unit.id);
    await withClient(workflowId, async (client, env) => {
      await client.workflow.start(assignmentWorkflow, { taskQueue: env.TEMPORAL_TASK_QUEUE, workflowId, args: [input], memo: assignmentMemo(input), typedSearchAttributes: assignmentStartAttributes(input) });
    });
    console.log(workflowId);
    return 0;
  },
};
