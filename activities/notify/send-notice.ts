// The notify activity: render a notice and hand it to the SMTP relay.
import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import type { Transporter } from 'nodemailer';
import type { NoticeLinks } from '../../auth/links';
import { sendOnce, type SentLedger } from '../../storage/sent-ledger';
import type { NoticeRequest } from '../../workflows/assignment/notices';
import { messageIdFor } from './message-id';
import { renderNotice, type NoticeData, type NoticeKind } from './templates';

export interface NotifyDeps {
  mailer: Transporter;
  from: string;
  /** Right-hand side of Message-IDs; the host of the public URL. */
  messageIdDomain: string;
  /** Builds the links notices carry; without it notices go out with no link. */
  links?: NoticeLinks;
  /** Messages already sent, so a retried activity does not send again. */
  ledger?: SentLedger;
}

/** Assignment notices the office (or the chair) reads: they link to the office's page. */
const OFFICE_KINDS: ReadonlySet<NoticeKind> = new Set(['submitted', 'extension-requested', 'exemption-requested']);
/** Assignment notices the unit reads: they carry the unit's signed link. */
const UNIT_KINDS: ReadonlySet<NoticeKind> = new Set([
  'request', 'reminder', 'receipt', 'returned', 'accepted', 'extended',
  'extension-refused', 'exempted', 'exemption-refused', 'cancelled',
]);

/**
 * Which page a notice links to. Occurrence notices (consolidation, inspection, campaign)
 * come from workflows that are not one unit's assignment: they set their own link, if any.
 */
function audienceOf(data: NoticeData): 'unit' | 'office' | undefined {
  if (data.kind === 'escalation') return data.escalationAudience === 'unit-head' ? 'unit' : 'office';
  if (UNIT_KINDS.has(data.kind)) return 'unit';
  if (OFFICE_KINDS.has(data.kind)) return 'office';
  return undefined;
}

function workflowIdOfCaller(): string | undefined {
  try {
    return Context.current().info.workflowExecution?.workflowId;
  } catch {
    // Called outside an activity (a script, a unit test): nothing to link to.
    return undefined;
  }
}

/**
 * The workflow id comes from the activity context rather than the notice key, whose step
 * part contains slashes too. A link the workflow set itself (program-level notices) wins.
 */
function withLink(data: NoticeData, links: NoticeLinks | undefined): NoticeData {
  if (data.link !== undefined || links === undefined) return data;
  const audience = audienceOf(data);
  const workflowId = workflowIdOfCaller();
  if (audience === undefined || workflowId === undefined) return data;
  return { ...data, link: audience === 'unit' ? links.unit(workflowId, data.dueAt) : links.office(workflowId) };
}

export interface SentNotice {
  messageId: string;
  sentAt: string;
}

export function createSendNotice(deps: NotifyDeps) {
  return async function sendNotice(request: NoticeRequest): Promise<SentNotice> {
    if (request.to.length === 0) {
      throw ApplicationFailure.nonRetryable(`notice ${request.key} has no recipient`, 'NoRecipient');
    }
    const { subject, text, html } = renderNotice(withLink(request.data, deps.links));
    const messageId = messageIdFor(request.key, deps.messageIdDomain);
    const details = { workflowId: workflowIdOfCaller() ?? '', kind: request.data.kind, to: request.to, cc: request.cc, subject };
    return sendOnce(deps.ledger, request.key, async () => {
      try {
        await deps.mailer.sendMail({
          from: deps.from,
          to: request.to,
          ...(request.cc.length > 0 ? { cc: request.cc } : {}),
          subject,
          text,
          html,
          messageId,
          headers: { 'X-Dondoc-Key': request.key },
        });
      } catch (err) {
        const smtp = err as { responseCode?: number; message?: string };
        // 5xx from the relay (bad mailbox, rejected) will not improve with retries.
        if (smtp.responseCode !== undefined && smtp.responseCode >= 500) {
          throw ApplicationFailure.nonRetryable(`SMTP ${smtp.responseCode}: ${smtp.message ?? 'rejected'}`, 'SmtpRejected');
        }
        throw err;
      }
      return { messageId, sentAt: new Date().toISOString() };
    }, details);
  };
}
