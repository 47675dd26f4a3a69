// Notices an occurrence workflow (an inspection, a campaign) sends itself. Handlers and
// timers only queue them; the main loop sends them, so an update handler never waits on
// SMTP and every notice goes out in the order it was decided. Each notice is recorded in
// the queried state, and skipped ones (their moment had passed) are recorded as such.
import { sendNotice } from '../activity-proxies';
import type { NoticeRecord } from '../assignment/messages';
import type { NoticeRequest } from '../assignment/notices';
import { toLocalIso } from '../assignment/schedule';

export class NoticeOutbox {
  private readonly queue: NoticeRequest[] = [];

  constructor(
    private readonly records: NoticeRecord[],
    private readonly timeZone: () => string,
  ) {}

  get pending(): number {
    return this.queue.length;
  }

  /** Queues a notice; `scheduledFor` is the planned instant (now for notices caused by a message). */
  push(request: NoticeRequest, scheduledFor: number = Date.now()): void {
    this.queue.push(request);
    this.records.push({ key: request.key, kind: request.data.kind, to: request.to, scheduledFor: toLocalIso(scheduledFor, this.timeZone()) });
  }

  /** Records a notice whose moment had passed before it could be armed: news from the past is not sent. */
  skip(key: string, kind: string, scheduledFor: number): void {
    this.records.push({ key, kind, to: [], scheduledFor: toLocalIso(scheduledFor, this.timeZone()), skipped: 'past' });
  }

  sent(key: string): boolean {
    return this.records.some((r) => r.key === key && r.skipped === undefined);
  }

  /** A notice another activity sends (one with attachments), recorded like the others. */
  async sendVia(request: NoticeRequest, send: () => Promise<{ messageId: string }>): Promise<void> {
    const record: NoticeRecord = { key: request.key, kind: request.data.kind, to: request.to, scheduledFor: toLocalIso(Date.now(), this.timeZone()) };
    this.records.push(record);
    const sent = await send();
    Object.assign(record, { sentAt: toLocalIso(Date.now(), this.timeZone()), messageId: sent.messageId });
  }

  async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const request = this.queue.shift()!;
      const sent = await sendNotice(request);
      const record = this.records.find((n) => n.key === request.key && n.sentAt === undefined && n.skipped === undefined);
      // The workflow clock, not the activity's: it is the instant the history shows, and the
      // one a time-skipping test can check.
      if (record) Object.assign(record, { sentAt: toLocalIso(Date.now(), this.timeZone()), messageId: sent.messageId });
    }
  }
}
