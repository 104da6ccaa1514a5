// Writes rows into the open workbook: appends below a table (the co-authoring-safe way, never
// TableRowCollection.add) and checks the table took them; changes rows found by their ID inside the
// same action; selects a cell. No write here uses a row number from an earlier read. Fixed syncs.
import type { CellInput } from '../../../templates/contract/index.js';
import { type ColumnSpec, fold, looksLikeFormula, SHEETS, TABLE_SHEETS } from '../../../templates/contract/index.js';
import { columnLetter } from '../../../templates/contract/layout.js';
import { REQUEST_BUDGET_BYTES, splitIntoRequests } from './request-size.js';

/** A row to append, keyed by the header it belongs under (matched as the validator does: case and spaces forgiven). */
export type RowRecord = Readonly<Record<string, CellInput>>;

/**
 * A value as Excel should store it. Text that a spreadsheet would evaluate (`=HYPERLINK(...)` in a
 * registration export) gets Excel's leading apostrophe, so it is stored and shown as the text it is.
 * So does text that itself starts with an apostrophe (the Dutch name 't Hooft): Excel takes a first
 * apostrophe as its text prefix and drops it, so only a second one keeps the first.
 */
export function cellValue(v: CellInput): string | number | boolean {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'string' && (looksLikeFormula(v) || v.startsWith("'"))) return `'${v}`;
  return v;
}

/** Column kinds whose text Excel is meant to read (dates, times, numbers): written as they are. */
const TYPED_KINDS = new Set(['date', 'datetime', 'time', 'integer', 'number']);
/** The contract's headers (folded) of text columns: IDs, names, free text, choices, codes. */
const TEXT_HEADERS: ReadonlySet<string> = (() => {
  const text = new Set<string>();
  const typed = new Set<string>();
  for (const sheet of TABLE_SHEETS) {
    for (const c of Object.values(SHEETS[sheet].columns as Record<string, ColumnSpec>)) (TYPED_KINDS.has(c.kind) ? typed : text).add(fold(c.header));
  }
  // A header that is typed somewhere is left to Excel everywhere.
  for (const h of typed) text.delete(h);
  return text;
})();

/**
 * Whether Excel, reading a string written to Range.values as if typed, may make it something other
 * than that text: a number (1.10, 007, 2.5, 1e3, 50%, (5), $5), a boolean, or a date or time
 * (12/5, 10:00, May 2026). Range.values coerces as typing does; Microsoft documents only the
 * formula case, and Excel's own number and date parsing follows the user's locale, so the test is
 * wide: anything not starting with a letter, TRUE/FALSE, or a month name followed by a number.
 * https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member
 */
function excelMayRetype(text: string): boolean {
  return !/^\p{L}/u.test(text) || /^(true|false)$/i.test(text.trim()) || /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[\s\-/]*\d/i.test(text);
}

/**
 * A value for a cell under `header`: in a text column of the contract (an ID, a name, a title), text
 * that Excel would retype (Item ID 1.10 read as the number 1.1) gets the leading apostrophe, so the
 * cell holds the text typed; other columns as cellValue.
 */
export function cellValueUnder(header: string, v: CellInput): string | number | boolean {
  const value = cellValue(v);
  if (typeof value === 'string' && value !== '' && !value.startsWith("'") && TEXT_HEADERS.has(fold(header)) && excelMayRetype(value)) return `'${value}`;
  return value;
}

/** A cell's value as read back from Excel. */
type Written = string | number | boolean;

/**
 * Why a write was not made, in one sentence for the user: the row moved away, vanished or was
 * changed by someone else, the ID was taken, or the table did not take new rows. Nothing of the
 * action stays written; the pane reads the workbook again and shows this sentence.
 */
export class WriteRefused extends Error {
  override readonly name = 'WriteRefused';
}

