// Floor (a) of the benchmark: exceljs's streaming reader visiting every row of every worksheet and
// doing nothing else. Prints the rows per worksheet as JSON (the benchmark takes its counts from it).
// The pipeline no longer reads with exceljs (see pipeline/xlsx-reader.ts); this stays the issue's
// yardstick.
import ExcelJS from 'exceljs';

const file = process.argv[2];
if (!file) throw new Error('usage: floor-stream.js <workbook.xlsx>');
const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
  sharedStrings: 'cache',
  styles: 'cache',
  hyperlinks: 'ignore',
  worksheets: 'emit',
  entries: 'ignore',
});
const rows: Record<string, number> = {};
for await (const worksheet of reader as unknown as AsyncIterable<AsyncIterable<unknown> & { name: string }>) {
  let n = 0;
  for await (const _row of worksheet) n++;
  rows[worksheet.name] = n;
}
process.stdout.write(`${JSON.stringify(rows)}\n`);
