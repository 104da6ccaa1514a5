// Excel table parts (ECMA-376 Part 1, 18.5.1.2 table): the table's name, its range as 1-based
// rows and columns whichever way round the ref is written, and its header and totals row counts;
// and, through readXlsx, the tables of each sheet found through the sheet's relationships.
import { afterAll, describe, expect, it } from 'vitest';
import type { RawTable } from '../core/raw.js';
import { cellsOf, MAIN, openPackage, readAll, sheetXml, xlsxFolder } from '../../test/unit/xlsx-file.js';
import { readXlsx } from '../xlsx-reader.js';
import { readTablePart } from './table-part.js';

const folder = xlsxFolder();
afterAll(() => folder.remove());
const TABLE_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const RELS = 'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const WORKBOOK = { name: 'xl/workbook.xml', data: `<workbook ${MAIN}><sheets><sheet name="S"/></sheets></workbook>` };

/** Reads `xl/tables/table1.xml` holding `xml` (or no such part when `xml` is undefined). */
async function tableOf(xml: string | undefined): Promise<RawTable | undefined> {
  const file = folder.parts([WORKBOOK, ...(xml === undefined ? [] : [{ name: 'xl/tables/table1.xml', data: xml }])]);
  const { pkg, close } = await openPackage(file);
  try {
    return await readTablePart(pkg, 'xl/tables/table1.xml');
  } finally {
    close();
  }
}
const table = (attributes: string) => `<?xml version="1.0"?><table ${TABLE_NS} id="1" ${attributes}><tableColumns count="1"><tableColumn id="1" name="A"/></tableColumns></table>`;

describe('readTablePart', () => {
  it('reads the display name, the range B3:E10 as columns 2 to 5 and rows 3 to 10, and the header and totals rows', async () => {
    expect(await tableOf(table('name="Table1" displayName="Delegations" ref="B3:E10" headerRowCount="1" totalsRowCount="1"'))).toEqual({
      name: 'Delegations', firstColumn: 2, lastColumn: 5, firstRow: 3, lastRow: 10, headerRowCount: 1, totalsRowCount: 1,
    });
  });

  it('takes the name when there is no display name, and no name at all as an empty one', async () => {
    expect((await tableOf(table('name="Table2" ref="A1:B2"')))?.name).toBe('Table2');
    expect((await tableOf(table('ref="A1:B2"')))?.name).toBe('');
  });

  it('counts one header row and no totals row when the part does not say', async () => {
    expect(await tableOf(table('displayName="T" ref="A1:C4"'))).toEqual({ name: 'T', firstColumn: 1, lastColumn: 3, firstRow: 1, lastRow: 4, headerRowCount: 1, totalsRowCount: 0 });
  });

  it('reads a table shown without its header row, and with two totals rows', async () => {
    expect(await tableOf(table('displayName="T" ref="A1:C4" headerRowCount="0" totalsRowCount="2"'))).toEqual({ name: 'T', firstColumn: 1, lastColumn: 3, firstRow: 1, lastRow: 4, headerRowCount: 0, totalsRowCount: 2 });
  });

  it('takes the usual counts instead of counts that are not whole numbers of rows', async () => {
    for (const [header, totals] of [['-1', '-1'], ['1.5', '0.5'], ['x', 'y']]) {
      const t = await tableOf(table(`displayName="T" ref="A1:C4" headerRowCount="${header}" totalsRowCount="${totals}"`));
      expect([header, totals, t?.headerRowCount, t?.totalsRowCount]).toEqual([header, totals, 1, 0]);
    }
  });

  it('reads a range written from its last cell to its first, with $ marks, in lower case or with spaces', async () => {
    const b3e10 = { name: 'T', firstColumn: 2, lastColumn: 5, firstRow: 3, lastRow: 10, headerRowCount: 1, totalsRowCount: 0 };
    expect(await tableOf(table('displayName="T" ref="E10:B3"'))).toEqual(b3e10);
    expect(await tableOf(table('displayName="T" ref="E3:B10"'))).toEqual(b3e10);
    expect(await tableOf(table('displayName="T" ref="$b$3:$e$10"'))).toEqual(b3e10);
    expect(await tableOf(table('displayName="T" ref=" B3 : E10 "'))).toEqual(b3e10);
  });

  it('reads a range of one cell as that cell, and a range reaching column XFD and row 1,048,576', async () => {
    expect(await tableOf(table('displayName="T" ref="C4"'))).toEqual({ name: 'T', firstColumn: 3, lastColumn: 3, firstRow: 4, lastRow: 4, headerRowCount: 1, totalsRowCount: 0 });
    expect(await tableOf(table('displayName="T" ref="AA1:XFD1048576"'))).toEqual({ name: 'T', firstColumn: 27, lastColumn: 16_384, firstRow: 1, lastRow: 1_048_576, headerRowCount: 1, totalsRowCount: 0 });
  });

  it('is no table when its ref is missing or not a range Excel can hold', async () => {
    for (const ref of ['', 'A1:', ':B2', 'A0:B2', 'A1:XFE2', 'A1:B1048577', 'AAAA1:B2', 'A1:B2x', '1:2', 'A:B', 'Sheet1!A1:B2']) {
      expect([ref, await tableOf(table(`displayName="T" ref="${ref}"`))]).toEqual([ref, undefined]);
    }
    expect(await tableOf(table('displayName="T"'))).toBeUndefined();
  });

  it('is no table when the part is missing or holds no table element; the first table element is the one read', async () => {
    expect(await tableOf(undefined)).toBeUndefined();
    expect(await tableOf(`<?xml version="1.0"?><tableColumns ${TABLE_NS} ref="A1:B2" displayName="T"/>`)).toBeUndefined();
    const nested = `<?xml version="1.0"?><x:table xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" x:displayName="First" x:ref="A1:B2"><x:table displayName="Second" ref="C3:D4"/></x:table>`;
    expect(await tableOf(nested)).toEqual({ name: 'First', firstColumn: 1, lastColumn: 2, firstRow: 1, lastRow: 2, headerRowCount: 1, totalsRowCount: 0 });
    const afterBad = `<?xml version="1.0"?><table ${TABLE_NS} displayName="Bad" ref="nowhere"><table displayName="Good" ref="C3:D4"/></table>`;
    expect(await tableOf(afterBad)).toEqual({ name: 'Good', firstColumn: 3, lastColumn: 4, firstRow: 3, lastRow: 4, headerRowCount: 1, totalsRowCount: 0 });
  });
});

