// Finds and reads a sheet's header row: where it is (the Excel table's range when the sheet has
// the contract's table, else the first row among the first rows that holds the contract's headers),
// which contract column each header stands for, and what is missing, repeated or misspelt.
// Pure: no I/O.
import { type ColumnSpec, isEmpty, MEETING_HEADERS, type SheetName, SHEETS } from '../../templates/contract/index.js';
import { ERROR_CODES, type Issue } from './issues.js';
import { cellAddress, type RawCell, type RawRow, type RawTable } from './raw.js';

/**
 * How many rows holding anything are searched for the header row when the sheet has no Excel table
 * of the contract's: title rows and notes above a table are common, twenty of them are not.
 */
export const HEADER_SEARCH_ROWS = 20;

/** Headers are matched whatever their case and surrounding or repeated spaces. */
export const fold = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();

/** The text of a header cell, or undefined for an empty one. */
export function headerText(cell: RawCell | undefined): string | undefined {
  if (!cell || cell.error !== undefined || isEmpty(cell.value)) return undefined;
  const v = cell.value;
  return v instanceof Date ? v.toISOString() : String(v).trim();
}

export function isBlank(row: RawRow): boolean {
  for (const cell of row.cells) {
    if (cell && (cell.error !== undefined || !isEmpty(cell.value))) return false;
  }
  return true;
}

/** Letters edit distance, to point at the header a person probably misspelt. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

/** A contract column found in the header row. */
export interface ColumnAt {
  readonly key: string;
  readonly col: number;
  readonly spec: ColumnSpec;
}

export interface HeaderRead {
  readonly row: number;
  readonly columns: ColumnAt[];
  /** False when the header row cannot be read at all (a header repeated: which column counts?). */
  readonly usable: boolean;
  /** Required columns not found. */
  readonly missing: readonly string[];
}

interface Wanted {
  readonly header: string;
  readonly required: boolean;
  readonly spec?: ColumnSpec;
}

/** The headers a sheet's header row may hold, by column key (the Meeting sheet: Field and Value). */
function wantedHeaders(sheet: SheetName): Record<string, Wanted> {
  return sheet === 'Meeting'
    ? { field: { header: MEETING_HEADERS.field, required: true }, value: { header: MEETING_HEADERS.value, required: true } }
    : Object.fromEntries(Object.entries(SHEETS[sheet].columns as Record<string, ColumnSpec>).map(([k, spec]) => [k, { header: spec.header, required: spec.required, spec }]));
}
/** The sheet's headers, and the column key of each header folded (built afresh: a few per sheet read). */
function wantedOf(sheet: SheetName): { wanted: Record<string, Wanted>; byFolded: Map<string, string> } {
  const wanted = wantedHeaders(sheet);
  return { wanted, byFolded: new Map(Object.entries(wanted).map(([k, h]) => [fold(h.header), k])) };
}

/**
 * Whether a row holds the sheet's headers: at least two of them (every contract sheet has at least
 * two required columns, and a title row rarely names two columns).
 */
export function holdsHeaders(sheet: SheetName, raw: RawRow, within?: RawTable): boolean {
  const { byFolded } = wantedOf(sheet);
  const seen = new Set<string>();
  // Equivalent mutant, left unmarked as its line holds killable ones too: '<=' on the length, as one
  // column past the end is an empty cell, which is passed over.
  for (let col = within?.firstColumn ?? 0; col < raw.cells.length && col <= (within?.lastColumn ?? Infinity); col++) {
    const text = headerText(raw.cells[col]);
    if (text === undefined) continue;
    const key = byFolded.get(fold(text));
    if (key !== undefined) seen.add(key);
    if (seen.size >= 2) return true;
  }
  return false;
}

/**
 * The Excel table that holds a contract sheet's rows, among a worksheet's tables: the one named as
 * the contract names it (`Participants`, `MeetingFields`) or as the sheet (`named`), else the only
 * one (`named` false: the caller takes it only if its header row holds the sheet's headers, as a
 * legend or lookup table beside a plain range is not the sheet's rows). Undefined when there is
 * none, or several and none so named, or it is shown without its header row: the header row is
 * then searched for.
 */
