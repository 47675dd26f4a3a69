// Inputs and clock helpers shared by the assignment workflow tests. Every test first
// jumps the time-skipping server to a fixed Monday in June 2030 (no holidays), so
// working-day arithmetic gives the same instants on any day the suite runs.
import { withFirstRound } from '../../client/first-round';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DateTime } from 'luxon';
import type { AssignmentInput } from '../../workflows/assignment/messages';

export const ZONE = 'Asia/Ho_Chi_Minh';

export const at = (local: string) => DateTime.fromISO(local, { zone: ZONE }).toMillis();
export const iso = (local: string) => DateTime.fromISO(local, { zone: ZONE }).toISO({ suppressMilliseconds: true })!;

/** Moves the test server's clock forward to `local` (in Vietnam time). */
export async function travelTo(env: TestWorkflowEnvironment, local: string): Promise<void> {
  const now = await env.currentTimeMs();
  const target = at(local);
  if (target < now) throw new Error(`cannot travel back to ${local}`);
  if (target > now) await env.sleep(target - now);
}

/** A commune as the tests' program lists it: `UBND xã <name>`, its office mailbox, its chair when given. */
export function commune(id: string, name: string, head?: { name: string; email: string }): AssignmentInput['unit'] {
  return { id, name: `UBND xã ${name}`, emails: [`vanphong@${id}.example.org`], ...(head ? { head } : {}) };
}

export function assignmentInput(overrides: Partial<AssignmentInput> = {}): AssignmentInput {
  return withFirstRound({
    programId: 'vstbpn-test',
    programTitle: 'Chương trình công tác vì sự tiến bộ của phụ nữ huyện Triệu Sơn năm 2030',
    itemId: 'bao-cao-6-thang',
    itemTitle: 'Báo cáo sơ kết 6 tháng',
    period: '6 tháng đầu năm 2030',
    unit: {
      id: 'tho-dan',
      name: 'UBND xã Thọ Dân',
      emails: ['vanphong@tho-dan.example.org'],
      head: { name: 'Nguyễn Văn An', email: 'chutich@tho-dan.example.org' },
    },
    office: { name: 'Phòng Lao động - Thương binh và Xã hội', emails: ['ldtbxh@trieuson.example.org'] },
    chair: { name: 'Lê Quang Trung', email: 'truongban@trieuson.example.org' },
    // Friday of the following week, end of the office day.
    dueAt: iso('2030-06-14T17:00'),
    timeZone: ZONE,
    locale: 'vi',
    reminders: [
      { amount: 3, unit: 'workingDays', at: '08:00' },
      { amount: 1, unit: 'workingDays', at: '08:00' },
    ],
    escalations: [
      { amount: 1, unit: 'workingDays', at: '08:00', audience: 'unit-head' },
      { amount: 3, unit: 'workingDays', at: '08:00', audience: 'office' },
      { amount: 5, unit: 'workingDays', at: '08:00', audience: 'chair' },
    ],
    // As every starter of 0.5 sets it: the record goes with the notices.
    recordWithNotices: true,
    ...overrides,
  });
}

/** The input as a 0.4 starter gave it: no `recordWithNotices`, so the record has activities of its own. */
export function legacyAssignmentInput(overrides: Partial<AssignmentInput> = {}): AssignmentInput {
  const { recordWithNotices: _new, ...input } = assignmentInput(overrides);
  return input;
}
