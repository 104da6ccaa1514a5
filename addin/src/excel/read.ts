// Reads the open workbook's contract sheets into the pure core's RawWorkbook: which sheets exist,
// how big their used ranges are, then the cells in requests under Excel on the web's 5 MB cap:
// three syncs for any meeting up to tens of thousands of cells. The only reader of Excel data.
import type { RawCell, RawRow, RawSheet, RawWorkbook } from '../../../pipeline/core/raw.js';
import { SHEET_ORDER } from '../../../templates/contract/index.js';
import { planReads } from './request-size.js';

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
      // Excel reports the text of a cell typed as '=x (text, apostrophe-prefixed) as the formula
      // "=x" too (office-js issue 6687); a real formula's value is its result, not its own text.
      const hasFormula = typeof formula === 'string' && formula.startsWith('=') && formula !== value;
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
  const used = present.map((s) => s.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount'));
  await context.sync();

  // Excel on the web caps a response at 5 MB too: the values come in row blocks, as many per
  // request as fit. A meeting of a thousand people is one request.
  const sizes = used.map((r) => (r.isNullObject ? { rows: 0, columns: 0 } : { rows: r.rowCount, columns: r.columnCount }));
  const rows: RawRow[][] = present.map(() => []);
  for (const request of planReads(sizes)) {
    const blocks = request.map((b) => {
      const r = used[b.sheet]!;
      return { b, range: present[b.sheet]!.getRangeByIndexes(r.rowIndex + b.start, r.columnIndex, b.count, r.columnCount).load('values,formulas,valueTypes') };
    });
    await context.sync();
    for (const { b, range } of blocks) {
      const r = used[b.sheet]!;
      rows[b.sheet]!.push(...rowsFromRange(range.values, range.formulas, range.valueTypes, r.rowIndex + b.start, r.columnIndex));
    }
  }
  const raw: RawSheet[] = present.map((s, k) => ({ name: s.name, rows: rows[k]! }));
  return { raw: { date1904: epoch.value === 0, sheets: raw }, hasReportSheet: !report.isNullObject };
}