export function contractTable(sheet: SheetName, tables: readonly RawTable[]): { table: RawTable; named: boolean } | undefined {
  // The worksheet's own title needs no place here: it folds to the sheet's name (MeetingReader.sheetFor).
  const names = new Set([fold(SHEETS[sheet].table), fold(sheet)]);
  const byName = tables.find((t) => names.has(fold(t.name)));
  const table = byName ?? (tables.length === 1 ? tables[0] : undefined);
  return table && table.headerRowCount > 0 ? { table, named: byName !== undefined } : undefined;
}

/** The header cells of a row, as text, left to right; within `table`'s columns when one is given. */
export function headerCells(raw: RawRow, table: RawTable | undefined): { text: string; col: number }[] {
  const found: { text: string; col: number }[] = [];
  raw.cells.forEach((cell, col) => {
    if (table && (col < table.firstColumn || col > table.lastColumn)) return;
    const text = headerText(cell);
    if (text !== undefined) found.push({ text, col });
  });
  return found;
}

/**
 * Matches a header row against the contract and reports, into `issues`, what is missing or
 * repeated; `title` is the sheet's name as the workbook spells it, for cell addresses. `guessed`
 * when no row of the search held the headers and `row` was taken as the first one holding
 * anything: a missing header then says so, as the real header row may lie further down.
 */
export function matchHeaders(sheet: SheetName, title: string, found: { text: string; col: number }[], row: number, issues: Issue[], guessed = false): HeaderRead {
  const isMeeting = sheet === 'Meeting';
  const { wanted, byFolded } = wantedOf(sheet);
  const columns: ColumnAt[] = [];
  const matched = new Map<string, number>();
  const unmatched: { text: string; col: number }[] = [];
  let usable = true;
  for (const f of found) {
    const key = byFolded.get(fold(f.text));
    if (key === undefined) {
      unmatched.push(f);
      continue;
    }
    const first = matched.get(key);
    if (first !== undefined) {
      usable = false;
      issues.push({
        severity: 'error', code: ERROR_CODES.duplicateHeader, sheet, cell: cellAddress(title, f.col, row), row,
        found: JSON.stringify(f.text), expected: `the header "${wanted[key]!.header}" once`,
        message: `The header "${wanted[key]!.header}" appears twice (also at ${cellAddress(title, first, row)}), so it is unclear which column to read.`,
      });
      continue;
    }
    matched.set(key, f.col);
    columns.push({ key, col: f.col, spec: wanted[key]!.spec! });
  }
  const foundList = found.length === 0 ? '(no headers)' : found.map((f) => JSON.stringify(f.text)).join(', ');
  const missing: string[] = [];
  for (const [key, w] of Object.entries(wanted)) {
    if (!w.required || matched.has(key)) continue;
    // The Meeting sheet cannot be read without both of its columns; a table sheet is read with
    // the columns it has.
    if (isMeeting) usable = false;
    missing.push(key);
    // Point at the header that was probably meant, when one is close enough to be a typo.
    const target = fold(w.header);
    const near = unmatched
      .map((u) => ({ ...u, d: editDistance(fold(u.text), target) }))
      .filter((u) => u.d <= Math.max(2, Math.floor(target.length / 4)))
      .sort((a, b) => a.d - b.d)[0];
    const why = guessed ? `; none of its first ${HEADER_SEARCH_ROWS} rows holding anything holds two of its headers, so row ${row} was taken as the header row` : '';
    issues.push({
      severity: 'error', code: ERROR_CODES.missingHeader, sheet,
      ...(near ? { cell: cellAddress(title, near.col, row) } : {}), row,
      found: near ? JSON.stringify(near.text) : foundList,
      expected: `a column headed "${w.header}"`,
      message: near
        ? `The ${sheet} sheet has no column headed "${w.header}"; "${near.text}" looks like a misspelling of it (headers found: ${foundList})${why}.`
        : `The ${sheet} sheet has no column headed "${w.header}" (headers found: ${foundList})${why}.`,
    });
  }
  return { row, columns, usable: usable && columns.length > 0, missing };
}