/** Whether the host offers ExcelApi 1.13 (Table.resize); false outside Office (unit tests pass it in). */
export function canResizeTables(): boolean {
  const office = (globalThis as { Office?: { context?: { requirements?: { isSetSupported(name: string, version: string): boolean } } } }).Office;
  return office?.context?.requirements?.isSetSupported('ExcelApi', '1.13') ?? false;
}

const norm = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'string' ? v.trim() : v);
const same = (a: unknown, b: unknown): boolean => norm(a) === norm(b);
/** Whether a key cell holds an ID: as text, since Excel holds an ID typed as 12 as the number 12 and the contract reads it as "12". */
const sameId = (cell: unknown, id: string): boolean => String(norm(cell)) === String(norm(id));
const isEmpty = (v: unknown): boolean => v === '' || v === null || v === undefined;
const names = (list: readonly string[]) => [...new Set(list)].join(', ');

/** Sends the first request of an action; a missing table becomes a sentence naming it. */
async function syncNaming(context: Excel.RequestContext, tables: readonly string[]): Promise<void> {
  try {
    await context.sync();
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ItemNotFound' || code === 'InvalidArgument') {
      throw new WriteRefused(`The ${names(tables)} table was not found: it may have been renamed or deleted. Give it its name back (Table Design > Table Name) or run Set up workbook, then try again; nothing was written.`);
    }
    throw e;
  }
}

/** A value read from Excel, written back as it was: text stays text (an apostrophe where Excel would retype or evaluate it). */
function restorable(v: unknown): Written {
  if (typeof v !== 'string') return v as number | boolean;
  return v !== '' && !looksLikeFormula(v) && !v.startsWith("'") && excelMayRetype(v) ? `'${v}` : cellValue(v);
}

/** One record to change, found by its ID when the action runs. */
export interface RecordUpdate {
  /** The record's ID (the key column's value), such as P0002, or a field name on the Meeting sheet. */
  readonly id: string;
  /** What the pane showed, by header: the row must still hold these values (the cells about to change, at least). */
  readonly expected: RowRecord;
  /** The new values, by header. */
  readonly values: RowRecord;
}

/**
 * Changes existing rows of a table, each found by its ID inside this same action, never by a row
 * number from an earlier read (a co-author may have sorted, inserted or deleted rows since).
 *
 * How rows are located: sync 1 reads the table's headers and body; an update's row is the one whose
 * `keyHeader` cell holds its ID, and it must still hold `expected`. Sync 2 writes the cells relative
 * to the table's body (row and column within it) and, in the same request, reads the ID cell and
 * the cells' previous values first; if the ID cell no longer holds the ID (rows moved between the
 * two syncs) or a cell about to change no longer held what the pane showed (a co-author edited it
 * between the two syncs), syncs 3 and 4 find each written row again by the ID it held and put the
 * previous values back where it now is (only cells still holding the pane's value), and the change
 * is refused. Two syncs whatever the table's size (four when refused).
 *
 * Errors: WriteRefused (one sentence; nothing stays written) when an ID is missing or repeated, the
 * row was changed by someone else, a header is missing or the table is not found; Office errors
 * otherwise (errors.ts turns them into sentences).
 * Source: "Coauthoring in Excel add-ins", https://learn.microsoft.com/office/dev/add-ins/excel/co-authoring-in-excel-add-ins
 */
