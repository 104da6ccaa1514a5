// The workbook reader (readXlsx, cellOf, resolveTarget) on small zips written byte by byte: cell
// types one by one, parts found by relationship or by default name, prefixes, addresses at Excel's
// edges (XFD, row 1,048,576) and the sentence for each part it refuses. Expected values by hand;
// the part layout follows ECMA-376 Part 1 (SpreadsheetML: workbook, sheet, sst, c, v, f, is).
import { afterAll, describe, expect, it } from 'vitest';
import { cellOf, MAX_CELL_CHARS, MAX_COLUMN, MAX_ROW, readXlsx, resolveTarget } from '../../pipeline/xlsx-reader.js';
import { deflated } from '../fixtures/hostile/zip.js';
import { cellsOf, MAIN, readAll, refused, sheetXml, xlsxFolder } from './xlsx-file.js';

const folder = xlsxFolder();
afterAll(() => folder.remove());
const RELS = 'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"';
const WS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';

const oneSheet = (rows: string, sheet = 'A') => folder.workbook([{ sheet, xml: sheetXml(rows) }]);


describe('cellOf, one type at a time', () => {
  it('shared strings: by index, with or without a formula; an index the table lacks is an error at the cell', () => {
    const strings = ['zero', 'one'];
    expect(cellOf('s', '1', null, null, strings)).toEqual({ value: 'one' });
    expect(cellOf('s', ' 0 ', 'A1', null, strings)).toEqual({ value: 'zero', formula: 'A1' });
    expect(cellOf('s', null, null, null, strings)).toBeUndefined();
    expect(cellOf('s', null, 'A1', null, strings)).toEqual({ value: null, formula: 'A1', noResult: true });
    expect(cellOf('s', '-1', null, null, strings)).toEqual({ value: null, error: 'a shared string the workbook does not hold (number -1)' });
    expect(cellOf('s', '0.5', 'B2', null, strings)).toEqual({ value: null, formula: 'B2', error: 'a shared string the workbook does not hold (number 0.5)' });
    expect(cellOf('s', '2', null, null, strings)).toEqual({ value: null, error: 'a shared string the workbook does not hold (number 2)' });
  });

  it('formula strings, inline strings (text runs, else the value), booleans and errors', () => {
    expect(cellOf('str', 'Ana', null, null, [])).toEqual({ value: 'Ana' });
    expect(cellOf('str', null, 'X1', null, [])).toEqual({ value: null, formula: 'X1', noResult: true });
    expect(cellOf('str', null, null, null, [])).toEqual({ value: '' });
    expect(cellOf('inlineStr', 'v', null, 'runs', [])).toEqual({ value: 'runs' });
    expect(cellOf('inlineStr', 'v', 'F', null, [])).toEqual({ value: 'v', formula: 'F' });
    expect(cellOf('inlineStr', null, null, null, [])).toEqual({ value: '' });
    expect(cellOf('b', ' TRUE ', null, null, [])).toEqual({ value: true });
    expect(cellOf('b', 'false', 'NOT(1)', null, [])).toEqual({ value: false, formula: 'NOT(1)' });
    expect(cellOf('b', null, null, null, [])).toBeUndefined();
    expect(cellOf('b', null, 'X', null, [])).toEqual({ value: null, formula: 'X', noResult: true });
    expect(cellOf('b', '2', 'X', null, [])).toEqual({ value: null, formula: 'X', error: '"2" in a true/false cell' });
    expect(cellOf('e', ' #DIV/0! ', null, null, [])).toEqual({ value: null, error: '#DIV/0!' });
    expect(cellOf('e', null, 'Y', null, [])).toEqual({ value: null, formula: 'Y', error: '#VALUE!' });
    expect(cellOf('e', '  ', null, null, [])).toEqual({ value: null, error: '#VALUE!' });
  });

  it('ISO dates (d): a date, a date and time (any zone ignored), a time alone; other text kept as text', () => {
    expect(cellOf('d', '2026-05-27', null, null, [])).toEqual({ value: new Date(Date.UTC(2026, 4, 27)) });
    expect(cellOf('d', ' 2026-05-27T09:45:30.5+02:00 ', 'NOW()', null, [])).toEqual({ value: new Date(Date.UTC(2026, 4, 27, 9, 45, 30, 500)), formula: 'NOW()' });
    expect(cellOf('d', '2026-05-27T09:45Z', null, null, [])).toEqual({ value: new Date(Date.UTC(2026, 4, 27, 9, 45)) });
    expect(cellOf('d', 'T10:30', null, null, [])).toEqual({ value: new Date(Date.UTC(1899, 11, 30, 10, 30)) });
    expect(cellOf('d', '2026-13-45', null, null, [])).toEqual({ value: '2026-13-45' });
    expect(cellOf('d', ' soon ', null, null, [])).toEqual({ value: 'soon' });
    expect(cellOf('d', null, null, null, [])).toBeUndefined();
    expect(cellOf('d', null, 'TODAY()', null, [])).toEqual({ value: null, formula: 'TODAY()', noResult: true });
  });

  it('numbers (no type, or n): blank is empty, text is an error at the cell', () => {
    expect(cellOf(undefined, ' 3.25 ', null, null, [])).toEqual({ value: 3.25 });
    expect(cellOf('n', '1E3', 'B1*10', null, [])).toEqual({ value: 1000, formula: 'B1*10' });
    expect(cellOf('n', '  ', null, null, [])).toBeUndefined();
    expect(cellOf('n', '', 'Z9', null, [])).toEqual({ value: null, formula: 'Z9', noResult: true });
    expect(cellOf(undefined, 'Infinity', null, null, [])).toEqual({ value: null, error: '"Infinity" in a number cell' });
    expect(cellOf(undefined, ' x ', 'Q', null, [])).toEqual({ value: null, formula: 'Q', error: '"x" in a number cell' });
  });
});

