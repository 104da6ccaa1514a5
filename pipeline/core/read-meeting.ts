// Reads a meeting workbook row by row into typed rows: finds each sheet's header row, matches the
// contract's headers, reads every cell through the contract's zod schemas and reports, with its
// cell address, whatever cannot be read. Incremental (push a sheet, its rows, then finish) so that
// a workbook of 300,000 rows never has to be held as raw cells. Pure: no I/O.
import {
  type CellInput,
  type CellIssueParams,
  type ColumnSpec,
  DATE_1904_OFFSET,
  isEmpty,
  looksLikeFormula,
  MEETING_FIELDS,
  MEETING_HEADERS,
  type MeetingInfo,
  readId,
  ROW_SCHEMAS,
  type SheetName,
  SHEET_ORDER,
  SHEETS,
  showValue,
  type TableSheetName,
} from '../../templates/contract/index.js';
import type { z } from 'zod';
import { ERROR_CODES, type Issue, WARNING_CODES } from './issues.js';
import { cellAddress, type RawCell, type RawRow } from './raw.js';

/** A typed row of any table sheet, with its worksheet row number. */
export type AnyRow = Record<string, unknown> & { readonly row: number };

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

export interface MeetingRead {
  /** The meeting's fields, or null when a required one is missing or unreadable. */
  readonly info: MeetingInfo | null;
  /** The cell address of each field's value, by field key. */
  readonly cells: ReadonlyMap<string, string>;
}

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

export const REASON_CELL_ERROR = 'with a cell that cannot be read';
export const REASON_DUPLICATE_ID = 'repeating an ID already used';

const fold = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();

/** The text of a header cell, or undefined for an empty one. */
function headerText(cell: RawCell | undefined): string | undefined {
  if (!cell || cell.error !== undefined || isEmpty(cell.value)) return undefined;
  const v = cell.value;
  return v instanceof Date ? v.toISOString() : String(v).trim();
}

