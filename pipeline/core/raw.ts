// A workbook as the adapters hand it to the pure core: sheets of rows of plain cell values,
// with nothing of exceljs or Office.js left in them.
import type { CellInput } from '../../templates/contract/index.js';
import { columnLetter } from '../../templates/contract/layout.js';

export { columnLetter };

/** One cell once an adapter has flattened it (rich text joined, hyperlinks to their text). */
export interface RawCell {
  /** The value, or for a formula its cached result. */
  readonly value: CellInput;
  /** The formula text, without the leading `=`, when the cell holds a formula. */
  readonly formula?: string;
  /** An Excel error value such as `#N/A`, when the cell holds one. */
  readonly error?: string;
  /**
   * True for a formula whose result the file does not hold: written by a library that cannot
   * calculate, and never opened and saved in Excel since. `value` is then null.
   */
  readonly noResult?: true;
}

export interface RawRow {
  /** The 1-based worksheet row number. */
  readonly row: number;
  /** Cells by 1-based column number; missing entries are empty cells. */
  readonly cells: readonly (RawCell | undefined)[];
}

/**
 * An Excel table on a worksheet, as its table part (or Office.js) gives it: its name and range,
 * rows and columns 1-based and inclusive, and how many header and totals rows the range holds.
 */
export interface RawTable {
  readonly name: string;
  readonly firstRow: number;
  readonly lastRow: number;
  readonly firstColumn: number;
  readonly lastColumn: number;
  /** 0 for a table shown without its header row; 1 otherwise. */
  readonly headerRowCount: number;
  /** 1 when the range's last row is a totals row. */
  readonly totalsRowCount: number;
}

export interface RawSheet {
  /** The sheet's name as the workbook spells it. */
  readonly name: string;
  /** The Excel tables on the sheet, when known: the contract's table decides where its header is. */
  readonly tables?: readonly RawTable[];
  /** The non-empty rows in worksheet order (the header row among them: see MeetingReader). */
  readonly rows: readonly RawRow[];
}

export interface RawWorkbook {
  /** True when the workbook counts dates from 1904 (old Mac Excel): serials are 1,462 days short. */
  readonly date1904: boolean;
  readonly sheets: readonly RawSheet[];
}

/** A cell address as a person reads it: `Participants!F14`, quoting sheet names with spaces. */
export function cellAddress(sheet: string, column: number, row: number): string {
  const name = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${name}!${columnLetter(column)}${row}`;
}
