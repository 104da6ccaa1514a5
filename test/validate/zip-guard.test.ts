// The zip guard's re-packing: workbooks that keep their text inline (no shared-strings part) are
// read whole, and the shared-strings part the guard supplies is a well-formed stored entry.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readMeetingFile } from '../../pipeline/read-workbook.js';
import { crc32 as ourCrc32, EMPTY_SHARED_STRINGS_BYTES, normalizeWorksheetTargets } from '../../pipeline/zip-guard.js';
import yauzl from 'yauzl';
import { tempDir, validSheets, writeWorkbook } from '../fixtures/build-workbook.js';
import { zipBytes } from './zip-bytes.js';

/** Every entry of a zip, inflated. */
function unzip(file: string): Promise<{ name: string; data: Buffer }[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      const out: { name: string; data: Buffer }[] = [];
      zip.on('entry', (entry: yauzl.Entry) =>
        zip.openReadStream(entry, async (e, stream) => {
          if (e || !stream) return reject(e);
          const chunks: Buffer[] = [];
          for await (const c of stream) chunks.push(c as Buffer);
          out.push({ name: entry.fileName, data: Buffer.concat(chunks) });
          zip.readEntry();
        }));
      zip.on('end', () => resolve(out));
      zip.readEntry();
    });
  });
}

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

  it('computes CRC-32 as zlib does, for the parts it supplies', () => {
    expect(ourCrc32(EMPTY_SHARED_STRINGS_BYTES)).toBe(crc32(EMPTY_SHARED_STRINGS_BYTES) >>> 0);
    expect(ourCrc32(Buffer.from('123456789'))).toBe(0xcbf43926); // the standard check value
    expect(ourCrc32(Buffer.alloc(0))).toBe(0);
    expect(EMPTY_SHARED_STRINGS_BYTES.toString()).toMatch(/<sst [^>]*count="0"[^>]*\/>$/);
  });

  it('reads a workbook whose relationships point at /xl/worksheets/... (as openpyxl and pandas write them)', async () => {
    const dir = tempDir('att-abs-');
    const entries = await unzip(await writeWorkbook(path.join(dir, 'relative.xlsx'), validSheets()));
    const rels = entries.find((e) => e.name === 'xl/_rels/workbook.xml.rels')!;
    const absolute = rels.data.toString().replace(/Target="worksheets\//g, 'Target="/xl/worksheets/');
    expect(absolute).toContain('Target="/xl/worksheets/sheet8.xml"');
    rels.data = Buffer.from(absolute);
    const file = path.join(dir, 'absolute.xlsx');
    writeFileSync(file, zipBytes(entries));
    const v = await readMeetingFile(file);
    expect(v.issues).toEqual([]);
    expect(v.data?.participants).toHaveLength(3);
  });

  it('normalizes only worksheet targets', () => {
    expect(normalizeWorksheetTargets('<R Target="/xl/worksheets/sheet12.xml"/><R Target="./worksheets/sheet2.xml"/><R Target="/xl/styles.xml"/>'))
      .toBe('<R Target="worksheets/sheet12.xml"/><R Target="worksheets/sheet2.xml"/><R Target="/xl/styles.xml"/>');
  });
});
