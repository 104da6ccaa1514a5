// Writes rows and cells into the open workbook: appends below a table (the co-authoring-safe way,
// never TableRowCollection.add), edits single cells, selects a cell. Fixed syncs per call.
import type { CellInput } from '../../../templates/contract/index.js';
import { fold, looksLikeFormula } from '../../../templates/contract/index.js';
import { splitIntoRequests } from './request-size.js';

/** A row to append, keyed by the header it belongs under (matched as the validator does: case and spaces forgiven). */
export type RowRecord = Readonly<Record<string, CellInput>>;

/**
 * A value as Excel should store it. Text that a spreadsheet would evaluate (`=HYPERLINK(...)` in a
 * registration export) gets Excel's leading apostrophe, so it is stored and shown as the text it is.
 */
export function cellValue(v: CellInput): string | number | boolean {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'string' && looksLikeFormula(v)) return `'${v}`;
  return v;
}

/** Records for one table, for appendToTables. */
export interface TableAppend {
  readonly table: string;
  readonly records: readonly RowRecord[];
}

/**
 * Appends records to a table by writing into the rows just below it (the table grows to take
 * them). Syncs: one to learn the table's place and headers, then one per request-sized run.
 * Returns the 1-based worksheet row of the first appended record.
 */
export async function appendRows(context: Excel.RequestContext, tableName: string, records: readonly RowRecord[]): Promise<number> {
  const [first] = await appendToTables(context, [{ table: tableName, records }]);
  return first!;
}

/**
 * Appends records to several tables in one action (a new delegation and its members): one sync
 * learns every table's place and headers, then the rows of all tables go out in request-sized runs,
 * so two tables cost what one does. Returns each table's first appended worksheet row (1-based).
 */
export async function appendToTables(context: Excel.RequestContext, appends: readonly TableAppend[]): Promise<number[]> {
  const looks = appends.map(({ table: name }) => {
    const table = context.workbook.tables.getItem(name);
    return {
      range: table.getRange().load('rowIndex,columnIndex,rowCount,columnCount'),
      header: table.getHeaderRowRange().load('values'),
      // A freshly made table has one empty body row: fill it rather than leave a blank line.
      last: table.getDataBodyRange().getLastRow().load('values'),
      sheet: table.worksheet,
    };
  });
  await context.sync();
  const firstRows: number[] = [];
  // Every row still to write, with where it goes: one list, so runs can span tables.
  const pending: { part: number; sheet: Excel.Worksheet; row: number; column: number; values: (string | number | boolean)[] }[] = [];
  appends.forEach(({ records }, t) => {
    const { range, header, last, sheet } = looks[t]!;
    const below = range.rowIndex + range.rowCount;
    if (records.length === 0) {
      firstRows.push(below + 1);
      return;
    }
    const headers = (header.values[0] ?? []).map((h) => fold(String(h)));
    const grid = records.map((record) => {
      const byHeader = new Map(Object.entries(record).map(([k, v]) => [fold(k), v]));
      return headers.map((h) => cellValue(byHeader.get(h)));
    });
    const lastEmpty = range.rowCount === 2 && (last.values[0] ?? []).every((v) => v === '' || v === null);
    // The first record fills the empty body row; the rest go just below the table, which grows to
    // take them only when the write starts on the row right under it.
    const firstRow = lastEmpty ? below - 1 : below;
    // The filled body row is a write of its own: Excel grows a table only for a write that starts just below it.
    grid.forEach((values, i) => pending.push({ part: lastEmpty && i === 0 ? 2 * t : 2 * t + 1, sheet, row: firstRow + i, column: range.columnIndex, values }));
    firstRows.push(firstRow + 1);
  });
  const runs = splitIntoRequests(pending.map((p) => p.values));
  for (const run of runs) {
    context.workbook.application.suspendApiCalculationUntilNextSync();
    // Within a run, the rows of one table are one 2-D write.
    let i = run.start;
    while (i < run.start + run.count) {
      let j = i + 1;
      while (j < run.start + run.count && pending[j]!.part === pending[i]!.part) j++;
      const block = pending.slice(i, j);
      block[0]!.sheet.getRangeByIndexes(block[0]!.row, block[0]!.column, block.length, block[0]!.values.length).values = block.map((p) => p.values);
      i = j;
    }
    await context.sync();
  }
  // Keep the sync count fixed even when nothing was written.
  if (runs.length === 0) await context.sync();
  return firstRows;
}

export interface CellEdit {
  readonly sheet: string;
  /** 1-based worksheet row and column. */
  readonly row: number;
  readonly column: number;
  readonly value: CellInput;
}

/** Writes single cells (an edited participant, an agenda item's status, a Meeting field): one sync. */
export async function writeCells(context: Excel.RequestContext, edits: readonly CellEdit[]): Promise<void> {
  if (edits.length === 0) return;
  for (const e of edits) {
    context.workbook.worksheets.getItem(e.sheet).getRangeByIndexes(e.row - 1, e.column - 1, 1, 1).values = [[cellValue(e.value)]];
  }
  await context.sync();
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
