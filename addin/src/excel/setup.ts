// Sets up a new or existing workbook from the contract's layout: creates missing sheets as tables
// with headers, drop-down lists, number formats and widths; never changes a cell that holds data.
// Three syncs whatever the workbook holds: what exists, the existing headers, then all the writes.
// Drop-down lists and number formats go on each table column's data body range, which Excel
// extends as the table grows, never on a fixed range below the table: Microsoft's "Coauthoring in
// Excel add-ins" says a table reliably grows for rows written just below it only when no data
// validation lies there. Running setup on a workbook set up by an earlier version (lists down to
// row 10,001) removes those lists from the columns and puts them on the table columns; data untouched.
// https://learn.microsoft.com/office/dev/add-ins/excel/co-authoring-in-excel-add-ins
import { MEETING_LAYOUT, TABLE_LAYOUTS, type TableLayout, columnLetter } from '../../../templates/contract/layout.js';
import { TABLE_SHEETS, fold } from '../../../templates/contract/index.js';

export interface SetupResult {
  /** Sheets created with their table. */
  readonly created: string[];
  /** Contract columns added at the right of an existing table, as `Sheet: Header`. */
  readonly columnsAdded: string[];
  /** Meeting fields added below the existing Meeting table. */
  readonly fieldsAdded: string[];
  /** Sheets left alone, with the reason (a sheet that holds data but not the contract's table). */
  readonly skipped: string[];
}

/** Excel measures column widths in points; a character of the default font is about 7. */
const POINTS_PER_CHAR = 7;

/**
 * Puts each contract column's drop-down list and number format on the table column's data body
 * range, after removing any list from the rest of the worksheet column (where an earlier version
 * put one down to row 10,001). `at` gives a contract header's 0-based index in the table.
 * The number format is one value for the whole column (Range.numberFormat applies a single value
 * to every cell of the range), never an array sized from an earlier read: a co-author adding a row
 * between that read and the write made Excel refuse the whole setup (InvalidArgument).
 * https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-numberformat-member
 */
function formatTableColumns(table: Excel.Table, layout: TableLayout, at: (header: string) => number): void {
  for (const c of layout.columns) {
    const j = at(c.header);
    if (j < 0) continue;
    const tableColumn = table.columns.getItemAt(j);
    if (c.list) {
      tableColumn.getRange().getEntireColumn().dataValidation.clear();
      tableColumn.getDataBodyRange().dataValidation.rule = { list: { inCellDropDown: true, source: c.list.source } };
    }
    if (c.numFmt) tableColumn.getDataBodyRange().numberFormat = [[c.numFmt]];
  }
}

export async function setUpWorkbook(context: Excel.RequestContext): Promise<SetupResult> {
  const wb = context.workbook;
  const names = [MEETING_LAYOUT.sheet, ...TABLE_SHEETS];
  const tableNames = [MEETING_LAYOUT.table, ...TABLE_SHEETS.map((s) => TABLE_LAYOUTS[s].table)];
  const sheets = names.map((n) => wb.worksheets.getItemOrNullObject(n).load('name'));
  const tables = tableNames.map((t) => wb.tables.getItemOrNullObject(t).load('name'));
  await context.sync();

  // Second look: headers of tables that exist, and whether a sheet without its table is empty.
  const headers = tables.map((t) => (t.isNullObject ? null : t.getHeaderRowRange().load('values,columnCount')));
  const meetingTable = tables[0]!;
  const meetingFields = meetingTable.isNullObject ? null : meetingTable.columns.getItemAt(0).getDataBodyRange().load('values');
  const meetingRange = meetingTable.isNullObject ? null : meetingTable.getRange().load('rowIndex,rowCount,columnIndex');
  const used = sheets.map((s, i) => (!s.isNullObject && tables[i]!.isNullObject ? s.getUsedRangeOrNullObject(true).load('address') : null));
  await context.sync();

  const result: SetupResult = { created: [], columnsAdded: [], fieldsAdded: [], skipped: [] };
  context.workbook.application.suspendApiCalculationUntilNextSync();
  names.forEach((name, i) => {
    const table = tables[i]!;
    const sheetProxy = sheets[i]!;
    if (!table.isNullObject) {
      const have = new Set((headers[i]!.values[0] ?? []).map((h) => fold(String(h))));
      if (name === 'Meeting') {
        const present = new Set((meetingFields?.values ?? []).map((r) => fold(String(r[0] ?? ''))));
        const missing = MEETING_LAYOUT.fields.filter((f) => !present.has(fold(f.field)));
        // Appended as new rows just below the table where it is when the write runs (it grows to
        // take them: the first value, a field name, is never blank): existing rows are untouched.
        if (missing.length > 0 && meetingRange) {
          table.getRange().getRowsBelow(missing.length).values = missing.map((f) => [f.field, '']);
          result.fieldsAdded.push(...missing.map((f) => f.field));
        }
        return;
      }
      const layout = TABLE_LAYOUTS[name as keyof typeof TABLE_LAYOUTS];
      const order = (headers[i]!.values[0] ?? []).map((h) => fold(String(h)));
      for (const c of layout.columns) {
        if (have.has(fold(c.header))) continue;
        // A missing contract column goes at the right of the table: no existing column moves.
        table.columns.add(undefined, undefined, c.header);
        order.push(fold(c.header));
        result.columnsAdded.push(`${name}: ${c.header}`);
      }
      formatTableColumns(table, layout, (h) => order.indexOf(fold(h)));
      return;
    }
    const usedRange = used[i];
    if (usedRange && !usedRange.isNullObject) {
      result.skipped.push(`${name}: the sheet holds data (${usedRange.address}) but no table named ${tableNames[i]}; left as it is`);
      return;
    }
    const sheet = sheetProxy.isNullObject ? wb.worksheets.add(name) : wb.worksheets.getItem(name);
    if (name === 'Meeting') {
      const rows = [[...MEETING_LAYOUT.headers], ...MEETING_LAYOUT.fields.map((f) => [f.field, ''])];
      const address = `A1:B${rows.length}`;
      sheet.getRange(address).values = rows;
      const t = sheet.tables.add(address, true);
      t.name = MEETING_LAYOUT.table;
      sheet.getRange('A:A').format.columnWidth = MEETING_LAYOUT.widths[0] * POINTS_PER_CHAR;
      sheet.getRange('B:B').format.columnWidth = MEETING_LAYOUT.widths[1] * POINTS_PER_CHAR;
      for (const f of MEETING_LAYOUT.fields) {
        if (f.numFmt) sheet.getRange(f.valueCell).numberFormat = [[f.numFmt]];
        if (f.list) sheet.getRange(f.valueCell).dataValidation.rule = { list: { inCellDropDown: true, source: f.list.source } };
      }
    } else {
      const layout = TABLE_LAYOUTS[name as keyof typeof TABLE_LAYOUTS];
      const address = `A1:${columnLetter(layout.headers.length)}1`;
      sheet.getRange(address).values = [[...layout.headers]];
      const t = sheet.tables.add(address, true);
      t.name = layout.table;
      for (const c of layout.columns) sheet.getRange(`${c.letter}:${c.letter}`).format.columnWidth = c.width * POINTS_PER_CHAR;
      // A new table has one (empty) body row.
      formatTableColumns(t, layout, (h) => layout.headers.indexOf(h));
    }
    result.created.push(name);
  });
  await context.sync();
  return result;
}
