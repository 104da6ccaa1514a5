// Guards the reading of an .xlsx (a zip of XML files) against hostile files, before any XML is
// parsed: refuses what is not a zip or not a workbook, and any zip whose entries would inflate past
// the limits below. It then hands exceljs a re-packed stream of just the entries it reads, each
// inflated by yauzl, which stops an entry the moment it inflates past the size its central directory
// declares. So lying size headers, or entries hidden from the central directory, cannot get past.
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { ExpectedError } from './errors.js';

export interface ZipLimits {
  /** Largest .xlsx file accepted, in bytes. */
  readonly maxFileBytes: number;
  /** Largest total of the entries' uncompressed sizes, in bytes. */
  readonly maxUncompressedBytes: number;
  /** Largest compression ratio of one entry (uncompressed / compressed)... */
  readonly maxRatio: number;
  /** ...for entries that inflate past this many bytes (small XML files compress well and harmlessly). */
  readonly ratioAboveBytes: number;
  /** Most entries in the zip. */
  readonly maxEntries: number;
}

const MiB = 1024 * 1024;

/**
 * The documented limits. A meeting of 60,000 participants and 240,000 attendance rows makes an
 * .xlsx of about 15 MB that inflates to about 150 MB, at ratios under 15:1; deflate cannot exceed
 * about 1,032:1 on honest data. Zip bombs live at ratios of thousands to millions.
 */
export const ZIP_LIMITS: ZipLimits = {
  maxFileBytes: 256 * MiB,
  maxUncompressedBytes: 1024 * MiB,
  maxRatio: 200,
  ratioAboveBytes: 4 * MiB,
  maxEntries: 10_000,
};

interface Entry {
  readonly name: string;
  readonly crc32: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  /** The zip's own entry, or for a part the guard supplies, its bytes. */
  readonly entry: yauzl.Entry | Buffer;
}

/**
 * An empty shared-strings part, for workbooks that keep their text inline (exceljs's streaming
 * writer saves them so): without one, exceljs's streaming reader parks the worksheets in temporary
 * files and loses the last of them.
 */
const EMPTY_SHARED_STRINGS = Buffer.from('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>', 'utf8');
export const EMPTY_SHARED_STRINGS_BYTES = EMPTY_SHARED_STRINGS;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 as zip files use it (zlib.crc32 only exists from Node 20.15). */
export function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A part the guard hands exceljs in place of (or in the absence of) the zip's own. */
function suppliedEntry(name: string, bytes: Buffer): Entry {
  return { name, crc32: crc32(bytes), compressedSize: bytes.length, uncompressedSize: bytes.length, entry: bytes };
}

const RELS = 'xl/_rels/workbook.xml.rels';
/** Largest workbook relationships part rewritten (a real one is a few kB). */
const MAX_RELS_BYTES = 1024 * 1024;

/**
 * exceljs's streaming reader names a worksheet only when its relationship target reads exactly
 * `worksheets/sheetN.xml`; openpyxl (and so pandas) writes `/xl/worksheets/sheetN.xml`, and every
 * sheet would then read as missing. Both mean the same part.
 */
