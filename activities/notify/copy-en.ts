import type { Block, Fact, NoticeContent } from './content';
import { oneLine, type Prepared } from './prepared';
import type { NoticeCounts, NoticeData, NoticeKind } from './templates';

const SYSTEM = 'dondoc follow-up system';
const FOOTER = 'This message was sent automatically by the dondoc system; please do not reply to it.';
const LINK_FALLBACK = 'If the button does not open, copy this link into your browser:';

const p = (text: string): Block => ({ kind: 'paragraph', text });
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "Báo cáo sơ kết 6 tháng" (6 tháng đầu năm 2026) */
function ref(d: NoticeData): string {
  return `“${d.itemTitle}”${d.period ? ` (${d.period})` : ''}`;
}

type FactKey =
  | 'receipt' | 'item' | 'period' | 'unit' | 'submitted' | 'previousDue' | 'due' | 'daysLeft' | 'timeliness'
  | 'requestedDue' | 'visit' | 'team' | 'window' | 'attachment' | 'findings' | 'remediations' | 'remediatedOnTime' | 'remediatedLate';

const DUE_LABEL: Partial<Record<NoticeKind, string>> = {
  extended: 'New due date',
  returned: 'Resubmit by',
  'extension-requested': 'Current due date',
  'extension-refused': 'Due (unchanged)',
  'exemption-refused': 'Due (unchanged)',
  'campaign-launch': 'Results report due',
  'campaign-checkin': 'Progress report due',
};

const isInspection = (d: NoticeData) => d.kind.startsWith('inspection-');

function facts(d: NoticeData, pr: Prepared, pick: Array<FactKey>): Fact[] {
  const done = pr.remediations.filter((r) => r.done !== undefined);
  const all: Record<FactKey, Fact | undefined> = {
    receipt: d.receiptNumber ? { label: 'Receipt no.', value: d.receiptNumber } : undefined,
    item: { label: isInspection(d) ? 'Inspection of' : 'Item', value: d.itemTitle },
    period: d.period ? { label: 'Period', value: d.period } : undefined,
    unit: { label: isInspection(d) ? 'Inspected unit' : 'Unit', value: d.unitName },
    submitted: pr.submittedAt ? { label: 'Submitted', value: pr.submittedAt } : undefined,
    previousDue: pr.previousDue ? { label: 'Previous due date', value: pr.previousDue } : undefined,
    due: { label: DUE_LABEL[d.kind] ?? 'Due', value: pr.due },
    daysLeft: pr.daysLeft ? { label: 'Status', value: cap(pr.daysLeft), alert: pr.overdue } : undefined,
    timeliness: pr.late === undefined ? undefined : { label: 'Status', value: pr.late ? 'Submitted late' : 'Submitted on time', alert: pr.late },
    requestedDue: pr.requestedDue ? { label: 'Requested due date', value: pr.requestedDue } : undefined,
    visit: pr.visit ? { label: 'Visit', value: pr.visit } : undefined,
    team: d.inspectionTeam?.trim() ? { label: 'Inspection team', value: d.inspectionTeam.trim() } : undefined,
    window: pr.window ? { label: 'Dates', value: cap(pr.window) } : undefined,
    attachment: d.attachmentName?.trim() ? { label: 'Attachment', value: d.attachmentName.trim() } : undefined,
    findings: d.findings ? { label: 'Findings', value: String(pr.findings.length) } : undefined,
    remediations: d.remediations ? { label: 'Items to remedy', value: String(pr.remediations.length) } : undefined,
    remediatedOnTime: done.length > 0 ? { label: 'Remedied on time', value: String(done.filter((r) => !r.late).length) } : undefined,
    remediatedLate: done.length > 0 ? { label: 'Remedied late', value: String(done.filter((r) => r.late).length) } : undefined,
  };
  return pick.map((k) => all[k]).filter((f): f is Fact => f !== undefined);
}

