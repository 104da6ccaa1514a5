// A worksheet part streamed row by row (ECMA-376 Part 1, 18.3: sheetData, row, c, v, f, is, t):
// cells placed by their address or after the cell before, shared formulas moved across and down,
// text read only where Excel keeps it. Expected rows worked out by hand.
import { afterAll, describe, expect, it } from 'vitest';
import { cellsOf, MAIN, readAll, refused, sheetXml, xlsxFolder } from '../../test/unit/xlsx-file.js';
import { cellOf } from './worksheet.js';

const folder = xlsxFolder();
afterAll(() => folder.remove());
const oneSheet = (rows: string, sheet = 'A') => folder.workbook([{ sheet, xml: sheetXml(rows) }]);
const rowsOf = async (file: string) => (await readAll(file)).rows.A!.map((r) => [r.row, cellsOf(r)]);

describe('where each cell goes', () => {
  it('puts a cell without an address just after the cell before it, and the first one of a row in column A', async () => {
    expect(await rowsOf(oneSheet('<row r="1"><c r="C1"><v>1</v></c><c><v>2</v></c><c><v>3</v></c></row><row r="2"><c><v>4</v></c><c r="E2"><v>5</v></c><c><v>6</v></c></row>'))).toEqual([
      [1, [[3, { value: 1 }], [4, { value: 2 }], [5, { value: 3 }]]],
      [2, [[1, { value: 4 }], [5, { value: 5 }], [6, { value: 6 }]]],
    ]);
  });

  it('counts rows without a number on from the row before, and starts at row 1', async () => {
    expect(await rowsOf(oneSheet('<row><c><v>1</v></c></row><row><c><v>2</v></c></row><row r="5"><c><v>5</v></c></row><row><c><v>6</v></c></row>'))).toEqual([
      [1, [[1, { value: 1 }]]], [2, [[1, { value: 2 }]]], [5, [[1, { value: 5 }]]], [6, [[1, { value: 6 }]]],
    ]);
  });

  it('refuses a row without a number that would come after Excel\'s last row', async () => {
    const file = oneSheet('<row r="1048576"><c><v>1</v></c></row><row><c><v>2</v></c></row>', 'Participants');
    expect(await refused(file)).toBe(`${file} cannot be read: Participants!A1048577 is past Excel's last row, 1,048,576.`);
  });

  it('names the cell past the limit of characters by its column, placed after the cell before it', async () => {
    const file = oneSheet(`<row r="4"><c r="B4"><v>1</v></c><c t="inlineStr"><is><t>${'x'.repeat(1_000_001)}</t></is></c></row>`, 'Participants');
    expect(await refused(file)).toBe(`${file} cannot be read: Participants!C4 holds more than 1,000,000 characters, far past Excel's 32,767.`);
  });
});

describe('text Excel keeps, and text it does not', () => {
  it('reads an inline string\'s text only inside its <is>', async () => {
    expect(await rowsOf(oneSheet('<row r="1"><c r="A1" t="inlineStr"><t>stray</t></c><c r="B1" t="inlineStr"><t>stray</t><is><t>kept</t></is></c><c r="C1" t="inlineStr"><t>stray</t></c></row>'))).toEqual([
      [1, [[1, { value: '' }], [2, { value: 'kept' }], [3, { value: '' }]]],
    ]);
  });

  it('reads cells, values and formulas only inside a row of sheetData, however long or odd what lies outside', async () => {
    const long = 'x'.repeat(1_000_001);
    const xml = `<?xml version="1.0"?><worksheet ${MAIN}><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><extLst><c r="not a cell"><v>${long}</v><f>${long}</f></c></extLst></worksheet>`;
    expect((await readAll(folder.workbook([{ sheet: 'A', xml }]))).rows.A!.map((r) => [r.row, cellsOf(r)])).toEqual([[1, [[1, { value: 1 }]]]]);
  });

  it('keeps a cell\'s parts from running into the next cell: each cell starts without value, formula or text', async () => {
    expect(await rowsOf(oneSheet('<row r="1"><c r="A1" t="inlineStr"><f>"a"</f><is><t>a</t></is></c><c r="B1" t="inlineStr"/><c r="C1"><v>4</v></c><c r="D1"/></row>'))).toEqual([
      [1, [[1, { value: 'a', formula: '"a"' }], [2, { value: '' }], [3, { value: 4 }]]],
    ]);
  });
});

