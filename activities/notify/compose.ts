// The one structure of every notice: who sends it, whom it greets, which paragraphs, quotes,
// lists, facts and button it has, in which order. The words come from a string table
// (strings-vi.ts, strings-en.ts), so both languages say the same things in the same places.
import type { Block, NoticeContent } from './content';
import { countFacts, factsOf, varsOf } from './facts';
import { oneLine, type Prepared } from './prepared';
import type { NoticeStrings, T } from './strings';
import type { NoticeData } from '../../contract/notices';

const p = (text: string): Block => ({ kind: 'paragraph', text });
const list = (items: string[], ordered = false): Block => ({ kind: 'list', items, ...(ordered ? { ordered } : {}) });

function quote(label: string, text: string | undefined): Block[] {
  return text && text.trim() ? [{ kind: 'quote', label, text: text.trim() }] : [];
}

export function composeNotice(d: NoticeData, pr: Prepared, s: NoticeStrings): NoticeContent {
  const v = varsOf(d, pr);
  const facts = factsOf(d, pr, v, s);
  const frame = (sender: string, signature: string[] = [sender]) => ({
    locale: s.locale,
    sender,
    closing: [s.closing, ...signature],
    footer: [d.programTitle, s.footer],
  });
  const fromOffice = frame(d.officeName);
  const fromSystem = frame(s.system);
  const action = (label: string): Pick<NoticeContent, 'action'> => (pr.link ? { action: { label, url: pr.link, fallback: s.linkFallback } } : {});
  const titles = (k: { subject: T; heading: T }) => ({ subject: k.subject(v), heading: k.heading(v) });
  const a = s.actions;
  const officeQuote = quote(s.quotes.office(v), d.comment);

  switch (d.kind) {
    case 'request': {
      const k = s.request;
      return {
        ...fromOffice, ...titles(k), greeting: s.greet.unit(v),
        body: [p(k.lead(v)), p(pr.link ? k.viaPage(v) : k.viaMail(v))],
        facts: facts(['item', 'period', 'unit', 'due', 'daysLeft']),
        ...action(a.unitPage),
      };
    }
    case 'reminder': {
      const k = s.reminder;
      return {
        ...fromOffice, ...titles(k), greeting: s.greet.unit(v),
        body: pr.overdue ? [p(k.overdueLead(v)), p(k.overdueAsk(v))] : [p(k.lead(v)), p(k.ask(v))],
        facts: facts(['item', 'period', 'unit', 'due', 'daysLeft']),
        ...action(a.unitPage),
      };
    }
    case 'receipt': {
      const k = s.receipt;
      return {
        ...fromOffice, ...titles(k), greeting: s.greet.unit(v),
        // Without review nothing more is coming: the unit is told its work is recorded as done.
        body: [p(k.lead(v)), ...(v.receipt ? [p(k.keepNumber(v))] : []), p(d.noReview ? k.recorded(v) : k.next(v))],
        facts: facts(['receipt', 'item', 'period', 'unit', 'submitted', 'due', 'timeliness']),
        ...action(a.viewSubmission),
      };
    }
    case 'submitted': {
      const k = s.submitted;
      return {
        ...fromSystem, ...titles(k), greeting: s.greet.office(v),
        body: [p(k.lead(v)), p(d.noReview ? k.recorded(v) : k.ask(v))],
        facts: facts(['unit', 'item', 'period', 'receipt', 'submitted', 'due', 'timeliness']),
        ...action(a.openSubmission),
      };
    }
    case 'returned': {
      const k = s.returned;
      return {
        ...fromOffice, ...titles(k), greeting: s.greet.unit(v),
        body: [p(k.lead(v)), ...officeQuote, p(k.ask(v))],
        facts: facts(['item', 'period', 'unit', 'receipt', 'previousDue', 'due', 'daysLeft']),
        ...action(a.unitPage),
      };
    }
    case 'accepted': {
      const k = s.accepted;
      return {
        ...fromOffice, ...titles(k), greeting: s.greet.unit(v),
        body: [p(k.lead(v)), ...officeQuote, p(k.thanks(v))],
        facts: facts(['receipt', 'item', 'period', 'unit', 'submitted']),
        ...action(a.viewSubmission),
      };
    }
    case 'extended': {
      const k = s.extended;
      return {
        ...fromOffice, ...titles(k), greeting: s.greet.unit(v),
        body: [p(k.lead(v)), ...quote(s.quotes.extensionReason, d.comment), p(k.ask(v))],
        facts: facts(['item', 'period', 'unit', 'previousDue', 'due', 'daysLeft']),
        ...action(a.unitPage),
      };
    }
    case 'escalation': {
      const k = s.escalation;
      const common = { heading: k.heading(v), ...action(a.details) };
      if (d.escalationAudience === 'unit-head') {
        return {
          ...fromOffice, ...common, subject: k.headSubject(v), greeting: s.greet.unitHead(v),
          body: [p(k.headLead(v)), p(k.headNotYet(v)), p(k.headAsk(v))],
          facts: facts(['unit', 'item', 'period', 'due', 'daysLeft']),
        };
      }
      const chair = d.escalationAudience === 'chair';
      return {
        ...(chair ? fromOffice : fromSystem), ...common, subject: k.listSubject(v),
        greeting: chair ? s.greet.chair(v) : s.greet.office(v),
        body: chair
          ? [p(k.chairLead(v)), list(v.pending), p(k.chairAsk(v))]
          : [p(k.officeLead(v)), list(v.pending), p(k.officeAsk(v))],
        facts: facts(['item', 'period', 'due', 'daysLeft']),
      };
    }
    case 'extension-requested': {
      const k = s['extension-requested'];
      return {
        ...fromSystem, ...titles(k), greeting: s.greet.office(v),
        body: [p(pr.requestedDue ? k.withDate(v) : k.withoutDate(v)), ...quote(s.quotes.askedExtension, d.comment), p(k.ask(v))],
        facts: facts(['unit', 'item', 'period', 'due', 'requestedDue', 'daysLeft']),
        ...action(a.decide),
      };
    }
    case 'extension-refused': {
      const k = s['extension-refused'];
      return {
        ...fromOffice, ...titles(k), greeting: s.greet.unit(v),
        body: [p(k.lead(v)), ...officeQuote, p(k.stands(v))],
        facts: facts(['item', 'period', 'unit', 'requestedDue', 'due', 'daysLeft']),
        ...action(a.unitPage),
      };
    }
    case 'exemption-requested': {
      const k = s['exemption-requested'];
      return {
        ...fromSystem, ...titles(k), greeting: s.greet.office(v),
        body: [p(k.lead(v)), ...quote(s.quotes.askedExemption, d.comment), p(k.ask(v))],
        facts: facts(['unit', 'item', 'period', 'due', 'daysLeft']),
        ...action(a.decide),
      };
    }
    case 'exempted': {
      const k = s.exempted;
      return {
        ...fromOffice, ...titles(k), greeting: s.greet.unit(v),
        body: [p(k.lead(v)), ...officeQuote, p(k.nothingMore(v))],
        facts: [...facts(['item', 'period', 'unit']), { label: s.facts.status, value: s.status.exempted }],
        ...action(a.unitView),
      };
    }
    case 'exemption-refused': {
      const k = s['exemption-refused'];
      return {
        ...fromOffice, ...titles(k), greeting: s.greet.unit(v),
        body: [p(k.lead(v)), ...officeQuote, p(k.stands(v))],
        facts: facts(['item', 'period', 'unit', 'due', 'daysLeft']),
        ...action(a.unitPage),
      };
    }
    case 'cancelled': {
      const k = s.cancelled;
      return {
        ...fromOffice, ...titles(k), greeting: s.greet.unit(v),
        body: [p(k.lead(v)), ...officeQuote, p(k.nothingMore(v))],
        facts: [...facts(['item', 'period', 'unit']), { label: s.facts.status, value: s.status.cancelled }],
        ...action(a.unitView),
      };
    }
    case 'consolidated': {
      const k = s.consolidated;
      const missing = d.pendingUnits ?? [];
      return {
        ...fromSystem, ...titles(k), greeting: s.greet.office(v),
        body: [p(k.lead(v)), ...(missing.length > 0 ? [p(k.missing(v)), list(missing)] : []), p(k.ask(v))],
        facts: [...facts(['item', 'period', 'attachment']), ...countFacts(d, s)],
        ...action(a.openReport),
      };
    }
    case 'approval-requested': {
      const k = s['approval-requested'];
      return {
        ...fromOffice, ...titles(k), greeting: s.greet.chair(v),
        body: [p(k.lead(v)), ...quote(s.quotes.officeNote(v), d.comment), p(k.ask(v))],
        facts: [...facts(['item', 'period', 'attachment']), ...countFacts(d, s)],
        ...action(a.approve),
      };
    }
    case 'approval-returned': {
      const k = s['approval-returned'];
      return {
        ...fromSystem, ...titles(k), greeting: s.greet.office(v),
        body: [p(k.lead(v)), ...quote(s.quotes.reviewer(v), d.comment), p(k.ask(v))],
        facts: facts(['item', 'period', 'attachment']),
        ...action(a.openReport),
      };
    }
    case 'forwarded': {
      const k = s.forwarded;
      // In the committee's name, signed by its chair, when the program says who they are.
      const from = v.committee ? frame(v.committee, s.committeeSignature(v.committee, v)) : fromOffice;
      return {
        ...from, ...titles(k), greeting: s.greet.upward(v),
        body: [p(k.lead(v)), ...(v.attachment ? [p(k.attached(v))] : []), ...quote(s.quotes.summary, d.comment)],
        facts: [...facts(['item', 'period', 'attachment']), ...countFacts(d, s)],
        ...action(a.viewReport),
      };
    }
    case 'late-addendum': {
      const k = s['late-addendum'];
      return {
        ...fromSystem, ...titles(k), greeting: s.greet.office(v),
        body: [p(k.lead(v)), p(k.recorded(v)), p(k.ask(v))],
        // The unit's own due is not on an occurrence notice (its dueAt is the consolidation's).
        facts: facts(['unit', 'item', 'period', 'receipt', 'submitted']),
        ...action(a.openSubmission),
      };
    }
    case 'inspection-notice':
    case 'inspection-reminder': {
      const k = s[d.kind];
      return {
        ...fromOffice, ...titles(k), greeting: s.greet.unit(v),
        body: [p(k.lead(v)), ...quote(s.quotes.prepare, d.comment), p(k.ask(v))],
        facts: facts(['item', 'period', 'unit', 'visit', 'team']),
        ...action(a.details),
      };
    }
    case 'inspection-findings': {
      const k = s['inspection-findings'];
      const remedies = pr.remediations;
      return {
        ...fromOffice, ...titles(k), greeting: s.greet.unit(v),
        body: [
          p(k.lead(v)),
          ...(pr.findings.length > 0 ? [p(k.foundIntro(v)), list(pr.findings, true)] : []),
          ...(remedies.length > 0
            ? [p(k.remedyIntro(v)), list(remedies.map(k.remedyItem), true)]
            : [p(pr.findings.length > 0 ? k.noteOnly(v) : k.nothingFound(v))]),
          ...quote(s.quotes.team(v), d.comment),
        ],
        facts: facts(['item', 'period', 'unit', 'visit', 'team', 'findings', 'remediations']),
        ...action(a.unitPage),
      };
    }
    case 'inspection-closed': {
      const k = s['inspection-closed'];
      const exempted = (d.exempted ?? []).map(oneLine).filter((x) => x !== '');
      return {
        ...fromSystem, ...titles(k), greeting: s.greet.office(v),
        body: [
          p(k.lead(v)),
          ...(pr.remediations.length > 0 ? [list(pr.remediations.map(k.doneItem), true)] : []),
          ...(exempted.length > 0 ? [p(k.exempted(exempted))] : []),
          ...officeQuote,
          p(k.ask(v)),
        ],
        facts: [
          ...facts(['unit', 'item', 'period', 'findings', 'remediations', 'remediatedOnTime', 'remediatedLate']),
          ...countFacts(d, s),
        ],
        ...action(a.inspection),
      };
    }
    case 'campaign-launch': {
      const k = s['campaign-launch'];
      return {
        ...fromOffice, ...titles(k), greeting: s.greet.unit(v),
        body: [p(k.lead(v)), ...quote(s.quotes.theme, d.comment), p(k.ask(v))],
        facts: facts(['item', 'period', 'unit', 'window', 'due']),
        ...action(a.unitPage),
      };
    }
    case 'campaign-checkin': {
      const k = s['campaign-checkin'];
      return {
        ...fromOffice, ...titles(k), greeting: s.greet.unit(v),
        body: [p(k.lead(v)), ...quote(s.quotes.checkin, d.comment)],
        facts: facts(['item', 'period', 'unit', 'window', 'due', 'daysLeft']),
        ...action(a.unitPage),
      };
    }
    case 'campaign-summary': {
      const k = s['campaign-summary'];
      return {
        ...fromOffice, ...titles(k), greeting: s.greet.chair(v),
        // The plans are counted in a sentence: the facts table counts the results.
        body: [p(k.lead(v)), ...(d.planCounts ? [p(k.plans(d.planCounts))] : []), ...quote(s.quotes.assessment, d.comment), p(k.ask(v))],
        facts: [...facts(['item', 'period', 'window', 'attachment']), ...countFacts(d, s)],
        ...action(a.viewReport),
      };
    }
    case 'delivery-failed': {
      const k = s['delivery-failed'];
      const relay = [v.failureCode, v.failureMessage].filter((x) => x !== undefined).join(' ');
      return {
        // `recipientName` here is whose address refused the mail; the letter goes to the office.
        ...fromSystem, ...titles(k), greeting: s.greet.office({ ...v, recipient: undefined, recipientTitle: undefined }),
        body: [p(k.lead(v)), ...quote(s.quotes.relay, relay), p(k.meaning(v)), p(k.ask(v)), p(k.resend(v))],
        facts: facts(['unit', 'failedTo', 'failedKind', 'item', 'period', 'due']),
        ...action(a.fixAddress),
      };
    }
  }
}
