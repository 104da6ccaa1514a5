// Reads a worksheet part (`xl/worksheets/sheetN.xml`, ECMA-376 Part 1, 18.3): streams its rows
// through saxes in chunks, each row going straight to the caller as plain cells. Neither a whole
// sheet's XML nor its rows are ever held. Styles are not read: the contract's readers take Excel
// serial numbers for dates and times.
import { cellAddress, columnLetter, type RawCell, type RawRow } from '../core/raw.js';
import { ExpectedError } from '../errors.js';
import type { Entry } from '../zip-guard.js';
import { local, VisitorFailure, type XlsxPackage } from './package.js';
import { shiftFormula } from './shared-formula.js';
import { decodeXstring } from './xstring.js';

/** Excel's last row and last column (XFD). */
export const MAX_ROW = 1_048_576;
export const MAX_COLUMN = 16_384;
/**
 * Most characters read into one cell or shared string: Excel holds at most 32,767, and a single
 * text of hundreds of megabytes (within the zip limits) would otherwise be built up whole.
 */
export const MAX_CELL_CHARS = 1_000_000;

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

/**
 * One `<c>` as the pure core takes it; undefined for an empty cell. `type` is the cell's `t`, `v`
 * the text of its `<v>` (null without one), `formula` of its `<f>`, `inline` of its `<is>`.
 * Strings are decoded as Excel shows them (`_xHHHH_` escapes, ST_Xstring); shared strings come
 * decoded. A formula cell whose result the file does not hold (no `<v>`, or an empty one where a
 * value was due: what libraries write when they cannot calculate) is marked `noResult`.
 */
export function cellOf(type: string | undefined, v: string | null, formula: string | null, inline: string | null, strings: readonly string[]): RawCell | undefined {
  const withFormula = (cell: RawCell): RawCell => (formula === null ? cell : { ...cell, formula });
  const noResult = (): RawCell | undefined => (formula === null ? undefined : { value: null, formula, noResult: true });
  switch (type) {
    case 's': {
      if (v === null || v.trim() === '') return noResult();
      // An index that is not a whole number, or is negative, finds no string.
      const s = strings[Number(v)];
      return s === undefined ? withFormula({ value: null, error: `a shared string the workbook does not hold (number ${v.trim()})` }) : formula === null ? { value: s } : { value: s, formula };
    }
    case 'str':
      // An empty <v> is a formula's saved result of "" (Excel writes t="str" for a text result).
      if (v === null) return noResult() ?? { value: '' };
      return formula === null ? { value: decodeXstring(v) } : { value: decodeXstring(v), formula };
    case 'inlineStr': {
      const value = decodeXstring(inline ?? v ?? '');
      return formula === null ? { value } : { value, formula };
    }
    case 'b': {
      if (v === null) return noResult();
      const b = v.trim().toLowerCase();
      if (b === '1' || b === 'true') return withFormula({ value: true });
      if (b === '0' || b === 'false') return withFormula({ value: false });
      return b === '' ? noResult() : withFormula({ value: null, error: `"${v}" in a true/false cell` });
    }
    case 'e':
      return withFormula({ value: null, error: (v ?? '').trim() || '#VALUE!' });
    case 'd':
      return v === null || v.trim() === '' ? noResult() : isoDateCell(v, formula);
    default: {
      if (v === null || v.trim() === '') return noResult();
      const n = Number(v);
      if (!Number.isFinite(n)) return withFormula({ value: null, error: `"${v.trim()}" in a number cell` });
      return formula === null ? { value: n } : { value: n, formula };
    }
  }
}

/** What the text events are being gathered into. */
const Capture = { None: 0, Value: 1, Formula: 2, InlineText: 3 } as const;

/** The `<c>` being read: its column, type and the texts of its children. */
class CellParts {
  col = 0;
  type: string | undefined = undefined;
  v: string | null = null;
  f: string | null = null;
  inline: string | null = null;
  /** The `si` of a shared formula (`<f t="shared" si="0">`), whose followers hold only the index. */
  sharedIndex: string | undefined = undefined;

  start(col: number, type: string | undefined): void {
    this.col = col;
    this.type = type;
    this.v = null;
    this.f = null;
    this.inline = null;
    this.sharedIndex = undefined;
  }

  get length(): number {
    return (this.v?.length ?? 0) + (this.inline?.length ?? 0) + (this.f?.length ?? 0);
  }
}