/** Where the assignments of an occurrence stand; "Not submitted" is marked when any unit is missing. */
function countFacts(counts: NoticeCounts | undefined): Fact[] {
  if (!counts) return [];
  const units = (n: number) => `${n} ${n === 1 ? 'unit' : 'units'}`;
  return [
    { label: 'Units asked', value: units(counts.total) },
    { label: 'Submitted on time', value: units(counts.onTime) },
    { label: 'Submitted late', value: units(counts.late) },
    { label: 'Not submitted', value: units(counts.missing), alert: counts.missing > 0 },
    { label: 'Exempted', value: units(counts.exempt) },
    { label: 'Returned for revision', value: units(counts.returned) },
  ];
}

function quote(label: string, text: string | undefined): Block[] {
  return text && text.trim() ? [{ kind: 'quote', label, text: text.trim() }] : [];
}

/** What every notice of one render shares: names, greetings, the page button, the frame. */
interface Ctx {
  d: NoticeData;
  pr: Prepared;
  /** The item title on one line, for subjects. */
  item: string;
  unitGreeting: string;
  officeGreeting: string;
  receiptNote: string;
  /** A button to the page given in `link`, or nothing. */
  action: (label: string) => Pick<NoticeContent, 'action'>;
  base: (sender: string) => Pick<NoticeContent, 'locale' | 'sender' | 'closing' | 'footer'>;
}

