// The words of the notices, one table per language with the same keys: the renderer
// (compose.ts) decides what a notice contains and in which order; a table only says it in
// its language. `NoticeStrings` is the one list of keys, so a sentence missing from either
// language, or present in one only, does not compile.
import type { PreparedRemediation } from './prepared';
import type { Locale, NoticeData, NoticeKind, ReasonCode } from '../../contract/notices';

/** Where a campaign's plans stand, as the campaign counts them. */
export type PlanCounts = NonNullable<NoticeData['planCounts']>;

/**
 * What a sentence may mention, already formatted for the notice's language and zone. Every
 * key is present; what the data did not give is `undefined`, and the sentence leaves it out.
 */
export interface Vars {
  program: string;
  office: string;
  unit: string;
  /** The unit's name on one line, for subjects. */
  unitLine: string;
  /** The item's title on one line, for subjects. */
  item: string;
  /** “Báo cáo sơ kết 6 tháng” (6 tháng đầu năm 2026) */
  ref: string;
  period: string | undefined;
  /** The period on one line, for subjects. */
  periodLine: string | undefined;
  due: string;
  dueDay: string;
  daysLeft: string | undefined;
  overdue: boolean;
  submittedAt: string | undefined;
  receipt: string | undefined;
  previousDue: string | undefined;
  requestedDue: string | undefined;
  requestedDueDay: string | undefined;
  atVisit: string | undefined;
  visitDay: string | undefined;
  /** The inspection team as named, trimmed; undefined when not named. */
  team: string | undefined;
  window: string | undefined;
  windowDays: string | undefined;
  attachment: string | undefined;
  /** A person's words follow as a quote. */
  commented: boolean;
  level: number | undefined;
  /** Units named in an escalation (at least one). */
  pending: string[];
  findings: string[];
  remediations: PreparedRemediation[];
  reviewer: string | undefined;
  /** The addressee's name, when it is not just their title repeated. */
  recipient: string | undefined;
  recipientTitle: string | undefined;
  committee: string | undefined;
  signer: string | undefined;
  signerTitle: string | undefined;
  failedTo: string[];
  failedKind: NoticeKind | undefined;
  failureCode: string | undefined;
  failureMessage: string | undefined;
}

/** A sentence built from the notice's values. */
export type T = (v: Vars) => string;

/** Subject and heading: every notice kind has both. */
interface Titles {
  subject: T;
  heading: T;
}

export interface NoticeStrings {
  locale: Locale;
  /** Signs the notices the system writes to the office itself. */
  system: string;
  footer: string;
  linkFallback: string;
  /** First line of the closing, before the signature. */
  closing: string;
  /** Upper-cases the first letter, as this language does it. */
  cap: (s: string) => string;

  greet: {
    unit: T;
    office: T;
    chair: T;
    unitHead: T;
    /** Upward recipients: offices, addressed by name, not as persons. */
    upward: T;
  };
  /** The signature of a letter sent in the committee's name, after the closing line. */
  committeeSignature: (committee: string, v: Vars) => string[];

  facts: {
    receipt: string;
    item: string;
    inspectionItem: string;
    period: string;
    unit: string;
    inspectedUnit: string;
    submitted: string;
    previousDue: string;
    due: string;
    status: string;
    requestedDue: string;
    visit: string;
    team: string;
    window: string;
    attachment: string;
    findings: string;
    remediations: string;
    remediatedOnTime: string;
    remediatedLate: string;
    failedTo: string;
    failedKind: string;
  };
  /** The due's label where it is not the plain due date. */
  dueLabel: Record<'extended' | 'returned' | 'extension-requested' | 'extension-refused' | 'exemption-refused' | 'campaign-launch' | 'campaign-checkin', string>;
  status: { late: string; onTime: string; exempted: string; cancelled: string };
  counts: { total: string; onTime: string; late: string; missing: string; exempt: string; returned: string; units: (n: number) => string };
  actions: {
    unitPage: string;
    viewSubmission: string;
    openSubmission: string;
    decide: string;
    unitView: string;
    details: string;
    openReport: string;
    approve: string;
    viewReport: string;
    inspection: string;
    fixAddress: string;
  };
  quotes: {
    office: T;
    officeNote: T;
    extensionReason: string;
    askedExtension: string;
    askedExemption: string;
    reviewer: T;
    summary: string;
    prepare: string;
    team: T;
    theme: string;
    checkin: string;
    assessment: string;
    relay: string;
  };
  /** Reasons given in a workflow's place, by code: the reason a unit reads for a moved due. */
  reasons: Record<ReasonCode, string>;
  /** How a notice kind is named in a sentence ("thư đề nghị thực hiện", "the request"). */
  kindNames: Record<NoticeKind, string>;

  request: Titles & { lead: T; viaPage: T; viaMail: T };
  reminder: Titles & { overdueLead: T; overdueAsk: T; lead: T; ask: T };
  /** `recorded` replaces `next` when the item has no review (NoticeData.noReview). */
  receipt: Titles & { lead: T; keepNumber: T; next: T; recorded: T };
  /** `recorded` replaces `ask` when the item has no review. */
  submitted: Titles & { lead: T; ask: T; recorded: T };
  returned: Titles & { lead: T; ask: T };
  accepted: Titles & { lead: T; thanks: T };
  extended: Titles & { lead: T; ask: T };
  escalation: {
    /** "[Đôn đốc lần 2]" */
    tag: T;
    heading: T;
    headSubject: T;
    listSubject: T;
    headLead: T;
    headNotYet: T;
    headAsk: T;
    chairLead: T;
    chairAsk: T;
    officeLead: T;
    officeAsk: T;
  };
  'extension-requested': Titles & { withDate: T; withoutDate: T; ask: T };
  'extension-refused': Titles & { lead: T; stands: T };
  'exemption-requested': Titles & { lead: T; ask: T };
  exempted: Titles & { lead: T; nothingMore: T };
  'exemption-refused': Titles & { lead: T; stands: T };
  cancelled: Titles & { lead: T; nothingMore: T };
  consolidated: Titles & { lead: T; missing: T; ask: T };
  'approval-requested': Titles & { lead: T; ask: T };
  'approval-returned': Titles & { lead: T; ask: T };
  forwarded: Titles & { lead: T; attached: T };
  'late-addendum': Titles & { lead: T; recorded: T; ask: T };
  'inspection-notice': Titles & { lead: T; ask: T };
  'inspection-reminder': Titles & { lead: T; ask: T };
  'inspection-findings': Titles & {
    lead: T;
    foundIntro: T;
    remedyIntro: T;
    remedyItem: (r: PreparedRemediation) => string;
    noteOnly: T;
    nothingFound: T;
  };
  'inspection-closed': Titles & {
    lead: T;
    doneItem: (r: PreparedRemediation) => string;
    /** The items the office exempted, named for the record ("<unit>: <item>"). */
    exempted: (items: string[]) => string;
    ask: T;
  };
  'campaign-launch': Titles & { lead: T; ask: T };
  'campaign-checkin': Titles & { lead: T };
  'campaign-summary': Titles & { lead: T; plans: (c: PlanCounts) => string; ask: T };
  'delivery-failed': Titles & { lead: T; meaning: T; ask: T; resend: T };
}
