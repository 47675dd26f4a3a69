// What a unit is told when a re-applied program moves its due: a code, put in the program's
// language by the activity that moves the assignments (the string tables' `reasons`).
import type { ReasonCode } from '../../contract/notices';

export const reasonMoved: ReasonCode = 'program-amended';
