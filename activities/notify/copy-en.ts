import type { Block, Fact, NoticeContent } from './content';
import { oneLine, type Prepared } from './prepared';
import type { NoticeData } from './templates';

const SYSTEM = 'dondoc follow-up system';
const FOOTER = 'This message was sent automatically by the dondoc system; please do not reply to it.';
const LINK_FALLBACK = 'If the button does not open, copy this link into your browser:';

const p = (text: string): Block => ({ kind: 'paragraph', text });
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "Báo cáo sơ kết 6 tháng" (6 tháng đầu năm 2026) */
function ref(d: NoticeData): string {
  return `“${d.itemTitle}”${d.period ? ` (${d.period})` : ''}`;
}

type FactKey = 'receipt' | 'item' | 'period' | 'unit' | 'submitted' | 'previousDue' | 'due' | 'daysLeft' | 'timeliness';

function facts(d: NoticeData, pr: Prepared, pick: Array<FactKey>): Fact[] {
  const all: Record<FactKey, Fact | undefined> = {
    receipt: d.receiptNumber ? { label: 'Receipt no.', value: d.receiptNumber } : undefined,
    item: { label: 'Item', value: d.itemTitle },
    period: d.period ? { label: 'Period', value: d.period } : undefined,
    unit: { label: 'Unit', value: d.unitName },
    submitted: pr.submittedAt ? { label: 'Submitted', value: pr.submittedAt } : undefined,
    previousDue: pr.previousDue ? { label: 'Previous due date', value: pr.previousDue } : undefined,
    due: { label: d.kind === 'extended' ? 'New due date' : d.kind === 'returned' ? 'Resubmit by' : 'Due', value: pr.due },
    daysLeft: pr.daysLeft ? { label: 'Status', value: cap(pr.daysLeft), alert: pr.overdue } : undefined,
    timeliness: pr.late === undefined ? undefined : { label: 'Status', value: pr.late ? 'Submitted late' : 'Submitted on time', alert: pr.late },
  };
  return pick.map((k) => all[k]).filter((f): f is Fact => f !== undefined);
}

function quote(label: string, text: string | undefined): Block[] {
  return text && text.trim() ? [{ kind: 'quote', label, text: text.trim() }] : [];
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

  switch (d.kind) {
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
