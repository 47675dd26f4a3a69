// How a relay's refusal is told apart from an outage, for notices and forwarded reports
// alike: a 5xx (bad mailbox, message refused) or an address nodemailer cannot envelope will
// not improve with retries and becomes a recorded failure; anything else (connection
// refused, timeout, 4xx) may, and is retried.

/** A permanent refusal: the relay will not take these addresses, whatever we retry. */
export interface DeliveryFailure {
  to: string[];
  code: string;
  message: string;
  at: string;
}

export interface SmtpError {
  code?: string;
  responseCode?: number;
  message?: string;
  rejected?: string[];
}

export function permanentFailure(err: SmtpError, recipients: string[]): DeliveryFailure | undefined {
  const permanent = (err.responseCode !== undefined && err.responseCode >= 500) || err.code === 'EENVELOPE';
  if (!permanent) return undefined;
  return {
    to: err.rejected && err.rejected.length > 0 ? err.rejected : recipients,
    code: err.responseCode !== undefined ? String(err.responseCode) : (err.code ?? 'rejected'),
    message: oneLine(err.message ?? 'rejected'),
    at: new Date().toISOString(),
  };
}

/** Relay answers can span lines; logs and records keep one. */
export const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim().slice(0, 300);