export function contentEn(d: NoticeData, pr: Prepared): NoticeContent {
  const item = oneLine(d.itemTitle);
  const unitGreeting = `To: ${d.recipientName ?? d.unitName}`;
  const receiptNote = d.receiptNumber ? ` (receipt no. ${d.receiptNumber})` : '';
  const unitPage = pr.link ? { label: "Open your unit's submission page", url: pr.link, fallback: LINK_FALLBACK } : undefined;
  const base = (sender: string) => ({
    locale: 'en' as const,
    sender,
    closing: ['Kind regards,', sender],
    footer: [d.programTitle, FOOTER],
  });
  const c: Ctx = {
    d,
    pr,
    item,
    unitGreeting,
    officeGreeting: `To: ${d.recipientName ?? d.officeName}`,
    receiptNote,
    action: (label) => (pr.link ? { action: { label, url: pr.link, fallback: LINK_FALLBACK } } : {}),
    base,
  };

  switch (d.kind) {
    case 'extension-requested':
    case 'extension-refused':
    case 'exemption-requested':
    case 'exempted':
    case 'exemption-refused':
    case 'cancelled':
      return decisionEn(d.kind, c);

    case 'consolidated':
    case 'approval-requested':
    case 'approval-returned':
    case 'forwarded':
    case 'late-addendum':
      return consolidationEn(d.kind, c);

    case 'inspection-notice':
    case 'inspection-reminder':
    case 'inspection-findings':
    case 'inspection-closed':
      return inspectionEn(d.kind, c);

    case 'campaign-launch':
    case 'campaign-checkin':
    case 'campaign-summary':
      return campaignEn(d.kind, c);

    // Interim wording; the notices rework gives every kind its reviewed text.
    case 'delivery-failed':
      return {
        ...base(d.officeName),
        subject: `[Undeliverable] ${d.unitName} – ${item}`,
        heading: 'Mail could not be delivered',
        greeting: `To: ${d.officeName}`,
        body: [
          p(`The notice about ${item} could not be delivered to ${(d.failedTo ?? []).join(', ')} (${d.unitName}). The mail server answered: ${d.failureCode ?? ''} ${d.failureMessage ?? ''}.`),
          p('Please correct the unit\'s address (edit and re-apply the program, or on the office pages); the undelivered notices will then be sent again.'),
        ],
        facts: facts(d, pr, ['item', 'period', 'unit']),
      };

    case 'request':
      return {
        ...base(d.officeName),
        subject: `[Follow-up] Please submit ${item} – due ${pr.dueDay}`,
        heading: 'Request for submission',
        greeting: unitGreeting,
        body: [
          p(`Under the ${d.programTitle}, ${d.officeName} (the standing office) asks ${d.unitName} to complete ${ref(d)} and submit the result by ${pr.due}.`),
          p(pr.link
            ? "Please submit reports and documents through your unit's page at the link below; a receipt is sent by email once they arrive."
            : `${d.officeName} will send a receipt by email once the result arrives.`),
        ],
        facts: facts(d, pr, ['item', 'period', 'unit', 'due', 'daysLeft']),
        ...(unitPage ? { action: unitPage } : {}),
      };

    case 'reminder':
      return {
        ...base(d.officeName),
        subject: `[Follow-up] ${pr.overdue ? 'Overdue' : 'Reminder'}: ${item} – due ${pr.dueDay}`,
        heading: pr.overdue ? 'Submission overdue' : 'Deadline reminder',
        greeting: unitGreeting,
        body: pr.overdue
          ? [
              p(`${d.officeName} has not yet received ${ref(d)} from ${d.unitName}. It was due ${pr.due} and is ${pr.daysLeft}.`),
              p(`Please complete it and submit the result as soon as possible.`),
            ]
          : [
              p(`This is a reminder to ${d.unitName} that ${ref(d)} is due ${pr.due}${pr.daysLeft ? ` (${pr.daysLeft})` : ''}.`),
              p('Please complete it and submit the result on time.'),
            ],
        facts: facts(d, pr, ['item', 'period', 'unit', 'due', 'daysLeft']),
        ...(unitPage ? { action: unitPage } : {}),
      };

    case 'receipt':
      return {
        ...base(d.officeName),
        subject: d.receiptNumber ? `[Receipt] No. ${d.receiptNumber} – ${item}` : `[Receipt] ${item}`,
        heading: 'Receipt',
        greeting: unitGreeting,
        body: [
          p(`${d.officeName} has received ${ref(d)} from ${d.unitName}${pr.submittedAt ? ` at ${pr.submittedAt}` : ''}.`),
          ...(d.receiptNumber ? [p(`Receipt number: ${d.receiptNumber}. Please keep it for future reference.`)] : []),
          p(`${d.officeName} will review the submission and let your unit know the outcome.`),
        ],
        facts: facts(d, pr, ['receipt', 'item', 'period', 'unit', 'submitted', 'due', 'timeliness']),
        ...(pr.link ? { action: { label: 'View the submission', url: pr.link, fallback: LINK_FALLBACK } } : {}),
      };

    case 'submitted':
      return {
        ...base(SYSTEM),
        subject: `[Submitted] ${oneLine(d.unitName)} – ${item}`,
        heading: 'A unit has submitted',
        greeting: `To: ${d.recipientName ?? d.officeName}`,
        body: [
          p(`${d.unitName} has submitted ${ref(d)}${pr.submittedAt ? ` at ${pr.submittedAt}` : ''}${receiptNote}.`),
          p(`Please review it and either accept it or return it to the unit for revision.`),
        ],
        facts: facts(d, pr, ['unit', 'item', 'period', 'receipt', 'submitted', 'due', 'timeliness']),
        ...(pr.link ? { action: { label: "Open the unit's submission", url: pr.link, fallback: LINK_FALLBACK } } : {}),
      };

    case 'returned':
      return {
        ...base(d.officeName),
        subject: `[Returned] ${item} – resubmit by ${pr.dueDay}`,
        heading: 'Revision requested',
        greeting: unitGreeting,
        body: [
          p(`${d.officeName} has reviewed ${ref(d)} submitted by ${d.unitName}${receiptNote} and asks the unit to revise it${d.comment?.trim() ? ' as noted below' : ''}.`),
          ...quote(`Comments from ${d.officeName}`, d.comment),
          p(`Please revise it and resubmit by ${pr.due}${pr.daysLeft ? ` (${pr.daysLeft})` : ''}.`),
        ],
        facts: facts(d, pr, ['item', 'period', 'unit', 'receipt', 'previousDue', 'due', 'daysLeft']),
        ...(unitPage ? { action: unitPage } : {}),
      };

    case 'accepted':
      return {
        ...base(d.officeName),
        subject: `[Accepted] ${item}${d.receiptNumber ? ` – No. ${d.receiptNumber}` : ''}`,
        heading: 'Submission accepted',
        greeting: unitGreeting,
        body: [
          p(`${d.officeName} has reviewed and accepted ${ref(d)} submitted by ${d.unitName}${receiptNote}.`),
          ...quote(`Comments from ${d.officeName}`, d.comment),
          p(`Thank you for your cooperation.`),
        ],
        facts: facts(d, pr, ['receipt', 'item', 'period', 'unit', 'submitted']),
        ...(pr.link ? { action: { label: 'View the submission', url: pr.link, fallback: LINK_FALLBACK } } : {}),
      };

    case 'escalation':
      return escalationEn(d, pr, item);

    case 'extended':
      return {
        ...base(d.officeName),
        subject: `[Extended] ${item} – new due date ${pr.dueDay}`,
        heading: 'Deadline extended',
        greeting: unitGreeting,
        body: [
          p(`${d.officeName} has agreed to extend the deadline for ${d.unitName} to submit ${ref(d)}${pr.previousDue ? ` from ${pr.previousDue}` : ''} to ${pr.due}.`),
          ...quote('Reason for the extension', d.comment),
          p('Please complete it and submit the result within the extended deadline.'),
        ],
        facts: facts(d, pr, ['item', 'period', 'unit', 'previousDue', 'due', 'daysLeft']),
        ...(unitPage ? { action: unitPage } : {}),
      };
  }
}

