// An inspection visit as the plan sets it, for the unit tests of the round's timeline and of
// a re-applied program: notice Tue 8/10/2030, reminder Mon 14/10, visit Tue 15/10, at 08:00.
import type { VisitState } from '../../../workflows/inspection/messages';
import { iso } from '../assignment-fixture';

export function visit(unitId: string, extra: Partial<VisitState> = {}): VisitState {
  return {
    unitId,
    unitName: `UBND xã ${unitId}`,
    status: 'scheduled',
    noticeAt: iso('2030-10-08T08:00'),
    reminderAt: iso('2030-10-14T08:00'),
    visitAt: iso('2030-10-15T08:00'),
    version: 1,
    remediations: [],
    ...extra,
  };
}