describe('the tables of each sheet, through readXlsx', () => {
  /** Two sheets: S1 with two tables, a drawing and a table whose part is missing; S2 with none. */
  const workbook = (table1: string) =>
    folder.parts([
      { name: 'xl/workbook.xml', data: `<workbook ${MAIN}><sheets><sheet name="People" r:id="rId1"/><sheet name="Notes" r:id="rId2"/></sheets></workbook>` },
      { name: 'xl/_rels/workbook.xml.rels', data: `<Relationships ${RELS}><Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${R}/worksheet" Target="worksheets/sheet2.xml"/></Relationships>` },
      { name: 'xl/worksheets/sheet1.xml', data: sheetXml('<row r="2"><c r="B2"><v>1</v></c></row>') },
      {
        name: 'xl/worksheets/_rels/sheet1.xml.rels',
        data: `<Relationships ${RELS}><Relationship Id="rId3" Type="${R}/table" Target="../tables/table2.xml"/><Relationship Id="rId1" Type="${R}/table" Target="../tables/table1.xml"/><Relationship Id="rId2" Type="${R}/drawing" Target="../drawings/drawing1.xml"/><Relationship Id="rId4" Type="${R}/table" Target="../tables/table9.xml"/></Relationships>`,
      },
      { name: 'xl/tables/table1.xml', data: table1 },
      { name: 'xl/tables/table2.xml', data: table('displayName="Legend" ref="H1:I3"') },
      { name: 'xl/drawings/drawing1.xml', data: '<not a table' },
      { name: 'xl/worksheets/sheet2.xml', data: sheetXml('<row r="1"><c r="A1"><v>2</v></c></row>') },
    ]);

  it('hands over each sheet\'s tables in the order of its relationships, before its rows; parts of other types and missing parts are left out', async () => {
    const file = workbook(table('displayName="Participants" ref="B2:D9" totalsRowCount="1"'));
    const seen: unknown[] = [];
    await readXlsx(file, {
      begin: () => {},
      startSheet: (name) => (seen.push(name), true),
      tables: (tables) => seen.push(tables),
      row: (row) => seen.push(cellsOf(row)),
    });
    expect(seen).toEqual([
      'People',
      [
        { name: 'Legend', firstColumn: 8, lastColumn: 9, firstRow: 1, lastRow: 3, headerRowCount: 1, totalsRowCount: 0 },
        { name: 'Participants', firstColumn: 2, lastColumn: 4, firstRow: 2, lastRow: 9, headerRowCount: 1, totalsRowCount: 1 },
      ],
      [[2, { value: 1 }]],
      'Notes',
      [],
      [[1, { value: 2 }]],
    ]);
  });

  it('reads no table part for a visitor that takes no tables (a damaged one is then never met)', async () => {
    const file = workbook('<table ref="A1:B2"');
    const r = await readAll(file);
    expect(Object.fromEntries(Object.entries(r.rows).map(([k, rows]) => [k, rows.map(cellsOf)]))).toEqual({ People: [[[2, { value: 1 }]]], Notes: [[[1, { value: 2 }]]] });
  });

  it('refuses a damaged table part for a visitor that takes tables, naming the part', async () => {
    const file = workbook('<table ref="A1:B2"');
    const e = await readXlsx(file, { begin: () => {}, startSheet: () => true, tables: () => {}, row: () => {} }).then(() => undefined, (err: unknown) => err);
    expect((e as Error).message).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} could not be read as an Excel workbook: xl/tables/table1\\.xml is not well-formed XML \\(.+\\)\\.$`));
  });

  it('passes an exception from the visitor\'s tables or row through as itself', async () => {
    const file = workbook(table('displayName="P" ref="B2:D9"'));
    const fromTables = await readXlsx(file, { begin: () => {}, startSheet: () => true, tables: () => { throw new RangeError('tables'); }, row: () => {} }).then(() => undefined, (e: unknown) => e);
    expect(fromTables).toEqual(new RangeError('tables'));
    const fromRow = await readXlsx(file, { begin: () => {}, startSheet: () => true, row: () => { throw new Error('row'); } }).then(() => undefined, (e: unknown) => e);
    expect(fromRow).toEqual(new Error('row'));
    expect(fromRow).not.toBeInstanceOf(TypeError);
    const notAnError = await readXlsx(file, { begin: () => {}, startSheet: () => true, row: () => { throw 'row as text'; } }).then(() => undefined, (e: unknown) => e);
    expect(notAnError).toBe('row as text');
  });
});
