// Reads a workbook's cells back as plain values with exceljs, for comparing generated files.
import ExcelJS from 'exceljs';

export type Plain = string | number | boolean | null;

/** A cell value as plain data: dates as ISO text, rich values by their text. */
export function plain(value: ExcelJS.CellValue): Plain {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return value;
}

/** Every sheet's rows of plain values, in sheet order. */
export async function sheetValues(path: string): Promise<Record<string, Plain[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const out: Record<string, Plain[][]> = {};
  for (const ws of wb.worksheets) {
    const rows: Plain[][] = [];
    ws.eachRow({ includeEmpty: true }, (row) => {
      const cells: Plain[] = [];
      for (let c = 1; c <= ws.columnCount; c++) cells.push(plain(row.getCell(c).value));
      rows.push(cells);
    });
    out[ws.name] = rows;
  }
  return out;
}

export async function openWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}
