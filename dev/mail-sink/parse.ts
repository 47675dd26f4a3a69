import type { AddressObject, EmailAddress, HeaderLines, HeaderValue, ParsedMail } from 'mailparser';
import type { SunkMessage } from './types';

/** Flattens a parsed message into the plain, JSON-ready shape tests and the inbox use. */
export function toSunkMessage(parsed: ParsedMail, envelopeTo: string[], receivedAt: Date): Omit<SunkMessage, 'id'> {
  return {
    messageId: rawHeader(parsed.headerLines, 'message-id') ?? parsed.messageId ?? '',
    from: addresses(parsed.from)[0] ?? '',
    to: addresses(parsed.to),
    cc: addresses(parsed.cc),
    subject: parsed.subject ?? '',
    text: parsed.text ?? '',
    html: typeof parsed.html === 'string' ? parsed.html : '',
    date: (parsed.date ?? receivedAt).toISOString(),
    receivedAt: receivedAt.toISOString(),
    headers: headerRecord(parsed.headers),
    attachments: parsed.attachments.map((a) => ({
      filename: a.filename ?? '',
      contentType: a.contentType,
      size: a.size,
    })),
    envelopeTo,
  };
}

// mailparser adds missing angle brackets to Message-ID; the raw line is what the sender wrote,
// and notice idempotency is checked against exactly that.
function rawHeader(lines: HeaderLines, key: string): string | undefined {
  const line = lines.find((l) => l.key === key)?.line;
  if (line === undefined) return undefined;
  const colon = line.indexOf(':');
  return line.slice(colon + 1).replace(/\r?\n[ \t]+/g, ' ').trim();
}

function addresses(header: AddressObject | AddressObject[] | undefined): string[] {
  if (!header) return [];
  const objects = Array.isArray(header) ? header : [header];
  return objects.flatMap((o) => flatten(o.value));
}

function flatten(list: EmailAddress[]): string[] {
  return list.flatMap((a) => (a.group ? flatten(a.group) : a.address ? [a.address] : []));
}

function headerRecord(headers: Map<string, HeaderValue>): Record<string, string> {
  const record: Record<string, string> = {};
  for (const [key, value] of headers) record[key] = headerText(value);
  return record;
}

function headerText(value: HeaderValue): string {
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => headerText(v)).join(', ');
  if (isAddressObject(value)) return value.text;
  if (isStructured(value)) {
    const params = Object.entries(value.params).map(([k, v]) => `; ${k}=${v}`);
    return value.value + params.join('');
  }
  // List-* headers arrive as an object keyed by the part after "list-".
  return Object.entries(value)
    .map(([k, entry]) => `${k}: ${[entry.name, entry.mail, entry.url, entry.id].filter(Boolean).join(' ')}`)
    .join('; ');
}

function isAddressObject(value: object): value is AddressObject {
  return 'value' in value && Array.isArray((value as { value: unknown }).value) && 'text' in value;
}

function isStructured(value: object): value is { value: string; params: Record<string, string> } {
  return 'value' in value && typeof (value as { value: unknown }).value === 'string' && 'params' in value;
}
