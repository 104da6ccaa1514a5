// Reads one cell of a contract column as the contract's readers take it, and turns what cannot be
// read into an Issue with its cell address, what was found and what was expected: Excel errors,
// formulas whose result was never saved, values the column's reader refuses. Pure: no I/O.
import {
  type CellInput,
  type CellIssueParams,
  type ColumnSpec,
  DATE_1904_OFFSET,
  looksLikeFormula,
  readDate,
  readDateTime,
  readTime,
  type SheetName,
  showValue,
  statesOffset,
} from '../../templates/contract/index.js';
import { ERROR_CODES, type Issue, WARNING_CODES } from './issues.js';
import { cellAddress, type RawCell } from './raw.js';
import type { ColumnAt } from './read-headers.js';

/** What the readers of one workbook share: its issues, its date system, its kept strings. */
export interface ReadContext {
  readonly issues: Issue[];
  readonly date1904: boolean;
  /** One shared copy of a repeated string (IDs, dates), detached from the XML it was cut from. */
  intern(value: string): string;
}

/** The columns of a row holding a cell that cannot be read; allocated only for rows that have one. */
export class Unreadable {
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

const expectedCache = new WeakMap<ColumnSpec, string>();

/** What a column expects, in its own reader's words (asked with a value no reader accepts). */
export function expectedOf(spec: ColumnSpec): string {
  let e = expectedCache.get(spec);
  // Equivalent mutant, left unmarked as its line holds a killable one too: 'true' (always asking the
  // reader again) gives the same words; the cache only saves work.
  if (e === undefined) {
    const r = spec.schema.safeParse(new Date(Number.NaN));
    const params = r.success ? undefined : (r.error.issues[0] as { params?: CellIssueParams } | undefined)?.params;
    e = params?.expected ?? 'a value';
    expectedCache.set(spec, e);
  }
  return e;
}

/**
 * One cell as the contract's readers take it. An Excel error or a formula whose result the file
 * does not hold is reported here (and recorded in `unreadable`); 1904-system serials are moved to
 * the 1900 system; a formula in a name or title is flagged.
 */
export function cellValue(ctx: ReadContext, sheet: SheetName, title: string, c: ColumnAt, cell: RawCell | undefined, address: string | undefined, row: number, unreadable: Unreadable): CellInput {
  if (!cell) return undefined;
  if (cell.error !== undefined) {
    unreadable.add(c.key);
    ctx.issues.push({
      severity: 'error', code: ERROR_CODES.unreadableValue, sheet, cell: address ?? cellAddress(title, c.col, row), row,
      found: cell.error, expected: expectedOf(c.spec),
      message: `${c.spec.header} holds ${cell.error.startsWith('#') ? `the Excel error ${cell.error}` : 'an Excel error value'}${cell.formula !== undefined ? ' from its formula' : ''}.`,
    });
    return undefined;
  }
  if (cell.noResult) {
    unreadable.add(c.key);
    ctx.issues.push({
      severity: 'error', code: ERROR_CODES.formulaWithoutResult, sheet, cell: address ?? cellAddress(title, c.col, row), row,
      found: `=${cell.formula ?? ''} (no saved result)`, expected: expectedOf(c.spec),
      message: `${c.spec.header} holds the formula =${cell.formula ?? ''}, whose result was never saved in the file (the program that wrote it does not calculate formulas): open the workbook in Excel and save it, or type the value instead of the formula.`,
    });
    return undefined;
  }
  let value = cell.value;
  if (ctx.date1904 && typeof value === 'number' && (c.spec.kind === 'date' || c.spec.kind === 'datetime')) value += DATE_1904_OFFSET;
  if (c.spec.kind === 'name' && (cell.formula !== undefined || (typeof value === 'string' && looksLikeFormula(value)))) {
    ctx.issues.push({
      severity: 'warning', code: WARNING_CODES.formulaInText, sheet, cell: address ?? cellAddress(title, c.col, row), row,
      found: cell.formula !== undefined ? `=${cell.formula}` : showValue(value), expected: 'plain text',
      message: cell.formula !== undefined
        ? `${c.spec.header} is computed by a formula; names and titles should be typed in as text.`
        : `${c.spec.header} starts like a formula (= + - @), which a spreadsheet may run when the text is copied elsewhere.`,
    });
  }
  return value;
}

/** Whether a cell's value is a date or date-time text that states its offset from UTC. */
export function hasOffset(spec: ColumnSpec, value: CellInput): value is string {
  // Equivalent mutant, left unmarked as its line holds killable ones too: typeof made 'true', as
  // statesOffset refuses a number's or a Date's text as well (no offset at its end).
  return (spec.kind === 'date' || spec.kind === 'datetime') && typeof value === 'string' && statesOffset(value);
}

/**
 * A date or date-time text that states its offset, read again as wall time in the meeting's time
 * zone (see `readDateTime`); the value read without a zone when that fails.
 */
export function inTimeZone(spec: ColumnSpec, text: string, timeZone: string, fallback: unknown): unknown {
  const r = spec.kind === 'date' ? readDate(text, { timeZone }) : readDateTime(text, { timeZone });
  return r.ok ? r.value : fallback;
}

/**
 * A refused value as a person sees it in Excel: a fraction of a day in a date or date-time column
 * is a time typed without its date (Excel stores 9:40 as 0.4027...), shown as that time.
 */
function shownValue(spec: ColumnSpec, value: CellInput): string {
  // readTime takes only a fraction of a day (0 to under 1) as a time.
  if (typeof value === 'number' && (spec.kind === 'date' || spec.kind === 'datetime')) {
    const time = readTime(value);
    if (time.ok) return `${time.value} (a time of day without its date)`;
  }
  return showValue(value);
}

/** Turns a zod issue on one cell into an Issue with its address, what was found and what was expected. */
export function cellIssue(sheet: SheetName, cell: string | undefined, row: number | undefined, spec: ColumnSpec, value: CellInput, issue: { params?: unknown; message: string }): Issue {
  const params = issue.params as CellIssueParams | undefined;
  const expected = params?.expected ?? issue.message;
  const where = { sheet, ...(cell !== undefined ? { cell } : {}), ...(row !== undefined ? { row } : {}) };
  if (params?.empty) {
    return { severity: 'error', code: ERROR_CODES.emptyRequired, ...where, found: '(empty)', expected, message: `${spec.header} is required but the cell is empty.` };
  }
  if (spec.kind === 'enum' || spec.kind === 'countryCode') {
    return { severity: 'error', code: ERROR_CODES.notAllowed, ...where, found: showValue(value), expected, message: `${spec.header} ${showValue(value)} is not one of the allowed values.` };
  }
  const shown = shownValue(spec, value);
  // What the reader said after its example (`...; day and month cannot be told apart in "..."`) is
  // the reason, kept in the message (all the pane's Check list shows) without repeating the value.
  const [head, ...reasons] = expected.split(';').map((r) => r.trim().replace(/ in ".*"$/, ''));
  const why = reasons.length > 0 ? `: ${reasons.join('; ')}` : '';
  return { severity: 'error', code: ERROR_CODES.unreadableValue, ...where, found: shown, expected, message: `${spec.header} ${shown} cannot be read as ${head}${why}.` };
}
