// The workbook reader's cell parsing on small zips written byte by byte: every cell type Excel and
// other writers use, formulas and their cached results, rows and cells without addresses, parts
// found through relationships, and what it refuses, each with one sentence naming the part.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RawRow } from '../../pipeline/core/raw.js';
import { ExpectedError } from '../../pipeline/errors.js';
import { readMeetingFile } from '../../pipeline/read-workbook.js';
import { cellOf, readXlsx } from '../../pipeline/xlsx-reader.js';
import { tempDir } from '../fixtures/build-workbook.js';
import { zip } from '../fixtures/hostile/zip.js';

const dir = tempDir('att-xlsx-reader-');
let n = 0;

const MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

interface Part {
  readonly name: string;
  /** The relationship target written for it (defaults to its name relative to xl/). */
  readonly target?: string;
  readonly xml: string;
}

/** A workbook of these sheets (name, part), with a shared-string table when given. */
function workbook(sheets: readonly (Part & { sheet: string })[], options: { sharedStrings?: string[]; date1904?: boolean; extra?: { name: string; data: string }[] } = {}): string {
  const list = sheets.map((s, i) => `<sheet name="${s.sheet}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  const rels = sheets.map((s, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="${s.target ?? s.name.replace(/^xl\//, '')}"/>`).join('');
  const sst = options.sharedStrings;
  const entries = [
    { name: 'xl/workbook.xml', data: `<?xml version="1.0"?><workbook ${MAIN}>${options.date1904 ? '<workbookPr date1904="1"/>' : '<workbookPr/>'}<sheets>${list}</sheets></workbook>` },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}${sst ? `<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : ''}</Relationships>`,
    },
    ...(sst ? [{ name: 'xl/sharedStrings.xml', data: `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${sst.join('')}</sst>` }] : []),
    ...sheets.map((s) => ({ name: s.name, data: s.xml })),
    ...(options.extra ?? []),
  ];
  const file = path.join(dir, `w-${++n}.xlsx`);
  writeFileSync(file, zip(entries.map((e) => ({ name: e.name, data: Buffer.from(e.data, 'utf8') }))));
  return file;
}

const sheetXml = (rows: string) => `<?xml version="1.0"?><worksheet ${MAIN}><sheetData>${rows}</sheetData></worksheet>`;

/** Every row of every sheet the reader hands over (only what `want` accepts is read). */
async function read(file: string, want: (name: string) => boolean = () => true): Promise<{ date1904: boolean; sheets: string[]; rows: Record<string, RawRow[]> }> {
  const rows: Record<string, RawRow[]> = {};
  let current = '';
  let info = { date1904: false, sheets: [] as string[] };
  await readXlsx(file, {
    begin: (w) => {
      info = { date1904: w.date1904, sheets: [...w.sheets] };
    },
    startSheet: (name) => {
      current = name;
      if (want(name)) rows[name] = [];
      return want(name);
    },
    row: (row) => rows[current]!.push(row),
  });
  return { ...info, rows };
}

/** A row's cells as [column, cell] pairs (the cells array is sparse). */
const cells = (row: RawRow | undefined) => Object.entries(row?.cells ?? {}).map(([col, cell]) => [Number(col), cell]);

