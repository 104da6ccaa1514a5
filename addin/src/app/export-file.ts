// Reads an export file (a registration system's or form service's CSV or .xlsx, an online
// meeting's attendance report) from its bytes into a header and rows: encoding, separator and
// header line found the way a person would find them. Pure: runs in the pane and in tests alike.
import { parse } from 'csv-parse/browser/esm/sync';
import { readXlsxFirstSheet } from './export-xlsx.js';

/** How the file's text was decoded; `xlsx` for an Office Open XML workbook. */
export type ExportEncoding = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'windows-1252' | 'xlsx';
export type Separator = ',' | ';' | '\t';
const SEPARATORS: readonly Separator[] = [',', ';', '\t'];

export interface ExportLine {
  /** 1-based line in the file where this row starts (for .xlsx: the sheet's row number). */
  readonly line: number;
  readonly cells: readonly string[];
}

export interface ExportTable {
  readonly encoding: ExportEncoding;
  /** The field separator; null for an .xlsx workbook. */
  readonly separator: Separator | null;
  /** 1-based line of the header row in the file (for .xlsx: the sheet's row number). */
  readonly headerLine: number;
  /** The header row's cells, trimmed. */
  readonly headers: string[];
  /** The table's rows below the header, blank rows left out, up to the end of its section. */
  readonly rows: string[][];
  /** For each of `rows`, the line it starts on. */
  readonly rowLines: number[];
  /** The file's first non-blank rows, so a person can pick another header line. */
  readonly candidates: ExportLine[];
}

export interface ReadExportOptions {
  /**
   * Says whether a header cell names a column the import knows, as a key (so two spellings of one
   * column count once); the header is the row naming the most known columns.
   */
  readonly knownHeader?: (cell: string) => string | undefined;
  /** The header line a person chose, overriding the one found (none when undefined). */
  readonly headerLine?: number | undefined;
}

/** A file that cannot be read as an export; its message is one sentence for the person. */
export class ExportFileError extends Error {
  override readonly name = 'ExportFileError';
}

/** Files up to this size are read (an export of 100,000 registrations is about 20 MB). */
export const EXPORT_MAX_BYTES = 64 * 1024 * 1024;
const CANDIDATE_ROWS = 40;

/**
 * Reads an export from its bytes.
 *
 * - Encoding (CSV and text): the byte-order mark (UTF-8 EF BB BF, UTF-16 LE FF FE, UTF-16 BE FE FF),
 *   else UTF-16 when every other byte of the start is a NUL, else UTF-8 when the bytes are valid
 *   UTF-8 (WHATWG Encoding Standard, TextDecoder with `fatal`), else Windows-1252, which is what
 *   Excel's "CSV (Comma delimited)" writes in Western locales. Text holding U+FFFD (the mark an
 *   earlier conversion left where it lost a letter) or control characters is refused: a name is
 *   never imported with its letters destroyed; so is UTF-8 once read as Windows-1252 and saved
 *   again (é as "Ã©").
 * - Separator: comma, semicolon or tab, whichever gives the longest run of consecutive lines with
 *   the same number of fields (two or more), counting only separators outside quotes (RFC 4180
 *   quoting, parsed by csv-parse).
 * - Header: the row naming the most columns the import knows (`knownHeader`; of two naming as many,
 *   the wider), so title lines, key/value metadata and other sections of a report are skipped;
 *   without any known name, the first row of the longest run. `headerLine` overrides it.
 * - Rows: from below the header to the end of its section (a blank line or a lone title line
 *   followed by lines of a different shape, as in an attendance report's activity log) or of the
 *   file; a repeat of the header (exports pasted one after the other) is left out.
 * - `.xlsx` (by name or by its zip signature): the first sheet's cells, with the same header rules.
 *
 * @param bytes the file's content
 * @param fileName its name, for messages and to tell an .xlsx
 * @throws ExportFileError with one sentence naming the file, what was found and what to do
 */