function isBlank(row: RawRow): boolean {
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

const expectedCache = new WeakMap<ColumnSpec, string>();

/** What a column expects, in its own reader's words (asked with a value no reader accepts). */
function expectedOf(spec: ColumnSpec): string {
  let e = expectedCache.get(spec);
  if (e === undefined) {
    const r = spec.schema.safeParse(new Date(Number.NaN));
    const params = r.success ? undefined : (r.error.issues[0] as { params?: CellIssueParams } | undefined)?.params;
    e = params?.expected ?? 'a value';
    expectedCache.set(spec, e);
  }
  return e;
}

interface ColumnAt {
  readonly key: string;
  readonly col: number;
  readonly spec: ColumnSpec;
}

interface HeaderRead {
  readonly row: number;
  readonly columns: ColumnAt[];
  /** False when the header row cannot be read at all (a header repeated: which column counts?). */
  readonly usable: boolean;
  /** Required columns not found. */
  readonly missing: readonly string[];
}

interface SheetState {
  readonly sheet: SheetName;
  readonly title: string;
  header?: HeaderRead;
  /** The row schema without the columns the header lacks. */
  schema?: z.ZodType<Record<string, unknown>>;
  read?: SheetRead;
  /** Meeting sheet only: the value cell of each field met, by field key. */
  fields?: Map<string, { value: RawCell | undefined; cell: string; row: number }>;
  /** The record each row is read into, reused from row to row. */
  record?: Record<string, CellInput>;
  /** How the text of each kept row is stored, by column key. */
  keep?: { intern: string[]; copy: string[] };
}

/**
 * What a kept row's strings are made to hold on to, at 300,000 rows. A string read from a worksheet
 * may be a slice of the parser's whole chunk of XML, which it keeps alive: 60,000 e-mail addresses
 * kept 30 MB of XML. IDs, dates and times repeat (a few thousand values stand for 300,000 rows), so
 * each row keeps one shared copy; names and e-mails are copied out of their chunk.
 */
function keptStrings(columns: readonly ColumnAt[]): { intern: string[]; copy: string[] } {
  const intern = ['id', 'date', 'time', 'datetime'];
  const copy = ['name', 'text', 'email', 'countryCode', 'timeZone'];
  return {
    intern: columns.filter((c) => intern.includes(c.spec.kind)).map((c) => c.key),
    copy: columns.filter((c) => copy.includes(c.spec.kind)).map((c) => c.key),
  };
}

/** A copy of a string that shares no memory with the text it was cut from. */
function detach(value: string): string {
  // Short strings are always copied; a longer one is joined to a space and cut again, which makes
  // the engine write out a fresh string of its own.
  return value.length < 13 ? value : ` ${value}`.slice(1);
}

/** The columns of a row holding an Excel error; allocated only for rows that have one. */
class Unreadable {
  private keys: Set<string> | undefined;
  add(key: string): void {
    (this.keys ??= new Set()).add(key);
  }
  has(key: string): boolean {
    return this.keys?.has(key) ?? false;
  }
  get size(): number {
    return this.keys?.size ?? 0;
  }
  clear(): void {
    this.keys = undefined;
  }
}
/** Shared by every table row: a row is read whole before the next one starts. */
const ROW_UNREADABLE = new Unreadable();

const SHEET_BY_FOLDED = new Map(SHEET_ORDER.map((s) => [fold(s), s]));

function headersByFolded(columns: Record<string, ColumnSpec>): Map<string, string> {
  return new Map(Object.entries(columns).map(([key, spec]) => [fold(spec.header), key]));
}
const HEADER_KEYS = Object.fromEntries(SHEET_ORDER.map((s) => [s, headersByFolded(SHEETS[s].columns)])) as Record<SheetName, Map<string, string>>;

export class MeetingReader {
  private readonly issues: Issue[] = [];
  private readonly present = new Set<SheetName>();
  private readonly titles: string[] = [];
  private readonly states = new Map<SheetName, SheetState>();
  private current: SheetState | undefined;
  private date1904 = false;
  private readonly strings = new Map<string, string>();

  private intern(value: string): string {
    const known = this.strings.get(value);
    if (known !== undefined) return known;
    const own = detach(value);
    this.strings.set(own, own);
    return own;
  }

  /** Whether the workbook counts dates from 1904; adapters set it before the first row. */
  setDate1904(date1904: boolean): void {
    this.date1904 = date1904;
  }

  /** The contract sheet a worksheet name stands for, if any (names match regardless of case). */
  static sheetFor(name: string): SheetName | undefined {
    return SHEET_BY_FOLDED.get(fold(name));
  }

  /** Starts a worksheet; returns false (and ignores its rows) when the contract has no such sheet. */
  startSheet(title: string): boolean {
    this.titles.push(title);
    const sheet = MeetingReader.sheetFor(title);
    if (sheet !== undefined && this.present.has(sheet)) {
      // Excel forbids two sheets whose names differ only in case, but other tools write them: the
      // second is not read, and says so rather than vanish.
      const first = this.states.get(sheet)!.title;
      this.issues.push({
        severity: 'warning', code: WARNING_CODES.duplicateSheet, sheet: title, found: title, expected: `one sheet named ${sheet}`,
        message: `Sheet '${title}' stands for the same sheet as '${first}' (names are matched regardless of case and spaces); only '${first}' is read, and the rows of '${title}' count nowhere.`,
      });
    }
    if (sheet === undefined || this.present.has(sheet)) {
      this.current = undefined;
      return false;
    }
    this.present.add(sheet);
    this.current = { sheet, title };
    this.states.set(sheet, this.current);
    return true;
  }

  /** Reads one row of the current worksheet; rows must come in worksheet order. */
  row(raw: RawRow): void {
    const s = this.current;
    if (!s || isBlank(raw)) return;
    if (!s.header) {
      this.readHeader(s, raw);
      return;
    }
    if (!s.header.usable) return;
    if (s.sheet === 'Meeting') this.readField(s, raw);
    else this.readRow(s, raw);
  }

  finish(): WorkbookRead {
    this.current = undefined;
    const sheets: Partial<Record<TableSheetName, SheetRead>> = {};
    let meeting: MeetingRead | null = null;
    for (const s of this.states.values()) {
      if (!s.header) {
        // A sheet with no rows at all has no header row either.
        this.headerProblems(s, [], 1);
        continue;
      }
      if (s.sheet === 'Meeting') meeting = s.header.usable ? this.readMeeting(s) : null;
      else if (s.read && s.header.usable) sheets[s.sheet] = s.read;
    }
    return { meeting, sheets, present: this.present, sheetTitles: this.titles, issues: this.issues };
  }

  // ---- header rows ----

  private readHeader(s: SheetState, raw: RawRow): void {
    const found: { text: string; col: number }[] = [];
    raw.cells.forEach((cell, col) => {
      const text = headerText(cell);
      if (text !== undefined) found.push({ text, col });
    });
    s.header = this.headerProblems(s, found, raw.row);
    if (s.header.usable && s.sheet !== 'Meeting') {
      const columns = new Map(s.header.columns.map((c) => [c.key, c.col]));
      const missing = new Set(s.header.missing);
      s.read = { sheet: s.sheet as TableSheetName, title: s.title, headerRow: raw.row, columns, missing, rows: [], ids: new Map(), dropped: new Map() };
      const schema = ROW_SCHEMAS[s.sheet as TableSheetName] as unknown as z.ZodObject<z.ZodRawShape>;
      s.schema = (missing.size === 0 ? schema : schema.omit(Object.fromEntries([...missing].map((k) => [k, true])) as never)) as unknown as z.ZodType<Record<string, unknown>>;
    }
    if (s.sheet === 'Meeting') s.fields = new Map();
  }

  /** Matches a header row against the contract and reports what is missing or repeated. */
  private headerProblems(s: SheetState, found: { text: string; col: number }[], row: number): HeaderRead {
    const isMeeting = s.sheet === 'Meeting';
    const wanted: Record<string, { header: string; required: boolean; spec?: ColumnSpec }> = isMeeting
      ? { field: { header: MEETING_HEADERS.field, required: true }, value: { header: MEETING_HEADERS.value, required: true } }
      : Object.fromEntries(Object.entries(SHEETS[s.sheet].columns as Record<string, ColumnSpec>).map(([k, spec]) => [k, { header: spec.header, required: spec.required, spec }]));
    const byFolded = new Map(Object.entries(wanted).map(([k, w]) => [fold(w.header), k]));
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
        this.issues.push({
          severity: 'error', code: ERROR_CODES.duplicateHeader, sheet: s.sheet, cell: cellAddress(s.title, f.col, row), row,
          found: JSON.stringify(f.text), expected: `the header "${wanted[key]!.header}" once`,
          message: `The header "${wanted[key]!.header}" appears twice (also at ${cellAddress(s.title, first, row)}), so it is unclear which column to read.`,
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
      this.issues.push({
        severity: 'error', code: ERROR_CODES.missingHeader, sheet: s.sheet,
        ...(near ? { cell: cellAddress(s.title, near.col, row) } : {}), row,
        found: near ? JSON.stringify(near.text) : foundList,
        expected: `a column headed "${w.header}"`,
        message: near
          ? `The ${s.sheet} sheet has no column headed "${w.header}"; "${near.text}" looks like a misspelling of it (headers found: ${foundList}).`
          : `The ${s.sheet} sheet has no column headed "${w.header}" (headers found: ${foundList}).`,
      });
    }
    return { row, columns, usable: usable && columns.length > 0, missing };
  }

  // ---- the Meeting sheet: one field per row ----

  private readField(s: SheetState, raw: RawRow): void {
    const fieldCol = s.header!.columns.find((c) => c.key === 'field')!.col;
    const valueCol = s.header!.columns.find((c) => c.key === 'value')!.col;
    const name = headerText(raw.cells[fieldCol]);
    if (name === undefined) return;
    const key = HEADER_KEYS.Meeting.get(fold(name));
    if (key === undefined) return; // fields the contract does not know are carried along, unread
    const cell = cellAddress(s.title, valueCol, raw.row);
    const first = s.fields!.get(key);
    if (first) {
      this.issues.push({
        severity: 'error', code: ERROR_CODES.duplicateHeader, sheet: 'Meeting', cell: cellAddress(s.title, fieldCol, raw.row), row: raw.row,
        found: JSON.stringify(name), expected: `the field "${MEETING_FIELDS[key as keyof typeof MEETING_FIELDS].header}" once`,
        message: `The field "${name}" appears twice (first at ${first.cell}); only the first is read.`,
      });
      return;
    }
    s.fields!.set(key, { value: raw.cells[valueCol], cell, row: raw.row });
  }

  private readMeeting(s: SheetState): MeetingRead {
    const cells = new Map<string, string>();
    const record: Record<string, CellInput> = {};
    const unreadable = new Unreadable();
    const fieldsFound = [...s.fields!.keys()].map((k) => `"${MEETING_FIELDS[k as keyof typeof MEETING_FIELDS].header}"`).join(', ') || '(no fields)';
    let ok = true;
    for (const [key, spec] of Object.entries(MEETING_FIELDS) as [string, ColumnSpec][]) {
      const field = s.fields!.get(key);
      if (!field) {
        if (spec.required) {
          ok = false;
          unreadable.add(key);
          this.issues.push({
            severity: 'error', code: ERROR_CODES.missingHeader, sheet: 'Meeting',
            found: fieldsFound, expected: `a row whose Field is "${spec.header}"`,
            message: `The Meeting sheet has no "${spec.header}" field.`,
          });
        }
        continue;
      }
      cells.set(key, field.cell);
      const value = this.cellValue(s, { key, col: 0, spec }, field.value, field.cell, field.row, unreadable);
      record[key] = value;
    }
    const parsed = ROW_SCHEMAS.Meeting.safeParse(record);
    if (!parsed.success) {
      ok = false;
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0]);
        if (unreadable.has(key)) continue;
        const field = s.fields!.get(key);
        const spec = MEETING_FIELDS[key as keyof typeof MEETING_FIELDS] as ColumnSpec;
        this.issues.push(cellIssue('Meeting', field?.cell, field?.row, spec, field?.value?.value, issue));
      }
    }
    if (unreadable.size > 0) ok = false;
    return { info: ok && parsed.success ? parsed.data : null, cells };
  }

  // ---- table rows ----

  private readRow(s: SheetState, raw: RawRow): void {
    const read = s.read!;
    // One record per sheet, refilled for each row: zod copies what it keeps, and at 300,000 rows
    // every object spared is garbage the collector need not chase.
    const record = (s.record ??= {});
    const unreadable = ROW_UNREADABLE;
    unreadable.clear();
    for (const c of s.header!.columns) {
      record[c.key] = this.cellValue(s, c, raw.cells[c.col], undefined, raw.row, unreadable);
    }
    const parsed = s.schema!.safeParse(record);
    let failed = unreadable.size > 0;
    if (!parsed.success) {
      failed = true;
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0]);
        if (unreadable.has(key)) continue;
        const col = read.columns.get(key);
        const spec = (SHEETS[read.sheet].columns as Record<string, ColumnSpec>)[key]!;
        const address = col === undefined ? undefined : cellAddress(s.title, col, raw.row);
        this.issues.push(cellIssue(read.sheet, address, raw.row, spec, col === undefined ? undefined : raw.cells[col]?.value, issue));
      }
    }
    // IDs are checked even on rows with other faults, so that a repeated ID is never missed.
    const keyColumn = SHEETS[read.sheet].key;
    const keyCol = keyColumn === undefined ? undefined : read.columns.get(keyColumn);
    if (keyColumn !== undefined && keyCol !== undefined) {
      const col = keyCol;
      const id = readId(raw.cells[col]?.value ?? null);
      if (id.ok && id.value !== '' && !unreadable.has(keyColumn)) {
        const first = read.ids.get(id.value);
        if (first === undefined) read.ids.set(id.value, raw.row);
        else {
          const header = SHEETS[read.sheet].columns[keyColumn as never] as ColumnSpec;
          this.issues.push({
            severity: 'error', code: ERROR_CODES.duplicateId, sheet: read.sheet, cell: cellAddress(s.title, col, raw.row), row: raw.row,
            found: JSON.stringify(id.value), expected: `a ${header.header} used by no other row`,
            message: `${header.header} ${JSON.stringify(id.value)} is already used at ${cellAddress(s.title, col, first)}.`,
          });
          bump(read.dropped, REASON_DUPLICATE_ID);
          return;
        }
      }
    }
    if (failed || !parsed.success) {
      bump(read.dropped, REASON_CELL_ERROR);
      return;
    }
    const row = parsed.data as Record<string, unknown>;
    const keep = (s.keep ??= keptStrings(s.header!.columns));
    for (const key of keep.intern) {
      const v = row[key];
      if (typeof v === 'string') row[key] = this.intern(v);
    }
    for (const key of keep.copy) {
      const v = row[key];
      if (typeof v === 'string') row[key] = detach(v);
    }
    row.row = raw.row;
    read.rows.push(row as AnyRow);
  }

  /**
   * One cell as the contract's readers take it: an Excel error is reported here (and recorded in
   * `unreadable`), 1904-system serials are moved to the 1900 system, and a formula in a name or
   * title is flagged.
   */
  private cellValue(s: SheetState, c: ColumnAt, cell: RawCell | undefined, address: string | undefined, row: number, unreadable: Unreadable): CellInput {
    if (!cell) return undefined;
    if (cell.error !== undefined) {
      unreadable.add(c.key);
      this.issues.push({
        severity: 'error', code: ERROR_CODES.unreadableValue, sheet: s.sheet, cell: address ?? cellAddress(s.title, c.col, row), row,
        found: cell.error, expected: expectedOf(c.spec),
        message: `${c.spec.header} holds ${cell.error.startsWith('#') ? `the Excel error ${cell.error}` : 'an Excel error value'}${cell.formula !== undefined ? ' from its formula' : ''}.`,
      });
      return undefined;
    }
    let value = cell.value;
    if (this.date1904 && typeof value === 'number' && (c.spec.kind === 'date' || c.spec.kind === 'datetime')) value += DATE_1904_OFFSET;
    if (c.spec.kind === 'name' && (cell.formula !== undefined || (typeof value === 'string' && looksLikeFormula(value)))) {
      this.issues.push({
        severity: 'warning', code: WARNING_CODES.formulaInText, sheet: s.sheet, cell: address ?? cellAddress(s.title, c.col, row), row,
        found: cell.formula !== undefined ? `=${cell.formula}` : showValue(value), expected: 'plain text',
        message: cell.formula !== undefined
          ? `${c.spec.header} is computed by a formula; names and titles should be typed in as text.`
          : `${c.spec.header} starts like a formula (= + - @), which a spreadsheet may run when the text is copied elsewhere.`,
      });
    }
    return value;
  }
}

