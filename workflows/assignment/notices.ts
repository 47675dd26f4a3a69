// Who receives which notice of an assignment. Pure: the workflow decides recipients and
// content facts; the notify activity renders and sends.
import type { NoticeData, NoticeKind } from '../../activities/notify/templates';
import type { Audience, CheckedAssignmentInput } from './messages';

export interface NoticeRequest {
  /** `<workflow id>/<step>`: the Message-ID, so a retried send is the same message. */
  key: string;
  to: string[];
  cc: string[];
  data: NoticeData;
  /** The plan event this notice fulfils (`dondoc plan` uid), absent for answers to an action. */
  planUid?: string;
  /** The workflow's clock when it issued the notice: the message's Date (simulated time in `simulate`). */
  issuedAt?: string;
  /** A notice sent again after its address was corrected: same Message-ID, new ledger entry. */
  resend?: number;
  /**
   * The notice states the working days left but no step computed them: the activity counts
   * them from `issuedAt` to the due on this calendar (the program's changes to the national one).
   */
  daysLeftOn?: { daysOff?: { date: string; name: string }[] | undefined; workingDays?: string[] | undefined };
}

export interface Recipients {
  to: string[];
  cc: string[];
  recipientName?: string;
  /** The addressee's title as the program writes it ("Chủ tịch UBND xã"), for the greeting. */
  recipientTitle?: string;
}

/** The people an assignment notice can reach; the unit's part changes when its address is corrected. */
export type NoticeParties = Pick<CheckedAssignmentInput, 'unit' | 'office' | 'chair'>;

export function recipientsFor(kind: NoticeKind, input: NoticeParties, audience?: Audience): Recipients {
  const unit = input.unit.emails;
  const office = input.office.emails;
  switch (kind) {
    case 'submitted':
    case 'extension-requested':
    case 'exemption-requested':
    case 'delivery-failed':
      return { to: office, cc: [] };
    case 'escalation':
      if (audience === 'unit-head' && input.unit.head) {
        return { to: [input.unit.head.email], cc: unit, recipientName: input.unit.head.name, ...(input.unit.head.title ? { recipientTitle: input.unit.head.title } : {}) };
      }
      if (audience === 'chair' && input.chair) {
        return { to: [input.chair.email], cc: office, recipientName: input.chair.name, ...(input.chair.title ? { recipientTitle: input.chair.title } : {}) };
      }
      // No head or chair on file: the office still has to know.
      return { to: office, cc: audience === 'unit-head' ? unit : [] };
    case 'extended':
    case 'returned':
    case 'accepted':
    case 'exempted':
    case 'extension-refused':
    case 'exemption-refused':
    case 'cancelled':
      return { to: unit, cc: office };
    default:
      return { to: unit, cc: [] };
  }
}
