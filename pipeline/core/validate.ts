// Validates a meeting workbook against the contract: every problem with its cell address, and the
// typed rows free of errors. The same code runs for the pipeline (rows pushed one at a time from
// the workbook reader, pipeline/xlsx-reader.ts) and for the add-in (a RawWorkbook built from Office.js ranges).
import { MeetingReader } from './read-meeting.js';
import type { RawRow, RawTable, RawWorkbook } from './raw.js';
import { applyRules, type Validation } from './rules.js';

export type { LeftOut, Validation } from './rules.js';

/** Validation fed incrementally: start each worksheet, push its rows in order, then finish. */
export interface MeetingValidator {
  /** Starts a worksheet; false when the contract has no such sheet (its rows may be skipped). */
  startSheet(name: string): boolean;
  /** The Excel tables of the sheet just started, before its rows (see MeetingReader.tables). */
  tables(tables: readonly RawTable[]): void;
  row(row: RawRow): void;
  finish(): Validation;
}

export function createValidator(options: { date1904: boolean }): MeetingValidator {
  const reader = new MeetingReader();
  reader.setDate1904(options.date1904);
  return {
    startSheet: (name) => reader.startSheet(name),
    tables: (tables) => reader.tables(tables),
    row: (row) => reader.row(row),
    finish: () => applyRules(reader.finish()),
  };
}

export function validateWorkbook(raw: RawWorkbook): Validation {
  const validator = createValidator({ date1904: raw.date1904 });
  for (const sheet of raw.sheets) {
    if (!validator.startSheet(sheet.name)) continue;
    if (sheet.tables) validator.tables(sheet.tables);
    for (const row of sheet.rows) validator.row(row);
  }
  return validator.finish();
}