describe('cells', () => {
  it('reads shared strings (plain, rich runs, phonetic runs left out), inline strings, booleans, errors, numbers and ISO dates', async () => {
    const file = workbook(
      [{
        sheet: 'Cells', name: 'xl/worksheets/sheet1.xml',
        xml: sheetXml(
          '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t xml:space="preserve"> Inline </t></is></c>' +
            '<c r="D1" t="inlineStr"><is><r><t>In</t></r><r><rPr><b/></rPr><t>line</t></r></is></c><c r="E1" t="b"><v>1</v></c><c r="F1" t="b"><v>0</v></c>' +
            '<c r="G1" t="e"><v>#N/A</v></c><c r="H1"><v>46169</v></c><c r="I1" t="n"><v>0.4375</v></c><c r="J1" t="d"><v>2026-05-27T09:45:00</v></c>' +
            '<c r="K1" s="3"/><c r="L1" t="s"><v>2</v></c></row>',
        ),
      }],
      { sharedStrings: ['<si><t>Plain &amp; simple</t></si>', '<si><r><t>An</t></r><r><rPr><b/></rPr><t>a</t></r><rPh sb="0" eb="1"><t>アナ</t></rPh></si>', '<si><t>Camille</t><rPh sb="0" eb="1"><t>カミーユ</t></rPh></si>'] },
    );
    const { rows } = await read(file);
    expect(rows.Cells).toHaveLength(1);
    expect(rows.Cells![0]!.row).toBe(1);
    expect(cells(rows.Cells![0])).toEqual([
      [1, { value: 'Plain & simple' }],
      [2, { value: 'Ana' }],
      [3, { value: ' Inline ' }],
      [4, { value: 'Inline' }],
      [5, { value: true }],
      [6, { value: false }],
      [7, { value: null, error: '#N/A' }],
      [8, { value: 46169 }],
      [9, { value: 0.4375 }],
      // 09:45 on 27 May 2026, as a moment at UTC (the readers take a Date's UTC fields).
      [10, { value: new Date(Date.UTC(2026, 4, 27, 9, 45)) }],
      // K1 holds only a style: an empty cell.
      [12, { value: 'Camille' }],
    ]);
  });

  it('reads formulas with their cached results, shared formulas with the first cell\'s text moved to their own cell', async () => {
    const file = workbook([{
      sheet: 'Formulas', name: 'xl/worksheets/sheet1.xml',
      xml: sheetXml(
        '<row r="2"><c r="A2"><f>B2-B2</f><v>0</v></c><c r="B2" t="str"><f>"An"&amp;"a"</f><v>Ana</v></c><c r="C2" t="e"><f>NA()</f><v>#N/A</v></c>' +
          '<c r="D2" t="b"><f>TRUE()</f><v>1</v></c><c r="E2"><f>TODAY()</f></c></row>' +
          '<row r="3"><c r="A3"><f t="shared" ref="A3:A4" si="0">B3+1</f><v>2</v></c></row><row r="4"><c r="A4"><f t="shared" si="0"/><v>3</v></c></row>',
      ),
    }]);
    const { rows } = await read(file);
    expect(rows.Formulas!.map((r) => [r.row, cells(r)])).toEqual([
      [2, [
        [1, { value: 0, formula: 'B2-B2' }],
        [2, { value: 'Ana', formula: '"An"&"a"' }],
        [3, { value: null, formula: 'NA()', error: '#N/A' }],
        [4, { value: true, formula: 'TRUE()' }],
        // Never calculated: a formula without a cached result, marked as such.
        [5, { value: null, formula: 'TODAY()', noResult: true }],
      ]],
      [3, [[1, { value: 2, formula: 'B3+1' }]]],
      // A4 shares A3's B3+1: Excel shows it as B4+1 there.
      [4, [[1, { value: 3, formula: 'B4+1' }]]],
    ]);
  });

  it('gives rows and cells without an address the next position, and keeps row numbers as written', async () => {
    const file = workbook([{
      sheet: 'Odd', name: 'xl/worksheets/sheet1.xml',
      xml: sheetXml(
        '<row r="3"><c r="B3"><v>1</v></c><c><v>2</v></c></row>' + // C3
          '<row><c><v>3</v></c><c><v>4</v></c></row>' + // row 4: A4, B4
          '<row r="9"><c r="A9"><v>5</v></c></row><row r="6"><c r="A6"><v>6</v></c></row>' + // going backwards: as written
          '<row r="10"></row><row r="11"><c r="A11" s="1"/></row>', // rows with no value are not handed over
      ),
    }]);
    const { rows } = await read(file);
    expect(rows.Odd!.map((r) => [r.row, cells(r).map(([c, cell]) => [c, (cell as { value: number }).value])])).toEqual([
      [3, [[2, 1], [3, 2]]],
      [4, [[1, 3], [2, 4]]],
      [9, [[1, 5]]],
      [6, [[1, 6]]],
    ]);
  });

  it('reads tags written with a namespace prefix (x:row, x:c)', async () => {
    const file = workbook([{
      sheet: 'Prefixed', name: 'xl/worksheets/sheet1.xml',
      xml: '<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>P1</x:t></x:is></x:c><x:c r="B1"><x:v>7</x:v></x:c></x:row></x:sheetData></x:worksheet>',
    }]);
    const { rows } = await read(file);
    expect(cells(rows.Prefixed![0])).toEqual([[1, { value: 'P1' }], [2, { value: 7 }]]);
  });

  it('marks, at its cell, a shared string the table does not hold and text in a number cell', () => {
    expect(cellOf('s', '99', null, null, ['only one'])).toEqual({ value: null, error: 'a shared string the workbook does not hold (number 99)' });
    expect(cellOf(undefined, 'Otieno', null, null, [])).toEqual({ value: null, error: '"Otieno" in a number cell' });
    expect(cellOf('b', 'yes', null, null, [])).toEqual({ value: null, error: '"yes" in a true/false cell' });
    expect(cellOf('d', '10:30:00', null, null, [])).toEqual({ value: new Date(Date.UTC(1899, 11, 30, 10, 30)) });
    expect(cellOf(undefined, null, null, null, [])).toBeUndefined();
  });
});