function escalationEn(d: NoticeData, pr: Prepared, item: string): NoticeContent {
  const tag = d.escalationLevel ? `[Escalation ${d.escalationLevel}]` : '[Escalation]';
  const heading = d.escalationLevel ? `Escalation – level ${d.escalationLevel}` : 'Escalation';
  const state = pr.daysLeft ? `, ${pr.daysLeft}` : '';
  const common = {
    locale: 'en' as const,
    heading,
    footer: [d.programTitle, FOOTER],
    ...(pr.link ? { action: { label: 'View details', url: pr.link, fallback: LINK_FALLBACK } } : {}),
  };

  if (d.escalationAudience === 'unit-head') {
    return {
      ...common,
      subject: `${tag} ${oneLine(d.unitName)} has not submitted ${item} – due ${pr.dueDay}`,
      sender: d.officeName,
      closing: ['Kind regards,', d.officeName],
      greeting: `To: ${d.recipientName ? `${d.recipientName}, head of ${d.unitName}` : `the head of ${d.unitName}`}`,
      body: [
        p(`Under the ${d.programTitle}, ${d.unitName}, the unit under your direction, was asked to complete ${ref(d)}, due ${pr.due}.`),
        p(`${d.officeName} has not yet received its result${pr.daysLeft ? ` (${pr.daysLeft})` : ''}.`),
        p(`Please direct the unit to complete it and send the result to ${d.officeName} as soon as possible.`),
      ],
      facts: facts(d, pr, ['unit', 'item', 'period', 'due', 'daysLeft']),
    };
  }

  const units = pr.pendingUnits;
  const many = units.length > 1;
  const who = many ? `${units.length} units have` : `${oneLine(units[0] ?? d.unitName)} has`;
  const listed: Block[] = [{ kind: 'list', items: units }];
  const itemFacts = facts(d, pr, ['item', 'period', 'due', 'daysLeft']);
  const subject = `${tag} ${who} not submitted ${item} – due ${pr.dueDay}`;
  const lead = `${many ? 'The following units have' : 'The following unit has'} not yet submitted ${ref(d)}, due ${pr.due}${state}:`;

  if (d.escalationAudience === 'chair') {
    return {
      ...common,
      subject,
      sender: d.officeName,
      closing: ['Kind regards,', d.officeName],
      greeting: `To: ${d.recipientName ?? 'the Chair of the Committee'}`,
      body: [
        p(`Under the ${d.programTitle}, ${d.officeName}, as the standing office, reports that ${lead.charAt(0).toLowerCase()}${lead.slice(1)}`),
        ...listed,
        p(`We respectfully ask you to direct ${many ? 'these units' : 'this unit'} to complete it promptly.`),
      ],
      facts: itemFacts,
    };
  }

  return {
    ...common,
    subject,
    sender: SYSTEM,
    closing: ['Kind regards,', SYSTEM],
    greeting: `To: ${d.recipientName ?? d.officeName}`,
    body: [
      p(lead),
      ...listed,
      p(`Please contact ${many ? 'these units' : 'this unit'} and follow up until the result is submitted.`),
    ],
    facts: itemFacts,
  };
}

