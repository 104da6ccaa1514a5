// Says what a file that is not an .xlsx is, from its bytes whatever its name: a legacy Excel
// 97-2003 workbook (.xls), a password-protected workbook, an OpenDocument spreadsheet, a CSV or
// other text file, an HTML page. Asked only once the file has failed to open as an .xlsx, so it
// costs a workbook nothing. Each answer is the end of a sentence that says what to do.
import { open } from 'node:fs/promises';

/** OLE2 compound files (MS-CFB 2.2): legacy Office documents and encrypted OOXML alike. */
const OLE2_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ODS_MIMETYPE = 'application/vnd.oasis.opendocument.spreadsheet';

export const SAVE_AS_XLSX = 'open it in Excel (or LibreOffice Calc) and save it as Excel Workbook (.xlsx)';

/**
 * The names of the streams and storages of an OLE2 compound file (MS-CFB 2.2 header, 2.3 FAT,
 * 2.6 directory entries), read sector by sector from the file, or undefined when its directory
 * cannot be followed. Our own 50 lines: the one npm reader (cfb) loads the whole file into memory
 * to answer what a few sectors tell.
 */
async function compoundFileNames(path: string): Promise<string[] | undefined> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const header = Buffer.alloc(512);
    await file.read(header, 0, 512, 0);
    const sectorSize = 2 ** header.readUInt16LE(0x1e);
    if (sectorSize !== 512 && sectorSize !== 4096) return undefined;
    const read = async (sector: number): Promise<Buffer | undefined> => {
      const at = (sector + 1) * sectorSize;
      if (at >= size) return undefined;
      const b = Buffer.alloc(sectorSize);
      const { bytesRead } = await file.read(b, 0, sectorSize, at);
      return bytesRead === 0 ? undefined : b;
    };
    // The FAT's own sectors: 109 in the header, the rest in a chain of DIFAT sectors.
    const fatSectors: number[] = [];
    for (let i = 0; i < 109; i++) fatSectors.push(header.readUInt32LE(0x4c + i * 4));
    let difat = header.readUInt32LE(0x44);
    for (let guard = 0; difat < 0xfffffffa && guard < 10_000; guard++) {
      const b = await read(difat);
      if (!b) break;
      for (let i = 0; i < sectorSize / 4 - 1; i++) fatSectors.push(b.readUInt32LE(i * 4));
      difat = b.readUInt32LE(sectorSize - 4);
    }
    const perSector = sectorSize / 4;
    const fatCache = new Map<number, Buffer>();
    const next = async (sector: number): Promise<number> => {
      const index = Math.floor(sector / perSector);
      const fatSector = fatSectors[index];
      if (fatSector === undefined || fatSector >= 0xfffffffa) return 0xfffffffe;
      let b = fatCache.get(index);
      if (!b) {
        b = await read(fatSector);
        if (!b) return 0xfffffffe;
        fatCache.set(index, b);
      }
      return b.readUInt32LE((sector % perSector) * 4);
    };
    const names: string[] = [];
    let dir = header.readUInt32LE(0x30);
    for (let guard = 0; dir < 0xfffffffa && guard < 10_000; guard++) {
      const b = await read(dir);
      if (!b) break;
      for (let at = 0; at + 128 <= sectorSize; at += 128) {
        const length = b.readUInt16LE(at + 64);
        const type = b.readUInt8(at + 66);
        if (type === 0 || length < 2 || length > 64) continue;
        names.push(b.toString('utf16le', at, at + length - 2));
      }
      dir = await next(dir);
    }
    return names;
  } finally {
    await file.close();
  }
}

/** The encoding of a text's first bytes: by its byte-order mark, else UTF-16 when every other byte is NUL. */
function textEncoding(head: Buffer): 'utf8' | 'utf16le' | 'utf16be' {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf16be';
  if (head.length >= 4) {
    let evenNul = 0;
    let oddNul = 0;
    for (let i = 0; i + 1 < head.length; i += 2) {
      if (head[i] === 0) evenNul++;
      if (head[i + 1] === 0) oddNul++;
    }
    const pairs = Math.floor(head.length / 2);
    if (oddNul >= pairs * 0.9 && evenNul === 0) return 'utf16le';
    if (evenNul >= pairs * 0.9 && oddNul === 0) return 'utf16be';
  }
  return 'utf8';
}

