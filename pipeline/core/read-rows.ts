// Reads the rows of a table sheet below its header row: each cell through the contract's zod
// schema, the row kept when every cell reads (its strings made cheap to keep at 300,000 rows),
// else left out with its reason; repeated IDs reported. Pure: no I/O.
import { type CellInput, type ColumnSpec, readId, ROW_SCHEMAS, SHEETS, type TableSheetName } from '../../templates/contract/index.js';
import type { z } from 'zod';
import { ERROR_CODES } from './issues.js';
import { cellAddress, type RawRow } from './raw.js';
import { cellIssue, cellValue, hasOffset, type ReadContext, Unreadable } from './read-cells.js';
import type { ColumnAt, HeaderRead } from './read-headers.js';

/** A typed row of any table sheet, with its worksheet row number. */
export type AnyRow = Record<string, unknown> & { readonly row: number };

export const REASON_CELL_ERROR = 'with a cell that cannot be read';
export const REASON_DUPLICATE_ID = 'repeating an ID already used';

/** What was read of one table sheet whose header row is usable. */
export interface SheetRead {
  readonly sheet: TableSheetName;
  /** The sheet's name as the workbook spells it, for cell addresses. */
  readonly title: string;
  readonly headerRow: number;
  /** Column number of each contract column present, by column key. */
  readonly columns: ReadonlyMap<string, number>;
  /**
   * Required columns the header row lacks (each reported as missing-header). The rows are still
   * read with the columns that are there, so that one run reports every other problem too; such a
   * sheet never reaches the figures.
   */
  readonly missing: ReadonlySet<string>;
  /** Rows whose every cell could be read, in worksheet order. */
  readonly rows: AnyRow[];
  /** For sheets with a key column: every readable ID and the worksheet row of its first use. */
  readonly ids: Map<string, number>;
  /** Rows left out so far, by reason. */
  readonly dropped: Map<string, number>;
}

/** A kept row's date or date-time text that states its offset: read again once the meeting's time zone is known. */
export interface OffsetValue {
  readonly row: AnyRow;
  readonly key: string;
  readonly spec: ColumnSpec;
  readonly text: string;
}

export function countDropped(map: Map<string, number>, reason: string, by = 1): void {
  map.set(reason, (map.get(reason) ?? 0) + by);
}

/**
 * What a kept row's strings are made to hold on to, at 300,000 rows. A string read from a worksheet
 * may be a slice of the parser's whole chunk of XML, which it keeps alive: 60,000 e-mail addresses
 * kept 30 MB of XML. IDs, dates and times repeat (a few thousand values stand for 300,000 rows), so
 * each row keeps one shared copy; names and e-mails are copied out of their chunk.
 */
// Stryker disable ArrayDeclaration,StringLiteral,MethodExpression,ArrowFunction: which strings are interned or copied changes memory, never a value (intern and detach give back an equal string)
function keptStrings(columns: readonly ColumnAt[]): { intern: string[]; copy: string[] } {
  const intern = ['id', 'date', 'time', 'datetime'];
  const copy = ['name', 'text', 'email', 'countryCode', 'timeZone'];
  return {
    intern: columns.filter((c) => intern.includes(c.spec.kind)).map((c) => c.key),
    copy: columns.filter((c) => copy.includes(c.spec.kind)).map((c) => c.key),
  };
}
// Stryker restore ArrayDeclaration,StringLiteral,MethodExpression,ArrowFunction

/** A copy of a string that shares no memory with the text it was cut from. */
export function detach(value: string): string {
  // Short strings are always copied; a longer one is joined to a space and cut again, which makes
  // the engine write out a fresh string of its own.
  // Stryker disable next-line ConditionalExpression,EqualityOperator: copying a short string, or not copying a long one, gives an equal string
  return value.length < 13 ? value : ` ${value}`.slice(1);
}

/** Shared by every table row: a row is read whole before the next one starts. */
const ROW_UNREADABLE = new Unreadable();

/** Reads the rows of one table sheet, in worksheet order, below its header row. */
export class TableRowsReader {
  readonly read: SheetRead;
  /** The row schema without the columns the header lacks. */
  private readonly schema: z.ZodType<Record<string, unknown>>;
  /** The record each row is read into, reused from row to row. */
  private readonly record: Record<string, CellInput> = {};
  private readonly keep: { intern: string[]; copy: string[] };
  private readonly dateColumns: readonly ColumnAt[];

