// Reads the worksheets of an .xlsx row by row, with yauzl and saxes and nothing else: the zip is
// guarded first, then the workbook's sheet list, its relationships and its shared strings are read,
// and each worksheet the caller wants is streamed through the XML parser in chunks, every row going
// straight to the caller as plain cells. Neither a whole sheet's XML nor its rows are ever held.
// Styles are not read: the contract's readers take Excel serial numbers for dates and times.
import { posix } from 'node:path';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type yauzl from 'yauzl';
import { cellAddress, columnLetter, type RawCell, type RawRow } from './core/raw.js';
import { ExpectedError } from './errors.js';
import { checkWorkbookZip, type Entry, openEntry, ZIP_LIMITS, type ZipLimits } from './zip-guard.js';

/** Excel's last row and last column (XFD). */
export const MAX_ROW = 1_048_576;
export const MAX_COLUMN = 16_384;
/**
 * Most characters read into one cell or shared string: Excel holds at most 32,767, and a single
 * text of hundreds of megabytes (within the zip limits) would otherwise be built up whole.
 */
export const MAX_CELL_CHARS = 1_000_000;

/** What the reader hands its caller, in order: the date system, then each sheet and its rows. */
export interface SheetVisitor {
  /** Called once, before any sheet. */
  begin(workbook: { readonly date1904: boolean; readonly sheets: readonly string[] }): void;
  /** Starts a worksheet; false skips it without inflating it. */
  startSheet(name: string): boolean;
  /** One row holding at least one cell, in worksheet order. */
  row(row: RawRow): void;
}

/** An exception thrown by the caller's visitor: a bug of ours, kept apart from the file's faults. */
class VisitorFailure {
  constructor(readonly error: unknown) {}
}

type Handlers = {
  open(tag: SaxesTagPlain): void;
  close(tag: SaxesTagPlain): void;
  text(text: string): void;
};

