export interface SunkAttachment {
  filename: string;
  contentType: string;
  size: number;
}

export interface SunkMessage {
  id: number;
  /** Exactly as sent, angle brackets included: notices are keyed by it. */
  messageId: string;
  /** Bare address of the From header. */
  from: string;
  /** Bare addresses of the To header. */
  to: string[];
  /** Bare addresses of the Cc header. */
  cc: string[];
  subject: string;
  text: string;
  html: string;
  /** ISO instant of the Date header (the arrival time when the header is missing). */
  date: string;
  /** ISO instant at which the sink accepted the message. */
  receivedAt: string;
  /** Lower-case header names; display names and decoded words kept. */
  headers: Record<string, string>;
  attachments: SunkAttachment[];
  /** RCPT TO addresses, which include Bcc recipients the headers do not show. */
  envelopeTo: string[];
}

export interface WaitForOptions {
  timeoutMs?: number;
  count?: number;
}

export interface MailSink {
  /** The bound ports: the real ones when 0 was asked for. */
  smtpPort: number;
  httpPort: number;
  /** Oldest first (arrival order), at most maxMessages. */
  messages(): SunkMessage[];
  /**
   * Resolves with every matching message once at least `count` (default 1) match, counting
   * those already received. Rejects after `timeoutMs` (default 10 000) listing what arrived.
   */
  waitFor(pred: (m: SunkMessage) => boolean, opts?: WaitForOptions): Promise<SunkMessage[]>;
  clear(): void;
  /** Addresses (case-insensitive) answered 550 5.1.1 from now on; replaces the previous list. */
  setRejected(addresses: readonly string[]): void;
  /** Closes the SMTP port (connections are refused, as during a relay outage); the inbox stays up. */
  stopSmtp(): Promise<void>;
  /** Listens again on the same SMTP port. */
  startSmtp(): Promise<void>;
  close(): Promise<void>;
}

export interface MailSinkOptions {
  smtpPort?: number;
  httpPort?: number;
  host?: string;
  maxMessages?: number;
  /** Directory the sink keeps its messages in (messages.jsonl); without it, memory only. */
  dataDir?: string;
  /** Recipients answered 550 5.1.1 (case-insensitive). */
  reject?: readonly string[];
}
