// Listens for changes to the workbook's tables, so the pane can re-read what a person typed in the
// grid or a co-author changed: one handler on the workbook's table collection, registered once.
import type { ExcelRunner } from '../app/meeting-state.js';

/** TableCollection.onChanged needs ExcelApi 1.7 (the add-in itself needs 1.8). */
export const TABLE_EVENTS_API = '1.7';

/** What the pane uses of Excel.TableChangedEventArgs: which table, where, how and from whom. */
export interface TableChange {
  readonly tableId: string;
  readonly worksheetId: string;
  /** The changed area, such as `B3:C4`. */
  readonly address: string;
  /** `RangeEdited`, `RowInserted`, `RowDeleted`... (Excel.DataChangeType). */
  readonly changeType: string;
  /** `Local` (this Excel: the grid or an add-in) or `Remote` (a co-author). */
  readonly source: string;
}

/**
 * Registers `onChange` for every change to any table of the workbook, with one
 * `context.workbook.tables.onChanged.add` and one sync; the handler stays registered after the
 * batch, for as long as the pane is open. Call it once. Returns false, registering nothing, when
 * the host lacks ExcelApi 1.7 (`isSupported` is Office.context.requirements.isSetSupported).
 * Sources: TableCollection.onChanged and TableChangedEventArgs,
 * https://learn.microsoft.com/javascript/api/excel/excel.tablecollection#excel-excel-tablecollection-onchanged-member
 * and https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events (handlers return a promise).
 */
export async function watchTables(
  run: ExcelRunner,
  isSupported: (set: string, version: string) => boolean,
  onChange: (change: TableChange) => void,
): Promise<boolean> {
  if (!isSupported('ExcelApi', TABLE_EVENTS_API)) return false;
  await run(async (context) => {
    context.workbook.tables.onChanged.add(async (args: Excel.TableChangedEventArgs) => {
      onChange({ tableId: args.tableId, worksheetId: args.worksheetId, address: args.address, changeType: args.changeType, source: args.source });
    });
    await context.sync();
  });
  return true;
}
