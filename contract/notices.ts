// The notice contract: which notices exist and the data each one is rendered from. Pure
// types and one constant, with no imports, so workflows (which only describe notices) and
// activities (which render and send them) can both depend on it without depending on each
// other. The renderer is render.ts.

/** Languages a notice is written in. */
export type Locale = 'vi' | 'en';

/**
 * Why a unit's due moved without anyone deciding it for that unit: a code the activities put in
 * the program's language (the string tables' `reasons`), so workflows hold no user-facing text.
 */
export type ReasonCode = 'program-amended';

/** Notices about one unit's assignment. */
export type AssignmentNoticeKind =
  | 'request' | 'reminder' | 'receipt' | 'submitted' | 'returned' | 'accepted' | 'escalation' | 'extended'
  | 'extension-requested' | 'extension-refused' | 'exemption-requested' | 'exempted' | 'exemption-refused' | 'cancelled';

/** Notices about a whole occurrence: a report cycle's consolidation, an inspection, a campaign. */
export type OccurrenceNoticeKind =
  | 'consolidated' | 'approval-requested' | 'approval-returned' | 'forwarded' | 'late-addendum'
  | 'inspection-notice' | 'inspection-reminder' | 'inspection-findings' | 'inspection-closed'
  | 'campaign-launch' | 'campaign-checkin' | 'campaign-summary';

/** Notices about the sending itself: an address that refuses mail. */
export type DeliveryNoticeKind = 'delivery-failed';

export type NoticeKind = AssignmentNoticeKind | OccurrenceNoticeKind | DeliveryNoticeKind;

export const NOTICE_KINDS: readonly NoticeKind[] = [
  'request', 'reminder', 'receipt', 'submitted', 'returned', 'accepted', 'escalation', 'extended',
  'extension-requested', 'extension-refused', 'exemption-requested', 'exempted', 'exemption-refused', 'cancelled',
  'consolidated', 'approval-requested', 'approval-returned', 'forwarded', 'late-addendum',
  'inspection-notice', 'inspection-reminder', 'inspection-findings', 'inspection-closed',
  'campaign-launch', 'campaign-checkin', 'campaign-summary',
  'delivery-failed',
];

/**
 * Where the assignments of an occurrence stand. `total` is the units asked; the others count
 * those units by where they ended: on time, late, not submitted, exempted, and returned for
 * revision and not yet accepted.
 */
export interface NoticeCounts {
  total: number;
  onTime: number;
  late: number;
  missing: number;
  exempt: number;
  returned: number;
}

/** One thing an inspected unit has to put right, by a deadline. */
export interface Remediation {
  title: string;
  /** ISO instant, or an ISO date (YYYY-MM-DD) when only the day was set. */
  dueAt: string;
  /** When it was done (ISO instant or date); shown on `inspection-closed`. */
  doneAt?: string;
}