/** A unit asks for more time or to be exempted; the office decides; a program edit cancels. */
function decisionEn(kind: Extract<NoticeKind, 'extension-requested' | 'extension-refused' | 'exemption-requested' | 'exempted' | 'exemption-refused' | 'cancelled'>, c: Ctx): NoticeContent {
  const { d, pr, item } = c;
  const commented = d.comment?.trim() ? ', for the reasons below' : '';
  const stillDue = `${pr.due}${pr.daysLeft ? ` (${pr.daysLeft})` : ''}`;

  switch (kind) {
    case 'extension-requested':
      return {
        ...c.base(SYSTEM),
        subject: `[Extension request] ${oneLine(d.unitName)} – ${item}${pr.requestedDueDay ? ` – to ${pr.requestedDueDay}` : ''}`,
        heading: 'Extension requested',
        greeting: c.officeGreeting,
        body: [
          p(pr.requestedDue
            ? `${d.unitName} asks to extend the deadline for ${ref(d)} from ${pr.due} to ${pr.requestedDue}.`
            : `${d.unitName} asks for more time to submit ${ref(d)}, currently due ${pr.due}.`),
          ...quote('Reason given', d.comment),
          p('Please decide: grant the extension, or refuse it and keep the deadline.'),
        ],
        facts: facts(d, pr, ['unit', 'item', 'period', 'due', 'requestedDue', 'daysLeft']),
        ...c.action('Review and decide'),
      };

    case 'extension-refused':
      return {
        ...c.base(d.officeName),
        subject: `[Extension request] Not granted: ${item} – due ${pr.dueDay}`,
        heading: 'Extension not granted',
        greeting: c.unitGreeting,
        body: [
          p(`${d.officeName} has considered the request from ${d.unitName} to extend the deadline for ${ref(d)}${pr.requestedDue ? ` (to ${pr.requestedDue})` : ''} and cannot grant it${commented}.`),
          ...quote(`Comments from ${d.officeName}`, d.comment),
          p(`The deadline stands: ${stillDue}. Please complete it and submit the result on time.`),
        ],
        facts: facts(d, pr, ['item', 'period', 'unit', 'requestedDue', 'due', 'daysLeft']),
        ...c.action("Open your unit's submission page"),
      };

    case 'exemption-requested':
      return {
        ...c.base(SYSTEM),
        subject: `[Exemption request] ${oneLine(d.unitName)} asks to be exempted from ${item}`,
        heading: 'Exemption requested',
        greeting: c.officeGreeting,
        body: [
          p(`${d.unitName} asks to be exempted from ${ref(d)}, due ${pr.due}.`),
          ...quote('Reason given', d.comment),
          p('Please decide: grant the exemption, or refuse it and keep the request in force.'),
        ],
        facts: facts(d, pr, ['unit', 'item', 'period', 'due', 'daysLeft']),
        ...c.action('Review and decide'),
      };

    case 'exempted':
      return {
        ...c.base(d.officeName),
        subject: `[Exemption] Granted: ${item} – ${oneLine(d.unitName)}`,
        heading: 'Exemption granted',
        greeting: c.unitGreeting,
        body: [
          p(`${d.officeName} has agreed to exempt ${d.unitName} from ${ref(d)}.`),
          ...quote(`Comments from ${d.officeName}`, d.comment),
          p(`${d.unitName} does not need to submit anything for this item; no further reminders will be sent about it.`),
        ],
        facts: [...facts(d, pr, ['item', 'period', 'unit']), { label: 'Status', value: 'Exempted' }],
        ...c.action("View your unit's page"),
      };

    case 'exemption-refused':
      return {
        ...c.base(d.officeName),
        subject: `[Exemption request] Not granted: ${item} – due ${pr.dueDay}`,
        heading: 'Exemption not granted',
        greeting: c.unitGreeting,
        body: [
          p(`${d.officeName} has considered the request from ${d.unitName} to be exempted from ${ref(d)} and cannot grant it${commented}.`),
          ...quote(`Comments from ${d.officeName}`, d.comment),
          p(`The deadline stands: ${stillDue}. Please complete it and submit the result on time.`),
        ],
        facts: facts(d, pr, ['item', 'period', 'unit', 'due', 'daysLeft']),
        ...c.action("Open your unit's submission page"),
      };

    case 'cancelled':
      return {
        ...c.base(d.officeName),
        subject: `[Program change] No longer required: ${item}`,
        heading: 'Request withdrawn',
        greeting: c.unitGreeting,
        body: [
          p(`Following a change to the ${d.programTitle}, ${d.officeName} informs ${d.unitName} that ${ref(d)} is no longer required of it.`),
          ...quote(`Comments from ${d.officeName}`, d.comment),
          p('No further action is needed on this item; no further reminders will be sent about it.'),
        ],
        facts: [...facts(d, pr, ['item', 'period', 'unit']), { label: 'Status', value: 'No longer required' }],
        ...c.action("View your unit's page"),
      };
  }
}