export async function updateRecords(context: Excel.RequestContext, tableName: string, keyHeader: string, updates: readonly RecordUpdate[], title = tableName): Promise<void> {
  if (updates.length === 0) return;
  const table = context.workbook.tables.getItem(tableName);
  const header = table.getHeaderRowRange().load('values');
  const body = table.getDataBodyRange().load('values');
  await syncNaming(context, [title]);

  const headers = (header.values[0] ?? []).map((h) => fold(String(h)));
  const col = (h: string): number => {
    const j = headers.indexOf(fold(h));
    if (j < 0) throw new WriteRefused(`The ${title} table has no ${h} column; run Set up workbook, then try again. Nothing was saved.`);
    return j;
  };
  const key = col(keyHeader);
  const plans = updates.map((u) => {
    const at = body.values.flatMap((line, i) => (sameId(line[key], u.id) ? [i] : []));
    if (at.length === 0) throw new WriteRefused(`${u.id} is no longer on the ${title} sheet (someone deleted it or changed its ID), so nothing was saved. The pane now shows the workbook as it is.`);
    if (at.length > 1) throw new WriteRefused(`${u.id} appears ${at.length} times on the ${title} sheet, so the pane cannot tell which row to change; nothing was saved. Make the IDs unique, then try again.`);
    const i = at[0]!;
    for (const [h, v] of Object.entries(u.expected)) {
      const now = body.values[i]![col(h)];
      if (!same(now, v)) throw new WriteRefused(`Someone changed ${u.id} on the ${title} sheet since the pane showed it (${h} is now ${isEmpty(now) ? 'empty' : `"${String(now)}"`}), so nothing was saved. The pane now shows the fresh data; try again.`);
    }
    const shown = new Map(Object.entries(u.expected).map(([h, v]) => [col(h), { h, v }]));
    return { u, i, cells: Object.entries(u.values).map(([h, v]) => ({ j: col(h), value: cellValueUnder(h, v), shown: shown.get(col(h)) })) };
  });

  const now = table.getDataBodyRange();
  const checks = plans.map((p) => ({
    p,
    id: now.getCell(p.i, key).load('values'),
    before: p.cells.map((c) => now.getCell(p.i, c.j).load('values,rowIndex,columnIndex')),
  }));
  context.workbook.application.suspendApiCalculationUntilNextSync();
  for (const p of plans) for (const c of p.cells) now.getCell(p.i, c.j).values = [[c.value]];
  await context.sync();

  const moved = checks.filter((c) => !sameId(c.id.values[0]![0], c.p.u.id));
  // A co-author's edit of a cell about to change, made between sync 1 (checked) and sync 2 (written).
  const edited = moved.length > 0 ? [] : checks.flatMap((c) => c.p.cells.flatMap((cell, k) => {
    const was = c.before[k]!.values[0]![0];
    return cell.shown && !same(was, cell.shown.v) ? [{ id: c.p.u.id, h: cell.shown.h, was }] : [];
  }));
  if (moved.length > 0 || edited.length > 0) {
    // The cells go back by identity too: rows may have moved again since sync 2, so each written
    // row is found by the ID it held then, and a cell is put back only if it still holds our value.
    const again = table.getDataBodyRange().load('values');
    await context.sync();
    const restore = table.getDataBodyRange();
    for (const c of checks) {
      const held = String(norm(c.id.values[0]![0]));
      const at = again.values.flatMap((line, i) => (held !== '' && sameId(line[key], held) ? [i] : []));
      if (at.length !== 1) continue;
      c.p.cells.forEach((cell, k) => {
        const was = c.before[k]!.values[0]![0];
        const now = again.values[at[0]!]![cell.j];
        const wrote = typeof cell.value === 'string' && cell.value.startsWith("'") ? cell.value.slice(1) : cell.value;
        if (same(now, was) || !(same(now, wrote) || typeof now !== typeof wrote)) return;
        restore.getCell(at[0]!, cell.j).values = [[restorable(was)]];
      });
    }
    await context.sync();
    if (moved.length > 0) throw new WriteRefused(`The ${title} table changed while ${names(moved.map((m) => m.p.u.id))} was being saved (rows moved), so nothing was saved. The pane now shows the fresh data; try again.`);
    const e = edited[0]!;
    throw new WriteRefused(`Someone changed ${e.id} on the ${title} sheet while the pane was saving it (${e.h} is now ${isEmpty(e.was) ? 'empty' : `"${String(e.was)}"`}), so nothing was saved. The pane now shows the fresh data; try again.`);
  }
}