describe('parts', () => {
  it('finds sheets through the relationships, absolute from the package root or named otherwise, in the workbook\'s order, with the 1904 date system', async () => {
    const one = sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>');
    const two = sheetXml('<row r="1"><c r="A1"><v>2</v></c></row>');
    const file = workbook(
      [
        { sheet: 'Second part first', name: 'xl/worksheets/attendance.xml', target: '/xl/worksheets/attendance.xml', xml: two },
        { sheet: 'First', name: 'xl/worksheets/sheet1.xml', target: './worksheets/sheet1.xml', xml: one },
      ],
      { date1904: true },
    );
    const r = await read(file);
    expect(r.date1904).toBe(true);
    expect(r.sheets).toEqual(['Second part first', 'First']);
    expect(r.rows['Second part first']![0]!.cells[1]).toEqual({ value: 2 });
    expect(r.rows.First![0]!.cells[1]).toEqual({ value: 1 });
  });

  it('never inflates a sheet the caller does not want (even a broken one)', async () => {
    const file = workbook([
      { sheet: 'Notes', name: 'xl/worksheets/sheet1.xml', xml: '<worksheet><sheetData><row' },
      { sheet: 'Data', name: 'xl/worksheets/sheet2.xml', xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>') },
    ]);
    const r = await read(file, (name) => name === 'Data');
    expect(Object.keys(r.rows)).toEqual(['Data']);
    expect(r.rows.Data).toHaveLength(1);
  });

  const refused = async (file: string): Promise<string> => {
    const e = await read(file).then(() => undefined, (err: unknown) => err);
    expect(e).toBeInstanceOf(ExpectedError);
    const message = (e as ExpectedError).message;
    expect(message).toContain(file);
    expect(message).not.toMatch(/\.\.$/);
    return message;
  };

  it('refuses an entity XML does not define, naming the sheet and its part', async () => {
    const file = workbook([{ sheet: 'Participants', name: 'xl/worksheets/sheet1.xml', xml: sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>') }]);
    expect(await refused(file)).toMatch(/could not be read as an Excel workbook: sheet 'Participants' \(xl\/worksheets\/sheet1\.xml\) is not well-formed XML \(.*entity.*\)\.$/);
  });

  it('refuses a DOCTYPE in the workbook part', async () => {
    const doctype = path.join(dir, `doctype-${++n}.xlsx`);
    writeFileSync(doctype, zip([
      { name: 'xl/workbook.xml', data: Buffer.from(`<?xml version="1.0"?><!DOCTYPE workbook [<!ENTITY a "b">]><workbook ${MAIN}><sheets/></workbook>`) },
    ]));
    expect(await refused(doctype)).toMatch(/xl\/workbook\.xml is not well-formed XML \(it declares a DOCTYPE, which no workbook needs\)\.$/);
  });

  it('refuses a sheet whose part the zip does not hold', async () => {
    const file = workbook([{ sheet: 'Attendance', name: 'xl/worksheets/sheet1.xml', target: 'worksheets/missing.xml', xml: sheetXml('') }]);
    expect(await refused(file)).toMatch(/sheet 'Attendance' is kept in xl\/worksheets\/missing\.xml, which the file does not hold\.$/);
  });

  it('refuses a cell address that is not one', async () => {
    const file = workbook([{ sheet: 'Attendance', name: 'xl/worksheets/sheet1.xml', xml: sheetXml('<row r="1"><c r="1A"><v>1</v></c></row>') }]);
    expect(await refused(file)).toMatch(/cannot be read: sheet 'Attendance' has a cell address "1A" that is not one Excel can hold\.$/);
  });

  it('refuses a cell or shared string far longer than Excel holds, naming it, before building it whole', async () => {
    const long = 'x'.repeat(1_000_001);
    const cell = workbook([{ sheet: 'Participants', name: 'xl/worksheets/sheet1.xml', xml: sheetXml(`<row r="2"><c r="A2"><v>1</v></c><c r="C2" t="inlineStr"><is><t>${long}</t></is></c></row>`) }]);
    expect(await refused(cell)).toMatch(/cannot be read: Participants!C2 holds more than 1,000,000 characters, far past Excel's 32,767\.$/);
    const shared = workbook([{ sheet: 'A', name: 'xl/worksheets/sheet1.xml', xml: sheetXml('') }], { sharedStrings: ['<si><t>fine</t></si>', `<si><t>${long}</t></si>`] });
    expect(await refused(shared)).toMatch(/cannot be read: shared string 1 of xl\/sharedStrings\.xml holds more than 1,000,000 characters/);
  });

  it('passes an exception of the caller\'s own through as itself', async () => {
    const file = workbook([{ sheet: 'A', name: 'xl/worksheets/sheet1.xml', xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>') }]);
    const e = await readXlsx(file, { begin: () => {}, startSheet: () => true, row: () => { throw new RangeError('ours'); } }).then(() => undefined, (err: unknown) => err);
    expect(e).toBeInstanceOf(RangeError);
  });
});

describe('readMeetingFile progress', () => {
  it('reports at the start of each contract sheet and every 10,000 rows, and nothing for other sheets', async () => {
    const rows = Array.from({ length: 25_000 }, (_, i) => `<row r="${i + 2}"><c r="A${i + 2}" t="inlineStr"><is><t>P${i}</t></is></c></row>`).join('');
    const file = workbook([
      { sheet: 'Notes', name: 'xl/worksheets/sheet1.xml', xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>') },
      { sheet: 'Attendance', name: 'xl/worksheets/sheet2.xml', xml: sheetXml(`<row r="1"><c r="A1" t="inlineStr"><is><t>Participant ID</t></is></c></row>${rows}`) },
    ]);
    const seen: string[] = [];
    await readMeetingFile(file, { onProgress: (p) => seen.push(`${p.sheet} ${p.rows}`) });
    // 25,001 rows with the header: progress at 10,000 and 20,000.
    expect(seen).toEqual(['Attendance 0', 'Attendance 10000', 'Attendance 20000']);
  });
});
