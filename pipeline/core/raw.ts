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
}

export interface RawRow {
  /** The 1-based worksheet row number. */
  readonly row: number;
  /** Cells by 1-based column number; missing entries are empty cells. */
  readonly cells: readonly (RawCell | undefined)[];
}

export interface RawSheet {
  /** The sheet's name as the workbook spells it. */
  readonly name: string;
  /** The non-empty rows in worksheet order; the first is taken as the header row. */
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