/** A tag's name without its namespace prefix (`x:row` -> `row`; some writers prefix every tag). */
function local(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

/** An attribute by local name, whatever its prefix (`r:id` is written with other prefixes too). */
function attribute(tag: SaxesTagPlain, name: string): string | undefined {
  const direct = tag.attributes[name];
  if (direct !== undefined) return direct;
  for (const [key, value] of Object.entries(tag.attributes)) if (local(key) === name) return value;
  return undefined;
}

const stripStop = (message: string) => message.trim().replace(/\.$/, '');

class XlsxFile {
  private readonly byName: Map<string, Entry>;
  private readonly byFolded: Map<string, Entry>;

  constructor(
    readonly path: string,
    private readonly zip: yauzl.ZipFile,
    entries: readonly Entry[],
  ) {
    this.byName = new Map(entries.map((e) => [e.name, e]));
    // Part names are case-insensitive in the packaging standard.
    this.byFolded = new Map(entries.map((e) => [e.name.toLowerCase(), e]));
  }

  entry(name: string): Entry | undefined {
    return this.byName.get(name) ?? this.byFolded.get(name.toLowerCase());
  }

  /**
   * Streams one part through saxes. `what` names the part in a failure's sentence. The parser
   * refuses a DOCTYPE (no workbook needs one, and entity tricks live there) and knows no entity
   * beyond XML's five, so nothing is ever expanded.
   */
  async parse(entry: Entry, what: string, h: Handlers): Promise<void> {
    const parser = new SaxesParser({ xmlns: false, position: false } as const);
    parser.on('opentag', h.open);
    parser.on('closetag', h.close);
    parser.on('text', h.text);
    parser.on('cdata', h.text);
    parser.on('doctype', () => {
      throw new Error('it declares a DOCTYPE, which no workbook needs');
    });
    let stream: NodeJS.ReadableStream;
    try {
      stream = await openEntry(this.zip, entry);
    } catch (e) {
      throw this.damaged(what, e);
    }
    stream.setEncoding('utf8');
    try {
      for await (const chunk of stream) {
        try {
          parser.write(chunk as string);
        } catch (e) {
          throw this.notXml(what, e);
        }
      }
      try {
        parser.close();
      } catch (e) {
        throw this.notXml(what, e);
      }
    } catch (e) {
      // The stream's own failures (yauzl, zlib) are plain Errors; anything else is passed on as it is.
      if (e instanceof ExpectedError || e instanceof VisitorFailure || !(e instanceof Error) || e.constructor !== Error) throw e;
      const message = (e as Error).message ?? String(e);
      if (/too many bytes/.test(message)) throw new ExpectedError(`${this.path} is refused: ${entry.name} inflates past the size its zip directory declares (a zip bomb?).`);
      throw this.damaged(what, e);
    }
  }

  private notXml(what: string, e: unknown): unknown {
    // saxes fails with a plain Error; a TypeError or the like from a handler is a bug of ours.
    if (e instanceof ExpectedError || e instanceof VisitorFailure || !(e instanceof Error) || e.constructor !== Error) return e;
    return new ExpectedError(`${this.path} could not be read as an Excel workbook: ${what} is not well-formed XML (${stripStop((e as Error).message ?? String(e))}).`);
  }

  private damaged(what: string, e: unknown): ExpectedError {
    return new ExpectedError(`${this.path} is not an Excel workbook (.xlsx): ${what} is damaged (${stripStop((e as Error).message ?? String(e))}).`);
  }

  /** Reads a small part (workbook, relationships) into the handlers. */
  async parseSmall(name: string, h: Handlers): Promise<boolean> {
    const entry = this.entry(name);
    if (!entry) return false;
    await this.parse(entry, name, h);
    return true;
  }
}

interface SheetRef {
  readonly name: string;
  readonly relId: string | undefined;
}

async function readWorkbookPart(file: XlsxFile): Promise<{ date1904: boolean; sheets: SheetRef[] }> {
  let date1904 = false;
  const sheets: SheetRef[] = [];
  await file.parseSmall('xl/workbook.xml', {
    open: (t) => {
      const n = local(t.name);
      if (n === 'workbookPr') date1904 = ['1', 'true'].includes((attribute(t, 'date1904') ?? '').trim().toLowerCase());
      else if (n === 'sheet') sheets.push({ name: attribute(t, 'name') ?? '', relId: attribute(t, 'id') });
    },
    close: () => {},
    text: () => {},
  });
  return { date1904, sheets };
}

/** The part a workbook relationship points at: relative to xl/, or absolute from the package root. */
export function resolveTarget(target: string): string {
  const t = target.trim().replace(/\\/g, '/');
  return t.startsWith('/') ? posix.normalize(t).slice(1) : posix.join('xl', t);
}

async function readRelationships(file: XlsxFile): Promise<{ targets: Map<string, string>; sharedStrings: string | undefined }> {
  const targets = new Map<string, string>();
  let sharedStrings: string | undefined;
  await file.parseSmall('xl/_rels/workbook.xml.rels', {
    open: (t) => {
      if (local(t.name) !== 'Relationship') return;
      const id = attribute(t, 'Id');
      const target = attribute(t, 'Target');
      if (id === undefined || target === undefined || attribute(t, 'TargetMode') === 'External') return;
      targets.set(id, resolveTarget(target));
      if (/\/sharedStrings$/.test(attribute(t, 'Type') ?? '')) sharedStrings = resolveTarget(target);
    },
    close: () => {},
    text: () => {},
  });
  return { targets, sharedStrings };
}

/** The shared-string table: each `<si>`'s text, its rich-text runs joined, phonetic runs left out. */
async function readSharedStrings(file: XlsxFile, name: string): Promise<string[]> {
  const strings: string[] = [];
  const entry = file.entry(name);
  if (!entry) return strings;
  let current: string | null = null;
  let inText = false;
  let phonetic = 0;
  await file.parse(entry, name, {
    open: (t) => {
      const n = local(t.name);
      if (n === 't') inText = current !== null && phonetic === 0;
      else if (n === 'si') current = '';
      else if (n === 'rPh') phonetic++;
    },
    close: (t) => {
      const n = local(t.name);
      if (n === 't') inText = false;
      else if (n === 'si') {
        strings.push(current ?? '');
        current = null;
      } else if (n === 'rPh') phonetic--;
    },
    text: (x) => {
      if (!inText) return;
      current += x;
      if (current!.length > MAX_CELL_CHARS) throw new ExpectedError(`${file.path} cannot be read: shared string ${strings.length} of ${name} holds more than ${MAX_CELL_CHARS.toLocaleString('en')} characters, far past Excel's 32,767.`);
    },
  });
  return strings;
}

const CAPTURE_NONE = 0;
const CAPTURE_V = 1;
const CAPTURE_F = 2;
const CAPTURE_T = 3;

/** The cell of a `d` (ISO 8601 date) cell: a Date at UTC, as the contract's readers take dates. */
function isoDateCell(text: string, formula: string | null): RawCell {
  const t = text.trim();
  let m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?))?(?:Z|[+-]\d{2}:?\d{2})?$/.exec(t);
  let date: Date | undefined;
  // The wall-clock date and time, as Excel shows it; any zone is ignored.
  if (m) date = new Date(`${m[1]}T${m[2] ?? '00:00'}Z`);
  else if ((m = /^T?(\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$/.exec(t))) date = new Date(`1899-12-30T${m[1]}Z`);
  const value = date && !Number.isNaN(date.getTime()) ? date : t;
  return formula === null ? { value } : { value, formula };
}