export interface NoticeData {
  kind: NoticeKind;
  locale: Locale;
  programTitle: string;
  /** The standing office. */
  officeName: string;
  itemTitle: string;
  period?: string;
  /**
   * The unit asked; the inspected unit on inspection notices; the unit addressed on campaign
   * notices; the unit that submitted late on `late-addendum`. `consolidated`, `approval-*`,
   * `forwarded` and `campaign-summary` are about the whole occurrence and do not name it.
   * On `delivery-failed`, the unit whose (or whose head's) address refused the mail.
   */
  unitName: string;
  /**
   * Person addressed (unit head, chair) when not the unit itself; on `forwarded`, the upward
   * recipient (e.g. "UBND huyện Triệu Sơn"), written as given. On `delivery-failed`, the
   * person whose address refused the mail (a unit head), when it was not the unit's.
   */
  recipientName?: string;
  /**
   * The addressed person's title as the program gives it (`head.title`, `chair.title`), e.g.
   * "Chủ tịch UBND xã" or "Trưởng phòng Nội vụ". A unit head's title is completed with the
   * unit's name where it names only the kind of office ("Chủ tịch UBND xã" + "UBND xã Đồng
   * Tiến" → "Chủ tịch UBND xã Đồng Tiến"). When `recipientName` is the title itself (a head
   * without a name), the title is used alone.
   */
  recipientTitle?: string;
  /**
   * ISO instant with offset. The unit's due on assignment notices (the current one on an
   * extension request); on `campaign-launch` the results report's due, on `campaign-checkin`
   * the progress report's. The other occurrence notices do not show it, but it must still be
   * a valid instant (the occurrence's consolidation due, say).
   */
  dueAt: string;
  /** IANA zone the dates are written in. */
  timeZone: string;
  /** Negative when overdue. */
  workingDaysLeft?: number;
  receiptNumber?: string;
  submittedAt?: string;
  /**
   * `receipt` and `submitted`: the item has no review (program `review: false`), so the
   * submission was accepted as received; the notices say it is recorded and ask no one to review.
   */
  noReview?: boolean;
  /**
   * Words a person wrote, quoted as written: the office's comment on a return, acceptance or
   * decision; the unit's reason for asking an extension or exemption; the chair's reason for
   * returning a consolidated report; what to prepare for an inspection; a campaign's theme.
   */
  comment?: string;
  previousDueAt?: string;
  /** 1-based. */
  escalationLevel?: number;
  escalationAudience?: 'unit-head' | 'office' | 'chair';
  /**
   * Units to name in an escalation to the office or the chair, when one notice covers
   * several; defaults to `unitName` alone. On `consolidated`, the units still missing.
   */
  pendingUnits?: string[];
  /**
   * Signed link to the unit's page, or to the office's page (dashboard, consolidated report)
   * on notices to the office or the chair; only http(s) links are shown.
   */
  link?: string;

  /** The due a unit proposes on `extension-requested` (and recalled on `extension-refused`). */
  requestedDueAt?: string;
  /** Who decided, when not the office: the chair who returned a consolidated report. */
  reviewerName?: string;
  /** Occurrence notices: where the assignments stand. */
  counts?: NoticeCounts;
  /** File name of the report sent with the notice (`forwarded`, and any notice carrying it). */
  attachmentName?: string;
  /** Inspection visit: ISO instant, or an ISO date when the time is not fixed yet. */
  visitAt?: string;
  /** Who inspects, e.g. "Đoàn kiểm tra liên ngành"; defaults to an unnamed inspection team. */
  inspectionTeam?: string;
  /** What the inspection found, one finding per entry. */
  findings?: string[];
  remediations?: Remediation[];
  /** Campaign window: ISO dates (written "ngày 15/11/2026") or instants. */
  windowStart?: string;
  windowEnd?: string;

  /**
   * `forwarded`: the committee (the program's issuer, e.g. "Ban Vì sự tiến bộ của phụ nữ huyện
   * Triệu Sơn") in whose name the report goes up, signed by `signerName`. Without it the
   * report goes out in the standing office's name, as before.
   */
  committeeName?: string;
  /** `forwarded`: who signs for the committee (its chair). */
  signerName?: string;
  /** `forwarded`: the signer's role in the committee; defaults to "Trưởng ban" / "Chair". */
  signerTitle?: string;

  /**
   * `campaign-summary`: where the units' plans (asked before the campaign) stand; the renderer
   * says it in a sentence. `counts` are the results'.
   */
  planCounts?: { total: number; received: number; onTime: number; late: number; missing: number; exempt: number };
  /** `inspection-closed`: the remediation items the office exempted, "<unit>: <item>", named for the record. */
  exempted?: string[];

  /** `delivery-failed`: the addresses that refused the mail. */
  failedTo?: string[];
  /** `delivery-failed`: the relay's reply code, e.g. "550". */
  failureCode?: string;
  /** `delivery-failed`: the relay's reply, as given. */
  failureMessage?: string;
  /** `delivery-failed`: the notice that could not be delivered. */
  failedKind?: NoticeKind;
}

export interface RenderedNotice {
  subject: string;
  text: string;
  html: string;
}

/** A notice as a workflow issues it and the delivery activity sends it. */
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
