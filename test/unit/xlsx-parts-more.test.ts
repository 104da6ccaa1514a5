// More of the workbook reader: shared strings with phonetic runs, text at Excel's cell limit and
// one past it, the last letters and digits of addresses, rows without a number or without values,
// CDATA, DOCTYPE in a sheet, relationships without a target or pointing outside, sheets skipped.
// Expected values by hand (ECMA-376 Part 1, SpreadsheetML).
import { afterAll, describe, expect, it, vi } from 'vitest';
import yauzl from 'yauzl';
import { cellOf, readXlsx } from '../../pipeline/xlsx-reader.js';
import { cellsOf, MAIN, readAll, refused, sheetXml, xlsxFolder } from './xlsx-file.js';

const folder = xlsxFolder();
afterAll(() => folder.remove());
const RELS = 'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const oneSheet = (rows: string, sheet = 'A') => folder.workbook([{ sheet, xml: sheetXml(rows) }]);


describe('shared strings', () => {
  it('joins the runs of an item, leaves phonetic runs out (before and after), and reads text only inside items', async () => {
    const file = folder.workbook(
      [{ sheet: 'A', xml: sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>') }],
      { sharedStrings: ['<si><rPh><t>ア</t></rPh><r><t>A</t></r><rPh><t>ナ</t></rPh><r><t>n</t></r><t>a</t></si>', '<si><t>plain</t></si>', '<si><r><t>x</t></r> <r><t>y</t></r></si>'] },
    );
    expect(cellsOf((await readAll(file)).rows.A![0])).toEqual([[1, { value: 'Ana' }], [2, { value: 'plain' }], [3, { value: 'xy' }]]);
  });

  it('reads xl/sharedStrings.xml when no relationship names it', async () => {
    const file = folder.parts([
      { name: 'xl/workbook.xml', data: `<workbook ${MAIN}><sheets><sheet name="S"/></sheets></workbook>` },
      { name: 'xl/sharedStrings.xml', data: `<sst ${MAIN}><si><t>found</t></si></sst>` },
      { name: 'xl/worksheets/sheet1.xml', data: sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>') },
    ]);
    expect(cellsOf((await readAll(file)).rows.S![0])).toEqual([[1, { value: 'found' }]]);
  });

  it('takes a shared string of exactly 1,000,000 characters', async () => {
    const file = folder.workbook([{ sheet: 'A', xml: sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>') }], { sharedStrings: [`<si><t>${'s'.repeat(1_000_000)}</t></si>`] });
    expect(((await readAll(file)).rows.A![0]!.cells[1]!.value as string).length).toBe(1_000_000);
  });
});

describe('cells at the limit', () => {
  it('takes a cell of exactly 1,000,000 characters and refuses one whose value and formula together pass it', async () => {
    const ok = oneSheet(`<row r="1"><c r="A1" t="inlineStr"><is><t>${'i'.repeat(1_000_000)}</t></is></c></row>`);
    expect(((await readAll(ok)).rows.A![0]!.cells[1]!.value as string).length).toBe(1_000_000);
    const both = oneSheet(`<row r="3"><c r="B3" t="str"><f>${'f'.repeat(600_000)}</f><v>${'v'.repeat(400_001)}</v></c></row>`, 'Participants');
    expect(await refused(both)).toBe(`${both} cannot be read: Participants!B3 holds more than 1,000,000 characters, far past Excel's 32,767.`);
    const inlineAndFormula = oneSheet(`<row r="3"><c r="B3" t="inlineStr"><f>${'f'.repeat(600_000)}</f><is><t>${'t'.repeat(400_001)}</t></is></c></row>`, 'Participants');
    expect(await refused(inlineAndFormula)).toBe(`${inlineAndFormula} cannot be read: Participants!B3 holds more than 1,000,000 characters, far past Excel's 32,767.`);
  });
});

describe('addresses and rows', () => {
  it('reads column Z and digit 9, rows numbered with spaces, and rows without a number after the last', async () => {
    const r = await readAll(oneSheet('<row r="9"><c r="Z9"><v>1</v></c></row><row><c><v>2</v></c></row><row r=" 19 "><c r="z19"><v>3</v></c></row>'));
    expect(r.rows.A!.map((x) => [x.row, cellsOf(x)])).toEqual([[9, [[26, { value: 1 }]]], [10, [[1, { value: 2 }]]], [19, [[26, { value: 3 }]]]]);
  });

  it('refuses a row number followed by other characters', async () => {
    const file = oneSheet('<row r="7x"><c><v>1</v></c></row>', 'Attendance');
    expect(await refused(file)).toBe(`${file} cannot be read: sheet 'Attendance' has a row numbered "7x", which is not a row number.`);
  });

  it('hands over no row whose cells hold nothing, and joins rich-text runs of an inline string without what lies between them', async () => {
    const r = await readAll(oneSheet('<row r="1"><c r="A1" s="2"/><c r="B1" t="s"/><c r="C1"><v> </v></c></row><row r="2"><c r="A2" t="inlineStr"><is><r><t>An</t></r>\n <r><t>a</t></r></is></c></row>'));
    expect(r.rows.A!.map((x) => [x.row, cellsOf(x)])).toEqual([[2, [[1, { value: 'Ana' }]]]]);
  });

  it('reads text in CDATA, and a shared formula whose text is only spaces as a follower, its reference moved with it', async () => {
    const r = await readAll(oneSheet('<row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[<b>Ana</b>]]></t></is></c><c r="B1"><f t="shared" si="1">C1</f><v>1</v></c></row><row r="2"><c r="B2"><f t="shared" si="1"> </f><v>2</v></c></row>'));
    expect(r.rows.A!.map((x) => cellsOf(x))).toEqual([[[1, { value: '<b>Ana</b>' }], [2, { value: 1, formula: 'C1' }]], [[2, { value: 2, formula: 'C2' }]]]);
  });

  it('refuses a DOCTYPE in a worksheet, in one sentence ending with one full stop', async () => {
    const file = folder.workbook([{ sheet: 'People', xml: `<?xml version="1.0"?><!DOCTYPE worksheet><worksheet ${MAIN}><sheetData/></worksheet>` }]);
    expect(await refused(file)).toBe(`${file} could not be read as an Excel workbook: sheet 'People' (xl/worksheets/sheet1.xml) is not well-formed XML (it declares a DOCTYPE, which no workbook needs).`);
  });
});

describe('cellOf details', () => {
  it('reads booleans written 1 and 0, trims a shared-string index in its message, and takes an empty number cell without a type as empty', () => {
    expect(cellOf('b', '1', null, null, [])).toEqual({ value: true });
    expect(cellOf('b', '0', null, null, [])).toEqual({ value: false });
    expect(cellOf('s', ' 7 ', null, null, [])).toEqual({ value: null, error: 'a shared string the workbook does not hold (number 7)' });
    expect(cellOf(undefined, null, null, null, [])).toBeUndefined();
    expect(cellOf(undefined, null, 'A1', null, [])).toEqual({ value: null, formula: 'A1', noResult: true });
  });

  it('reads d cells: times with seconds and fractions, and keeps text that only contains a date or time', () => {
    expect(cellOf('d', '10:30:15.5', null, null, [])).toEqual({ value: new Date(Date.UTC(1899, 11, 30, 10, 30, 15, 500)) });
    expect(cellOf('d', '2026-05-27T09:45:30.25', null, null, [])).toEqual({ value: new Date(Date.UTC(2026, 4, 27, 9, 45, 30, 250)) });
    expect(cellOf('d', '2026-05-27T09:45+0200', null, null, [])).toEqual({ value: new Date(Date.UTC(2026, 4, 27, 9, 45)) });
    for (const t of ['x2026-05-27', '2026-05-27x', 'x10:30', '10:30x', '10:30:1', 'T10:30:15.', '10:30:ab']) expect(cellOf('d', t, null, null, [])).toEqual({ value: t });
  });
});

describe('relationships and sheets', () => {
  it('skips a relationship without a target or pointing outside the file, and finds the shared strings by type wherever listed', async () => {
    const file = folder.parts([
      { name: 'xl/workbook.xml', data: `<workbook ${MAIN}><sheets><sheet name="One" r:id="rId1"/><sheet name="Two" r:id="rId2"/></sheets></workbook>` },
      {
        name: 'xl/_rels/workbook.xml.rels',
        data: `<Relationships ${RELS}><Relationship Id="rIdS" Type="${R}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId1" Type="${R}/worksheet"/><Relationship Id="rId2" Type="${R}/worksheet" Target="http://example.org/two.xml" TargetMode="External"/><Relationship Id="rId3" Type="${R}/styles" Target="styles.xml"/></Relationships>`,
      },
      { name: 'xl/sharedStrings.xml', data: `<sst ${MAIN}><si><t>one</t></si><si><t>two</t></si></sst>` },
      { name: 'xl/worksheets/sheet1.xml', data: sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>') },
      { name: 'xl/worksheets/sheet2.xml', data: sheetXml('<row r="1"><c r="A1" t="s"><v>1</v></c></row>') },
    ]);
    const r = await readAll(file);
    expect([r.rows.One![0]!.cells[1], r.rows.Two![0]!.cells[1]]).toEqual([{ value: 'one' }, { value: 'two' }]);
  });

  it('refuses a sheet kept in a part the file lacks, and never opens a sheet the caller declines', async () => {
    const file = folder.parts([
      { name: 'xl/workbook.xml', data: `<workbook ${MAIN}><sheets><sheet name="Gone"/><sheet name="Broken"/></sheets></workbook>` },
      { name: 'xl/worksheets/sheet2.xml', data: '<worksheet><sheetData><row' },
    ]);
    expect(await refused(file)).toBe(`${file} is not an Excel workbook (.xlsx): sheet 'Gone' is kept in xl/worksheets/sheet1.xml, which the file does not hold.`);
    const seen: string[] = [];
    await readXlsx(file, { begin: () => {}, startSheet: (name) => (seen.push(name), false), row: () => {} });
    expect(seen).toEqual(['Gone', 'Broken']);
  });
});

describe('files left open', () => {
  it('reading a workbook, or refusing one part way, closes its zip every time', async () => {
    const fine = oneSheet('<row r="1"><c r="A1"><v>1</v></c></row>');
    const broken = folder.workbook([{ sheet: 'A', xml: '<worksheet><sheetData><row' }]);
    const close = vi.spyOn(yauzl.ZipFile.prototype, 'close');
    try {
      await readAll(fine);
      expect(close).toHaveBeenCalledTimes(1);
      await refused(broken);
      expect(close).toHaveBeenCalledTimes(2);
    } finally {
      close.mockRestore();
    }
  });
});