/** One `<c>` as the pure core takes it; undefined for an empty cell. */
export function cellOf(type: string | undefined, v: string | null, formula: string | null, inline: string | null, strings: readonly string[]): RawCell | undefined {
  const withFormula = (cell: RawCell): RawCell => (formula === null ? cell : { ...cell, formula });
  switch (type) {
    case 's': {
      if (v === null) return formula === null ? undefined : { value: null, formula };
      const i = Number(v);
      const s = Number.isInteger(i) && i >= 0 ? strings[i] : undefined;
      return s === undefined ? withFormula({ value: null, error: `a shared string the workbook does not hold (number ${v.trim()})` }) : formula === null ? { value: s } : { value: s, formula };
    }
    case 'str':
      return formula === null ? { value: v ?? '' } : { value: v ?? '', formula };
    case 'inlineStr': {
      const value = inline ?? v ?? '';
      return formula === null ? { value } : { value, formula };
    }
    case 'b': {
      const b = (v ?? '').trim().toLowerCase();
      if (b === '1' || b === 'true') return withFormula({ value: true });
      if (b === '0' || b === 'false') return withFormula({ value: false });
      return v === null ? (formula === null ? undefined : { value: null, formula }) : withFormula({ value: null, error: `"${v}" in a true/false cell` });
    }
    case 'e':
      return withFormula({ value: null, error: (v ?? '').trim() || '#VALUE!' });
    case 'd':
      return v === null ? (formula === null ? undefined : { value: null, formula }) : isoDateCell(v, formula);
    default: {
      if (v === null || v.trim() === '') return formula === null ? undefined : { value: null, formula };
      const n = Number(v);
      if (!Number.isFinite(n)) return withFormula({ value: null, error: `"${v.trim()}" in a number cell` });
      return formula === null ? { value: n } : { value: n, formula };
    }
  }
}

