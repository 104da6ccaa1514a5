// Reads a meeting workbook file with exceljs's streaming reader and validates it row by row: the
// zip is guarded first, each worksheet row is flattened to plain cells and pushed straight into the
// pure validator, so the workbook is never held in memory as a whole. The file is only ever read.
import ExcelJS from 'exceljs';
import type { RawCell, RawRow } from './core/raw.js';
import { createValidator, type Validation } from './core/validate.js';
import { ExpectedError } from './errors.js';
import { guardedWorkbookStream, ZIP_LIMITS, type ZipLimits } from './zip-guard.js';

export interface ReadOptions {
  /** Called every 10,000 rows and at the start of each sheet. */
  readonly onProgress?: (p: { sheet: string; rows: number }) => void;
  /** The zip limits (tests lower them). */
  readonly limits?: ZipLimits;
}

interface RichText {
  richText: { text?: string | null }[];
}

/** One exceljs cell value as the pure core takes it; undefined for an empty cell. */
export function flattenCell(value: unknown): RawCell | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string' || typeof value === 'boolean' || value instanceof Date) return { value };
  if (typeof value === 'number') return Number.isNaN(value) ? { value: null, error: '#VALUE!' } : { value };
  const o = value as Record<string, unknown>;
  if ('error' in o) return { value: null, error: String(o.error) };
  if ('formula' in o || 'sharedFormula' in o) {
    const formula = String(o.formula ?? o.sharedFormula ?? '');
    const result = o.result;
    // The streaming reader reads an error result (<v>#N/A</v>) as a number: NaN.
    if (typeof result === 'number' && Number.isNaN(result)) return { value: null, formula, error: 'an error value' };
    const inner = flattenCell(result);
    return { value: inner?.value ?? null, formula, ...(inner?.error !== undefined ? { error: inner.error } : {}) };
  }
  if ('richText' in o) return { value: (o as unknown as RichText).richText.map((r) => r.text ?? '').join('') };
  if ('text' in o) return flattenCell(o.text); // a hyperlink: its text, which may itself be rich
  return { value: String(value) };
}

function toRawRow(row: ExcelJS.Row): RawRow {
  const cells: (RawCell | undefined)[] = [];
  row.eachCell({ includeEmpty: false }, (cell, col) => {
    // A formula cell's value drops a falsy cached result (0, an error read as NaN): ask for it directly.
    cells[col] = flattenCell(cell.type === ExcelJS.ValueType.Formula ? { formula: cell.formula, result: cell.result } : cell.value);
  });
  return { row: row.number, cells };
}

/** An exception from our own code while exceljs is reading, kept apart from exceljs's own. */
class OurBug {
  constructor(readonly error: unknown) {}
}

interface StreamingReader {
  model?: { properties?: { date1904?: boolean } };
  [Symbol.asyncIterator](): AsyncGenerator<ExcelJS.stream.xlsx.WorksheetReader & { name?: string }>;
}

export async function readMeetingFile(path: string, options: ReadOptions = {}): Promise<Validation> {
  const { stream, failure } = await guardedWorkbookStream(path, options.limits ?? ZIP_LIMITS);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
    sharedStrings: 'cache',
    styles: 'cache', // dates are told from numbers by their number format
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  }) as unknown as StreamingReader;
  let validator: ReturnType<typeof createValidator> | undefined;
  try {
    for await (const worksheet of reader) {
      // The guard streams xl/workbook.xml first, so the date system is known before any row.
      validator ??= createValidator({ date1904: reader.model?.properties?.date1904 === true });
      const name = worksheet.name ?? '';
      if (!validator.startSheet(name)) continue;
      let rows = 0;
      options.onProgress?.({ sheet: name, rows });
      for await (const row of worksheet) {
        try {
          validator.row(toRawRow(row));
        } catch (e) {
          throw new OurBug(e);
        }
        if (++rows % 10_000 === 0) options.onProgress?.({ sheet: name, rows });
      }
    }
  } catch (e) {
    // exceljs failing on the file is the file's fault; our own code failing is a bug, with its stack.
    if (e instanceof OurBug) throw e.error;
    throw failure() ?? new ExpectedError(`${path} could not be read as an Excel workbook: ${(e as Error).message}.`);
  }
  const failed = failure();
  if (failed) throw failed;
  validator ??= createValidator({ date1904: reader.model?.properties?.date1904 === true });
  return validator.finish();
}
