// English: the same notices, for programs written in English. Names, titles and quoted words
// stay as the program and the people wrote them.
import { headTitle } from './address-vi';
import { oneLine } from './prepared';
import type { NoticeStrings, Vars } from './strings';

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const or = (x: string | undefined, text: (x: string) => string) => (x ? text(x) : '');
const left = (v: Vars) => or(v.daysLeft, (d) => ` (${d})`);
const commented = (v: Vars, words: string) => (v.commented ? words : '');
const many = (v: Vars) => v.pending.length > 1;
const person = (v: Vars, fallback: string) =>
  v.recipient && v.recipientTitle ? `${v.recipient}, ${v.recipientTitle}` : v.recipient ?? v.recipientTitle ?? fallback;
const lead = (v: Vars) => `${many(v) ? 'The following units have' : 'The following unit has'} not yet submitted ${v.ref}, due ${v.due}${or(v.daysLeft, (d) => `, ${d}`)}:`;

export const en: NoticeStrings = {
  locale: 'en',
  system: 'dondoc follow-up system',
  footer: 'This message was sent automatically by the dondoc system; please do not reply to it.',
  linkFallback: 'If the button does not open, copy this link into your browser:',
  closing: 'Kind regards,',
  cap,

  greet: {
    unit: (v) => `To: ${person(v, v.unit)}`,
    office: (v) => `To: ${person(v, v.office)}`,
    chair: (v) => `To: ${person(v, 'the Chair of the Committee')}`,
    // Titles are the program's (Vietnamese) words: completed with the unit's name the same way.
    unitHead: (v) => {
      const title = v.recipientTitle ? headTitle(v.recipientTitle, v.unit) : undefined;
      return `To: ${v.recipient ? `${v.recipient}, ${title ?? `head of ${v.unit}`}` : title ?? `the head of ${v.unit}`}`;
    },
    upward: (v) => `To: ${v.recipient ?? 'the receiving office'}`,
  },
  committeeSignature: (committee, v) => [`For ${committee}`, v.signerTitle ?? 'Chair', ...(v.signer ? [v.signer] : [])],

  facts: {
    receipt: 'Receipt no.',
    item: 'Item',
    inspectionItem: 'Inspection of',
    period: 'Period',
    unit: 'Unit',
    inspectedUnit: 'Inspected unit',
    submitted: 'Submitted',
    previousDue: 'Previous due date',
    due: 'Due',
    status: 'Status',
    requestedDue: 'Requested due date',
    visit: 'Visit',
    team: 'Inspection team',
    window: 'Dates',
    attachment: 'Attachment',
    findings: 'Findings',
    remediations: 'Items to remedy',
    remediatedOnTime: 'Remedied on time',
    remediatedLate: 'Remedied late',
    failedTo: 'Refused address',
    failedKind: 'Undelivered notice',
  },
  dueLabel: {
    extended: 'New due date',
    returned: 'Resubmit by',
    'extension-requested': 'Current due date',
    'extension-refused': 'Due (unchanged)',
    'exemption-refused': 'Due (unchanged)',
    'campaign-launch': 'Results report due',
    'campaign-checkin': 'Progress report due',
  },
  status: { late: 'Submitted late', onTime: 'Submitted on time', exempted: 'Exempted', cancelled: 'No longer required' },
  counts: {
    total: 'Units asked',
    onTime: 'Submitted on time',
    late: 'Submitted late',
    missing: 'Not submitted',
    exempt: 'Exempted',
    returned: 'Returned for revision',
    units: (n) => `${n} ${n === 1 ? 'unit' : 'units'}`,
  },
  actions: {
    unitPage: "Open your unit's submission page",
    viewSubmission: 'View the submission',
    openSubmission: "Open the unit's submission",
    decide: 'Review and decide',
    unitView: "View your unit's page",
    details: 'View details',
    openReport: 'Open the consolidated report',
    approve: 'Review and approve',
    viewReport: 'View the consolidated report',
    inspection: 'View the inspection records',
    fixAddress: 'Open the office page',
  },
  quotes: {
    office: (v) => `Comments from ${v.office}`,
    officeNote: (v) => `Notes from ${v.office}`,
    extensionReason: 'Reason for the extension',
    askedExtension: 'Reason given',
    askedExemption: 'Reason given',
    reviewer: (v) => `Comments from ${v.reviewer ?? 'the Chair'}`,
    summary: 'Summary',
    prepare: 'What to prepare',
    team: (v) => `Comments from ${v.team ?? 'the inspection team'}`,
    theme: 'Theme and focus',
    checkin: 'What to report',
    assessment: 'Overall assessment',
    relay: "The mail server's reply",
  },
  reasons: {
    'program-amended': 'The work program was amended.',
  },
  kindNames: {
    request: 'request',
    reminder: 'reminder',
    receipt: 'receipt',
    submitted: 'submission notice',
    returned: 'request for revision',
    accepted: 'acceptance notice',
    escalation: 'escalation',
    extended: 'extension notice',
    'extension-requested': 'extension request notice',
    'extension-refused': 'reply to the extension request',
    'exemption-requested': 'exemption request notice',
    exempted: 'exemption notice',
    'exemption-refused': 'reply to the exemption request',
    cancelled: 'notice of withdrawal',
    consolidated: 'consolidation notice',
    'approval-requested': 'request for approval',
    'approval-returned': 'notice of return',
    forwarded: 'consolidated report',
    'late-addendum': 'addendum notice',
    'inspection-notice': 'inspection notice',
    'inspection-reminder': 'inspection reminder',
    'inspection-findings': 'inspection findings',
    'inspection-closed': 'remediation notice',
    'campaign-launch': 'campaign launch notice',
    'campaign-checkin': 'campaign check-in',
    'campaign-summary': 'campaign summary',
    'delivery-failed': 'delivery failure notice',
  },

  request: {
    subject: (v) => `[Request] Please submit ${v.item} – due ${v.dueDay}`,
    heading: () => 'Request for submission',
    lead: (v) => `Under the ${v.program}, ${v.office} (the standing office) asks ${v.unit} to complete ${v.ref} and submit the result by ${v.due}.`,
    viaPage: () => "Please submit reports and documents through your unit's page at the link below; a receipt is sent by email once they arrive.",
    viaMail: (v) => `${v.office} will send a receipt by email once the result arrives.`,
  },
  reminder: {
    subject: (v) => (v.overdue ? `[Follow-up] Overdue: ${v.item} – due ${v.dueDay}` : `[Reminder] ${v.item} – due ${v.dueDay}`),
    heading: (v) => (v.overdue ? 'Submission overdue' : 'Deadline reminder'),
    overdueLead: (v) => `${v.office} has not yet received ${v.ref} from ${v.unit}. It was due ${v.due} and is ${v.daysLeft ?? 'overdue'}.`,
    overdueAsk: () => 'Please complete it and submit the result as soon as possible.',
    lead: (v) => `This is a reminder to ${v.unit} that ${v.ref} is due ${v.due}${left(v)}.`,
    ask: () => 'Please complete it and submit the result on time.',
  },
  receipt: {
    subject: (v) => (v.receipt ? `[Receipt] No. ${v.receipt} – ${v.item}` : `[Receipt] ${v.item}`),
    heading: () => 'Receipt',
    lead: (v) => `${v.office} has received ${v.ref} from ${v.unit}${or(v.submittedAt, (t) => ` at ${t}`)}.`,
    keepNumber: (v) => `Receipt number: ${v.receipt ?? ''}. Please keep it for future reference.`,
    next: (v) => `${v.office} will review the submission and let your unit know the outcome.`,
    recorded: (v) => `Under the work program this item needs no review: the submission of ${v.unit} has been recorded as complete. Nothing more is required of your unit for this item.`,
  },
  submitted: {
    subject: (v) => `[Submitted] ${v.unitLine} – ${v.item}`,
    heading: () => 'A unit has submitted',
    lead: (v) => `${v.unit} has submitted ${v.ref}${or(v.submittedAt, (t) => ` at ${t}`)}${or(v.receipt, (r) => ` (receipt no. ${r})`)}.`,
    ask: () => 'Please review it and either accept it or return it to the unit for revision.',
    recorded: () => 'Under the work program this item needs no review: the submission has been recorded as complete and needs no acceptance.',
  },
  returned: {
    subject: (v) => `[Returned] ${v.item} – resubmit by ${v.dueDay}`,
    heading: () => 'Revision requested',
    lead: (v) => `${v.office} has reviewed ${v.ref} submitted by ${v.unit}${or(v.receipt, (r) => ` (receipt no. ${r})`)} and asks the unit to revise it${commented(v, ' as noted below')}.`,
    ask: (v) => `Please revise it and resubmit by ${v.due}${left(v)}.`,
  },
  accepted: {
    subject: (v) => `[Accepted] ${v.item}${or(v.receipt, (r) => ` – No. ${r}`)}`,
    heading: () => 'Submission accepted',
    lead: (v) => `${v.office} has reviewed and accepted ${v.ref} submitted by ${v.unit}${or(v.receipt, (r) => ` (receipt no. ${r})`)}.`,
    thanks: () => 'Thank you for your cooperation.',
  },
  extended: {
    subject: (v) => `[Extended] ${v.item} – new due date ${v.dueDay}`,
    heading: () => 'Deadline extended',
    lead: (v) => `${v.office} has agreed to extend the deadline for ${v.unit} to submit ${v.ref}${or(v.previousDue, (d) => ` from ${d}`)} to ${v.due}.`,
    ask: () => 'Please complete it and submit the result within the extended deadline.',
  },
  escalation: {
    tag: (v) => (v.level ? `[Escalation ${v.level}]` : '[Escalation]'),
    heading: (v) => (v.level ? `Escalation – level ${v.level}` : 'Escalation'),
    headSubject: (v) => `${en.escalation.tag(v)} ${v.unitLine} has not submitted ${v.item} – due ${v.dueDay}`,
    listSubject: (v) => `${en.escalation.tag(v)} ${many(v) ? `${v.pending.length} units have` : `${oneLine(v.pending[0] ?? v.unit)} has`} not submitted ${v.item} – due ${v.dueDay}`,
    headLead: (v) => `Under the ${v.program}, ${v.unit}, the unit under your direction, was asked to complete ${v.ref}, due ${v.due}.`,
    headNotYet: (v) => `${v.office} has not yet received its result${left(v)}.`,
    headAsk: (v) => `Please direct the unit to complete it and send the result to ${v.office} as soon as possible.`,
    chairLead: (v) => {
      const l = lead(v);
      return `Under the ${v.program}, ${v.office}, as the standing office, reports that ${l.charAt(0).toLowerCase()}${l.slice(1)}`;
    },
    chairAsk: (v) => `We respectfully ask you to direct ${many(v) ? 'these units' : 'this unit'} to complete it promptly.`,
    officeLead: lead,
    officeAsk: (v) => `Please contact ${many(v) ? 'these units' : 'this unit'} and follow up until the result is submitted.`,
  },
  'extension-requested': {
    subject: (v) => `[Extension request] ${v.unitLine} – ${v.item}${or(v.requestedDueDay, (d) => ` – to ${d}`)}`,
    heading: () => 'Extension requested',
    withDate: (v) => `${v.unit} asks to extend the deadline for ${v.ref} from ${v.due} to ${v.requestedDue ?? ''}.`,
    withoutDate: (v) => `${v.unit} asks for more time to submit ${v.ref}, currently due ${v.due}.`,
    ask: () => 'Please decide: grant the extension, or refuse it and keep the deadline.',
  },
  'extension-refused': {
    subject: (v) => `[Extension] Not granted: ${v.item} – due ${v.dueDay}`,
    heading: () => 'Extension not granted',
    lead: (v) => `${v.office} has considered the request from ${v.unit} to extend the deadline for ${v.ref}${or(v.requestedDue, (d) => ` (to ${d})`)} and cannot grant it${commented(v, ', for the reasons below')}.`,
    stands: (v) => `The deadline stands: ${v.due}${left(v)}. Please complete it and submit the result on time.`,
  },
  'exemption-requested': {
    subject: (v) => `[Exemption request] ${v.unitLine} asks to be exempted from ${v.item}`,
    heading: () => 'Exemption requested',
    lead: (v) => `${v.unit} asks to be exempted from ${v.ref}, due ${v.due}.`,
    ask: () => 'Please decide: grant the exemption, or refuse it and keep the request in force.',
  },
  exempted: {
    subject: (v) => `[Exemption] Granted: ${v.item} – ${v.unitLine}`,
    heading: () => 'Exemption granted',
    lead: (v) => `${v.office} has agreed to exempt ${v.unit} from ${v.ref}.`,
    nothingMore: (v) => `${v.unit} does not need to submit anything for this item; no further reminders will be sent about it.`,
  },
  'exemption-refused': {
    subject: (v) => `[Exemption] Not granted: ${v.item} – due ${v.dueDay}`,
    heading: () => 'Exemption not granted',
    lead: (v) => `${v.office} has considered the request from ${v.unit} to be exempted from ${v.ref} and cannot grant it${commented(v, ', for the reasons below')}.`,
    stands: (v) => `The deadline stands: ${v.due}${left(v)}. Please complete it and submit the result on time.`,
  },
  cancelled: {
    subject: (v) => `[Program change] No longer required: ${v.item}`,
    heading: () => 'Request withdrawn',
    lead: (v) => `Following a change to the ${v.program}, ${v.office} informs ${v.unit} that ${v.ref} is no longer required of it.`,
    nothingMore: () => 'No further action is needed on this item; no further reminders will be sent about it.',
  },
  consolidated: {
    subject: (v) => `[Consolidated report] Ready: ${v.item}`,
    heading: () => 'Consolidated report ready',
    lead: (v) => `The consolidated report for ${v.ref} has been compiled from the units' submissions.`,
    missing: () => 'At the time of consolidation the following units had not submitted; results that arrive later are recorded in an addendum:',
    ask: () => 'Please check and finalise the consolidated report, then submit it for approval before it is sent up.',
  },
  'approval-requested': {
    subject: (v) => `[Approval] Consolidated ${v.item}`,
    heading: () => 'Consolidated report for approval',
    lead: (v) => `Under the ${v.program}, ${v.office}, as the standing office, has consolidated ${v.ref} from the units' submissions.`,
    ask: () => 'We respectfully submit the consolidated report for your approval before it is sent up.',
  },
  'approval-returned': {
    subject: (v) => `[Approval] Returned: consolidated ${v.item}`,
    heading: () => 'Consolidated report returned',
    lead: (v) => `${v.reviewer ?? 'The Chair'} has reviewed and returned the consolidated report for ${v.ref}${commented(v, ' with the comments below')}.`,
    ask: () => 'Please revise the consolidated report and resubmit it for approval.',
  },
  forwarded: {
    subject: (v) => `[Consolidated report] ${v.item}${or(v.periodLine, (p) => ` – ${p}`)}`,
    heading: () => 'Consolidated report',
    lead: (v) => (v.committee
      ? `Under the ${v.program}, ${v.committee} respectfully submits the consolidated report for ${v.ref} for your information and direction.`
      : `Under the ${v.program}, ${v.office}, as the standing office, respectfully submits the consolidated report for ${v.ref} for your information and direction.`),
    attached: (v) => `The report is attached to this message (${v.attachment ?? ''}).`,
  },
  'late-addendum': {
    subject: (v) => `[Addendum] ${v.unitLine} submitted ${v.item} after consolidation`,
    heading: () => 'Submission after consolidation',
    lead: (v) => `${v.unit} submitted ${v.ref}${or(v.submittedAt, (t) => ` at ${t}`)}${or(v.receipt, (r) => ` (receipt no. ${r})`)}, after the consolidated report was compiled.`,
    recorded: () => 'It has been recorded in the addendum to the consolidated report.',
    ask: () => 'If the consolidated report has already been sent up, please consider sending the addendum as well.',
  },
  'inspection-notice': {
    subject: (v) => `[Inspection] Visit${or(v.visitDay, (d) => ` on ${d}`)} – ${v.item}`,
    heading: () => 'Inspection notice',
    lead: (v) => `Under the ${v.program}, ${v.office} informs ${v.unit} that ${v.team ?? 'the inspection team'} will visit to inspect ${v.ref}${v.atVisit ? ` ${v.atVisit}` : '; the date and time will be confirmed later'}.`,
    ask: (v) => `Please arrange for the relevant staff to attend and have the documents ready${commented(v, ' as listed above')}.`,
  },
  'inspection-reminder': {
    subject: (v) => `[Inspection] Reminder: visit${or(v.visitDay, (d) => ` on ${d}`)} – ${v.item}`,
    heading: () => 'Inspection visit reminder',
    lead: (v) => `This is a reminder that ${v.team ?? 'the inspection team'} will visit ${v.unit} to inspect ${v.ref}${or(v.atVisit, (a) => ` ${a}`)}.`,
    ask: () => 'Please arrange for the relevant staff to attend and have the documents ready as notified.',
  },
  'inspection-findings': {
    subject: (v) => `[Inspection] Findings – ${v.item}`,
    heading: () => 'Inspection findings',
    lead: (v) => `${cap(v.team ?? 'the inspection team')} visited ${v.unit} to inspect ${v.ref}${or(v.atVisit, (a) => ` ${a}`)}.`,
    foundIntro: () => 'The inspection found the following shortcomings:',
    remedyIntro: (v) => `Please remedy the following ${v.remediations.length === 1 ? 'item' : `${v.remediations.length} items`} and report the result to ${v.office} by the deadline given for each:`,
    remedyItem: (r) => `${r.title} – due ${r.due}`,
    noteOnly: () => 'Please take note of the shortcomings above.',
    nothingFound: () => 'The inspection found nothing that needs to be remedied.',
  },
  'inspection-closed': {
    subject: (v) => `[Inspection] ${v.unitLine} has completed remediation – ${v.item}`,
    heading: () => 'Remediation completed',
    lead: (v) => {
      const n = v.remediations.length;
      return `${v.unit} has completed ${n > 1 ? `all ${n} items` : n === 1 ? 'the item' : 'the items'} to be remedied following the inspection of ${v.ref}.`;
    },
    doneItem: (r) => `${r.title} – due ${r.due}${r.done ? `; done ${r.done}${r.late ? ' (late)' : ''}` : ''}`,
    exempted: (items) => `Exempted from remediation: ${items.join('; ')}.`,
    ask: () => 'Please confirm the result, close the follow-up and file the inspection records.',
  },
  'campaign-launch': {
    subject: (v) => `[Campaign launch] ${v.item}${or(v.windowDays, (w) => ` – ${w}`)}`,
    heading: () => 'Campaign launch',
    lead: (v) => `Under the ${v.program}, ${v.office}, as the standing office, asks ${v.unit} to carry out ${v.ref}${or(v.window, (w) => `, ${w}`)}.`,
    ask: (v) => `Please plan and run your activities, and send a report on the results to ${v.office} by ${v.due}.`,
  },
  'campaign-checkin': {
    subject: (v) => `[Campaign check-in] Progress report on ${v.item} – due ${v.dueDay}`,
    heading: () => 'Mid-campaign check-in',
    lead: (v) => `${v.office} asks ${v.unit} to send a short report on the progress of ${v.ref}${or(v.window, (w) => `, which runs ${w},`)} by ${v.due}${left(v)}.`,
  },
  'campaign-summary': {
    subject: (v) => `[Campaign summary] ${v.item}`,
    heading: () => 'Campaign results',
    lead: (v) => `Under the ${v.program}, ${v.office}, as the standing office, reports the results of ${v.ref}${or(v.window, (w) => `, which ran ${w},`)} as consolidated from the units' reports.`,
    plans: (c) => {
      const rest = [c.missing > 0 ? `${c.missing} not sent` : '', c.exempt > 0 ? `${c.exempt} exempted` : ''].filter(Boolean);
      return `Unit plans: ${c.received} of ${c.total} received (${c.onTime} on time, ${c.late} late)${rest.length ? `; ${rest.join(', ')}` : ''}.`;
    },
    ask: () => 'We respectfully submit them for your consideration and direction.',
  },
  'delivery-failed': {
    subject: (v) => `[Delivery failed] ${v.unitLine} – ${v.item}`,
    heading: () => 'A notice could not be delivered',
    lead: (v) => {
      const who = v.recipient ? `${v.recipient} (${v.unit})` : v.unit;
      const what = v.failedKind ? `the ${en.kindNames[v.failedKind]}` : 'a notice';
      const where = v.failedTo.length > 0 ? ` at ${v.failedTo.join(', ')}` : '';
      return `The system could not deliver ${what} about ${v.ref} to ${who}${where}: the recipient's mail server refused it.`;
    },
    meaning: () => 'Sending again will not help: the address does not exist, is blocked, or does not accept mail from the system.',
    ask: () => "Please check and correct the unit's email address in the program file and apply the program again, or correct it on the office page.",
    resend: () => 'Once the address is corrected, the notices that could not be delivered are sent again.',
  },
};