/** The occurrence's report: consolidated, approved by the chair, sent up; late results noted. */
function consolidationEn(kind: Extract<NoticeKind, 'consolidated' | 'approval-requested' | 'approval-returned' | 'forwarded' | 'late-addendum'>, c: Ctx): NoticeContent {
  const { d, pr, item } = c;
  const reportFacts = [...facts(d, pr, ['item', 'period', 'attachment']), ...countFacts(d.counts)];

  switch (kind) {
    case 'consolidated': {
      const missing = d.pendingUnits ?? [];
      return {
        ...c.base(SYSTEM),
        subject: `[Consolidated report] Ready: ${item}`,
        heading: 'Consolidated report ready',
        greeting: c.officeGreeting,
        body: [
          p(`The consolidated report for ${ref(d)} has been compiled from the units' submissions.`),
          ...(missing.length > 0
            ? [p('At the time of consolidation the following units had not submitted; results that arrive later are recorded in an addendum:'), { kind: 'list' as const, items: missing }]
            : []),
          p(`Please check and finalise the consolidated report, then submit it to the leadership for approval before it is sent up.`),
        ],
        facts: reportFacts,
        ...c.action('Open the consolidated report'),
      };
    }

    case 'approval-requested':
      return {
        ...c.base(d.officeName),
        subject: `[Approval] Consolidated ${item}`,
        heading: 'Consolidated report for approval',
        greeting: `To: ${d.recipientName ?? 'the Chair of the Committee'}`,
        body: [
          p(`Under the ${d.programTitle}, ${d.officeName}, as the standing office, has consolidated ${ref(d)} from the units' submissions.`),
          ...quote(`Notes from ${d.officeName}`, d.comment),
          p('We respectfully submit the consolidated report for your approval before it is sent up.'),
        ],
        facts: reportFacts,
        ...c.action('Review and approve'),
      };

    case 'approval-returned': {
      const reviewer = d.reviewerName?.trim() ? d.reviewerName.trim() : undefined;
      return {
        ...c.base(SYSTEM),
        subject: `[Approval] Returned: consolidated ${item}`,
        heading: 'Consolidated report returned',
        greeting: c.officeGreeting,
        body: [
          p(`${reviewer ?? 'The Chair'} has reviewed and returned the consolidated report for ${ref(d)}${d.comment?.trim() ? ' with the comments below' : ''}.`),
          ...quote(`Comments from ${reviewer ?? 'the Chair'}`, d.comment),
          p(`Please revise the consolidated report and resubmit it for approval.`),
        ],
        facts: facts(d, pr, ['item', 'period', 'attachment']),
        ...c.action('Open the consolidated report'),
      };
    }

    case 'forwarded': {
      const attachment = d.attachmentName?.trim();
      return {
        ...c.base(d.officeName),
        subject: `[Consolidated report] ${item}${d.period ? ` – ${oneLine(d.period)}` : ''}`,
        heading: 'Consolidated report',
        greeting: `To: ${d.recipientName ?? 'the receiving office'}`,
        body: [
          p(`Under the ${d.programTitle}, ${d.officeName}, as the standing office, respectfully submits the consolidated report for ${ref(d)} for your information and direction.`),
          ...(attachment ? [p(`The report is attached to this message (${attachment}).`)] : []),
          ...quote('Summary', d.comment),
        ],
        facts: reportFacts,
        ...c.action('View the consolidated report'),
      };
    }

    case 'late-addendum':
      return {
        ...c.base(SYSTEM),
        subject: `[Addendum] ${oneLine(d.unitName)} submitted ${item} after consolidation`,
        heading: 'Submission after consolidation',
        greeting: c.officeGreeting,
        body: [
          p(`${d.unitName} submitted ${ref(d)}${pr.submittedAt ? ` at ${pr.submittedAt}` : ''}${c.receiptNote}, after the consolidated report was compiled.`),
          p('It has been recorded in the addendum to the consolidated report.'),
          p(`If the consolidated report has already been sent up, please consider sending the addendum as well.`),
        ],
        // The unit's own due is not on an occurrence notice (its dueAt is the consolidation's).
        facts: facts(d, pr, ['unit', 'item', 'period', 'receipt', 'submitted']),
        ...c.action("Open the unit's submission"),
      };
  }
}

