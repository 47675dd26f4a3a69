// The only way a notice leaves a workflow. Handlers and timers queue notices; the main loop
// drains the queue as one batch (one activity for what was decided together), so an update
// handler never waits on SMTP and notices go out in the order they were decided.
//
// Every notice is recorded in the queried state: sent (Message-ID, time), skipped (its moment
// had passed before it was armed), or undeliverable. A permanent refusal never fails the
// workflow: it is recorded in `deliveryFailures`, the standing office is told once per
// address, and the notice is sent again — same Message-ID — when the address is corrected.
import { deliverNotices } from '../activity-proxies';
import type { DeliveryFailureRecord, NoticeRecord } from '../assignment/messages';
import { applyDeliveryResults, type DeliveryOutcome } from '../../contract/deliveries';
import type { NoticeRequest } from '../../contract/notices';
import { toLocalIso } from './time';

export interface OutboxOptions {
  notices: NoticeRecord[];
  failures: DeliveryFailureRecord[];
  timeZone: () => string;
  /** The office's notice that an address refused `failed`; undefined when there is nobody to tell. */
  failureNotice: (failed: NoticeRequest, failure: { to: string[]; code: string; message: string }) => NoticeRequest | undefined;
}

/**
 * How a batch leaves: by default the plain deliverNotices activity, the results applied at the
 * workflow's time of their arrival. An assignment that writes its record with its notices
 * passes its own (one activity for both) and gets back the time the activity applied them at,
 * so the state here and the record written there come out the same.
 */
export type SendBatch = (batch: NoticeRequest[]) => Promise<{ results: DeliveryOutcome[]; at: string }>;

export class Outbox {
  private readonly queue: NoticeRequest[] = [];
  /** Refused notices, kept so they can be sent again to a corrected address. */
  private readonly undelivered: NoticeRequest[] = [];
  private readonly told = new Set<string>();
  private resends = 0;

  constructor(private readonly options: OutboxOptions) {}

  get pending(): number {
    return this.queue.length;
  }

  private now(): string {
    return toLocalIso(Date.now(), this.options.timeZone());
  }

  /** Queues a notice; `scheduledFor` is the planned instant (now for notices caused by a message). */
  push(request: NoticeRequest, scheduledFor: number = Date.now()): void {
    const issued: NoticeRequest = { ...request, issuedAt: this.now() };
    this.queue.push(issued);
    this.options.notices.push({
      key: request.key,
      kind: request.data.kind,
      to: request.to,
      scheduledFor: toLocalIso(scheduledFor, this.options.timeZone()),
      ...(request.planUid ? { planUid: request.planUid } : {}),
    });
  }

  /** Records a notice whose moment had passed before it could be armed: news from the past is not sent. */
  skip(key: string, kind: string, scheduledFor: number, planUid?: string): void {
    this.options.notices.push({ key, kind, to: [], scheduledFor: toLocalIso(scheduledFor, this.options.timeZone()), skipped: 'past', ...(planUid ? { planUid } : {}) });
  }

  sent(key: string): boolean {
    return this.options.notices.some((r) => r.key === key && r.skipped === undefined);
  }

  /** Drops what is queued (a cancelled assignment says only that it is cancelled). */
  clear(): void {
    this.queue.length = 0;
  }

  /** Sends everything queued, including what the results cause (the office told of a refusal). */
  async drain(send?: SendBatch): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.queue.length);
      const { results, at } = send ? await send(batch) : { results: await deliverNotices(batch), at: this.now() };
      const refusals = applyDeliveryResults({ notices: this.options.notices, failures: this.options.failures }, batch, results, at);
      for (const { index, failure } of refusals) this.refused(batch[index]!, failure);
    }
  }

  /** A notice another activity sends (one with attachments), recorded like the others. */
  async sendVia(request: NoticeRequest, send: (issued: NoticeRequest) => Promise<{ messageId?: string; failed?: { to: string[]; code: string; message: string } }>): Promise<void> {
    const issued: NoticeRequest = { ...request, issuedAt: this.now() };
    const record: NoticeRecord = { key: request.key, kind: request.data.kind, to: request.to, scheduledFor: this.now(), ...(request.planUid ? { planUid: request.planUid } : {}) };
    this.options.notices.push(record);
    const result = await send(issued);
    const outcome: DeliveryOutcome = { key: request.key, ...(result.messageId ? { sent: { messageId: result.messageId } } : {}), ...(result.failed ? { failed: result.failed } : {}) };
    const refusals = applyDeliveryResults({ notices: [record], failures: this.options.failures }, [issued], [outcome], this.now());
    for (const { failure } of refusals) this.refused(issued, failure);
    await this.drain();
  }

  /** After applyDeliveryResults listed the refused addresses: keep the notice for a resend, tell the office. */
  private refused(request: NoticeRequest, failure: { to: string[]; code: string; message: string }): void {
    this.undelivered.push(request);
    // The office hears of each refusing address once; a refused notice to the office itself
    // cannot be reported by mail and stays in the record.
    if (request.data.kind === 'delivery-failed') return;
    const fresh = failure.to.filter((a) => !this.told.has(a));
    if (fresh.length === 0) return;
    fresh.forEach((a) => this.told.add(a));
    const notice = this.options.failureNotice(request, { ...failure, to: fresh });
    if (!notice) return;
    // A resend refused again is news: its report needs a key of its own, or the sent ledger
    // would take it for the report of the first refusal and send nothing.
    this.push(request.resend ? { ...notice, key: `${notice.key}-${request.resend}` } : notice);
  }

  /** Addresses were corrected: refused notices whose recipients changed go out again, same Message-ID. */
  retryUndelivered(rebuild: (request: NoticeRequest) => NoticeRequest): void {
    for (const request of this.undelivered.splice(0, this.undelivered.length)) {
      const next = rebuild(request);
      const failed = new Set(this.options.failures.filter((f) => f.key === request.key).map((f) => f.to));
      const changed = [...next.to, ...next.cc].every((a) => !failed.has(a));
      if (!changed || next.to.length === 0) {
        this.undelivered.push(request);
        continue;
      }
      failed.forEach((a) => this.told.delete(a));
      this.resends++;
      this.queue.push({ ...next, resend: this.resends });
    }
  }
}
