// Writes small .xlsx files byte by byte for the reader's unit tests (yauzl needs a real file), in a
// temporary folder that the caller removes with `remove()` after its tests.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RawRow } from '../../pipeline/core/raw.js';
import { ExpectedError } from '../../pipeline/errors.js';
import { readXlsx } from '../../pipeline/xlsx-reader.js';
import { XlsxPackage } from '../../pipeline/xlsx/package.js';
import { checkWorkbookZip } from '../../pipeline/zip-guard.js';
import { expect } from 'vitest';
import { zip } from '../fixtures/hostile/zip.js';

export const MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export const sheetXml = (rows: string) => `<?xml version="1.0"?><worksheet ${MAIN}><sheetData>${rows}</sheetData></worksheet>`;

export interface XlsxFolder {
  /** Writes a zip of these parts (name, text) and returns its path. */
  parts(entries: readonly { name: string; data: string | Buffer }[]): string;
  /** A workbook of these sheets (name, worksheet XML), the workbookPr element given whole. */
  workbook(sheets: readonly { sheet: string; xml: string }[], options?: { workbookPr?: string; sharedStrings?: string[] }): string;
  remove(): void;
}

export function xlsxFolder(): XlsxFolder {
  const dir = mkdtempSync(path.join(tmpdir(), 'att-unit-xlsx-'));
  let n = 0;
  const parts = (entries: readonly { name: string; data: string | Buffer }[]) => {
    const file = path.join(dir, `w-${++n}.xlsx`);
    writeFileSync(file, zip(entries.map((e) => ({ name: e.name, data: typeof e.data === 'string' ? Buffer.from(e.data, 'utf8') : e.data }))));
    return file;
  };
  return {
    parts,
    workbook(sheets, options = {}) {
      const list = sheets.map((s, i) => `<sheet name="${s.sheet}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
      const rels = sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('');
      const sst = options.sharedStrings;
      return parts([
        { name: 'xl/workbook.xml', data: `<?xml version="1.0"?><workbook ${MAIN}>${options.workbookPr ?? ''}<sheets>${list}</sheets></workbook>` },
        {
          name: 'xl/_rels/workbook.xml.rels',
          data: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}${sst ? `<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : ''}</Relationships>`,
        },
        ...(sst ? [{ name: 'xl/sharedStrings.xml', data: `<?xml version="1.0"?><sst ${MAIN}>${sst.join('')}</sst>` }] : []),
        ...sheets.map((s, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: s.xml })),
      ]);
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** What readXlsx hands its visitor: the date system, the sheet names and every row by sheet. */
export async function readAll(file: string): Promise<{ date1904: boolean; sheets: string[]; rows: Record<string, RawRow[]> }> {
  const rows: Record<string, RawRow[]> = {};
  let current = '';
  let info = { date1904: false, sheets: [] as string[] };
  await readXlsx(file, {
    begin: (w) => {
      info = { date1904: w.date1904, sheets: [...w.sheets] };
    },
    startSheet: (name) => {
      current = name;
      rows[name] = [];
      return true;
    },
    row: (row) => rows[current]!.push(row),
  });
  return { ...info, rows };
}

/** A row's cells as [column number, cell] pairs, for comparing whole rows. */
export const cellsOf = (row: RawRow | undefined) => Object.entries(row?.cells ?? {}).map(([col, cell]) => [Number(col), cell]);

/** Reads a workbook that must be refused; returns the one sentence it was refused with. */
export async function refused(file: string): Promise<string> {
  const e = await readAll(file).then(() => undefined, (err: unknown) => err);
  expect(e).toBeInstanceOf(ExpectedError);
  return (e as ExpectedError).message;
}

/** The package of a written workbook, to read one part at a time; `close()` it after. */
export async function openPackage(file: string): Promise<{ pkg: XlsxPackage; close: () => void }> {
  const { zip: z, entries } = await checkWorkbookZip(file);
  return { pkg: new XlsxPackage(file, z, entries), close: () => z.close() };
}
