// Receipt numbers a clerk can read over the phone: BN-<local date>-<6 chars>-<round>.
// Derived from the workflow id, so they are deterministic under replay and unique per
// assignment without a counter service.

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

export function receiptNumber(workflowId: string, localDate: string, round: number): string {
  const tag = fnv1a(workflowId).toString(36).toUpperCase().padStart(6, '0').slice(-6);
  return `BN-${localDate.replace(/-/g, '')}-${tag}-${round}`;
}