describe('shared formulas', () => {
  it('move their references across and down from the cell that holds the formula', async () => {
    const rows = await rowsOf(oneSheet(
      '<row r="2"><c r="B2"><f t="shared" si="0" ref="B2:D3">A2*2</f><v>1</v></c><c r="C2"><f t="shared" si="0"/><v>2</v></c><c r="D2"><f t="shared" si="0"/><v>3</v></c></row>' +
        '<row r="3"><c r="B3"><f t="shared" si="0"/><v>4</v></c><c r="D3"><f t="shared" si="0"/><v>5</v></c></row>',
    ));
    expect(rows).toEqual([
      [2, [[2, { value: 1, formula: 'A2*2' }], [3, { value: 2, formula: 'B2*2' }], [4, { value: 3, formula: 'C2*2' }]]],
      [3, [[2, { value: 4, formula: 'A3*2' }], [4, { value: 5, formula: 'C3*2' }]]],
    ]);
  });

  it('follow only a formula marked shared: a formula with an index but no shared mark is no shared formula', async () => {
    const rows = await rowsOf(oneSheet('<row r="1"><c r="A1"><f si="1">B1</f><v>1</v></c></row><row r="2"><c r="A2"><f t="shared" si="1"/><v>2</v></c></row>'));
    expect(rows).toEqual([[1, [[1, { value: 1, formula: 'B1' }]]], [2, [[1, { value: 2, formula: '' }]]]]);
  });

  it('keep each index apart', async () => {
    const rows = await rowsOf(oneSheet(
      '<row r="1"><c r="A1"><f t="shared" si="0">C1</f><v>1</v></c><c r="B1"><f t="shared" si="1">C1+1</f><v>2</v></c></row>' +
        '<row r="2"><c r="A2"><f t="shared" si="1"/><v>3</v></c><c r="B2"><f t="shared" si="0"/><v>4</v></c></row>',
    ));
    expect(rows).toEqual([
      [1, [[1, { value: 1, formula: 'C1' }], [2, { value: 2, formula: 'C1+1' }]]],
      [2, [[1, { value: 3, formula: 'B2+1' }], [2, { value: 4, formula: 'D2' }]]],
    ]);
  });
});

describe('a worksheet written with line breaks and indents between its tags', () => {
  it('reads as the same worksheet written on one line', async () => {
    const pretty = '\n  <row r="1">\n    <c r="A1" t="str">\n      <f>B1</f>\n      <v>Ana</v>\n    </c>\n    <c r="B1" t="inlineStr">\n      <is>\n        <r><t>Jo</t></r>\n        <r><t>sé</t></r>\n      </is>\n    </c>\n  </row>\n';
    expect(await rowsOf(oneSheet(pretty))).toEqual([[1, [[1, { value: 'Ana', formula: 'B1' }], [2, { value: 'José' }]]]]);
  });
});

describe('formulas that are no followers', () => {
  it('an empty formula element, or one marked shared without an index, is no follower of the formula before it', async () => {
    const rows = await rowsOf(oneSheet('<row r="1"><c r="A1"><f>B1</f><v>1</v></c></row><row r="2"><c r="A2"><f></f><v>2</v></c><c r="B2"><f t="shared"/><v>3</v></c></row>'));
    expect(rows).toEqual([[1, [[1, { value: 1, formula: 'B1' }]]], [2, [[1, { value: 2, formula: '' }], [2, { value: 3, formula: '' }]]]]);
  });
});

describe('cellOf, blank values', () => {
  it('takes a blank value of a shared string, a date or a true/false cell as an empty cell, or as a formula without result', () => {
    const strings = ['zero'];
    expect([cellOf('s', ' ', null, null, strings), cellOf('d', '  ', null, null, strings), cellOf('b', ' ', null, null, strings)]).toEqual([undefined, undefined, undefined]);
    expect(cellOf('s', '', 'A1', null, strings)).toEqual({ value: null, formula: 'A1', noResult: true });
    expect(cellOf('d', '', 'TODAY()', null, strings)).toEqual({ value: null, formula: 'TODAY()', noResult: true });
    expect(cellOf('b', ' ', 'X1', null, strings)).toEqual({ value: null, formula: 'X1', noResult: true });
  });

  it('reads a formula\'s text result with its escapes decoded, and an empty one as empty text', () => {
    expect(cellOf('str', 'A_x000D_', 'B1&"x"', null, [])).toEqual({ value: 'A\r', formula: 'B1&"x"' });
    expect(cellOf('str', '', 'C1', null, [])).toEqual({ value: '', formula: 'C1' });
    expect(cellOf('str', '', null, null, [])).toEqual({ value: '' });
  });

  it('reads ISO dates and times with seconds but no fraction, and fractions of several digits', () => {
    expect(cellOf('d', '2026-05-27T09:45:30', null, null, [])).toEqual({ value: new Date(Date.UTC(2026, 4, 27, 9, 45, 30)) });
    expect(cellOf('d', 'T10:30:15', null, null, [])).toEqual({ value: new Date(Date.UTC(1899, 11, 30, 10, 30, 15)) });
    expect(cellOf('d', '10:30:15.25', null, null, [])).toEqual({ value: new Date(Date.UTC(1899, 11, 30, 10, 30, 15, 250)) });
  });
});