export function readExportTable(bytes: Uint8Array, fileName: string, options: ReadExportOptions = {}): ExportTable {
  if (bytes.length === 0) throw new ExportFileError(`${fileName} is empty: export the file again.`);
  if (bytes.length > EXPORT_MAX_BYTES) throw new ExportFileError(`${fileName} is ${Math.round(bytes.length / 1048576)} MB, more than the ${EXPORT_MAX_BYTES / 1048576} MB an export may be: split it.`);
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    // A compound file: Excel 97-2003, or an .xlsx encrypted with a password (MS-OFFCRYPTO).
    if (/\.xlsx$/i.test(fileName)) throw new ExportFileError(`${fileName} is password-protected: open it in Excel, remove the password (File > Info > Protect Workbook) and save it, then import it again.`);
    throw new ExportFileError(`${fileName} is a legacy Excel 97-2003 workbook (.xls): open it in Excel and save it as .xlsx or as CSV UTF-8, then import that.`);
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || /\.xlsx$/i.test(fileName)) {
    const lines = readXlsxFirstSheet(bytes, fileName);
    return tableFrom(lines, 'xlsx', null, fileName, options);
  }
  const { text, encoding } = decodeExport(bytes, fileName);
  const separator = chooseSeparator(text);
  return tableFrom(parseLines(text, separator, fileName), encoding, separator, fileName, options);
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** Decodes the bytes as described at readExportTable; throws ExportFileError on text that would lose letters. */
export function decodeExport(bytes: Uint8Array, fileName: string): { text: string; encoding: Exclude<ExportEncoding, 'xlsx'> } {
  let encoding: Exclude<ExportEncoding, 'xlsx'>;
  let body = bytes;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) { encoding = 'UTF-8'; body = bytes.subarray(3); }
  else if (startsWith(bytes, [0xff, 0xfe])) { encoding = 'UTF-16LE'; body = bytes.subarray(2); }
  else if (startsWith(bytes, [0xfe, 0xff])) { encoding = 'UTF-16BE'; body = bytes.subarray(2); }
  else encoding = utf16WithoutMark(bytes) ?? (validUtf8(bytes) ? 'UTF-8' : 'windows-1252');
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    throw new ExportFileError(`${fileName} is marked as ${encoding} text by its first bytes, but the rest is not valid ${encoding}: export it again as CSV UTF-8.`);
  }
  const lineOf = (index: number) => text.slice(0, index).split(/\r\n|\r|\n/).length;
  const lost = text.indexOf('\uFFFD');
  if (lost >= 0) {
    throw new ExportFileError(`${fileName} holds the replacement character \uFFFD at line ${lineOf(lost)}, where an earlier conversion lost a letter: export the file again from its source, as CSV UTF-8.`);
  }
  const control = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/.exec(text);
  if (control) {
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    throw new ExportFileError(`${fileName} is not text in UTF-8, UTF-16 or Windows-1252 (a control character U+${code} at line ${lineOf(control.index)}): export it again as CSV UTF-8.`);
  }
  const garbled = MOJIBAKE.exec(text);
  if (garbled) {
    const original = new TextDecoder('utf-8').decode(Uint8Array.from([...garbled[0]].map((c) => CP1252_BYTE.get(c) ?? c.charCodeAt(0))));
    throw new ExportFileError(`${fileName} holds "${garbled[0]}" at line ${lineOf(garbled.index)}, the mark of UTF-8 text once read as Windows-1252 and saved again (${original} became ${garbled[0]}): export the file again from its source as CSV UTF-8.`);
  }
  return { text, encoding };
}

