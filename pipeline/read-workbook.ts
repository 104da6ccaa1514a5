// Reads a meeting workbook file and validates it row by row: the workbook reader (xlsx-reader.ts)
// guards the zip and streams each worksheet the contract knows, and every row goes straight into the
// pure validator, so the workbook is never held in memory as a whole. The file is only ever read.
import { createValidator, type MeetingValidator, type Validation } from './core/validate.js';
import { readXlsx } from './xlsx-reader.js';
import { ZIP_LIMITS, type ZipLimits } from './zip-guard.js';

export interface ReadOptions {
  /** Called every 10,000 rows and at the start of each sheet. */
  readonly onProgress?: (p: { sheet: string; rows: number }) => void;
  /** The zip limits (tests lower them). */
  readonly limits?: ZipLimits;
}

export async function readMeetingFile(path: string, options: ReadOptions = {}): Promise<Validation> {
  let validator: MeetingValidator | undefined;
  let sheet = '';
  let rows = 0;
  await readXlsx(
    path,
    {
      begin: ({ date1904 }) => {
        validator = createValidator({ date1904 });
      },
      startSheet: (name) => {
        if (!validator!.startSheet(name)) return false;
        sheet = name;
        rows = 0;
        options.onProgress?.({ sheet, rows });
        return true;
      },
      tables: (tables) => validator!.tables(tables),
      row: (row) => {
        validator!.row(row);
        if (++rows % 10_000 === 0) options.onProgress?.({ sheet, rows });
      },
    },
    options.limits ?? ZIP_LIMITS,
  );
  return validator!.finish();
}