function looksLikeText(head: Buffer): boolean {
  if (head.length === 0) return false;
  // A byte-order mark says it at once: UTF-8, UTF-16 LE or BE (Excel's "Unicode text").
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return true;
  if (textEncoding(head) !== 'utf8') return true;
  let control = 0;
  for (const byte of head) {
    if (byte === 0) return false;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) control++;
  }
  return control <= head.length / 100;
}

/**
 * What the file at `path` is when it is no zip at all: the end of a sentence that starts
 * "<file> is not an Excel workbook (.xlsx):", or undefined when the bytes say nothing better.
 */
export async function describeNonZip(path: string): Promise<string | undefined> {
  const file = await open(path, 'r');
  let head: Buffer;
  try {
    const b = Buffer.alloc(4096);
    const { bytesRead } = await file.read(b, 0, b.length, 0);
    head = b.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
  if (head.length === 0) return 'it is an empty file (0 bytes), as a save, copy or download that did not finish leaves it; save or copy the workbook again';
  if (head.length >= 512 && head.subarray(0, 8).equals(OLE2_MAGIC)) {
    const names = ((await compoundFileNames(path).catch(() => undefined)) ?? []).map((n) => n.toLowerCase());
    // MS-OFFCRYPTO 2.3.4.1: an encrypted .xlsx is a compound file of EncryptionInfo and EncryptedPackage.
    if (names.includes('encryptioninfo') && names.includes('encryptedpackage')) {
      return 'it is a password-protected (encrypted) workbook; open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password, then clear it), save it and try again';
    }
    // MS-XLS 2.1.2: an Excel 97-2003 workbook keeps its cells in a stream named Workbook (Book before Excel 97).
    if (names.includes('workbook') || names.includes('book')) return `it is a legacy Excel 97-2003 workbook (.xls); ${SAVE_AS_XLSX}`;
    return `it is an older Office document (an OLE2 compound file), not a workbook; if it is a spreadsheet, ${SAVE_AS_XLSX}`;
  }
  if (looksLikeText(head)) {
    const encoding = textEncoding(head);
    const bytes = encoding === 'utf16be' ? Buffer.from(head.subarray(0, head.length & ~1)).swap16() : head;
    const text = bytes.toString(encoding === 'utf8' ? 'utf8' : 'utf16le').replace(/^\uFEFF/, '').trimStart().slice(0, 2000).toLowerCase();
    if (/^<\?xml[^>]*>\s*(?:<\?mso-application progid="excel\.sheet"\?>|<workbook[^>]*urn:schemas-microsoft-com:office:spreadsheet)/.test(text)) {
      return `it is an Excel 2003 XML spreadsheet; ${SAVE_AS_XLSX}`;
    }
    if (/^(?:<!doctype html|<html|<table|<\?xml[^>]*>\s*<html)/.test(text)) return `it is an HTML page (some tools export one under an Excel name); ${SAVE_AS_XLSX}`;
    if (/^<\?xml[^>]*>\s*<office:document[^>]*opendocument\.spreadsheet/.test(text)) return `it is a flat OpenDocument spreadsheet (.fods); ${SAVE_AS_XLSX}`;
    return `it is a CSV or other text file; ${SAVE_AS_XLSX}`;
  }
  return undefined;
}

/**
 * What a zip without a workbook part is: from its `mimetype` item (OpenDocument, ISO/IEC 26300
 * Part 3, 3.3), or from the main part of another Office package (`names` folded to lower case).
 */
export function describeZip(names: ReadonlySet<string>, mimetype: string | undefined): string | undefined {
  // MS-XLSB 2.1.2: an Excel Binary Workbook keeps its workbook in xl/workbook.bin.
  if (names.has('xl/workbook.bin')) return `it is an Excel Binary Workbook (.xlsb); open it in Excel and save it as Excel Workbook (.xlsx)`;
  if (names.has('word/document.xml')) return 'it is a Word document, not a workbook';
  if (names.has('ppt/presentation.xml')) return 'it is a PowerPoint presentation, not a workbook';
  const type = mimetype?.trim();
  if (type === undefined) return undefined;
  if (type === ODS_MIMETYPE || type === `${ODS_MIMETYPE}-template`) return `it is an OpenDocument spreadsheet (.ods); ${SAVE_AS_XLSX}`;
  if (type.startsWith('application/vnd.oasis.opendocument.')) return `it is an OpenDocument file (${type.replace('application/vnd.oasis.opendocument.', '')}), not a spreadsheet`;
  return undefined;
}
