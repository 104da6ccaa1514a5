// Guards the reading of an .xlsx (a zip of XML files) against hostile files, before any XML is
// parsed: refuses what is not a zip or not a workbook, and any zip whose entries would inflate past
// the limits below. Entries are then opened from the central directory only, each inflated by yauzl,
// which stops an entry the moment it inflates past the size the directory declares. So lying size
// headers, or entries hidden from the central directory, cannot get past.
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { ExpectedError } from './errors.js';
import { describeNonZip, describeZip } from './file-format.js';

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

export interface Entry {
  readonly name: string;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly entry: yauzl.Entry;
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
      entries.push({ name: entry.fileName, compressedSize: entry.compressedSize, uncompressedSize: entry.uncompressedSize, entry });
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', reject);
    zip.readEntry();
  });
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
    const what = await describeNonZip(path).catch(() => undefined);
    throw new ExpectedError(`${path} is not an Excel workbook (.xlsx): ${what ?? 'it is not a zip file, or it is damaged'}.`);
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
  // Part names are compared as Office compares them: case-insensitively (ECMA-376 Part 2, 9.1.1.1).
  // No name starts with a slash: yauzl refuses such an entry as an absolute path.
  const names = new Set(entries.map((e) => e.name.toLowerCase()));
  if (!names.has('xl/workbook.xml')) {
    const mimetype = entries.find((e) => e.name === 'mimetype');
    // Without a mimetype item readSmall would fail, and its failure reads as no mimetype too ('mimetype ===
    // undefined' made 'false' is an equivalent mutant, left unmarked as 'true' is killable).
    const what = describeZip(names, mimetype === undefined ? undefined : await readSmall(zip, mimetype).catch(() => undefined));
    fail(`${path} is not an Excel workbook (.xlsx): ${what ?? 'it is a zip file without xl/workbook.xml'}.`);
  }
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

/** The text of a small entry (at most 1 KB is read), such as an OpenDocument's mimetype. */
async function readSmall(zip: yauzl.ZipFile, entry: Entry): Promise<string> {
  // Stryker disable next-line StringLiteral: any text that names no OpenDocument type says nothing, as '' does
  if (entry.uncompressedSize > 1024) return '';
  const stream = await openEntry(zip, entry);
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('latin1');
}

/**
 * The inflated bytes of one entry. yauzl was opened with validateEntrySizes, so the stream fails
 * ("too many bytes") the moment an entry inflates past the size its central directory declares.
 */
export function openEntry(zip: yauzl.ZipFile, entry: Entry): Promise<Readable> {
  return new Promise((resolve, reject) => zip.openReadStream(entry.entry, (err, stream) => (err ? reject(err) : resolve(stream))));
}