/** A cell reference's column and row, read by hand: a regular expression here cost 30 ms a 100x read. */
function parseRef(ref: string): { col: number; row: number } | undefined {
  let i = 0;
  let c = 0;
  // Equivalent mutant, left unmarked as '>=' on this line is killable: '<=', as one step past the end
  // reads NaN, which stops the loop as a non-letter does.
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
  if (i === 0 || i === ref.length || Number.isNaN(r)) return undefined;
  return { col: c, row: r };
}

/** Streams one worksheet's rows to `onRow`, in worksheet order; a row with no cell is not passed on. */
export async function readWorksheet(pkg: XlsxPackage, entry: Entry, sheet: string, strings: readonly string[], onRow: (row: RawRow) => void): Promise<void> {
  const past = (what: string): never => {
    throw new ExpectedError(`${pkg.path} cannot be read: ${what}`);
  };
  /** `Attendance!` or `'Sheet one'!`, to name a cell that no column number can stand for. */
  const at = cellAddress(sheet, 1, 1).slice(0, -2);
  const cell = new CellParts();
  /** Each shared formula's text and the cell that holds it, by its index. */
  const sharedFormulas = new Map<string, { text: string; col: number; row: number }>();
  let inSheetData = false;
  let rowNumber = 0;
  /** The cells of the row being read, or null outside a row of sheetData. */
  let cells: (RawCell | undefined)[] | null = null;
  // Stryker disable next-line BooleanLiteral: set again at each row's start, and read only at a row's end
  let any = false;
  let capture: number = Capture.None;
  let inInline = false;
  let phonetic = 0;

  await pkg.parse(entry, `sheet '${sheet}' (${entry.name})`, {
    open: (t) => {
      switch (local(t.name)) {
        case 'c': {
          if (cells === null) return;
          const ref = t.attributes.r;
          let col = cell.col + 1;
          if (ref !== undefined) {
            const where = parseRef(ref);
            if (where === undefined) past(`sheet '${sheet}' has a cell address "${ref}" that is not one Excel can hold.`);
            if (where!.col > MAX_COLUMN) past(`${at}${ref.toUpperCase()} is past Excel's last column, XFD.`);
            if (where!.row > MAX_ROW) past(`${at}${ref.toUpperCase()} is past Excel's last row, ${MAX_ROW.toLocaleString('en')}.`);
            col = where!.col;
          }
          cell.start(col, t.attributes.t);
          return;
        }
        case 'v':
          if (cells !== null) {
            capture = Capture.Value;
            cell.v = '';
          }
          return;
        case 'f':
          if (cells !== null) {
            capture = Capture.Formula;
            cell.f = '';
            cell.sharedIndex = t.attributes.t === 'shared' ? t.attributes.si : undefined;
          }
          return;
        case 'is':
          inInline = true;
          cell.inline = '';
          return;
        case 't':
          if (inInline && phonetic === 0) capture = Capture.InlineText;
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
          cell.col = 0;
          return;
        }
        case 'sheetData':
          inSheetData = true;
          return;
        default:
      }
    },
    text: (x) => {
      if (capture === Capture.None) return;
      if (capture === Capture.Value) cell.v += x;
      else if (capture === Capture.InlineText) cell.inline += x;
      else cell.f += x;
      if (cell.length > MAX_CELL_CHARS) {
        past(`${at}${columnLetter(cell.col)}${rowNumber} holds more than ${MAX_CELL_CHARS.toLocaleString('en')} characters, far past Excel's 32,767.`);
      }
    },
    close: (t) => {
      switch (local(t.name)) {
        case 'v':
        case 't':
          capture = Capture.None;
          return;
        case 'f':
          capture = Capture.None;
          // A shared formula's followers hold only its index; they show the first cell's formula
          // with its relative references moved, as Excel shows a formula filled down or across.
          if (cell.sharedIndex !== undefined) {
            // cell.f is never null here, as the <f> that set sharedIndex set it to text ('cell.f !== null'
            // made 'true' is an equivalent mutant, left unmarked as the line's other tests are killable).
            if (cell.f !== null && cell.f.trim() !== '') sharedFormulas.set(cell.sharedIndex, { text: cell.f, col: cell.col, row: rowNumber });
            else {
              const first = sharedFormulas.get(cell.sharedIndex);
              cell.f = first === undefined ? '' : shiftFormula(first.text, rowNumber - first.row, cell.col - first.col);
            }
          }
          return;
        case 'c': {
          if (cells === null) return;
          const value = cellOf(cell.type, cell.v, cell.f, cell.inline, strings);
          if (value !== undefined) {
            cells[cell.col] = value;
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
