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
}

export interface Recipients {
  to: string[];
  cc: string[];
  recipientName?: string;
}

export function recipientsFor(kind: NoticeKind, input: CheckedAssignmentInput, audience?: Audience): Recipients {
  const unit = input.unit.emails;
  const office = input.office.emails;
  switch (kind) {
    case 'submitted':
    case 'extension-requested':
    case 'exemption-requested':
      return { to: office, cc: [] };
    case 'escalation':
      if (audience === 'unit-head' && input.unit.head) {
        return { to: [input.unit.head.email], cc: unit, recipientName: input.unit.head.name };
      }
      if (audience === 'chair' && input.chair) {
        return { to: [input.chair.email], cc: office, recipientName: input.chair.name };
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
