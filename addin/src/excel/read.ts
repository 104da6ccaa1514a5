// Reads the open workbook's contract sheets into the pure core's RawWorkbook: two syncs whatever
// the row count (which sheets exist, then every used range at once). The only reader of Excel data.
import type { RawCell, RawRow, RawSheet, RawWorkbook } from '../../../pipeline/core/raw.js';
import { SHEET_ORDER } from '../../../templates/contract/index.js';

type Grid = readonly (readonly unknown[])[];

/** Turns one used range's values, formulas and value types into the core's non-empty rows. */
export function rowsFromRange(values: Grid, formulas: Grid, valueTypes: Grid, rowIndex: number, columnIndex: number): RawRow[] {
  const rows: RawRow[] = [];
  values.forEach((line, i) => {
    const cells: (RawCell | undefined)[] = [];
    let any = false;
    line.forEach((value, j) => {
      const formula = formulas[i]?.[j];
      const type = valueTypes[i]?.[j];
      if (value === '' || value === null || value === undefined) return;
      any = true;
      const hasFormula = typeof formula === 'string' && formula.startsWith('=');
      const cell: RawCell = type === 'Error'
        ? { value: null, error: String(value), ...(hasFormula ? { formula: formula.slice(1) } : {}) }
        : { value: value as RawCell['value'], ...(hasFormula ? { formula: formula.slice(1) } : {}) };
      // Cells are indexed by 1-based worksheet column number.
      cells[columnIndex + j + 1] = cell;
    });
    if (any) rows.push({ row: rowIndex + i + 1, cells });
  });
  return rows;
}

/** The name of the sheet "Build report sheet" writes (and replaces). */
export const REPORT_SHEET = 'Report';

export interface WorkbookSnapshot {
  readonly raw: RawWorkbook;
  /** Whether a Report sheet exists, so the pane can ask before replacing it. */
  readonly hasReportSheet: boolean;
}

export async function readWorkbook(context: Excel.RequestContext): Promise<WorkbookSnapshot> {
  const workbook = context.workbook;
  const sheets = SHEET_ORDER.map((name) => workbook.worksheets.getItemOrNullObject(name).load('name'));
  const report = workbook.worksheets.getItemOrNullObject(REPORT_SHEET).load('name');
  // The typed API has no date-system flag; DATE(1904,1,1) is 0 in a 1904 workbook and 1462 otherwise.
  const epoch = workbook.functions.date(1904, 1, 1).load('value');
  await context.sync();

  const present = sheets.filter((s) => !s.isNullObject);
  const ranges = present.map((s) => s.getUsedRangeOrNullObject(true).load('values,formulas,valueTypes,rowIndex,columnIndex'));
  await context.sync();

  const raw: RawSheet[] = present.map((s, k) => {
    const r = ranges[k]!;
    return { name: s.name, rows: r.isNullObject ? [] : rowsFromRange(r.values, r.formulas, r.valueTypes, r.rowIndex, r.columnIndex) };
  });
  return { raw: { date1904: epoch.value === 0, sheets: raw }, hasReportSheet: !report.isNullObject };
}