/** Records for one table, for appendToTables. */
export interface TableAppend {
  readonly table: string;
  /** The sheet's name, for messages (defaults to the table's). */
  readonly title?: string;
  readonly records: readonly RowRecord[];
  /** Gives each record a new ID in this column, allocated from the IDs the table holds when the action runs. */
  readonly newIds?: { readonly header: string; allocate(used: readonly string[], count: number): string[] };
  /** The records' own key column: the append is refused when the table already holds one of their IDs. */
  readonly uniqueKey?: string;
  /** Leaves out records the table already holds with the same values in these columns (as read in this action). */
  readonly unlessPresent?: readonly string[];
}

/** What an append wrote to one table. */
export interface AppendResult {
  /** The records written, with their IDs, in order. */
  readonly written: RowRecord[];
  /** Whether Excel did not grow the table and the pane resized it (Table.resize, ExcelApi 1.13). */
  readonly resized: boolean;
  /** How many new IDs were given again because another desk took the same ones at the same moment. */
  readonly renumbered: number;
}

/** Appends records to one table; see appendToTables. */
export async function appendRows(context: Excel.RequestContext, tableName: string, records: readonly RowRecord[], options: Omit<TableAppend, 'table' | 'records'> = {}, canResize = canResizeTables()): Promise<AppendResult> {
  const [result] = await appendToTables(context, [{ table: tableName, records, ...options }], canResize);
  return result!;
}

/** A block of rows for one table: the fresh table's empty body row, or rows just below the table. */
interface Step { readonly t: number; readonly rows: Written[][]; readonly body: boolean }
interface Placed { readonly step: Step; readonly rowIndex: number; readonly columnIndex: number }

/**
 * Appends records to one or more tables in one action (a new delegation and its members), the
 * co-authoring-safe way: values written into the rows just below each table, never
 * TableRowCollection.add. How rows are located, always relative to the table when the action runs:
 *
 * 1. One sync reads each table's headers, body and the rows just below it: new IDs are allocated
 *    from the IDs read here, a taken ID is refused, records already present are left out, a fresh
 *    table's single empty body row is filled first, and the append is refused (nothing written)
 *    when the rows below the table that it would take are not empty.
 * 2. Each request-sized run (Excel on the web refuses a request over 5 MB) reads the target rows
 *    (`Table.getRange().getRowsBelow(n)`), writes them and reloads the table's range, in one sync. A
 *    target row that was not empty (another desk wrote there first) is put back and the action
 *    refused: nothing is ever left written over a non-empty cell.
 * 3. If Excel did not grow the table to take the rows (it grows only when no data validation lies
 *    below it, the first value is not blank and nothing else is there: "Coauthoring in Excel
 *    add-ins", office-js issue 2097), the table is resized with Table.resize where ExcelApi 1.13 is
 *    supported; otherwise the written rows are cleared and the action refused with a sentence.
 * 4. A new ID another desk allocated at the same moment (it appears above ours in the table) is
 *    given again, from the IDs then in the table.
 *
 * When step 2 finds another desk's rows where ours were to go, ours are taken away, theirs put
 * back, and the whole append is tried again from step 1 (three tries, then refused).
 *
 * Syncs: one to read and one per run (one for any append under 4 MB), plus one each to resize, to
 * renumber or to undo when needed: fixed whatever the tables' sizes.
 * Source: https://learn.microsoft.com/office/dev/add-ins/excel/co-authoring-in-excel-add-ins
 */
export async function appendToTables(context: Excel.RequestContext, appends: readonly TableAppend[], canResize = canResizeTables()): Promise<AppendResult[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await appendOnce(context, appends, canResize);
    } catch (e) {
      if (!(e instanceof Occupied) || attempt === 3) throw e;
    }
  }
}

/** Another desk wrote where this append was to go (its rows were put back). */
class Occupied extends WriteRefused {}