describe('resolveTarget', () => {
  it('resolves relative to xl/, or from the package root when it starts with a slash, with backslashes as slashes', () => {
    expect(resolveTarget('worksheets/sheet1.xml')).toBe('xl/worksheets/sheet1.xml');
    expect(resolveTarget(' ./worksheets/sheet1.xml ')).toBe('xl/worksheets/sheet1.xml');
    expect(resolveTarget('/xl/worksheets/../worksheets/s.xml')).toBe('xl/worksheets/s.xml');
    expect(resolveTarget('worksheets\\sheet2.xml')).toBe('xl/worksheets/sheet2.xml');
    expect(resolveTarget('../custom/s.xml')).toBe('custom/s.xml');
  });
});

describe('readXlsx', () => {
  it('reads the edges of the grid: XFD and row 1,048,576; refuses a column or row one past them', async () => {
    expect([MAX_ROW, MAX_COLUMN, MAX_CELL_CHARS]).toEqual([1_048_576, 16_384, 1_000_000]);
    const edge = await readAll(oneSheet('<row r="1048576"><c r="XFD1048576"><v>1</v></c><c r="a1048576"><v>2</v></c></row>'));
    expect(edge.rows.A!.map((r) => [r.row, cellsOf(r)])).toEqual([[1_048_576, [[1, { value: 2 }], [16_384, { value: 1 }]]]]);
    const col = oneSheet('<row r="1"><c r="XFE1"><v>1</v></c></row>', 'Participants');
    expect(await refused(col)).toBe(`${col} cannot be read: Participants!XFE1 is past Excel's last column, XFD.`);
    const row = oneSheet('<row r="1048577"><c r="A1"><v>1</v></c></row>', 'Sheet one');
    expect(await refused(row)).toBe(`${row} cannot be read: 'Sheet one'!A1048577 is past Excel's last row, 1,048,576.`);
    const cell = oneSheet('<row r="1"><c r="b1048577"><v>1</v></c></row>', 'Participants');
    expect(await refused(cell)).toBe(`${cell} cannot be read: Participants!B1048577 is past Excel's last row, 1,048,576.`);
  });

  it('refuses cell addresses without letters, without digits or with other characters, and a row number that is not one', async () => {
    for (const ref of ['12', 'AB', 'A1B', 'A-1', 'Ä1']) {
      const file = oneSheet(`<row r="1"><c r="${ref}"><v>1</v></c></row>`, 'Attendance');
      expect(await refused(file)).toBe(`${file} cannot be read: sheet 'Attendance' has a cell address "${ref}" that is not one Excel can hold.`);
    }
    const file = oneSheet('<row r="x2"><c><v>1</v></c></row>', 'Attendance');
    expect(await refused(file)).toBe(`${file} cannot be read: sheet 'Attendance' has a row numbered "x2", which is not a row number.`);
    expect((await readAll(oneSheet('<row r=" 7 "><c><v>1</v></c></row>'))).rows.A!.map((r) => r.row)).toEqual([7]);
  });

  it('ignores rows outside sheetData and cells outside rows; keeps phonetic runs out of inline text', async () => {
    const xml = `<?xml version="1.0"?><worksheet ${MAIN}><sheetPr><row r="99"><c r="A99"><v>9</v></c></row></sheetPr><c r="B1"><v>8</v></c><sheetData>` +
      '<row r="2"><c r="A2" t="inlineStr"><is><r><t>Ana</t></r><rPh><t>アナ</t></rPh><r><t>!</t></r></is></c></row></sheetData>' +
      '<mergeCells><row r="50"><c r="A50"><v>5</v></c></row></mergeCells></worksheet>';
    const r = await readAll(folder.workbook([{ sheet: 'A', xml }]));
    expect(r.rows.A!.map((x) => [x.row, cellsOf(x)])).toEqual([[2, [[1, { value: 'Ana!' }]]]]);
  });

  it('gives each follower of a shared formula its own text (references moved with it), and a follower of an unknown index an empty formula', async () => {
    const r = await readAll(oneSheet(
      '<row r="1"><c r="A1"><f t="shared" si="3" ref="A1:A3">B1*2</f><v>2</v></c><c r="B1"><f t="shared" si="4"/><v>5</v></c></row>' +
        '<row r="2"><c r="A2"><f t="shared" si="3"></f><v>4</v></c><c r="B2"><f>C2</f><v>1</v></c></row>',
    ));
    expect(r.rows.A!.map((x) => cellsOf(x))).toEqual([
      [[1, { value: 2, formula: 'B1*2' }], [2, { value: 5, formula: '' }]],
      [[1, { value: 4, formula: 'B2*2' }], [2, { value: 1, formula: 'C2' }]],
    ]);
  });

  it('finds a sheet whose relationship is missing by its default part name, and part names whatever their case', async () => {
    const file = folder.parts([
      { name: 'xl/workbook.xml', data: `<workbook ${MAIN}><sheets><sheet name="One" r:id="rId9"/><sheet name="Two"/></sheets></workbook>` },
      { name: 'xl/_rels/workbook.xml.rels', data: `<Relationships ${RELS}><Relationship Id="rId9" Type="${WS}" Target="Worksheets/ONE.xml"/><Relationship Id="rIdX" Type="${WS}" Target="http://example.org/x.xml" TargetMode="External"/></Relationships>` },
      { name: 'xl/worksheets/one.xml', data: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>') },
      { name: 'xl/worksheets/sheet2.xml', data: sheetXml('<row r="1"><c r="A1"><v>2</v></c></row>') },
    ]);
    const r = await readAll(file);
    expect(r.sheets).toEqual(['One', 'Two']);
    expect([r.rows.One![0]!.cells[1], r.rows.Two![0]!.cells[1]]).toEqual([{ value: 1 }, { value: 2 }]);
  });

  it('reads a workbook without relationships or shared strings, with every tag and attribute under a prefix', async () => {
    const file = folder.parts([
      { name: 'xl/workbook.xml', data: '<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:rr="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:workbookPr date1904="1"/><x:sheets><x:sheet name="P" rr:id="rId1"/></x:sheets></x:workbook>' },
      { name: 'xl/worksheets/sheet1.xml', data: '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="3"><x:c r="C3" t="inlineStr"><x:is><x:t>Hi</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>' },
    ]);
    const r = await readAll(file);
    expect(r).toEqual({ date1904: true, sheets: ['P'], rows: { P: [{ row: 3, cells: expect.anything() }] } });
    expect(cellsOf(r.rows.P![0])).toEqual([[3, { value: 'Hi' }]]);
  });

  it('finds the shared strings through their relationship, wherever they are kept', async () => {
    const file = folder.parts([
      { name: 'xl/workbook.xml', data: `<workbook ${MAIN}><sheets><sheet name="S" r:id="rId1"/></sheets></workbook>` },
      { name: 'xl/_rels/workbook.xml.rels', data: `<Relationships ${RELS}><Relationship Id="rId1" Type="${WS}" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="/strings/table.xml"/></Relationships>` },
      { name: 'strings/table.xml', data: `<sst ${MAIN}><si><t>kept elsewhere</t></si><si/></sst>` },
      { name: 'xl/worksheets/sheet1.xml', data: sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>') },
    ]);
    expect(cellsOf((await readAll(file)).rows.S![0])).toEqual([[1, { value: 'kept elsewhere' }], [2, { value: '' }]]);
  });

  it('refuses a part that is not deflate data, and one that inflates past its declared size, naming the part', async () => {
    const damaged = folder.parts([
      { name: 'xl/workbook.xml', data: `<workbook ${MAIN}><sheets><sheet name="S"/></sheets></workbook>` },
    ]);
    // Rewrite the workbook part's body with bytes that are not deflate data.
    const { readFileSync, writeFileSync } = await import('node:fs');
    const bytes = readFileSync(damaged);
    bytes.fill(0xff, 30 + 'xl/workbook.xml'.length, 30 + 'xl/workbook.xml'.length + 8);
    writeFileSync(damaged, bytes);
    expect(await refused(damaged)).toMatch(new RegExp(`^${damaged.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is not an Excel workbook \\(\\.xlsx\\): xl/workbook\\.xml is damaged \\(.+\\)\\.$`));
    const xml = sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>');
    const { zip } = await import('../fixtures/hostile/zip.js');
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const dir = mkdtempSync(path.join(tmpdir(), 'att-unit-bomb-'));
    try {
      const bomb = path.join(dir, 'bomb.xlsx');
      writeFileSync(bomb, zip([
        { name: 'xl/workbook.xml', data: `<workbook ${MAIN}><sheets><sheet name="S"/></sheets></workbook>` },
        { name: 'xl/worksheets/sheet1.xml', data: '', deflated: { ...deflated(xml), size: 20 } },
      ]));
      expect(await refused(bomb)).toBe(`${bomb} is refused: xl/worksheets/sheet1.xml inflates past the size its zip directory declares (a zip bomb?).`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses XML that is not well-formed in the relationships and the shared strings, naming the part', async () => {
    const rels = folder.parts([
      { name: 'xl/workbook.xml', data: `<workbook ${MAIN}><sheets/></workbook>` },
      { name: 'xl/_rels/workbook.xml.rels', data: '<Relationships><Relationship Id="a"></Relationships>' },
    ]);
    expect(await refused(rels)).toMatch(/could not be read as an Excel workbook: xl\/_rels\/workbook\.xml\.rels is not well-formed XML \(.+\)\.$/);
    const sst = folder.workbook([{ sheet: 'A', xml: sheetXml('') }], { sharedStrings: ['<si><t>open'] });
    expect(await refused(sst)).toMatch(/could not be read as an Excel workbook: xl\/sharedStrings\.xml is not well-formed XML \(.+\)\.$/);
  });

  it('passes exceptions from the visitor\'s begin and startSheet through as themselves, and reads nothing after', async () => {
    const file = oneSheet('<row r="1"><c r="A1"><v>1</v></c></row>');
    const begin = await readXlsx(file, { begin: () => { throw new TypeError('begin'); }, startSheet: () => true, row: () => {} }).then(() => undefined, (e: unknown) => e);
    expect(begin).toEqual(new TypeError('begin'));
    const start = await readXlsx(file, { begin: () => {}, startSheet: () => { throw new SyntaxError('start'); }, row: () => {} }).then(() => undefined, (e: unknown) => e);
    expect(start).toEqual(new SyntaxError('start'));
  });
});
