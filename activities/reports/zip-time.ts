// exceljs zips the workbook with JSZip, which stamps every entry with the wall clock. The
// file store is content-addressed, so those stamps would give a retried consolidation a new
// ref for the very same report; stamping every entry with the document time fixes the bytes.
import type { DateTime } from 'luxon';

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

/** MS-DOS date and time fields (local wall time, 2-second resolution, years 1980–2107). */
function dosStamp(dt: DateTime): { time: number; date: number } {
  const year = Math.min(Math.max(dt.year, 1980), 2107);
  return {
    time: (dt.hour << 11) | (dt.minute << 5) | Math.floor(dt.second / 2),
    date: ((year - 1980) << 9) | (dt.month << 5) | dt.day,
  };
}

/** Rewrites, in place, the modification stamp of every entry of a ZIP archive. */
export function stampZipEntries(zip: Buffer, at: DateTime): Buffer {
  const { time, date } = dosStamp(at);
  // The end record sits in the last 22 bytes plus at most a 65 535-byte comment.
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === END_OF_CENTRAL_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('not a ZIP archive: no end of central directory');
  const entries = zip.readUInt16LE(end + 10);
  let pos = zip.readUInt32LE(end + 16);
  for (let n = 0; n < entries; n++) {
    if (zip.readUInt32LE(pos) !== CENTRAL_HEADER) throw new Error(`ZIP central directory damaged at ${pos}`);
    zip.writeUInt16LE(time, pos + 12);
    zip.writeUInt16LE(date, pos + 14);
    const local = zip.readUInt32LE(pos + 42);
    if (zip.readUInt32LE(local) !== LOCAL_HEADER) throw new Error(`ZIP local header missing at ${local}`);
    zip.writeUInt16LE(time, local + 10);
    zip.writeUInt16LE(date, local + 12);
    pos += 46 + zip.readUInt16LE(pos + 28) + zip.readUInt16LE(pos + 30) + zip.readUInt16LE(pos + 32);
  }
  return zip;
}