async function appendOnce(context: Excel.RequestContext, appends: readonly TableAppend[], canResize: boolean): Promise<AppendResult[]> {
  const titles = appends.map((a) => a.title ?? a.table);
  const looks = appends.map(({ table: name, records }) => {
    const table = context.workbook.tables.getItem(name);
    return {
      table,
      header: table.getHeaderRowRange().load('values'),
      body: table.getDataBodyRange().load('values'),
      // The rows the append may take, checked empty before anything is written.
      below: records.length > 0 ? table.getRange().getRowsBelow(records.length).load('values,rowIndex') : null,
    };
  });
  await syncNaming(context, titles);

  const results: { written: RowRecord[]; resized: boolean; renumbered: number; key: number; idCol: number; ids: string[]; present: number[] | null }[] = [];
  const steps: Step[] = [];
  appends.forEach((a, t) => {
    const { header, body } = looks[t]!;
    const headers = (header.values[0] ?? []).map((h) => fold(String(h)));
    const col = (h: string) => headers.indexOf(fold(h));
    const get = (r: RowRecord, h: string) => String(norm(Object.entries(r).find(([k]) => fold(k) === fold(h))?.[1]));
    let records = [...a.records];
    if (a.unlessPresent) {
      const cols = a.unlessPresent.map(col);
      const have = new Set(body.values.map((line) => cols.map((j) => String(norm(line[j]))).join('\u0000')));
      records = records.filter((r) => {
        const k = a.unlessPresent!.map((h) => get(r, h)).join('\u0000');
        if (have.has(k)) return false;
        have.add(k);
        return true;
      });
    }
    const keyHeader = a.newIds?.header ?? a.uniqueKey;
    const key = keyHeader === undefined ? -1 : col(keyHeader);
    if (keyHeader !== undefined && key < 0) throw new WriteRefused(`The ${titles[t]} table has no ${keyHeader} column; run Set up workbook, then try again. Nothing was added.`);
    const used = key < 0 ? [] : body.values.map((line) => String(norm(line[key]))).filter(Boolean);
    if (a.newIds) {
      const ids = a.newIds.allocate(used, records.length);
      records = records.map((r, i) => ({ ...r, [a.newIds!.header]: ids[i] }));
    } else if (a.uniqueKey) {
      const taken = records.map((r) => get(r, a.uniqueKey!)).filter((id) => used.includes(id));
      if (taken.length > 0) throw new WriteRefused(`${names(taken)} is already used on the ${titles[t]} sheet (someone may have just added it), so nothing was added. Choose another ID.`);
    }
    results.push({ written: records, resized: false, renumbered: 0, key: a.newIds ? key : -1, idCol: key, ids: keyHeader === undefined ? [] : records.map((r) => get(r, keyHeader)), present: a.unlessPresent ? a.unlessPresent.map(col) : null });
    const grid = records.map((record) => {
      const byHeader = new Map(Object.entries(record).map(([k, v]) => [fold(k), v]));
      return headers.map((h) => cellValueUnder(h, byHeader.get(h)));
    });
    if (grid.length === 0) return;
    const fresh = body.values.length === 1 && body.values[0]!.every(isEmpty);
    if (fresh) steps.push({ t, rows: grid.slice(0, 1), body: true });
    const rest = fresh ? grid.slice(1) : grid;
    const taken = (looks[t]!.below?.values ?? []).slice(0, rest.length).findIndex((line) => !line.every(isEmpty));
    if (taken >= 0) throw new WriteRefused(`Row ${looks[t]!.below!.rowIndex + taken + 1} just below the ${titles[t]} table is not empty, and the new rows would go there, so nothing was added. Move what is below the table elsewhere, then try again.`);
    for (const run of splitIntoRequests(rest)) steps.push({ t, rows: rest.slice(run.start, run.start + run.count), body: false });
  });

  // Steps go out together while they fit in one request.
  const groups: Step[][] = [];
  let room = 0;
  for (const step of steps) {
    const size = step.rows.reduce((n, r) => n + JSON.stringify(r).length * 3, 0);
    if (groups.length === 0 || size > room) {
      groups.push([]);
      room = REQUEST_BUDGET_BYTES;
    }
    groups[groups.length - 1]!.push(step);
    room -= size;
  }
  const placed: Placed[] = [];
  // Each table with new IDs: its range and values as the last write (or resize) left them.
  const after = new Map<number, Excel.Range>();
  // Tables whose values are read back with the write: new IDs to check, or records to keep single.
  const reread = (t: number) => results[t]!.key >= 0 || results[t]!.present !== null;
  const clear = (list: readonly Placed[]) => {
    for (const d of list) looks[d.step.t]!.table.worksheet.getRangeByIndexes(d.rowIndex, d.columnIndex, d.step.rows.length, d.step.rows[0]!.length).values = d.step.rows.map((r) => r.map(() => ''));
  };
  for (const group of groups) {
    context.workbook.application.suspendApiCalculationUntilNextSync();
    const sent = group.map((step) => {
      const { table } = looks[step.t]!;
      const target = () => (step.body ? table.getDataBodyRange().getLastRow() : table.getRange().getRowsBelow(step.rows.length));
      const before = target().load('values,rowIndex,columnIndex');
      target().values = step.rows;
      // With new IDs, the table's values after the write too: the check for an ID taken at the same moment costs no sync of its own.
      return { step, before, range: table.getRange().load(`rowIndex,columnIndex,rowCount,columnCount${reread(step.t) ? ',values' : ''}`) };
    });
    try {
      await context.sync();
    } catch (e) {
      // Excel refused a write (a protected sheet, say) after it had carried out the ones before it
      // in the request: those rows come away, so no half of the action stays.
      await undoKeyed(context, [...new Set([...placed.map((d) => d.step.t), ...group.map((s) => s.t)])].map((t) => ({
        table: looks[t]!.table, idCol: results[t]!.idCol, ids: results[t]!.ids,
        // A fresh table's one empty body row was this action's to fill.
        bodyRows: looks[t]!.body.values.length === 1 && looks[t]!.body.values[0]!.every(isEmpty) ? 0 : looks[t]!.body.values.length,
      })), canResize);
      throw e;
    }
    const at = (s: (typeof sent)[number]): Placed => ({ step: s.step, rowIndex: s.before.rowIndex, columnIndex: s.before.columnIndex });
    const occupied = sent.filter((s) => !s.before.values.every((line) => line.every(isEmpty)));
    if (occupied.length > 0) {
      // Another desk's rows were there: ours come away and theirs go back.
      clear([...placed, ...sent.map(at)]);
      for (const s of occupied) looks[s.step.t]!.table.worksheet.getRangeByIndexes(s.before.rowIndex, s.before.columnIndex, s.step.rows.length, s.step.rows[0]!.length).values = s.before.values.map((line) => line.map(restorable));
      await context.sync();
      throw new Occupied(`Someone else wrote below the ${names(occupied.map((s) => titles[s.step.t]!))} table at the same moment, so nothing was added. Try again.`);
    }
    const outside = sent.filter((s) => s.before.rowIndex < s.range.rowIndex || s.before.rowIndex + s.step.rows.length > s.range.rowIndex + s.range.rowCount);
    if (outside.length > 0) {
      const which = names(outside.map((s) => titles[s.step.t]!));
      if (!canResize) {
        clear([...placed, ...sent.map(at)]);
        await context.sync();
        throw new WriteRefused(`Excel did not extend the ${which} table to take the new rows and this version of Excel cannot resize a table (ExcelApi 1.13), so nothing was added. Run Set up workbook (it removes drop-down lists below the tables that stop them growing), then try again.`);
      }
      for (const s of outside) {
        const last = s.before.rowIndex + s.step.rows.length;
        looks[s.step.t]!.table.resize(`${columnLetter(s.range.columnIndex + 1)}${s.range.rowIndex + 1}:${columnLetter(s.range.columnIndex + s.range.columnCount)}${last}`);
        results[s.step.t]!.resized = true;
      }
      const resized = outside.map((s) => ({ s, range: looks[s.step.t]!.table.getRange().load(`rowIndex,columnIndex,rowCount${reread(s.step.t) ? ',values' : ''}`) }));
      for (const r of resized) if (reread(r.s.step.t)) after.set(r.s.step.t, r.range);
      await context.sync();
      if (resized.some((a) => a.s.before.rowIndex + a.s.step.rows.length > a.range.rowIndex + a.range.rowCount)) {
        clear([...placed, ...sent.map(at)]);
        await context.sync();
        throw new WriteRefused(`The ${which} table could not be extended to take the new rows, so nothing was added. Run Set up workbook, then try again.`);
      }
    }
    placed.push(...sent.map(at));
    for (const s of sent) if (reread(s.step.t) && !outside.includes(s)) after.set(s.step.t, s.range);
  }

  // A record another desk wrote at the same moment (a check-in of the same person to the same
  // session, between this action's read and its write): ours comes away, the rows we keep move up,
  // and the table is resized back where ExcelApi 1.13 is supported. One more sync, only then.
  let dropped = false;
  for (const [t, range] of after) {
    const cols = results[t]!.present;
    if (!cols) continue;
    const keyOf = (line: readonly unknown[]) => cols.map((j) => String(norm(line[j]))).join('\u0000');
    const ours = placed.filter((d) => d.step.t === t).flatMap((d) => d.step.rows.map((row) => ({ row }))).map((o, k) => ({ ...o, rec: results[t]!.written[k]!, abs: 0 }));
    let k = 0;
    for (const d of placed.filter((x) => x.step.t === t)) for (let i = 0; i < d.step.rows.length; i++) ours[k++]!.abs = d.rowIndex + i;
    const top = range.rowIndex + 1;
    const body = range.values.slice(1);
    const mine = new Set(ours.map((o) => o.abs));
    const others = new Set(body.filter((_, i) => !mine.has(top + i)).map(keyOf));
    const keep = ours.filter((o) => o.abs - top >= body.length || !others.has(keyOf(body[o.abs - top]!)));
    if (keep.length === ours.length) continue;
    const sheet = looks[t]!.table.worksheet;
    const width = range.values[0]!.length;
    ours.forEach((o, n) => { sheet.getRangeByIndexes(o.abs, range.columnIndex, 1, width).values = [n < keep.length ? keep[n]!.row : Array(width).fill('')]; });
    const last = range.rowIndex + range.rowCount - 1;
    const end = last - (ours.length - keep.length);
    if (canResize && ours[ours.length - 1]!.abs === last && end > range.rowIndex) {
      looks[t]!.table.resize(`${columnLetter(range.columnIndex + 1)}${range.rowIndex + 1}:${columnLetter(range.columnIndex + width)}${end + 1}`);
    }
    results[t]!.written = keep.map((o) => o.rec);
    dropped = true;
  }
  if (dropped) await context.sync();

  // A new ID another desk took at the same moment: the lower row (written later) takes a new one.
  const idTables = results.flatMap((r, t) => (r.key >= 0 && r.written.length > 0 ? [t] : []));
  if (idTables.length > 0) {
    const now = idTables.map((t) => ({ t, range: after.get(t) ?? looks[t]!.table.getRange().load('values,rowIndex,columnIndex') }));
    if (idTables.some((t) => !after.get(t))) await context.sync();
    let rewrite = false;
    for (const { t, range } of now) {
      const r = results[t]!;
      const ids = range.values.slice(1).map((line) => String(norm(line[r.key])));
      const ours = placed.filter((d) => d.step.t === t).flatMap((d) => d.step.rows.map((_, i) => d.rowIndex + i - range.rowIndex - 1));
      const clash = ours.filter((i) => ids.indexOf(ids[i]!) < i);
      if (clash.length === 0) continue;
      const fresh = appends[t]!.newIds!.allocate(ids, clash.length);
      clash.forEach((i, k) => {
        looks[t]!.table.worksheet.getRangeByIndexes(range.rowIndex + 1 + i, range.columnIndex + r.key, 1, 1).values = [[fresh[k]!]];
        const n = ours.indexOf(i);
        r.written[n] = { ...r.written[n]!, [appends[t]!.newIds!.header]: fresh[k] };
      });
      r.renumbered = clash.length;
      rewrite = true;
    }
    if (rewrite) await context.sync();
  }
  return results.map(({ written, resized, renumbered }) => ({ written, resized, renumbered }));
}

