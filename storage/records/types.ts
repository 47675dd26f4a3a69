// What callers hand the records database and get back, independent of the tables.

export interface ProgramVersion {
  programId: string;
  /** Hash of the program file's content: the version's identity. */
  hash: string;
  title: string;
  year: number;
  /** The YAML text as applied. */
  content: string;
  fileName?: string;
  appliedBy?: string;
  appliedAt: string;
}

export interface NoticeSent {
  key: string;
  workflowId: string;
  kind: string;
  to: string[];
  cc: string[];
  subject: string;
  messageId: string;
  sentAt: string;
}

export interface DeliveryFailure {
  key: string;
  workflowId: string;
  /** The recipient the relay refused. */
  to: string;
  /** SMTP response code or the error's code (e.g. "550", "EENVELOPE"). */
  code: string;
  message: string;
  at: string;
}