  constructor(
    private readonly ctx: ReadContext,
    sheet: TableSheetName,
    title: string,
    private readonly header: HeaderRead,
    /** Where kept values that state an offset are noted, to be read in the meeting's zone at the end. */
    private readonly offsets: OffsetValue[],
  ) {
    const columns = new Map(header.columns.map((c) => [c.key, c.col]));
    const missing = new Set(header.missing);
    this.read = { sheet, title, headerRow: header.row, columns, missing, rows: [], ids: new Map(), dropped: new Map() };
    const schema = ROW_SCHEMAS[sheet] as unknown as z.ZodObject<z.ZodRawShape>;
    this.schema = (missing.size === 0 ? schema : schema.omit(Object.fromEntries([...missing].map((k) => [k, true])) as never)) as unknown as z.ZodType<Record<string, unknown>>;
    this.keep = keptStrings(header.columns);
    // Stryker disable next-line MethodExpression: hasOffset checks the column's kind again; the filter only saves work (so does its test made 'true')
    this.dateColumns = header.columns.filter((c) => c.spec.kind === 'date' || c.spec.kind === 'datetime');
  }

  row(raw: RawRow): void {
    const read = this.read;
    const { sheet, title } = read;
    // One record per sheet, refilled for each row: zod copies what it keeps, and at 300,000 rows
    // every object spared is garbage the collector need not chase.
    const record = this.record;
    const unreadable = ROW_UNREADABLE;
    unreadable.clear();
    for (const c of this.header.columns) {
      record[c.key] = cellValue(this.ctx, sheet, title, c, raw.cells[c.col], undefined, raw.row, unreadable);
    }
    const parsed = this.schema.safeParse(record);
    const failed = unreadable.size > 0;
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0]);
        if (unreadable.has(key)) continue;
        // Every issue is on a column the header has: a required column it lacks is left out of the
        // schema, and an optional column it lacks reads as empty, which its reader takes.
        const col = read.columns.get(key)!;
        const spec = (SHEETS[sheet].columns as Record<string, ColumnSpec>)[key]!;
        this.ctx.issues.push(cellIssue(sheet, cellAddress(title, col, raw.row), raw.row, spec, raw.cells[col]?.value, issue));
      }
    }
    // IDs are checked even on rows with other faults, so that a repeated ID is never missed.
    const keyColumn = SHEETS[sheet].key;
    // Equivalent mutant, left unmarked as 'true' on this line is killable: 'false', as a sheet without
    // a key column has no column numbered for undefined either.
    const keyCol = keyColumn === undefined ? undefined : read.columns.get(keyColumn);
    // keyCol is a column number only when the sheet has a key column (keyColumn is then defined).
    if (keyColumn !== undefined && keyCol !== undefined) {
      const id = readId(raw.cells[keyCol]?.value ?? null);
      if (id.ok && id.value !== '' && !unreadable.has(keyColumn)) {
        const first = read.ids.get(id.value);
        if (first === undefined) read.ids.set(id.value, raw.row);
        else {
          const header = SHEETS[sheet].columns[keyColumn as never] as ColumnSpec;
          this.ctx.issues.push({
            severity: 'error', code: ERROR_CODES.duplicateId, sheet, cell: cellAddress(title, keyCol, raw.row), row: raw.row,
            found: JSON.stringify(id.value), expected: `a ${header.header} used by no other row`,
            message: `${header.header} ${JSON.stringify(id.value)} is already used at ${cellAddress(title, keyCol, first)}.`,
          });
          countDropped(read.dropped, REASON_DUPLICATE_ID);
          return;
        }
      }
    }
    if (failed || !parsed.success) {
      countDropped(read.dropped, REASON_CELL_ERROR);
      return;
    }
    const row = parsed.data as Record<string, unknown>;
    // Stryker disable BlockStatement,StringLiteral: interning and copying change memory, not values (so does each typeof test made 'false', left unmarked as 'true' is killable)
    for (const key of this.keep.intern) {
      const v = row[key];
      if (typeof v === 'string') row[key] = this.ctx.intern(v);
    }
    for (const key of this.keep.copy) {
      const v = row[key];
      if (typeof v === 'string') row[key] = detach(v);
    }
    // Stryker restore BlockStatement,StringLiteral
    row.row = raw.row;
    for (const c of this.dateColumns) {
      const text = record[c.key];
      if (hasOffset(c.spec, text)) this.offsets.push({ row: row as AnyRow, key: c.key, spec: c.spec, text: detach(text) });
    }
    read.rows.push(row as AnyRow);
  }
}
