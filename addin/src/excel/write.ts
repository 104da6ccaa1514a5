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

/**
 * Appends records to a table by writing into the rows just below it (the table grows to take
 * them). Syncs: one to learn the table's place and headers, then one per request-sized run.
 * Returns the 1-based worksheet row of the first appended record.
 */
export async function appendRows(context: Excel.RequestContext, tableName: string, records: readonly RowRecord[]): Promise<number> {
  const table = context.workbook.tables.getItem(tableName);
  const range = table.getRange().load('rowIndex,columnIndex,rowCount,columnCount');
  const header = table.getHeaderRowRange().load('values');
  // A freshly made table has one empty body row: fill it rather than leave a blank line.
  const last = table.getDataBodyRange().getLastRow().load('values');
  const sheet = table.worksheet;
  await context.sync();
  if (records.length === 0) return range.rowIndex + range.rowCount + 1;

  const headers = (header.values[0] ?? []).map((h) => fold(String(h)));
  const grid = records.map((record) => {
    const byHeader = new Map(Object.entries(record).map(([k, v]) => [fold(k), v]));
    return headers.map((h) => cellValue(byHeader.get(h)));
  });
  const lastEmpty = range.rowCount === 2 && (last.values[0] ?? []).every((v) => v === '' || v === null);
  const below = range.rowIndex + range.rowCount;
  // The first record fills the empty body row; the rest go just below the table, which grows to
  // take them only when the write starts on the row right under it.
  const rest = lastEmpty ? grid.slice(1) : grid;
  if (lastEmpty) sheet.getRangeByIndexes(below - 1, range.columnIndex, 1, headers.length).values = [grid[0]!];
  const runs = splitIntoRequests(rest);
  if (runs.length === 0) await context.sync();
  for (const run of runs) {
    context.workbook.application.suspendApiCalculationUntilNextSync();
    sheet.getRangeByIndexes(below + run.start, range.columnIndex, run.count, headers.length).values = rest.slice(run.start, run.start + run.count);
    await context.sync();
  }
  const firstRow = lastEmpty ? below - 1 : below;
  return firstRow + 1;
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
