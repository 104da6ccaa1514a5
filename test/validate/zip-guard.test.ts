// Workbooks that exceljs's own streaming reader read wrongly: text kept inline (no shared-strings
// part; exceljs lost the last sheet) and relationships written from the package root (openpyxl).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readMeetingFile } from '../../pipeline/read-workbook.js';
import yauzl from 'yauzl';
import { tempDir, validSheets, writeWorkbook } from '../fixtures/build-workbook.js';
import { zip } from '../fixtures/hostile/zip.js';

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

describe('workbooks other writers make', () => {
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

  it('reads a workbook whose relationships point at /xl/worksheets/... (as openpyxl and pandas write them)', async () => {
    const dir = tempDir('att-abs-');
    const entries = await unzip(await writeWorkbook(path.join(dir, 'relative.xlsx'), validSheets()));
    const rels = entries.find((e) => e.name === 'xl/_rels/workbook.xml.rels')!;
    const absolute = rels.data.toString().replace(/Target="worksheets\//g, 'Target="/xl/worksheets/');
    expect(absolute).toContain('Target="/xl/worksheets/sheet8.xml"');
    rels.data = Buffer.from(absolute);
    const file = path.join(dir, 'absolute.xlsx');
    writeFileSync(file, zip(entries));
    const v = await readMeetingFile(file);
    expect(v.issues).toEqual([]);
    expect(v.data?.participants).toHaveLength(3);
  });
});
