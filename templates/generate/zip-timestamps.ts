// Sets every entry's modification time in a zip (an .xlsx) to one fixed instant, so that a workbook
// generated twice is the same bytes: exceljs's zip library stamps each entry with the current time.

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function dosTime(date: Date): number {
  return (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2);
}

function dosDate(date: Date): number {
  return ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
}

/** Returns the zip with every local and central header's time and date set to `date` (UTC). */
export function fixZipTimestamps(zip: Buffer, date: Date): Buffer {
  const out = Buffer.from(zip);
  let end = -1;
  // The end-of-central-directory record sits in the last 22 bytes plus an optional comment.
  for (let p = out.length - 22; p >= Math.max(0, out.length - 22 - 0xffff); p--) {
    if (out.readUInt32LE(p) === EOCD) {
      end = p;
      break;
    }
  }
  if (end < 0) throw new Error('not a zip file: no end of central directory');
  const entries = out.readUInt16LE(end + 10);
  let p = out.readUInt32LE(end + 16);
  const time = dosTime(date);
  const day = dosDate(date);
  for (let i = 0; i < entries; i++) {
    if (out.readUInt32LE(p) !== CENTRAL) throw new Error(`zip central directory entry ${i} is damaged`);
    out.writeUInt16LE(time, p + 12);
    out.writeUInt16LE(day, p + 14);
    const local = out.readUInt32LE(p + 42);
    if (out.readUInt32LE(local) !== LOCAL) throw new Error(`zip local header of entry ${i} is damaged`);
    out.writeUInt16LE(time, local + 10);
    out.writeUInt16LE(day, local + 12);
    p += 46 + out.readUInt16LE(p + 28) + out.readUInt16LE(p + 30) + out.readUInt16LE(p + 32);
  }
  return out;
}
