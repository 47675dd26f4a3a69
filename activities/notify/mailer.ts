// The nodemailer transport for the configured SMTP relay (the sink in development).
import nodemailer, { type Transporter } from 'nodemailer';

export function createMailer(smtpUrl: string): Transporter {
  const url = new URL(smtpUrl);
  const local = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '::1';
  return nodemailer.createTransport({
    host: url.hostname,
    port: Number(url.port || (url.protocol === 'smtps:' ? 465 : 587)),
    secure: url.protocol === 'smtps:',
    // A loopback sink has no certificate; a real relay must offer STARTTLS.
    ...(local ? { ignoreTLS: true } : { requireTLS: url.protocol !== 'smtps:' }),
    ...(url.username ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } } : {}),
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
}
