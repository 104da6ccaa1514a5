// The zip guard's re-packing: workbooks that keep their text inline (no shared-strings part) are
// read whole, and the shared-strings part the guard supplies is a well-formed stored entry.
import path from 'node:path';
import { crc32 } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readMeetingFile } from '../../pipeline/read-workbook.js';
import { EMPTY_SHARED_STRINGS_BYTES, EMPTY_SHARED_STRINGS_CRC } from '../../pipeline/zip-guard.js';
import { tempDir, validSheets } from '../fixtures/build-workbook.js';

describe('zip guard re-packing', () => {
  it('reads every sheet of a workbook written with inline strings (exceljs streaming writer)', async () => {
    const file = path.join(tempDir('att-inline-'), 'inline.xlsx');
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: false });
    for (const [name, rows] of Object.entries(validSheets())) {
      const ws = wb.addWorksheet(name);
      for (const row of rows) ws.addRow(row).commit();
      ws.commit();
    }
    await wb.commit();
    const v = await readMeetingFile(file);
    expect(v.issues).toEqual([]);
    expect(v.data?.submissions).toHaveLength(1); // the last sheet, the one exceljs used to lose
    expect(v.data?.attendance).toHaveLength(3);
  });

  it('supplies an empty shared-strings part with its true CRC-32', () => {
    expect(crc32(EMPTY_SHARED_STRINGS_BYTES) >>> 0).toBe(EMPTY_SHARED_STRINGS_CRC);
    expect(EMPTY_SHARED_STRINGS_BYTES.toString()).toMatch(/<sst [^>]*count="0"[^>]*\/>$/);
  });
});