/** One inspected unit: notice of the visit, reminder, findings with deadlines, closure. */
function inspectionEn(kind: Extract<NoticeKind, 'inspection-notice' | 'inspection-reminder' | 'inspection-findings' | 'inspection-closed'>, c: Ctx): NoticeContent {
  const { d, pr, item } = c;
  const team = d.inspectionTeam?.trim() ? d.inspectionTeam.trim() : 'the inspection team';
  const onDay = pr.visitDay ? ` on ${pr.visitDay}` : '';
  const visitFacts = facts(d, pr, ['item', 'period', 'unit', 'visit', 'team']);

  switch (kind) {
    case 'inspection-notice':
      return {
        ...c.base(d.officeName),
        subject: `[Inspection] Visit${onDay} – ${item}`,
        heading: 'Inspection notice',
        greeting: c.unitGreeting,
        body: [
          p(`Under the ${d.programTitle}, ${d.officeName} informs ${d.unitName} that ${team} will visit to inspect ${ref(d)}${pr.atVisit ? ` ${pr.atVisit}` : '; the date and time will be confirmed later'}.`),
          ...quote('What to prepare', d.comment),
          p(`Please arrange for the relevant staff to attend and have the documents ready${d.comment?.trim() ? ' as listed above' : ''}.`),
        ],
        facts: visitFacts,
        ...c.action('View details'),
      };

    case 'inspection-reminder':
      return {
        ...c.base(d.officeName),
        subject: `[Inspection] Reminder: visit${onDay} – ${item}`,
        heading: 'Inspection visit reminder',
        greeting: c.unitGreeting,
        body: [
          p(`This is a reminder that ${team} will visit ${d.unitName} to inspect ${ref(d)}${pr.atVisit ? ` ${pr.atVisit}` : ''}.`),
          ...quote('What to prepare', d.comment),
          p('Please arrange for the relevant staff to attend and have the documents ready as notified.'),
        ],
        facts: visitFacts,
        ...c.action('View details'),
      };

    case 'inspection-findings': {
      const n = pr.remediations.length;
      return {
        ...c.base(d.officeName),
        subject: `[Inspection] Findings – ${item}`,
        heading: 'Inspection findings',
        greeting: c.unitGreeting,
        body: [
          p(`${cap(team)} visited ${d.unitName} to inspect ${ref(d)}${pr.atVisit ? ` ${pr.atVisit}` : ''}.`),
          ...(pr.findings.length > 0
            ? [p('The inspection found the following shortcomings:'), { kind: 'list' as const, ordered: true, items: pr.findings }]
            : []),
          ...(n > 0
            ? [
                p(`Please remedy the following ${n === 1 ? 'item' : `${n} items`} and report the result to ${d.officeName} by the deadline given for each:`),
                { kind: 'list' as const, ordered: true, items: pr.remediations.map((r) => `${r.title} – due ${r.due}`) },
              ]
            : [p(pr.findings.length > 0
                ? 'Please take note of the shortcomings above.'
                : 'The inspection found nothing that needs to be remedied.')]),
          ...quote(`Comments from ${team}`, d.comment),
        ],
        facts: facts(d, pr, ['item', 'period', 'unit', 'visit', 'team', 'findings', 'remediations']),
        ...c.action("Open your unit's submission page"),
      };
    }

    case 'inspection-closed': {
      const n = pr.remediations.length;
      return {
        ...c.base(SYSTEM),
        subject: `[Inspection] ${oneLine(d.unitName)} has completed remediation – ${item}`,
        heading: 'Remediation completed',
        greeting: c.officeGreeting,
        body: [
          p(`${d.unitName} has completed ${n > 1 ? `all ${n} items` : n === 1 ? 'the item' : 'the items'} to be remedied following the inspection of ${ref(d)}.`),
          ...(n > 0
            ? [{
                kind: 'list' as const,
                ordered: true,
                items: pr.remediations.map((r) => `${r.title} – due ${r.due}${r.done ? `; done ${r.done}${r.late ? ' (late)' : ''}` : ''}`),
              }]
            : []),
          ...quote(`Comments from ${d.officeName}`, d.comment),
          p('Please confirm the result, close the follow-up and file the inspection records.'),
        ],
        facts: [
          ...facts(d, pr, ['unit', 'item', 'period', 'findings', 'remediations', 'remediatedOnTime', 'remediatedLate']),
          ...countFacts(d.counts),
        ],
        ...c.action('View the inspection records'),
      };
    }
  }
}

