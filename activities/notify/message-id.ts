// A notice's Message-ID is derived from its stable key (workflow id + step), so an
// activity retried after a lost acknowledgement sends the very same message again, and
// mail clients and tests can recognise it as one notice.

const SAFE = /[^A-Za-z0-9!#$%&'*+\-/=?^_`{|}~.]/g;

export function messageIdFor(key: string, domain: string): string {
  // Characters outside RFC 5322 atext are percent-encoded; dots may not repeat or edge.
  const local = key
    .replace(SAFE, (c) => `=${c.codePointAt(0)!.toString(16).toUpperCase()}`)
    .replace(/\.{2,}/g, '.')
    .replace(/^\.|\.$/g, '_');
  return `<${local}@${domain}>`;
}
