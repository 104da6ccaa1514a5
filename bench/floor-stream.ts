// Floor (a) of the benchmark: exceljs's streaming reader visiting every row of every worksheet and
// doing nothing else. Prints the rows per worksheet as JSON (the benchmark takes its counts from it).
// With --guarded it reads through the pipeline's zip guard, exactly as `validate` does, so the gap
// between this and `validate` is the validation itself.
import ExcelJS from 'exceljs';
import { guardedWorkbookStream } from '../pipeline/zip-guard.js';

const file = process.argv[2];
if (!file) throw new Error('usage: floor-stream.js <workbook.xlsx> [--guarded]');
const input = process.argv.includes('--guarded') ? (await guardedWorkbookStream(file)).stream : file;
const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
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
