// What a validation rule is (a name, the sheets it judges, a function over the workbook being
// validated) and the small helpers every rule uses: cell addresses, kept IDs, leaving rows out. Pure.
import { type ColumnSpec, type MeetingInfo, SHEETS, type SheetName, type TableSheetName } from '../../../templates/contract/index.js';
import type { Issue } from '../issues.js';
import { type AnyRow, cellAddress, countDropped, type SheetRead, type WorkbookRead } from './read.js';

/**
 * The workbook as the rules see it while they run: copies of every table sheet's kept rows (a rule
 * that leaves rows out changes them, so later rules see only the rows still in), the meeting's
 * fields, and the issues found so far, to which rules add theirs.
 */
export interface RuleContext {
  /** What the reader read, untouched (sheet titles, sheets present, the Meeting sheet's cells). */
  readonly read: WorkbookRead;
  /** Table sheets with a usable header row; rows left out by earlier rules are gone from `rows`. */
  readonly sheets: Partial<Record<TableSheetName, SheetRead>>;
  /** The meeting's fields, or null when the Meeting sheet is missing or unreadable. */
  readonly meeting: MeetingInfo | null;
  readonly issues: Issue[];
  /**
   * Bookkeeping of leaveOut: per sheet, each reason rows were left out for and the position (in the
   * reader's rows) of the first such row, so that reasons are listed in row order, as one pass over
   * the rows would find them.
   */
  readonly reasonsAt: Map<TableSheetName, Map<string, number>>;
}

/** One rule of the validator, in a module of its own under pipeline/core/rules/. */
export interface Rule {
  /** The rule's name: its module's name, and in most cases the code of the issue it reports. */
  readonly name: string;
  /** The sheets whose rows it judges: the add-in's forms run the rules of the sheet they edit. */
  readonly sheets: readonly SheetName[];
  /** Adds the rule's issues to `ctx.issues` and leaves out (with leaveOut) the rows it rejects. */
  readonly apply: (ctx: RuleContext) => void;
}

/** The contract's header of a column, such as `Delegation ID`. */
export function header(sheet: TableSheetName, key: string): string {
  return ((SHEETS[sheet].columns as Record<string, ColumnSpec>)[key]!).header;
}

/** The address of a row's cell in a column, such as `Participants!J7` (the first column read when that one is absent). */
export function at(s: SheetRead, key: string, row: number): string {
  const col = s.columns.get(key) ?? s.columns.values().next().value ?? 1;
  return cellAddress(s.title, col, row);
}

/** Whether the sheet's header has every one of these columns (a required one may be missing). */
export function has(s: SheetRead | undefined, ...keys: string[]): s is SheetRead {
  return s !== undefined && keys.every((k) => s.columns.has(k));
}

/** The values of a column over the rows still in; undefined when they cannot be known (the column is absent). */
export function keptValues(s: SheetRead | undefined, column: string): Set<string> | undefined {
  if (!has(s, column)) return undefined;
  return new Set(s.rows.map((r) => r[column] as string));
}

/**
 * Keeps the rows of a sheet for which `keep` returns true and leaves out the others, counting
 * each under the reason `keep` returned (such as "referring to an unknown session"). Does nothing
 * for an absent sheet.
 */
export function leaveOut(ctx: RuleContext, sheet: TableSheetName, keep: (r: AnyRow) => true | string): void {
  const s = ctx.sheets[sheet];
  if (!s) return;
  let firsts = ctx.reasonsAt.get(sheet);
  if (!firsts) ctx.reasonsAt.set(sheet, (firsts = new Map()));
  // The rules' sheets are copies of the reader's, holding the same row objects.
  const position = new Map(ctx.read.sheets[sheet]!.rows.map((r, i) => [r, i]));
  const kept: AnyRow[] = [];
  for (const r of s.rows) {
    const verdict = keep(r);
    if (verdict === true) kept.push(r);
    else {
      countDropped(s.dropped, verdict);
      const at = position.get(r)!;
      firsts.set(verdict, Math.min(firsts.get(verdict) ?? at, at));
    }
  }
  s.rows.length = 0;
  for (const r of kept) s.rows.push(r);
}

/** The meeting's days, from its start to its end date (ISO), or undefined when unknown or reversed. */
export function meetingDays(meeting: MeetingInfo | null): { start: string; end: string } | undefined {
  if (!meeting || meeting.startDate > meeting.endDate) return undefined;
  return { start: meeting.startDate, end: meeting.endDate };
}