/** A table's rows that an action wrote before Excel refused the rest, known by their (new) IDs. */
interface Keyed { readonly table: Excel.Table; readonly idCol: number; readonly ids: readonly string[]; readonly bodyRows: number }

/**
 * Clears the rows of an action that failed part way, found by the new IDs they hold in the rows
 * below the table's size when the action started (never in rows that were there before), and
 * resizes the table back where ExcelApi 1.13 is supported. Tables without an ID column are left
 * alone: their append is one write, which Excel carries out whole or not at all. Two syncs; an
 * error here is dropped, the first error is the one to report.
 */
async function undoKeyed(context: Excel.RequestContext, tables: readonly Keyed[], canResize: boolean): Promise<void> {
  const todo = tables.filter((k) => k.idCol >= 0 && k.ids.length > 0);
  if (todo.length === 0) return;
  try {
    const seen = todo.map((k) => ({
      k,
      range: k.table.getRange().load('values,rowIndex,columnIndex'),
      below: k.table.getRange().getRowsBelow(k.ids.length).load('values,rowIndex'),
    }));
    await context.sync();
    for (const { k, range, below } of seen) {
      const ours = new Set(k.ids);
      const start = k.bodyRows + 1; // the first row after the table as it was
      const lines = [
        ...range.values.slice(start).map((v, i) => ({ v, row: range.rowIndex + start + i, inside: true })),
        ...below.values.map((v, i) => ({ v, row: below.rowIndex + i, inside: false })),
      ];
      const hit = lines.filter((l) => ours.has(String(norm(l.v[k.idCol]))));
      for (const h of hit) k.table.worksheet.getRangeByIndexes(h.row, range.columnIndex, 1, h.v.length).values = [h.v.map(() => '')];
      const grown = lines.filter((l) => l.inside);
      if (canResize && grown.length > 0 && grown.every((l) => hit.includes(l) || l.v.every(isEmpty))) {
        const width = range.values[0]!.length;
        k.table.resize(`${columnLetter(range.columnIndex + 1)}${range.rowIndex + 1}:${columnLetter(range.columnIndex + width)}${range.rowIndex + Math.max(start, 2)}`);
      }
    }
    await context.sync();
  } catch {
    // The write's own error is the one to report.
  }
}

/** Splits `Participants!F14` or `'My sheet'!F14` into sheet and A1 address. */
export function splitAddress(address: string): { sheet: string; a1: string } | undefined {
  const m = /^(?:'((?:[^']|'')+)'|([^!]+))!([A-Z]+[0-9]+(?::[A-Z]+[0-9]+)?)$/.exec(address);
  if (!m) return undefined;
  return { sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]!, a1: m[3]! };
}

/** Shows a problem's cell to the user: activates its sheet and selects it. One sync. */
export async function selectCell(context: Excel.RequestContext, address: string): Promise<boolean> {
  const parts = splitAddress(address);
  if (!parts) return false;
  const sheet = context.workbook.worksheets.getItem(parts.sheet);
  sheet.activate();
  sheet.getRange(parts.a1).select();
  await context.sync();
  return true;
}
