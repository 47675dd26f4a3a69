// CSV that Excel opens correctly in Vietnamese: UTF-8 with a byte-order mark, CRLF lines,
// quoted fields, and cells that would start a formula defused with a leading apostrophe.
const BOM = '\uFEFF';

function field(value: string): string {
  const defused = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n;]/.test(defused) ? `"${defused.replace(/"/g, '""')}"` : defused;
}

export function toCsv(rows: string[][]): string {
  return BOM + rows.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}