function bump(map: Map<string, number>, reason: string, by = 1): void {
  map.set(reason, (map.get(reason) ?? 0) + by);
}

/** Turns a zod issue on one cell into an Issue with its address, what was found and what was expected. */
function cellIssue(sheet: SheetName, cell: string | undefined, row: number | undefined, spec: ColumnSpec, value: CellInput, issue: { params?: unknown; message: string }): Issue {
  const params = issue.params as CellIssueParams | undefined;
  const expected = params?.expected ?? issue.message;
  const where = { sheet, ...(cell !== undefined ? { cell } : {}), ...(row !== undefined ? { row } : {}) };
  if (params?.empty) {
    return { severity: 'error', code: ERROR_CODES.emptyRequired, ...where, found: '(empty)', expected, message: `${spec.header} is required but the cell is empty.` };
  }
  if (spec.kind === 'enum' || spec.kind === 'countryCode') {
    return { severity: 'error', code: ERROR_CODES.notAllowed, ...where, found: showValue(value), expected, message: `${spec.header} ${showValue(value)} is not one of the allowed values.` };
  }
  return { severity: 'error', code: ERROR_CODES.unreadableValue, ...where, found: showValue(value), expected, message: `${spec.header} ${showValue(value)} cannot be read as ${expected.split(';')[0]}.` };
}

export { bump as countDropped };