export function normalizeWorksheetTargets(rels: string): string {
  return rels.replace(/Target="(?:\/xl\/|\.\/)(worksheets\/sheet\d+\.xml)"/g, 'Target="$1"');
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / MiB)} MB`;
}

function openZip(path: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true, decodeStrings: true }, (err, zip) => (err ? reject(err) : resolve(zip)));
  });
}

function listEntries(zip: yauzl.ZipFile, limits: ZipLimits, file: string): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on('entry', (entry: yauzl.Entry) => {
      if (entries.length >= limits.maxEntries) {
        reject(new ExpectedError(`${file} is refused: it holds more than ${limits.maxEntries} files inside, more than any workbook needs.`));
        return;
      }
      entries.push({ name: entry.fileName, crc32: entry.crc32, compressedSize: entry.compressedSize, uncompressedSize: entry.uncompressedSize, entry });
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', reject);
    zip.readEntry();
  });
}

/** The entries exceljs's streaming reader uses, in the order that spares it temporary files. */
function wanted(entries: Entry[]): Entry[] {
  const first = ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/styles.xml'];
  const head = first
    .map((n) =>
      entries.find((e) => e.name === n) ??
      (n === 'xl/sharedStrings.xml'
        ? suppliedEntry(n, EMPTY_SHARED_STRINGS)
        : undefined))
    .filter((e): e is Entry => e !== undefined);
  const sheets = entries
    .filter((e) => /^xl\/worksheets\/sheet\d+\.xml$/.test(e.name))
    .sort((a, b) => Number(/\d+/.exec(a.name)![0]) - Number(/\d+/.exec(b.name)![0]));
  return [...head, ...sheets];
}

/** Checks the file and its central directory against the limits; throws ExpectedError (exit 2). */
export async function checkWorkbookZip(path: string, limits: ZipLimits = ZIP_LIMITS): Promise<{ zip: yauzl.ZipFile; entries: Entry[] }> {
  let size: number;
  try {
    const s = await stat(path);
    if (!s.isFile()) throw new ExpectedError(`${path} cannot be read: it is not a file.`);
    size = s.size;
  } catch (e) {
    if (e instanceof ExpectedError) throw e;
    throw new ExpectedError(`${path} cannot be read: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'there is no such file' : (e as Error).message}.`);
  }
  if (size > limits.maxFileBytes) {
    throw new ExpectedError(`${path} is refused: it is ${megabytes(size)}, over the limit of ${megabytes(limits.maxFileBytes)} for a workbook.`);
  }
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(path);
  } catch {
    throw new ExpectedError(`${path} is not an Excel workbook (.xlsx): it is not a zip file, or it is damaged.`);
  }
  let entries: Entry[];
  try {
    entries = await listEntries(zip, limits, path);
  } catch (e) {
    zip.close();
    if (e instanceof ExpectedError) throw e;
    throw new ExpectedError(`${path} is not an Excel workbook (.xlsx): its zip directory is damaged.`);
  }
  const fail = (message: string): never => {
    zip.close();
    throw new ExpectedError(message);
  };
  if (!entries.some((e) => e.name === 'xl/workbook.xml')) fail(`${path} is not an Excel workbook (.xlsx): it is a zip file without xl/workbook.xml.`);
  let total = 0;
  for (const e of entries) {
    total += e.uncompressedSize;
    if (e.uncompressedSize > limits.ratioAboveBytes && e.uncompressedSize / Math.max(e.compressedSize, 1) > limits.maxRatio) {
      fail(`${path} is refused: ${e.name} would inflate ${Math.round(e.uncompressedSize / Math.max(e.compressedSize, 1))} times over, past the limit of ${limits.maxRatio} to 1 (a zip bomb?).`);
    }
  }
  if (total > limits.maxUncompressedBytes) {
    fail(`${path} is refused: its contents would inflate to ${megabytes(total)}, over the limit of ${megabytes(limits.maxUncompressedBytes)}.`);
  }
  return { zip, entries };
}

function openEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Readable> {
  return new Promise((resolve, reject) => zip.openReadStream(entry, (err, stream) => (err ? reject(err) : resolve(stream))));
}

/** A zip local file header for an entry stored (not compressed) with its size known. */
function storedHeader(e: Entry): Buffer {
  const name = Buffer.from(e.name, 'utf8');
  const h = Buffer.alloc(30);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(20, 4); // version needed
  h.writeUInt16LE(0x0800, 6); // UTF-8 names, sizes in this header
  h.writeUInt16LE(0, 8); // stored
  h.writeUInt32LE(0, 10); // time and date
  h.writeUInt32LE(e.crc32 >>> 0, 14);
  h.writeUInt32LE(e.uncompressedSize, 18);
  h.writeUInt32LE(e.uncompressedSize, 22);
  h.writeUInt16LE(name.length, 26);
  h.writeUInt16LE(0, 28);
  return Buffer.concat([h, name]);
}

/**
 * A guarded stream of the workbook for exceljs: checks the zip, then yields the entries exceljs
 * reads as stored entries. `failure()` tells, after a read, whether the stream was cut short
 * because an entry lied about its size or the file could not be read.
 */
export async function guardedWorkbookStream(path: string, limits: ZipLimits = ZIP_LIMITS): Promise<{ stream: Readable; failure: () => ExpectedError | undefined }> {
  const { zip, entries } = await checkWorkbookZip(path, limits);
  let failure: ExpectedError | undefined;
  async function* repack(): AsyncGenerator<Buffer> {
    try {
      const parts = wanted(entries);
      const rels = parts.findIndex((e) => e.name === RELS);
      const relsEntry = parts[rels];
      if (relsEntry && !Buffer.isBuffer(relsEntry.entry) && relsEntry.uncompressedSize <= MAX_RELS_BYTES) {
        try {
          const chunks: Buffer[] = [];
          for await (const chunk of (await openEntry(zip, relsEntry.entry)) as AsyncIterable<Buffer>) chunks.push(chunk);
          parts[rels] = suppliedEntry(RELS, Buffer.from(normalizeWorksheetTargets(Buffer.concat(chunks).toString('utf8')), 'utf8'));
        } catch (err) {
          failure = new ExpectedError(`${path} is not an Excel workbook (.xlsx): ${RELS} is damaged (${(err as Error).message}).`);
          parts.length = 0;
        }
      }
      for (const e of parts) {
        yield storedHeader(e);
        let sent = 0;
        try {
          const stream = Buffer.isBuffer(e.entry) ? [e.entry] : ((await openEntry(zip, e.entry)) as AsyncIterable<Buffer>);
          for await (const chunk of stream) {
            sent += chunk.length;
            yield chunk;
          }
        } catch (err) {
          const message = (err as Error).message;
          failure = /too many bytes/.test(message)
            ? new ExpectedError(`${path} is refused: an entry inflates past the size its zip directory declares (a zip bomb?).`)
            : new ExpectedError(`${path} is not an Excel workbook (.xlsx): ${e.name} is damaged (${message}).`);
        }
        if (failure) {
          // Cutting the stream short would leave exceljs waiting forever on the entry: fill it to
          // its declared size instead, end cleanly, and let the caller throw the failure.
          for (let left = e.uncompressedSize - sent; left > 0; left -= 65_536) yield Buffer.alloc(Math.min(left, 65_536), 0x20);
          break;
        }
      }
      // An empty end-of-central-directory record tells the zip parser that the entries are over.
      const end = Buffer.alloc(22);
      end.writeUInt32LE(0x06054b50, 0);
      yield end;
    } finally {
      zip.close();
    }
  }
  return { stream: Readable.from(repack(), { objectMode: false }), failure: () => failure };
}