// Windows-1252's characters for the bytes 0x80-0x9F (the rest of 0x80-0xFF is Latin-1's).
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
const CP1252_BYTE: ReadonlyMap<string, number> = new Map([...CP1252_HIGH].map((c, i) => [c, 0x80 + i]));
/**
 * UTF-8 once read as Windows-1252 and saved again: a lead byte of Latin letters (C2-C5: é as "Ã©",
 * ł as "Å‚") or of punctuation (E2 80: ’ as "â€™") followed by what continuation bytes become.
 * Real names do not hold these pairs ("SÃO", "Ângela" are letters followed by letters).
 */
const MOJIBAKE = new RegExp(`[\u00C2-\u00C5][\u00A0-\u00BF${CP1252_HIGH}]|\u00E2\u20AC[\u00A0-\u00BF${CP1252_HIGH}]`);

/** UTF-16 without a byte-order mark: NULs at every other byte of an ASCII-heavy start. */
function utf16WithoutMark(bytes: Uint8Array): 'UTF-16LE' | 'UTF-16BE' | undefined {
  const n = Math.min(bytes.length - (bytes.length % 2), 512);
  if (n < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) { if (i % 2 === 0) evenNul++; else oddNul++; }
  const pairs = n / 2;
  if (oddNul >= pairs * 0.6 && evenNul === 0) return 'UTF-16LE';
  if (evenNul >= pairs * 0.6 && oddNul === 0) return 'UTF-16BE';
  return undefined;
}

function validUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  return true;
}

/**
 * Parses with csv-parse (RFC 4180 quoting; a quote inside an unquoted field is kept as a character),
 * keeping blank rows (they end sections) and the line each row starts on. A quote never closed is
 * refused with its line.
 */