/** Streams one worksheet's rows to the visitor. */
async function readSheet(file: XlsxFile, entry: Entry, sheet: string, strings: readonly string[], onRow: (row: RawRow) => void): Promise<void> {
  const past = (what: string): never => {
    throw new ExpectedError(`${file.path} cannot be read: ${what}`);
  };
  /** `Attendance!` or `'Sheet one'!`, to name a cell that no column number can stand for. */
  const at = cellAddress(sheet, 1, 1).slice(0, -2);
  let inSheetData = false;
  let rowNumber = 0;
  let cells: (RawCell | undefined)[] | null = null;
  let any = false;
  let col = 0;
  let type: string | undefined;
  let v: string | null = null;
  let f: string | null = null;
  let fSharedIndex: string | undefined;
  let inline: string | null = null;
  let capture = CAPTURE_NONE;
  let inInline = false;
  let phonetic = 0;
  const sharedFormulas = new Map<string, string>();

  await file.parse(entry, `sheet '${sheet}' (${entry.name})`, {
    open: (t) => {
      switch (local(t.name)) {
        case 'c': {
          if (cells === null) return;
          const ref = t.attributes.r;
          if (ref === undefined) col++;
          else {
            // Letters then digits, read by hand: a regular expression here cost 30 ms a 100x read.
            let i = 0;
            let c = 0;
            for (; i < ref.length; i++) {
              const ch = ref.charCodeAt(i) | 0x20;
              if (ch < 97 || ch > 122) break;
              c = c * 26 + ch - 96;
            }
            let r = 0;
            for (let j = i; j < ref.length; j++) {
              const d = ref.charCodeAt(j) - 48;
              if (d < 0 || d > 9) r = Number.NaN;
              r = r * 10 + d;
            }
            if (i === 0 || i === ref.length || Number.isNaN(r)) past(`sheet '${sheet}' has a cell address "${ref}" that is not one Excel can hold.`);
            if (c > MAX_COLUMN) past(`${at}${ref.toUpperCase()} is past Excel's last column, XFD.`);
            if (r > MAX_ROW) past(`${at}${ref.toUpperCase()} is past Excel's last row, ${MAX_ROW.toLocaleString('en')}.`);
            col = c;
          }
          type = t.attributes.t;
          v = null;
          f = null;
          inline = null;
          fSharedIndex = undefined;
          return;
        }
        case 'v':
          if (cells !== null) {
            capture = CAPTURE_V;
            v = '';
          }
          return;
        case 'f':
          if (cells !== null) {
            capture = CAPTURE_F;
            f = '';
            fSharedIndex = t.attributes.t === 'shared' ? t.attributes.si : undefined;
          }
          return;
        case 'is':
          inInline = true;
          inline = '';
          return;
        case 't':
          if (inInline && phonetic === 0) capture = CAPTURE_T;
          return;
        case 'rPh':
          phonetic++;
          return;
        case 'row': {
          if (!inSheetData) return;
          const r = t.attributes.r;
          if (r === undefined) rowNumber++;
          else {
            if (!/^\s*\d+\s*$/.test(r)) past(`sheet '${sheet}' has a row numbered "${r}", which is not a row number.`);
            rowNumber = Number(r);
          }
          if (rowNumber > MAX_ROW) past(`${at}A${rowNumber} is past Excel's last row, ${MAX_ROW.toLocaleString('en')}.`);
          cells = [];
          any = false;
          col = 0;
          return;
        }
        case 'sheetData':
          inSheetData = true;
          return;
        default:
      }
    },
    text: (x) => {
      if (capture === CAPTURE_NONE) return;
      if (capture === CAPTURE_V) v += x;
      else if (capture === CAPTURE_T) inline += x;
      else f += x;
      if ((v?.length ?? 0) + (inline?.length ?? 0) + (f?.length ?? 0) > MAX_CELL_CHARS) {
        past(`${at}${columnLetter(col)}${rowNumber} holds more than ${MAX_CELL_CHARS.toLocaleString('en')} characters, far past Excel's 32,767.`);
      }
    },
    close: (t) => {
      switch (local(t.name)) {
        case 'v':
        case 't':
          capture = CAPTURE_NONE;
          return;
        case 'f':
          capture = CAPTURE_NONE;
          // A shared formula's followers hold only its index; they show the first cell's formula.
          if (fSharedIndex !== undefined) {
            if (f !== null && f.trim() !== '') sharedFormulas.set(fSharedIndex, f);
            else f = sharedFormulas.get(fSharedIndex) ?? '';
          }
          return;
        case 'c': {
          if (cells === null) return;
          const cell = cellOf(type, v, f, inline, strings);
          if (cell !== undefined) {
            cells[col] = cell;
            any = true;
          }
          return;
        }
        case 'is':
          inInline = false;
          return;
        case 'rPh':
          phonetic--;
          return;
        case 'row':
          if (cells !== null && any) {
            const row: RawRow = { row: rowNumber, cells };
            try {
              onRow(row);
            } catch (e) {
              throw new VisitorFailure(e);
            }
          }
          cells = null;
          return;
        case 'sheetData':
          inSheetData = false;
          return;
        default:
      }
    },
  });
}

/**
 * Reads the workbook at `path` into the visitor. Throws ExpectedError (exit code 2) for a file that
 * cannot be read at all, naming the part or the cell at fault; an exception from the visitor is
 * thrown as it is.
 */
export async function readXlsx(path: string, visitor: SheetVisitor, limits: ZipLimits = ZIP_LIMITS): Promise<void> {
  const { zip, entries } = await checkWorkbookZip(path, limits);
  const file = new XlsxFile(path, zip, entries);
  try {
    const { date1904, sheets } = await readWorkbookPart(file);
    const { targets, sharedStrings } = await readRelationships(file);
    const strings = await readSharedStrings(file, sharedStrings ?? 'xl/sharedStrings.xml');
    try {
      visitor.begin({ date1904, sheets: sheets.map((s) => s.name) });
    } catch (e) {
      throw new VisitorFailure(e);
    }
    for (const [i, sheet] of sheets.entries()) {
      let wanted: boolean;
      try {
        wanted = visitor.startSheet(sheet.name);
      } catch (e) {
        throw new VisitorFailure(e);
      }
      if (!wanted) continue;
      const part = (sheet.relId !== undefined ? targets.get(sheet.relId) : undefined) ?? `xl/worksheets/sheet${i + 1}.xml`;
      const entry = file.entry(part);
      if (!entry) throw new ExpectedError(`${path} is not an Excel workbook (.xlsx): sheet '${sheet.name}' is kept in ${part}, which the file does not hold.`);
      await readSheet(file, entry, sheet.name, strings, (row) => visitor.row(row));
    }
  } catch (e) {
    if (e instanceof VisitorFailure) throw e.error;
    throw e;
  } finally {
    zip.close();
  }
}
