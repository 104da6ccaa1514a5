// Reads the worksheets of an .xlsx row by row, with yauzl and saxes and nothing else, one reader
// per XML part as exceljs has one per part (pipeline/xlsx/): the zip is guarded first, then the
// workbook part, its relationships and its shared strings are read, and each worksheet the caller
// wants is streamed, its Excel tables (found through the sheet's relationships) told to the caller
// first, every row going straight to the caller as plain cells.
import type { RawRow, RawTable } from './core/raw.js';
import { ExpectedError } from './errors.js';
import { VisitorFailure, XlsxPackage } from './xlsx/package.js';
import { readRelationships } from './xlsx/relationships.js';
import { readSharedStrings } from './xlsx/shared-strings.js';
import { readTablePart } from './xlsx/table-part.js';
import { readWorkbookPart } from './xlsx/workbook-part.js';
import { readWorksheet } from './xlsx/worksheet.js';
import { checkWorkbookZip, ZIP_LIMITS, type ZipLimits } from './zip-guard.js';

export { resolveTarget } from './xlsx/package.js';
export { cellOf, MAX_CELL_CHARS, MAX_COLUMN, MAX_ROW } from './xlsx/worksheet.js';

/** What the reader hands its caller, in order: the date system, then each sheet, its tables and its rows. */
export interface SheetVisitor {
  /** Called once, before any sheet. */
  begin(workbook: { readonly date1904: boolean; readonly sheets: readonly string[] }): void;
  /** Starts a worksheet; false skips it without inflating it. */
  startSheet(name: string): boolean;
  /** The Excel tables of the sheet just started (perhaps none), before its first row. */
  tables?(tables: readonly RawTable[]): void;
  /** One row holding at least one cell, in worksheet order. */
  row(row: RawRow): void;
}

const WORKBOOK_PART = 'xl/workbook.xml';

function visit<T>(call: () => T): T {
  try {
    return call();
  } catch (e) {
    throw new VisitorFailure(e);
  }
}

/** The Excel tables of a worksheet part: its relationships of type table, each table part read. */
async function readSheetTables(pkg: XlsxPackage, sheetPart: string): Promise<RawTable[]> {
  const tables: RawTable[] = [];
  for (const rel of await readRelationships(pkg, sheetPart)) {
    if (rel.type !== 'table') continue;
    const table = await readTablePart(pkg, rel.target);
    if (table) tables.push(table);
  }
  return tables;
}

/**
 * Reads the workbook at `path` into the visitor. Throws ExpectedError (exit code 2) for a file that
 * cannot be read at all, naming the part or the cell at fault; an exception from the visitor is
 * thrown as it is.
 */
export async function readXlsx(path: string, visitor: SheetVisitor, limits: ZipLimits = ZIP_LIMITS): Promise<void> {
  const { zip, entries } = await checkWorkbookZip(path, limits);
  const pkg = new XlsxPackage(path, zip, entries);
  try {
    const { date1904, sheets } = await readWorkbookPart(pkg, WORKBOOK_PART);
    const relationships = await readRelationships(pkg, WORKBOOK_PART);
    // Keyed by id; a sheet without one (undefined) finds no target and is read from its default part.
    const targets = new Map<string | undefined, string>(relationships.map((r) => [r.id, r.target]));
    const sharedStrings = relationships.find((r) => r.type === 'sharedStrings')?.target;
    const strings = await readSharedStrings(pkg, sharedStrings ?? 'xl/sharedStrings.xml');
    visit(() => visitor.begin({ date1904, sheets: sheets.map((s) => s.name) }));
    for (const [i, sheet] of sheets.entries()) {
      if (!visit(() => visitor.startSheet(sheet.name))) continue;
      const part = targets.get(sheet.relId) ?? `xl/worksheets/sheet${i + 1}.xml`;
      const entry = pkg.entry(part);
      if (!entry) throw new ExpectedError(`${path} is not an Excel workbook (.xlsx): sheet '${sheet.name}' is kept in ${part}, which the file does not hold.`);
      if (visitor.tables) {
        const tables = await readSheetTables(pkg, entry.name);
        visit(() => visitor.tables!(tables));
      }
      await readWorksheet(pkg, entry, sheet.name, strings, (row) => visitor.row(row));
    }
  } catch (e) {
    if (e instanceof VisitorFailure) throw e.error;
    throw e;
  } finally {
    zip.close();
  }
}