function parseLines(text: string, separator: Separator, fileName: string, limit?: number): ExportLine[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // One line break throughout: csv-parse takes the first it meets for the whole file.
    records = parse(text.replace(/\r\n?/g, '\n'), {
      delimiter: separator,
      record_delimiter: '\n',
      quote: '"',
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      info: true,
      ...(limit === undefined ? {} : { to_line: limit }),
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (e) {
    // csv-parse's parsing errors carry the line count, from 1 (only its option errors lack it, which these fixed options never raise).
    const line = (e as { lines: number }).lines;
    throw new ExportFileError(`${fileName} cannot be read as ${SEPARATOR_NAMES[separator]}-separated text (a quote opened near line ${line} is never closed): export it again as CSV UTF-8.`);
  }
  const out: ExportLine[] = [];
  let previousEnd = 0;
  for (const { record, info } of records) {
    out.push({ line: previousEnd + 1, cells: record });
    previousEnd = info.lines;
  }
  // A file ending with a line break may give one last empty row that is no line of its own.
  while (out.length > 0 && isBlank(out[out.length - 1]!.cells)) out.pop();
  return out;
}

const SEPARATOR_NAMES: Record<Separator, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab' };

function isBlank(cells: readonly string[]): boolean {
  return cells.every((c) => c.trim() === '');
}

/** The longest run of consecutive non-blank rows with the same field count (2 or more): its length and first index. */
function longestRun(lines: readonly ExportLine[]): { length: number; first: number; fields: number } {
  let best = { length: 0, first: 0, fields: 0 };
  let i = 0;
  while (i < lines.length) {
    const n = lines[i]!.cells.length;
    let j = i;
    while (j < lines.length && lines[j]!.cells.length === n && !isBlank(lines[j]!.cells)) j++;
    if (n >= 2 && j - i > best.length) best = { length: j - i, first: i, fields: n };
    // `Math.min` here would never move past a blank line (a hang, which the mutation run counts as detected): not equivalent, so not marked.
    i = Math.max(j, i + 1);
  }
  return best;
}

/** The separator (comma, semicolon or tab) giving the longest run of rows of one field count; comma when none does. */
export function chooseSeparator(text: string): Separator {
  let best: { separator: Separator; length: number; fields: number } = { separator: ',', length: 0, fields: 0 };
  for (const separator of SEPARATORS) {
    let lines: ExportLine[];
    try {
      // Stryker disable next-line StringLiteral: the name is only for the error message, which is caught just below
      lines = parseLines(text, separator, 'the file', 2000);
    } catch {
      continue; // quotes that do not close with this separator: not this one
    }
    const run = longestRun(lines);
    if (run.length > best.length || (run.length === best.length && run.fields > best.fields)) best = { separator, length: run.length, fields: run.fields };
  }
  return best.separator;
}

function tableFrom(
  lines: readonly ExportLine[],
  encoding: ExportEncoding,
  separator: Separator | null,
  fileName: string,
  options: ReadExportOptions,
): ExportTable {
  const filled = lines.filter((l) => !isBlank(l.cells));
  if (filled.length === 0) throw new ExportFileError(`${fileName} holds no rows: export the file again.`);
  let index: number;
  if (options.headerLine !== undefined) {
    index = lines.findIndex((l) => l.line === options.headerLine && !isBlank(l.cells));
    if (index < 0) throw new ExportFileError(`Line ${options.headerLine} of ${fileName} is blank or inside another row: choose another header line.`);
  } else {
    index = findHeader(lines, options.knownHeader);
  }
  const header = lines[index]!;
  const rows: string[][] = [];
  const rowLines: number[] = [];
  for (let i = index + 1; i < lines.length; i++) {
    const l = lines[i]!;
    // A lone title line ("Attendee Details") then a line of another shape starts another section,
    // blank line or not (Zoom's webinar reports put none between sections). Only a CSV has such
    // lines: a workbook's rows are as wide as the widest, and its blank lines come before a row.
    if (l.cells.length === 1 && header.cells.length > 1) {
      const next = lines[i + 1];
      if (next !== undefined && !isBlank(next.cells) && next.cells.length !== header.cells.length) break;
    }
    if (isBlank(l.cells)) {
      // Never the last line: parseLines drops blank lines at the end, and a workbook's blank line
      // is written only before a row.
      const next = lines.slice(i + 1).find((n) => !isBlank(n.cells))!;
      // A blank line then a line of another shape starts another section: in a CSV another number
      // of fields; in a workbook (rows as wide as the widest) a lone title cell.
      const filled = next.cells.reduce((last, c, k) => (c.trim() === '' ? last : k + 1), 0);
      if (separator === null ? filled <= 1 && header.cells.length > 1 : next.cells.length !== header.cells.length) break;
      continue;
    }
    // The header again (two exports pasted one after the other, a BOM trimmed away): not a row.
    if (l.cells.length === header.cells.length && l.cells.every((c, k) => c.trim() === header.cells[k]!.trim())) continue;
    rows.push([...l.cells]);
    rowLines.push(l.line);
  }
  return {
    encoding,
    separator,
    headerLine: header.line,
    headers: header.cells.map((c) => c.trim()),
    rows,
    rowLines,
    candidates: filled.slice(0, CANDIDATE_ROWS).map((l) => ({ line: l.line, cells: l.cells })),
  };
}

/**
 * The index of the row naming the most known columns (of two naming as many, the one with more
 * columns: a webinar's attendee table rather than its host table); without any, the first row of
 * the longest run.
 */
function findHeader(lines: readonly ExportLine[], knownHeader: ReadExportOptions['knownHeader']): number {
  let best = -1;
  let bestScore = 0;
  let bestWidth = 0;
  if (knownHeader) {
    lines.forEach((l, i) => {
      const keys = new Set(l.cells.map((c) => knownHeader(c)).filter((k) => k !== undefined));
      const width = l.cells.filter((c) => c.trim() !== '').length;
      if (keys.size > bestScore || (keys.size === bestScore && keys.size > 0 && width > bestWidth)) { bestScore = keys.size; bestWidth = width; best = i; }
    });
  }
  if (best >= 0) return best;
  const run = longestRun(lines);
  return run.length > 0 ? run.first : lines.findIndex((l) => !isBlank(l.cells));
}