/** A campaign: launch to every unit, a mid-campaign check-in, the summary to the chair. */
function campaignEn(kind: Extract<NoticeKind, 'campaign-launch' | 'campaign-checkin' | 'campaign-summary'>, c: Ctx): NoticeContent {
  const { d, pr, item } = c;

  switch (kind) {
    case 'campaign-launch':
      return {
        ...c.base(d.officeName),
        subject: `[Campaign launch] ${item}${pr.windowDays ? ` – ${pr.windowDays}` : ''}`,
        heading: 'Campaign launch',
        greeting: c.unitGreeting,
        body: [
          p(`Under the ${d.programTitle}, ${d.officeName}, as the standing office, asks ${d.unitName} to carry out ${ref(d)}${pr.window ? `, ${pr.window}` : ''}.`),
          ...quote('Theme and focus', d.comment),
          p(`Please plan and run your activities, and send a report on the results to ${d.officeName} by ${pr.due}.`),
        ],
        facts: facts(d, pr, ['item', 'period', 'unit', 'window', 'due']),
        ...c.action("Open your unit's submission page"),
      };

    case 'campaign-checkin':
      return {
        ...c.base(d.officeName),
        subject: `[Campaign check-in] Progress report on ${item} – due ${pr.dueDay}`,
        heading: 'Mid-campaign check-in',
        greeting: c.unitGreeting,
        body: [
          p(`${d.officeName} asks ${d.unitName} to send a short report on the progress of ${ref(d)}${pr.window ? `, which runs ${pr.window},` : ''} by ${pr.due}${pr.daysLeft ? ` (${pr.daysLeft})` : ''}.`),
          ...quote('What to report', d.comment),
        ],
        facts: facts(d, pr, ['item', 'period', 'unit', 'window', 'due', 'daysLeft']),
        ...c.action("Open your unit's submission page"),
      };

    case 'campaign-summary':
      return {
        ...c.base(d.officeName),
        subject: `[Campaign summary] ${item}`,
        heading: 'Campaign results',
        greeting: `To: ${d.recipientName ?? 'the Chair of the Committee'}`,
        body: [
          p(`Under the ${d.programTitle}, ${d.officeName}, as the standing office, reports the results of ${ref(d)}${pr.window ? `, which ran ${pr.window},` : ''} as consolidated from the units' reports.`),
          ...quote('Overall assessment', d.comment),
          p('We respectfully submit them for your consideration and direction.'),
        ],
        facts: [...facts(d, pr, ['item', 'period', 'window', 'attachment']), ...countFacts(d.counts)],
        ...c.action('View the consolidated report'),
      };
  }
}
