// Reads a meeting workbook row by row into typed rows: each worksheet matched to its contract sheet,
// its header row found (read-headers.ts), then its rows read as table rows (read-rows.ts) or as the
// Meeting sheet's fields (read-meeting-fields.ts), every cell through the contract's schemas and every
// problem reported with its cell address. Incremental (push a sheet, its tables, its rows, then
// finish) so that a workbook of 300,000 rows never has to be held as raw cells. Pure: no I/O.
import { type SheetName, SHEET_ORDER, type TableSheetName } from '../../templates/contract/index.js';
import { type Issue, WARNING_CODES } from './issues.js';
import type { RawRow, RawTable } from './raw.js';
import { inTimeZone, type ReadContext } from './read-cells.js';
import { contractTable, fold, HEADER_SEARCH_ROWS, headerCells, type HeaderRead, holdsHeaders, isBlank, matchHeaders } from './read-headers.js';
import { MeetingFieldsReader, type MeetingRead } from './read-meeting-fields.js';
import { detach, type OffsetValue, type SheetRead, TableRowsReader } from './read-rows.js';

export { editDistance, HEADER_SEARCH_ROWS } from './read-headers.js';
export type { MeetingRead } from './read-meeting-fields.js';
export { type AnyRow, countDropped, REASON_CELL_ERROR, REASON_DUPLICATE_ID, type SheetRead } from './read-rows.js';

export interface WorkbookRead {
  readonly meeting: MeetingRead | null;
  /** Table sheets present with a usable header row (some perhaps lacking required columns: `missing`). */
  readonly sheets: Partial<Record<TableSheetName, SheetRead>>;
  /** Contract sheets present in the workbook (usable or not), by contract name. */
  readonly present: ReadonlySet<SheetName>;
  /** Every worksheet's name as the workbook spells it, in order, contract or not. */
  readonly sheetTitles: readonly string[];
  readonly issues: Issue[];
}

interface SheetState {
  readonly sheet: SheetName;
  readonly title: string;
  /** The Excel table that holds the contract sheet's rows, when the sheet has one: its range decides the header row. */
  table?: RawTable;
  /**
   * True while `table` is the sheet's only table but not named as the contract's: it is taken when
   * its header row holds the sheet's headers, else passed over (a legend beside a plain range).
   */
  tableUnsure?: boolean;
  /** Rows met while the header row is searched for (at most HEADER_SEARCH_ROWS). */
  pending: RawRow[];
  header?: HeaderRead;
  rows?: TableRowsReader;
  fields?: MeetingFieldsReader;
}

const SHEET_BY_FOLDED = new Map(SHEET_ORDER.map((s) => [fold(s), s]));

export class MeetingReader {
  private readonly issues: Issue[] = [];
  private readonly present = new Set<SheetName>();
  private readonly titles: string[] = [];
  private readonly states = new Map<SheetName, SheetState>();
  private readonly offsets: OffsetValue[] = [];
  private current: SheetState | undefined;
  private readonly strings = new Map<string, string>();
  private readonly ctx: ReadContext & { date1904: boolean } = {
    issues: this.issues,
    date1904: false,
    intern: (value) => {
      const known = this.strings.get(value);
      // Equivalent mutant, left unmarked as 'true' on this line is killable: 'false' (copying a string
      // already known afresh) gives an equal string.
      if (known !== undefined) return known;
      const own = detach(value);
      this.strings.set(own, own);
      return own;
    },
  };

  /** Whether the workbook counts dates from 1904; adapters set it before the first row. */
  setDate1904(date1904: boolean): void {
    this.ctx.date1904 = date1904;
  }

  /** The contract sheet a worksheet name stands for, if any (names match regardless of case). */
  static sheetFor(name: string): SheetName | undefined {
    return SHEET_BY_FOLDED.get(fold(name));
  }

  /** Starts a worksheet; returns false (and ignores its rows) when the contract has no such sheet. */
  startSheet(title: string): boolean {
    this.settle(this.current);
    this.titles.push(title);
    const sheet = MeetingReader.sheetFor(title);
    if (sheet === undefined) {
      this.current = undefined;
      return false;
    }
    if (this.present.has(sheet)) {
      // Excel forbids two sheets whose names differ only in case, but other tools write them: the
      // second is not read, and says so rather than vanish.
      const first = this.states.get(sheet)!.title;
      this.issues.push({
        severity: 'warning', code: WARNING_CODES.duplicateSheet, sheet: title, found: title, expected: `one sheet named ${sheet}`,
        message: `Sheet '${title}' stands for the same sheet as '${first}' (names are matched regardless of case and spaces); only '${first}' is read, and the rows of '${title}' count nowhere.`,
      });
      this.current = undefined;
      return false;
    }
    this.present.add(sheet);
    this.current = { sheet, title, pending: [] };
    this.states.set(sheet, this.current);
    return true;
  }

  /**
   * The Excel tables of the worksheet just started, before its first row. When one of them is the
   * contract's table (see `contractTable`), its range's first row is the header row, its columns
   * bound the header, and its totals row is not read.
   */
  tables(tables: readonly RawTable[]): void {
    const s = this.current;
    if (!s || s.header) return;
    const found = contractTable(s.sheet, tables);
    s.table = found?.table;
    s.tableUnsure = found !== undefined && !found.named;
  }

