// Who receives which notice of an assignment. Pure: the workflow decides recipients and
// content facts; the notify activity renders and sends.
import type { NoticeKind } from '../../contract/notices';
import type { Audience, CheckedAssignmentInput } from './messages';


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
