// What was sent, read back from the in-process SMTP sink the way a unit's mail client would:
// from the headers of each message. The workflows mark each notice (contract of issue #8):
//   X-Dondoc-Key       the notice's stable key (workflow id + step); also in the Message-ID
//   X-Dondoc-Kind      the plan event kind it fulfils, or the notice kind (receipt, accepted…)
//   X-Dondoc-Plan-Uid  the plan event's uid, only when it fulfils one
//   Date               the instant the workflow issued it, in simulated time
// Messages without the two new headers (workflows older than the contract) get what the key
// tells: a step that names a plan event of the same workflow (see planUidFromKey).
import { DateTime } from 'luxon';
import type { SunkMessage } from '../../dev/mail-sink/sink';
import type { Plan, PlannedEvent } from '../../program/plan-types';
import { sendsMail } from './mail-kinds';

export interface SimNotice {
  planUid?: string;
  kind: string;
  /** ISO instant with the program zone's offset. */
  at: string;
  assignmentId?: string;
  unitId?: string;
  /** The occurrence the notice belongs to (keys start with its id). */
  occurrenceId?: string;
  to: string[];
  subject: string;
  messageId: string;
  /** X-Dondoc-Key: names the notice in the oracle's report. */
  key: string;
  /** Where planUid and kind came from: the headers, or guessed from the key. */
  source: 'headers' | 'key';
  /** Where `at` came from: the Date header, or the simulated clock when the header was wall time. */
  atSource: 'date-header' | 'send-clock';
}

/** A Date header this close to the sink's own (wall-clock) arrival time is wall time. */
const WALL_CLOCK_SLACK_MS = 5 * 60_000;

export const HEADERS = { key: 'x-dondoc-key', kind: 'x-dondoc-kind', planUid: 'x-dondoc-plan-uid' } as const;

export class NoticeReader {
  private readonly byUid: Map<string, PlannedEvent>;
  private readonly assignments: Map<string, string>;
  private readonly occurrences: Set<string>;

  constructor(
    private readonly plan: Plan,
    private readonly handedAt: ReadonlyMap<string, number> = new Map(),
  ) {
    this.byUid = new Map(plan.events.map((e) => [e.uid, e]));
    this.assignments = new Map(plan.assignments.map((a) => [a.id, a.unitId]));
    this.occurrences = new Set(plan.occurrences.map((o) => o.id));
  }

  read(m: SunkMessage): SimNotice {
    const key = m.headers[HEADERS.key] ?? '';
    const headerUid = m.headers[HEADERS.planUid]?.trim();
    const headerKind = m.headers[HEADERS.kind]?.trim();
    const planUid = headerUid || (headerKind ? undefined : this.planUidFromKey(key));
    const event = planUid ? this.byUid.get(planUid) : undefined;
    const assignmentId = event?.assignmentId ?? this.assignmentOf(key);
    const unitId = event?.unitId ?? (assignmentId ? this.assignments.get(assignmentId) : undefined);
    // `<program>/<item>/<period>`: ids are slugs, so the first three parts of a key.
    const prefix = key.split('/').slice(0, 3).join('/');
    const occurrenceId = event?.occurrenceId ?? (this.occurrences.has(prefix) ? prefix : undefined);
    const { at, atSource } = this.instant(m);
    return {
      ...(planUid ? { planUid } : {}),
      kind: headerKind || event?.kind || kindFromKey(key),
      at: DateTime.fromMillis(at, { zone: this.plan.timezone }).toISO({ suppressMilliseconds: true })!,
      atSource,
      ...(assignmentId ? { assignmentId } : {}),
      ...(unitId ? { unitId } : {}),
      ...(occurrenceId ? { occurrenceId } : {}),
      to: m.to,
      subject: m.subject,
      messageId: m.messageId,
      key,
      source: headerUid || headerKind ? 'headers' : 'key',
    };
  }

  /**
   * The Date header, as the contract says; but a header written from the worker's wall clock
   * (workflows before the contract) is replaced by the simulated instant the message was handed
   * to SMTP, rounded down to the minute as plan instants are.
   */
  private instant(m: SunkMessage): { at: number; atSource: SimNotice['atSource'] } {
    const date = Date.parse(m.date);
    const handed = this.handedAt.get(m.messageId);
    const wallTime = Math.abs(date - Date.parse(m.receivedAt)) < WALL_CLOCK_SLACK_MS;
    if (handed !== undefined && wallTime && Math.abs(date - handed) > WALL_CLOCK_SLACK_MS) {
      return { at: handed - (handed % 60_000), atSource: 'send-clock' };
    }
    return { at: date, atSource: 'date-header' };
  }

  /**
   * The plan uid a key names, when the workflows do not say it: `<assignment>/request`,
   * `<assignment>/r1/reminder-2` (first round only: a returned report's new due is not the
   * plan's), `<occurrence>/<unit>/notice` (inspections), `<occurrence>/launch/<unit>`
   * (campaigns), `<occurrence>/consolidation-1`; only events of a mail-sending kind.
   */
  planUidFromKey(key: string): string | undefined {
    const candidates: string[] = [];
    let m: RegExpMatchArray | null;
    if ((m = key.match(/^(.+)\/request$/))) candidates.push(`${m[1]}/request`);
    if ((m = key.match(/^(.+)\/r1\/(reminder|escalation)-(\d+)$/))) candidates.push(`${m[1]}/${m[2]}-${m[3]}`);
    // An inspection's `<unit>/reminder` comes before the visit: no plan reminder is that one.
    if ((m = key.match(/^(.+)\/notice(?:-v?\d+)?$/))) candidates.push(`${m[1]}/notice`);
    if ((m = key.match(/^(.+)\/(launch|check-in)\/[^/]+$/))) candidates.push(`${m[1]}/${m[2]}`);
    // A campaign consolidates its results report (`<occurrence>/ket-qua/…`): the occurrence's.
    if ((m = key.match(/^(.+)\/consolidation-1$/))) candidates.push(`${m[1]}/consolidation`, `${key.split('/').slice(0, 3).join('/')}/consolidation`);
    return candidates.find((uid) => {
      const event = this.byUid.get(uid);
      return event !== undefined && sendsMail(event);
    });
  }

  private assignmentOf(key: string): string | undefined {
    // The longest assignment id the key starts with (ids are prefixes of their notices' keys).
    const parts = key.split('/');
    for (let n = parts.length - 1; n > 0; n--) {
      const id = parts.slice(0, n).join('/');
      if (this.assignments.has(id)) return id;
    }
    return undefined;
  }
}

/** The last step of a key without its round or version: `r2/returned` → `returned`. */
function kindFromKey(key: string): string {
  const last = key.split('/').at(-1) ?? '';
  return last.replace(/-\d+$/, '') || 'unknown';
}
