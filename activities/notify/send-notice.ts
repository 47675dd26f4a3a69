// The notify activity: render a notice and hand it to the SMTP relay.
import { Context } from '@temporalio/activity';
import { DateTime } from 'luxon';
import { calendarFor } from '../../program/follow-ups';
import { ApplicationFailure } from '@temporalio/common';
import type { Transporter } from 'nodemailer';
import type { NoticeLinks } from '../../auth/links';
import type { AssignmentSnapshot, Records } from '../../storage/records';
import { applyDeliveryResults } from '../../contract/deliveries';
import { toLocalIso } from '../../workflows/occurrence/time';
import { sendOnce, type SentLedger } from '../../storage/sent-ledger';
import type { NoticeRequest } from '../../contract/notices';
import { permanentFailure, oneLine, type DeliveryFailure, type SmtpError } from './delivery-failure';
import { messageIdFor } from './message-id';
import { renderNotice } from './render';
import type { NoticeData, NoticeKind } from '../../contract/notices';

export interface NotifyDeps {
  mailer: Transporter;
  from: string;
  /** Right-hand side of Message-IDs; the host of the public URL. */
  messageIdDomain: string;
  /** Builds the links notices carry; without it notices go out with no link. */
  links?: NoticeLinks;
  /** Messages already sent, so a retried activity does not send again. */
  ledger?: SentLedger;
  /** The records database: delivery failures are kept there too. */
  records?: Records;
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

/** Which attempt of the activity this is (1 outside an activity). */
function attemptOfCaller(): number {
  try {
    return Context.current().info.attempt;
  } catch {
    return 1;
  }
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

/** What became of one notice of a batch: sent (perhaps not to every address), or refused outright. */
export type { DeliveryFailure } from './delivery-failure';

export interface DeliveryResult {
  key: string;
  sent?: SentNotice;
  failed?: DeliveryFailure;
}

/**
 * A batch with the assignment's record: the snapshot as the workflow holds it before the
 * batch is delivered (its notices listed, not yet settled) and the program's time zone, in
 * which the workflow writes times.
 */
export interface NoticeBatch {
  notices: NoticeRequest[];
  record?: { snapshot: AssignmentSnapshot; timeZone: string };
}

/** The results, and the time (in the program's zone) they were applied to the record at. */
export interface BatchDelivery {
  results: DeliveryResult[];
  at: string;
}

/** The plain array is how executions of 0.4 call it (and how occurrences still do). */
export interface DeliverNotices {
  (requests: NoticeRequest[]): Promise<DeliveryResult[]>;
  (batch: NoticeBatch): Promise<BatchDelivery>;
}

/**
 * Sends a batch of notices decided together (a receipt and the office's copy, say). A notice
 * is sent once per key (the sent ledger), its Message-ID derived from the key. A permanent
 * refusal is returned as data — no workflow fails because a mailbox is wrong — while a
 * transient one (relay down, timeout, 4xx) throws so Temporal retries the batch; notices
 * already sent are found in the ledger and not sent again.
 *
 * Given the assignment's record too, it writes it once the batch is delivered, with the
 * results applied as the workflow's outbox applies them (contract/deliveries.ts), so the
 * record carries the Message-IDs and the workflow need not write it again: one activity where
 * there were two, and a request no longer waits behind its record's write. A failing write
 * fails the activity; its retry finds every notice in the ledger and sends nothing again.
 */
export function createDeliverNotices(deps: NotifyDeps): DeliverNotices {
  async function deliverNotices(requests: NoticeRequest[]): Promise<DeliveryResult[]>;
  async function deliverNotices(batch: NoticeBatch): Promise<BatchDelivery>;
  async function deliverNotices(input: NoticeRequest[] | NoticeBatch): Promise<DeliveryResult[] | BatchDelivery> {
    const requests = Array.isArray(input) ? input : input.notices;
    const results: DeliveryResult[] = [];
    for (const request of requests) results.push(await deliverOne(deps, request));
    if (Array.isArray(input)) return results;
    const at = toLocalIso(Date.now(), input.record?.timeZone ?? 'UTC');
    if (input.record) await writeRecord(deps, input.record.snapshot, requests, results, at);
    return { results, at };
  }
  return deliverNotices;
}

/** recordAssignment's write (version-guarded, insert-once rows), of the snapshot with the results applied. */
async function writeRecord(deps: NotifyDeps, snapshot: AssignmentSnapshot, batch: NoticeRequest[], results: DeliveryResult[], at: string): Promise<void> {
  applyDeliveryResults({ notices: snapshot.notices, failures: snapshot.deliveryFailures }, batch, results, at);
  if (!deps.records) {
    logDebug('no records database configured: assignment state not recorded', { workflowId: snapshot.workflowId, version: snapshot.version });
    return;
  }
  await deps.records.writeAssignment(snapshot);
}

async function deliverOne(deps: NotifyDeps, request: NoticeRequest): Promise<DeliveryResult> {
  const key = request.key;
  if (request.to.length === 0) {
    return { key, failed: { to: [], code: 'no-recipient', message: 'không có địa chỉ nhận (no recipient)', at: new Date().toISOString() } };
  }
  const { subject, text, html } = renderNotice(withLink(withDaysLeft(request), deps.links));
  const messageId = messageIdFor(key, deps.messageIdDomain);
  // A corrected address gets the very same message (Message-ID), under a new ledger entry.
  const ledgerKey = request.resend ? `${key}#resend-${request.resend}` : key;
  let refused: DeliveryFailure | undefined;
  const workflowId = workflowIdOfCaller() ?? '';
  const details = { workflowId, kind: request.data.kind, to: request.to, cc: request.cc, subject };
  const sent = await sendOnce(deps.ledger, ledgerKey, async () => {
    try {
      const info = (await deps.mailer.sendMail({
        from: deps.from,
        to: request.to,
        ...(request.cc.length > 0 ? { cc: request.cc } : {}),
        subject,
        text,
        html,
        messageId,
        ...(request.issuedAt ? { date: new Date(request.issuedAt) } : {}),
        headers: {
          'X-Dondoc-Key': key,
          'X-Dondoc-Kind': request.data.kind,
          ...(request.planUid ? { 'X-Dondoc-Plan-Uid': request.planUid } : {}),
        },
      })) as { rejected?: (string | { address: string })[]; rejectedErrors?: SmtpError[] };
      const rejected = (info.rejected ?? []).map((r) => (typeof r === 'string' ? r : r.address));
      if (rejected.length > 0) {
        const first = info.rejectedErrors?.[0];
        refused = { to: rejected, code: String(first?.responseCode ?? 550), message: oneLine(first?.message ?? 'recipient rejected'), at: new Date().toISOString() };
      }
    } catch (err) {
      const failure = permanentFailure(err as SmtpError, [...request.to, ...request.cc]);
      if (failure) {
        refused = failure;
        return undefined;
      }
      // One line per failing attempt; Temporal retries with capped backoff.
      logWarn(`thư ${key} chưa gửi được, sẽ thử lại (will retry): ${oneLine((err as Error).message ?? String(err))}`);
      throw ApplicationFailure.retryable(oneLine((err as Error).message ?? String(err)), 'SmtpUnavailable');
    }
    return { messageId, sentAt: new Date().toISOString() };
  }, details);
  // A retried attempt finds a notice sent to some of its addresses in the ledger, and the
  // refusal of the others only where the first attempt wrote it: the records database. Without
  // this the workflow would never hear of that refusal (nor the office) — more likely since a
  // failed record write retries the batch (the record goes with the notices).
  if (!refused && sent && !request.resend && deps.records && attemptOfCaller() > 1) {
    const earlier = (await deps.records.listDeliveryFailures(workflowId)).filter((f) => f.key === key);
    const first = earlier[0];
    if (first) refused = { to: earlier.map((f) => f.to), code: first.code, message: first.message, at: first.at };
  }
  // The records database keeps what could not be delivered, with the notice's key.
  if (refused && deps.records) {
    for (const to of refused.to) await deps.records.recordDeliveryFailure({ key, workflowId, to, code: refused.code, message: refused.message, at: refused.at });
  }
  return { key, ...(sent ? { sent } : {}), ...(refused ? { failed: refused } : {}) };
}

/** Working days from the day the notice was issued to the due, when no step counted them. */
function withDaysLeft(request: NoticeRequest): NoticeData {
  const data = request.data;
  if (data.workingDaysLeft !== undefined || request.daysLeftOn === undefined) return data;
  const zone = data.timeZone;
  const day = (iso: string) => DateTime.fromISO(iso, { zone }).toISODate();
  const from = day(request.issuedAt ?? new Date().toISOString());
  const to = day(data.dueAt);
  if (!from || !to) return data;
  return { ...data, workingDaysLeft: calendarFor({ calendar: request.daysLeftOn }).workingDaysBetween(from, to) };
}

function logDebug(message: string, attrs: Record<string, unknown>): void {
  try {
    Context.current().log.debug(message, attrs);
  } catch {
    // called outside an activity (a unit test): nothing to log to
  }
}

function logWarn(message: string): void {
  try {
    Context.current().log.warn(message);
  } catch {
    console.warn(message);
  }
}