  /**
   * Reads one row of the current worksheet; rows must come in worksheet order. Without the
   * contract's Excel table, the header row is the first row, among the first HEADER_SEARCH_ROWS
   * rows holding anything, that holds at least two of the sheet's headers (rows above it, such as a
   * title, are passed over); when none does, the first row holding anything is taken, as a sheet
   * whose headers are all misspelt still has its header row.
   */
  row(raw: RawRow): void {
    const s = this.current;
    if (!s || isBlank(raw)) return;
    if (s.header) {
      if (s.table && s.table.totalsRowCount > 0 && raw.row === s.table.lastRow) return;
      this.belowHeader(s, raw);
      return;
    }
    if (s.table) {
      if (s.tableUnsure) this.unsureTableRow(s, s.table, raw);
      else if (raw.row >= s.table.firstRow) this.startRows(s, raw);
      return;
    }
    this.search(s, raw);
  }

  /** A row met while the header is searched for, without a table that decides it. */
  private search(s: SheetState, raw: RawRow): void {
    if (holdsHeaders(s.sheet, raw)) {
      // Stryker disable next-line ArrayDeclaration: rows met before the header are never read again once it is found; this only frees them
      s.pending = [];
      this.startRows(s, raw);
      return;
    }
    s.pending.push(raw);
    if (s.pending.length >= HEADER_SEARCH_ROWS) this.settle(s);
  }

  finish(): WorkbookRead {
    this.settle(this.current);
    this.current = undefined;
    const sheets: Partial<Record<TableSheetName, SheetRead>> = {};
    let meeting: MeetingRead | null = null;
    let timeZone: string | undefined;
    for (const s of this.states.values()) {
      if (!s.header) {
        // A sheet with no rows at all has no header row either.
        matchHeaders(s.sheet, s.title, [], 1, this.issues);
        continue;
      }
      if (s.sheet === 'Meeting') {
        meeting = s.fields ? s.fields.finish() : null;
        timeZone = s.fields?.timeZone();
      } else if (s.rows) sheets[s.sheet] = s.rows.read;
    }
    // Values that state their offset from UTC, read as wall time in the meeting's time zone now
    // that it is known (the Meeting sheet may come after the others). Without a Meeting sheet they
    // keep the wall time they were written with.
    // Equivalent mutant, left unmarked as 'false' on this line is killable: 'true', as read without a
    // time zone such a value is its written wall time, which the row already holds.
    if (timeZone !== undefined) {
      for (const o of this.offsets) {
        const v = inTimeZone(o.spec, o.text, timeZone, o.row[o.key]);
        // Stryker disable next-line ConditionalExpression,EqualityOperator,StringLiteral: v is always a string here (read, or the row's string); interning changes memory, not values
        (o.row as Record<string, unknown>)[o.key] = typeof v === 'string' ? this.ctx.intern(v) : v;
      }
    }
    return { meeting, sheets, present: this.present, sheetTitles: this.titles, issues: this.issues };
  }

  /**
   * A row of a sheet whose only table is not named as the contract's. At the table's header row:
   * the table is taken if that row holds the sheet's headers, else passed over and the rows met so
   * far searched as on a sheet without tables. Rows above it wait (the first HEADER_SEARCH_ROWS of
   * them: no more are searched on a sheet without tables); as soon as one of those holds the
   * headers and the search would have stopped, the table is passed over.
   */
  private unsureTableRow(s: SheetState, table: RawTable, raw: RawRow): void {
    if (raw.row >= table.firstRow) {
      if (holdsHeaders(s.sheet, raw, table)) {
        // Stryker disable next-line ArrayDeclaration,BooleanLiteral: once the header is found neither the rows met nor tableUnsure is read again
        s.pending = [];
        // Stryker disable next-line BooleanLiteral: as above
        s.tableUnsure = false;
        this.startRows(s, raw);
        return;
      }
      this.passOverTable(s);
      if (s.header) this.belowHeader(s, raw);
      else this.search(s, raw);
      return;
    }
    if (s.pending.length < HEADER_SEARCH_ROWS) s.pending.push(raw);
    if (s.pending.length >= HEADER_SEARCH_ROWS && s.pending.some((r) => holdsHeaders(s.sheet, r))) this.passOverTable(s);
  }

  /** Reads the sheet as if it had no table: the rows met so far searched for the header again. */
  private passOverTable(s: SheetState): void {
    s.table = undefined;
    // Setting tableUnsure to true here would make settle pass over the table again and again (a stack overflow): not equivalent, so not marked.
    s.tableUnsure = false;
    const met = s.pending;
    s.pending = [];
    for (const raw of met) {
      if (s.header) this.belowHeader(s, raw);
      else this.search(s, raw);
    }
  }

  /** Ends the header search of a sheet whose header row was not found: its first row is taken. */
  private settle(s: SheetState | undefined): void {
    if (s && !s.header && s.tableUnsure) this.passOverTable(s);
    if (!s || s.header || s.pending.length === 0) return;
    const [first, ...rest] = s.pending;
    // Stryker disable next-line ArrayDeclaration: the header is set below, after which the rows met are never read again; this only frees them
    s.pending = [];
    this.startRows(s, first!, true);
    for (const raw of rest) this.belowHeader(s, raw);
  }

  /** Reads `raw` as the header row; `guessed` when the search gave up and took the first row. */
  private startRows(s: SheetState, raw: RawRow, guessed = false): void {
    s.header = matchHeaders(s.sheet, s.title, headerCells(raw, s.table), raw.row, this.issues, guessed);
    if (!s.header.usable) return;
    if (s.sheet === 'Meeting') s.fields = new MeetingFieldsReader(this.ctx, s.title, s.header);
    else s.rows = new TableRowsReader(this.ctx, s.sheet, s.title, s.header, this.offsets);
  }

  private belowHeader(s: SheetState, raw: RawRow): void {
    if (s.fields) s.fields.row(raw);
    else s.rows?.row(raw);
  }
}

